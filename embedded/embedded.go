// Package embedded runs a real Neo4j Community server (5.26) for amicus when the
// user configures no Neo4j server of their own.
//
// Neo4j runs embedded in a small Java launcher (the Maven project in launcher/),
// which serves it over Bolt on a loopback address with authentication disabled.
// The launcher's sources are embedded in the amicus binary; on first use they are
// built with Maven into the user's cache directory, once per launcher version.
// So running it needs java (a JDK, for the build) and mvn on PATH.
//
// The launcher JVM is a child process of the amicus process that started it,
// which holds the JVM's stdin: when amicus exits in any way, even by SIGKILL, the
// pipe closes and the JVM shuts Neo4j down cleanly and exits. The JVM runs in its
// own process group, so a terminal's Ctrl-C reaches only amicus, which should then
// call Server.Stop.
//
// A data directory's store is never opened twice: the owning process holds a lock
// file in the data directory while Neo4j runs, and a run file there tells other
// amicus processes where to connect. Typical use:
//
//	uri, ok := embedded.Running(dir)
//	if !ok {
//		srv, err := embedded.Start(ctx, embedded.Options{DataDir: dir})
//		...
//		defer srv.Stop(context.Background())
//		uri = srv.URI()
//	}
//
// Files in the data directory: neo4j/ (Neo4j's home: the store in neo4j/data, its
// logs in neo4j/logs, and the JVM's own output in neo4j/launcher.log),
// amicus-neo4j.json (the run file) and amicus-neo4j.lock (the lock file).
package embedded

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// DefaultBoltAddr is the Bolt address used when Options.BoltAddr is empty.
const DefaultBoltAddr = "127.0.0.1:7687"

// DefaultJavaOptions are the JVM heap options used when Options.JavaOptions is nil.
var DefaultJavaOptions = []string{"-Xms256m", "-Xmx1g"}

// DefaultPageCache is Neo4j's page cache size when Options.PageCache is empty.
const DefaultPageCache = "128m"

// DefaultStartTimeout bounds the wait for Neo4j to become ready when
// Options.StartTimeout is zero. It does not include building the launcher.
const DefaultStartTimeout = 3 * time.Minute

// readyPrefix starts the one line the launcher prints to stdout when Neo4j is ready.
const readyPrefix = "AMICUS-NEO4J-READY "

// Exit codes of the launcher (see Launcher.java).
const (
	exitAddressInUse = 3
	exitDataDir      = 4
)

// jvmFlags are always passed to the JVM; they are the flags that Neo4j's own
// server scripts pass, so that Neo4j can use native and direct memory access.
var jvmFlags = []string{
	"-XX:+UseG1GC",
	"-XX:-OmitStackTraceInFastThrow",
	"-XX:+ExitOnOutOfMemoryError",
	"-Djdk.nio.maxCachedBufferSize=1024",
	"-Dio.netty.tryReflectionSetAccessible=true",
	"--add-opens=java.base/java.nio=ALL-UNNAMED",
	"--add-opens=java.base/java.io=ALL-UNNAMED",
	"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
	"--enable-native-access=ALL-UNNAMED",
	"-Dlog4j2.disable.jmx=true",
}

// Options configures Start.
type Options struct {
	// DataDir holds the store and the files that manage it. Required; created if missing.
	DataDir string
	// BoltAddr is the host:port Neo4j listens on for Bolt. Authentication is off,
	// so keep it on loopback. Default DefaultBoltAddr; an empty host means 127.0.0.1.
	BoltAddr string
	// Log receives progress messages for a person, such as the notice that the
	// launcher is being built, and Maven's output if that fails. Nil discards them.
	Log io.Writer
	// Logger receives structured logs. Nil means slog.Default().
	Logger *slog.Logger
	// JavaOptions are extra JVM options such as the heap size. Nil means
	// DefaultJavaOptions.
	JavaOptions []string
	// PageCache is Neo4j's page cache size, such as "128m". Empty means DefaultPageCache.
	PageCache string
	// StartTimeout bounds the wait for Neo4j to become ready. Zero means DefaultStartTimeout.
	StartTimeout time.Duration
	// CacheDir is where launcher builds are kept. Empty means $XDG_CACHE_HOME/amicus.
	CacheDir string
}

// Server is a running embedded Neo4j, owned by this process. If the JVM
// dies without being asked to (killed, out of memory), the server starts
// a new one on the same data directory and address, retrying with a
// growing pause until it comes up or Stop is called; clients that keep
// their driver simply reconnect.
type Server struct {
	uri     string
	dataDir string
	logger  *slog.Logger
	timeout time.Duration // Options.StartTimeout, for messages and restarts
	launch  launchSpec
	lock    *os.File // the data directory lock, held until the server is stopped
	log     *os.File // neo4j/launcher.log

	mu       sync.Mutex
	current  *jvm // the JVM now running or starting
	restarts int  // how many times a dead JVM was replaced

	stopping   atomic.Bool
	stopped    chan struct{} // closed when Stop begins; wakes the supervisor
	supervisor sync.WaitGroup
	stopOnce   sync.Once
	stopErr    error
	cleanOnce  sync.Once
}

// launchSpec is what starting the launcher JVM takes.
type launchSpec struct {
	java        string
	launcherDir string
	javaOptions []string
	home        string // Neo4j's home in the data directory
	addr        string // Bolt host:port
	pageCache   string
}

// jvm is one run of the launcher JVM.
type jvm struct {
	cmd      *exec.Cmd
	pid      int
	stdin    *os.File      // write end of the JVM's stdin; closing it stops the JVM
	logStart int64         // offset in the log where this run's output starts
	exited   chan struct{} // closed once the JVM has exited
	copied   chan struct{} // closed once the JVM's stdout is copied to the log
	exitErr  error         // cmd.Wait's result, set before exited is closed
}

// Start builds the launcher if needed and starts an embedded Neo4j on
// opts.DataDir, returning once a driver can connect to it. It fails with an
// *AlreadyRunningError if another process serves that data directory already.
// ctx bounds the start (and the build), not the server's life: call Stop for that.
func Start(ctx context.Context, opts Options) (*Server, error) {
	if opts.DataDir == "" {
		return nil, errors.New("embedded: Options.DataDir is required")
	}
	dataDir, err := filepath.Abs(opts.DataDir)
	if err != nil {
		return nil, err
	}
	addr, err := normalizeAddr(opts.BoltAddr)
	if err != nil {
		return nil, err
	}
	progress := opts.Log
	if progress == nil {
		progress = io.Discard
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.Default()
	}
	javaOptions := opts.JavaOptions
	if javaOptions == nil {
		javaOptions = DefaultJavaOptions
	}
	pageCache := opts.PageCache
	if pageCache == "" {
		pageCache = DefaultPageCache
	}
	timeout := opts.StartTimeout
	if timeout <= 0 {
		timeout = DefaultStartTimeout
	}

	java, err := exec.LookPath("java")
	if err != nil {
		return nil, errNoJava
	}
	launcherDir, err := ensureLauncher(ctx, opts.CacheDir, progress, logger)
	if err != nil {
		return nil, err
	}
	home := filepath.Join(dataDir, "neo4j")
	if err := os.MkdirAll(home, 0o755); err != nil {
		return nil, fmt.Errorf("creating the data directory: %w", err)
	}

	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	lock, err := lockDataDir(ctx, dataDir, progress)
	if err != nil {
		return nil, err
	}
	// We hold the lock, so any run file is left over from a crash.
	os.Remove(runFilePath(dataDir))

	if err := checkAddrFree(addr); err != nil {
		lock.Close()
		return nil, err
	}
	logPath := filepath.Join(home, "launcher.log")
	log, err := os.OpenFile(logPath, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		lock.Close()
		return nil, fmt.Errorf("opening %s: %w", logPath, err)
	}

	s := &Server{
		uri:     "bolt://" + addr,
		dataDir: dataDir,
		logger:  logger,
		timeout: timeout,
		launch: launchSpec{java: java, launcherDir: launcherDir, javaOptions: javaOptions,
			home: home, addr: addr, pageCache: pageCache},
		lock:    lock,
		log:     log,
		stopped: make(chan struct{}),
	}
	began := time.Now()
	j, ready, err := s.spawn()
	if err != nil {
		s.cleanup()
		return nil, err
	}
	s.current = j
	logger.Info("starting embedded Neo4j", "pid", j.pid, "bolt", addr, "data", dataDir)

	if err := s.waitReady(ctx, j, ready); err != nil {
		s.kill(j)
		s.cleanup()
		return nil, err
	}
	if err := s.writeRunFile(j); err != nil {
		s.Stop(context.Background())
		return nil, fmt.Errorf("writing the run file: %w", err)
	}
	logger.Info("embedded Neo4j is ready", "uri", s.uri, "pid", j.pid, "took", time.Since(began).Round(time.Millisecond))
	s.supervisor.Add(1)
	go s.supervise()
	return s, nil
}

// URI returns the Bolt URI of the server, bolt://host:port.
func (s *Server) URI() string { return s.uri }

// PID returns the process id of the launcher JVM now running.
func (s *Server) PID() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.current.pid
}

// Restarts returns how many times the server replaced a JVM that died.
func (s *Server) Restarts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.restarts
}

func (s *Server) writeRunFile(j *jvm) error {
	return writeRunFile(s.dataDir, runInfo{PID: j.pid, OwnerPID: os.Getpid(), URI: s.uri, DataDir: s.dataDir, Started: time.Now().UTC()})
}

// Stop shuts Neo4j down cleanly: it closes the JVM's stdin and waits up to 60
// seconds (or until ctx is done) for it to exit, then sends SIGTERM and, as a last
// resort, SIGKILL. It removes the run file and releases the data directory.
// Calling it again returns the first call's result.
func (s *Server) Stop(ctx context.Context) error {
	s.stopOnce.Do(func() { s.stopErr = s.stop(ctx) })
	return s.stopErr
}

func (s *Server) stop(ctx context.Context) error {
	s.mu.Lock()
	s.stopping.Store(true)
	close(s.stopped)
	j := s.current
	s.mu.Unlock()
	// First, so that nobody connects to a server that is going away.
	removeRunFile(s.dataDir, j.pid)
	s.logger.Info("stopping embedded Neo4j", "pid", j.pid)
	began := time.Now()
	j.stdin.Close()

	graceful := time.NewTimer(60 * time.Second)
	defer graceful.Stop()
	select {
	case <-j.exited:
	case <-graceful.C:
		s.logger.Warn("embedded Neo4j did not stop within 60s of closing its stdin, sending SIGTERM", "pid", j.pid)
	case <-ctx.Done():
		s.logger.Warn("stop cancelled, sending SIGTERM to embedded Neo4j", "pid", j.pid)
	}
	killed := j.signalUntilExit(syscall.SIGTERM, 20*time.Second) &&
		j.signalUntilExit(syscall.SIGKILL, 10*time.Second)
	s.supervisor.Wait()
	s.cleanup()

	switch {
	case killed:
		return fmt.Errorf("embedded Neo4j (pid %d) did not exit even after SIGKILL", j.pid)
	case j.exitErr != nil && !j.crashed():
		return fmt.Errorf("embedded Neo4j exited uncleanly: %v%s", j.exitErr, s.tail(j))
	}
	s.logger.Info("embedded Neo4j stopped", "pid", j.pid, "took", time.Since(began).Round(time.Millisecond))
	return nil
}

// crashed reports whether the JVM had already died by a signal before it
// was asked to stop; Stop then has nothing left to report.
func (j *jvm) crashed() bool {
	var exit *exec.ExitError
	if !errors.As(j.exitErr, &exit) {
		return false
	}
	status, ok := exit.Sys().(syscall.WaitStatus)
	return ok && status.Signaled() && status.Signal() == syscall.SIGKILL
}

// signalUntilExit sends sig to the JVM's process group unless it has exited, and
// waits up to wait for it to exit. It reports whether the JVM is still running.
func (j *jvm) signalUntilExit(sig syscall.Signal, wait time.Duration) bool {
	select {
	case <-j.exited:
		return false
	default:
	}
	// The JVM leads its own process group (Setpgid).
	syscall.Kill(-j.pid, sig)
	select {
	case <-j.exited:
		return false
	case <-time.After(wait):
		return true
	}
}

// kill stops a JVM that failed to start: SIGTERM (the launcher's shutdown hook
// stops Neo4j if it got that far), then SIGKILL.
func (s *Server) kill(j *jvm) {
	j.stdin.Close()
	if j.signalUntilExit(syscall.SIGTERM, 20*time.Second) {
		j.signalUntilExit(syscall.SIGKILL, 10*time.Second)
	}
}

// cleanup releases what the server holds once the JVM has exited (or never ran).
func (s *Server) cleanup() {
	s.cleanOnce.Do(func() {
		s.mu.Lock()
		j := s.current
		s.mu.Unlock()
		if j != nil {
			<-j.exited
			<-j.copied
			removeRunFile(s.dataDir, j.pid)
			j.stdin.Close()
		}
		s.log.Close()
		s.lock.Close() // releases the data directory lock
	})
}

// supervise replaces the JVM whenever it exits without being asked to,
// until Stop is called.
func (s *Server) supervise() {
	defer s.supervisor.Done()
	for {
		s.mu.Lock()
		j := s.current
		s.mu.Unlock()
		select {
		case <-j.exited:
		case <-s.stopped:
			return
		}
		if s.stopping.Load() {
			return
		}
		<-j.copied
		removeRunFile(s.dataDir, j.pid)
		s.logger.Error("embedded Neo4j exited unexpectedly; starting it again", "pid", j.pid, "err", j.exitErr, "log", s.log.Name())
		pause := time.Second
		for {
			err := s.restart()
			if err == nil {
				break
			}
			if s.stopping.Load() {
				return
			}
			s.logger.Error("restarting embedded Neo4j failed; trying again", "err", err, "in", pause)
			select {
			case <-s.stopped:
				return
			case <-time.After(pause):
			}
			pause = min(2*pause, 30*time.Second)
		}
	}
}

// restart starts a new JVM in place of a dead one and waits until it serves.
func (s *Server) restart() error {
	began := time.Now()
	s.mu.Lock()
	if s.stopping.Load() {
		s.mu.Unlock()
		return errors.New("the server is stopping")
	}
	j, ready, err := s.spawn()
	if err != nil {
		s.mu.Unlock()
		return err
	}
	s.current = j
	s.mu.Unlock()

	ctx, cancel := context.WithTimeout(context.Background(), s.timeout)
	defer cancel()
	go func() {
		// Stop during the wait ends it at once.
		select {
		case <-s.stopped:
			cancel()
		case <-ctx.Done():
		}
	}()
	if err := s.waitReady(ctx, j, ready); err != nil {
		s.kill(j)
		<-j.copied
		return err
	}
	if err := s.writeRunFile(j); err != nil {
		return fmt.Errorf("writing the run file: %w", err)
	}
	s.mu.Lock()
	s.restarts++
	s.mu.Unlock()
	s.logger.Info("embedded Neo4j is ready again", "uri", s.uri, "pid", j.pid, "took", time.Since(began).Round(time.Millisecond))
	return nil
}

// spawn starts the launcher JVM. It returns the run and a channel that
// receives the READY line.
func (s *Server) spawn() (*jvm, <-chan string, error) {
	l := s.launch
	fmt.Fprintf(s.log, "=== %s amicus (pid %d) starts Neo4j on %s\n", time.Now().Format(time.RFC3339), os.Getpid(), l.addr)
	j := &jvm{exited: make(chan struct{}), copied: make(chan struct{})}
	var err error
	if j.logStart, err = s.log.Seek(0, io.SeekEnd); err != nil {
		j.logStart = 0
	}

	stdinR, stdinW, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	stdoutR, stdoutW, err := os.Pipe()
	if err != nil {
		stdinR.Close()
		stdinW.Close()
		return nil, nil, err
	}

	args := append(append(append([]string{}, l.javaOptions...), jvmFlags...),
		"-cp", classPath(l.launcherDir), launcherMain,
		"--data", l.home, "--bolt", l.addr, "--page-cache", l.pageCache)
	cmd := exec.Command(l.java, args...)
	cmd.Dir = l.home
	cmd.Stdin = stdinR
	cmd.Stdout = stdoutW
	cmd.Stderr = s.log // straight to the file, so it survives our death
	// The JVM inherits the data directory lock, so the lock stays held until both
	// we and the JVM are gone: a new owner can't start while an old JVM still
	// has the store open.
	cmd.ExtraFiles = []*os.File{s.lock}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	err = cmd.Start()
	// The child has its own copies of these ends now (or failed to start).
	stdinR.Close()
	stdoutW.Close()
	if err != nil {
		stdinW.Close()
		stdoutR.Close()
		return nil, nil, fmt.Errorf("starting java: %w", err)
	}
	j.cmd = cmd
	j.pid = cmd.Process.Pid
	j.stdin = stdinW

	go func() {
		j.exitErr = cmd.Wait()
		close(j.exited)
	}()

	ready := make(chan string, 1)
	log := s.log
	go func() {
		// Copy the JVM's stdout to the log, watching for the READY line.
		defer close(j.copied)
		defer stdoutR.Close()
		scanner := bufio.NewScanner(stdoutR)
		for scanner.Scan() {
			line := scanner.Text()
			fmt.Fprintln(log, line)
			if uri, ok := strings.CutPrefix(line, readyPrefix); ok {
				select {
				case ready <- strings.TrimSpace(uri):
				default:
				}
			}
		}
		io.Copy(log, stdoutR) // in case of an overlong line
	}()
	return j, ready, nil
}

// waitReady waits for the READY line of j, then checks that a driver can connect.
func (s *Server) waitReady(ctx context.Context, j *jvm, ready <-chan string) error {
	select {
	case <-ready:
	case <-j.exited:
		return s.startError(j)
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return fmt.Errorf("embedded Neo4j did not become ready within %s (see %s)%s", s.timeout, s.log.Name(), s.tail(j))
		}
		return fmt.Errorf("starting embedded Neo4j: %w", ctx.Err())
	}
	driver, err := neo4j.NewDriverWithContext(s.uri, neo4j.NoAuth())
	if err != nil {
		return fmt.Errorf("creating a driver for %s: %w", s.uri, err)
	}
	defer driver.Close(context.Background())
	checkCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := driver.VerifyConnectivity(checkCtx); err != nil {
		return fmt.Errorf("embedded Neo4j said it was ready, but a driver cannot connect to %s: %w%s", s.uri, err, s.tail(j))
	}
	return nil
}

// startError explains why the JVM exited before it was ready.
func (s *Server) startError(j *jvm) error {
	var exit *exec.ExitError
	if errors.As(j.exitErr, &exit) {
		switch exit.ExitCode() {
		case exitAddressInUse:
			return addrInUseError(s.launch.addr)
		case exitDataDir:
			return fmt.Errorf("embedded Neo4j cannot use its data directory %s%s", s.dataDir, s.tail(j))
		}
	}
	return fmt.Errorf("embedded Neo4j exited during startup (%v)%s", j.exitErr, s.tail(j))
}

// tail returns the end of j's launcher output, for error messages.
func (s *Server) tail(j *jvm) string {
	const maxBytes = 4000
	const maxLines = 25
	f, err := os.Open(s.log.Name())
	if err != nil {
		return ""
	}
	defer f.Close()
	end, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return ""
	}
	start := max(j.logStart, end-maxBytes)
	buf := make([]byte, end-start)
	if _, err := f.ReadAt(buf, start); err != nil && err != io.EOF {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(buf), "\n"), "\n")
	if start > j.logStart && len(lines) > 1 {
		lines = lines[1:] // drop the partial first line
	}
	if len(lines) > maxLines {
		lines = lines[len(lines)-maxLines:]
	}
	text := strings.TrimSpace(strings.Join(lines, "\n"))
	if text == "" {
		return ""
	}
	return "\nlast lines of " + s.log.Name() + ":\n" + text
}

// lockDataDir takes the data directory lock, waiting while another process
// starts or stops Neo4j there. It fails with *AlreadyRunningError if another
// process serves the directory.
func lockDataDir(ctx context.Context, dataDir string, progress io.Writer) (*os.File, error) {
	told := false
	for {
		lock, err := tryLock(lockFilePath(dataDir))
		if err != nil {
			return nil, fmt.Errorf("locking the data directory: %w", err)
		}
		if lock != nil {
			writeLockOwner(lock)
			return lock, nil
		}
		if uri, ok := Running(dataDir); ok {
			info, _ := readRunFile(dataDir)
			return nil, &AlreadyRunningError{DataDir: dataDir, URI: uri, PID: info.PID}
		}
		if !told {
			fmt.Fprintf(progress, "waiting for another amicus process (pid %d) that is starting or stopping Neo4j on %s…\n",
				lockOwner(dataDir), dataDir)
			told = true
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("data directory %s is locked by another amicus process (pid %d) whose Neo4j is not serving: %w",
				dataDir, lockOwner(dataDir), ctx.Err())
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// normalizeAddr validates a Bolt address and fills in the defaults.
func normalizeAddr(addr string) (string, error) {
	if addr == "" {
		return DefaultBoltAddr, nil
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("bad bolt address %q: want host:port", addr)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port), nil
}

// checkAddrFree fails clearly if something already listens on addr.
func checkAddrFree(addr string) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return addrInUseError(addr)
		}
		return fmt.Errorf("cannot listen on bolt address %s: %w", addr, err)
	}
	l.Close()
	return nil
}

func addrInUseError(addr string) error {
	return fmt.Errorf("bolt address %s is already in use by another program: choose another with --bolt-addr", addr)
}

// Prepare builds the launcher into the cache if it is not built yet, so a
// later Start does not have to. Only opts.CacheDir, opts.Log and
// opts.Logger are used.
func Prepare(ctx context.Context, opts Options) error {
	if _, err := exec.LookPath("java"); err != nil {
		return errNoJava
	}
	progress := opts.Log
	if progress == nil {
		progress = io.Discard
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.Default()
	}
	_, err := ensureLauncher(ctx, opts.CacheDir, progress, logger)
	return err
}
