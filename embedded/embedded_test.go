package embedded

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// These tests run a real Neo4j; each start takes 10-20 s. The first run also
// builds the launcher into the user's cache directory.

// helperEnv makes the test binary act as an amicus process that starts Neo4j,
// writes a node, reports the JVM's pid and then blocks until killed.
const helperEnv = "AMICUS_EMBEDDED_TEST_HELPER"

func TestMain(m *testing.M) {
	if spec := os.Getenv(helperEnv); spec != "" {
		os.Exit(runHelper(spec))
	}
	os.Exit(m.Run())
}

// runHelper is the body of the helper process; spec is "DATADIR|ADDR".
func runHelper(spec string) int {
	dir, addr, _ := strings.Cut(spec, "|")
	ctx := context.Background()
	srv, err := Start(ctx, Options{DataDir: dir, BoltAddr: addr, Log: os.Stderr})
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		return 1
	}
	if err := writeNode(ctx, srv.URI(), "from-helper"); err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		return 1
	}
	fmt.Printf("JVMPID %d\n", srv.PID())
	select {} // until SIGKILL
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func withDriver(ctx context.Context, uri string, f func(neo4j.DriverWithContext) error) error {
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		return err
	}
	defer driver.Close(ctx)
	return f(driver)
}

func writeNode(ctx context.Context, uri, name string) error {
	return withDriver(ctx, uri, func(d neo4j.DriverWithContext) error {
		_, err := neo4j.ExecuteQuery(ctx, d, "CREATE (:Probe {name: $name})",
			map[string]any{"name": name}, neo4j.EagerResultTransformer)
		return err
	})
}

func countNodes(ctx context.Context, uri, name string) (int64, error) {
	var n int64
	err := withDriver(ctx, uri, func(d neo4j.DriverWithContext) error {
		res, err := neo4j.ExecuteQuery(ctx, d, "MATCH (p:Probe {name: $name}) RETURN count(p) AS n",
			map[string]any{"name": name}, neo4j.EagerResultTransformer)
		if err != nil {
			return err
		}
		v, _ := res.Records[0].Get("n")
		n = v.(int64)
		return nil
	})
	return n, err
}

func startServer(t *testing.T, dir, addr string) *Server {
	t.Helper()
	began := time.Now()
	srv, err := Start(context.Background(), Options{DataDir: dir, BoltAddr: addr, Log: testWriter{t}})
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Logf("Neo4j started in %s at %s (pid %d)", time.Since(began).Round(time.Millisecond), srv.URI(), srv.PID())
	t.Cleanup(func() { srv.Stop(context.Background()) })
	return srv
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

func waitGone(pid int, within time.Duration) bool {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if !processAlive(pid) {
			return true
		}
		time.Sleep(200 * time.Millisecond)
	}
	return false
}

// TestLifecycle starts Neo4j, uses it, checks that a second start is refused,
// stops it and starts it again to read the data back.
func TestLifecycle(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	addr := freeAddr(t)

	// Two starts at once on one data directory: one starts Neo4j, the other
	// waits for it and then reports it as already running.
	type result struct {
		srv *Server
		err error
	}
	results := make(chan result, 2)
	began := time.Now()
	for _, a := range []string{addr, freeAddr(t)} {
		go func() {
			srv, err := Start(ctx, Options{DataDir: dir, BoltAddr: a, Log: testWriter{t}})
			results <- result{srv, err}
		}()
	}
	var srv *Server
	var refused error
	for range 2 {
		r := <-results
		if r.err == nil {
			t.Cleanup(func() { r.srv.Stop(context.Background()) })
			if srv != nil {
				t.Fatalf("two concurrent Starts on one data dir both succeeded")
			}
			srv = r.srv
		} else {
			refused = r.err
		}
	}
	if srv == nil {
		t.Fatalf("no concurrent Start succeeded: %v", refused)
	}
	t.Logf("Neo4j started in %s at %s (pid %d)", time.Since(began).Round(time.Millisecond), srv.URI(), srv.PID())
	var running *AlreadyRunningError
	if !errors.As(refused, &running) || running.URI != srv.URI() {
		t.Errorf("the concurrent Start: err = %v, want an AlreadyRunningError for %s", refused, srv.URI())
	}
	if srv.URI() != "bolt://"+addr {
		// The other goroutine won; use its address from here on.
		addr = strings.TrimPrefix(srv.URI(), "bolt://")
	}
	if want := "bolt://" + addr; srv.URI() != want {
		t.Errorf("URI() = %q, want %q", srv.URI(), want)
	}
	if uri, ok := Running(dir); !ok || uri != srv.URI() {
		t.Errorf("Running while running = %q, %v; want %q, true", uri, ok, srv.URI())
	}
	if err := writeNode(ctx, srv.URI(), "durable"); err != nil {
		t.Fatalf("writing a node: %v", err)
	}
	if n, err := countNodes(ctx, srv.URI(), "durable"); err != nil || n != 1 {
		t.Fatalf("reading the node back: n=%d err=%v", n, err)
	}

	// A second start on the same data directory is refused and names the URI.
	_, err := Start(ctx, Options{DataDir: dir, BoltAddr: freeAddr(t)})
	running = nil
	if !errors.As(err, &running) || running.URI != srv.URI() || running.PID != srv.PID() {
		t.Errorf("second Start on the same dir: err = %v, want an AlreadyRunningError for %s", err, srv.URI())
	}

	// A start on another data directory but the same Bolt address fails clearly.
	_, err = Start(ctx, Options{DataDir: t.TempDir(), BoltAddr: addr})
	if err == nil || !strings.Contains(err.Error(), addr) || !strings.Contains(err.Error(), "--bolt-addr") {
		t.Errorf("Start on a busy address: err = %v, want one naming %s and --bolt-addr", err, addr)
	}

	pid := srv.PID()
	began = time.Now()
	if err := srv.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	t.Logf("Neo4j stopped in %s", time.Since(began).Round(time.Millisecond))
	if processAlive(pid) {
		t.Errorf("launcher JVM (pid %d) still alive after Stop", pid)
	}
	if err := srv.Stop(ctx); err != nil {
		t.Errorf("second Stop: %v", err)
	}
	if uri, ok := Running(dir); ok {
		t.Errorf("Running after Stop = %q, true", uri)
	}
	if _, err := os.Stat(runFilePath(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("run file still there after Stop: %v", err)
	}

	// Durability: the node survives a restart.
	srv2 := startServer(t, dir, freeAddr(t))
	if n, err := countNodes(ctx, srv2.URI(), "durable"); err != nil || n != 1 {
		t.Errorf("after restart: n=%d err=%v, want 1 node", n, err)
	}
	if err := srv2.Stop(ctx); err != nil {
		t.Errorf("Stop: %v", err)
	}
}

// TestParentDeath kills (SIGKILL) a process that started Neo4j, and checks that
// the JVM then exits by itself and that the store is intact.
func TestParentDeath(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: starts Neo4j twice")
	}
	ctx := context.Background()
	dir := t.TempDir()

	helper := exec.Command(os.Args[0], "-test.run=^$")
	helper.Env = append(os.Environ(), helperEnv+"="+dir+"|"+freeAddr(t))
	helper.Stderr = testWriter{t}
	stdout, err := helper.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := helper.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { helper.Process.Kill(); helper.Wait() })

	pidc := make(chan int, 1)
	go func() {
		scanner := bufio.NewScanner(stdout)
		for scanner.Scan() {
			if s, ok := strings.CutPrefix(scanner.Text(), "JVMPID "); ok {
				pid, _ := strconv.Atoi(s)
				pidc <- pid
				return
			}
		}
		close(pidc)
	}()
	var jvm int
	select {
	case pid, ok := <-pidc:
		if !ok {
			t.Fatal("helper exited without starting Neo4j")
		}
		jvm = pid
	case <-time.After(5 * time.Minute):
		t.Fatal("helper did not start Neo4j within 5 minutes")
	}
	t.Cleanup(func() { syscall.Kill(jvm, syscall.SIGKILL) })
	if _, ok := Running(dir); !ok {
		t.Error("Running = false while the helper's Neo4j runs")
	}

	if err := helper.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	helper.Wait()
	killed := time.Now()
	if !waitGone(jvm, 60*time.Second) {
		t.Fatalf("launcher JVM (pid %d) still alive 60 s after its parent was killed", jvm)
	}
	t.Logf("JVM exited %s after its parent was killed", time.Since(killed).Round(time.Millisecond))
	if uri, ok := Running(dir); ok {
		t.Errorf("Running after the JVM exited = %q, true", uri)
	}

	srv := startServer(t, dir, freeAddr(t))
	if n, err := countNodes(ctx, srv.URI(), "from-helper"); err != nil || n != 1 {
		t.Errorf("after the parent's death: n=%d err=%v, want the helper's node", n, err)
	}
	if err := srv.Stop(ctx); err != nil {
		t.Errorf("Stop: %v", err)
	}
}

// TestMissingTools checks the one-line messages when java or mvn is not on PATH.
func TestMissingTools(t *testing.T) {
	check := func(want string, opts Options) {
		t.Helper()
		opts.DataDir = t.TempDir()
		_, err := Start(context.Background(), opts)
		if err == nil || !strings.HasPrefix(err.Error(), want+" not found: ") ||
			!strings.Contains(err.Error(), "apt-get install -y ") || strings.Contains(err.Error(), "\n") {
			t.Errorf("err = %v, want one line starting with %q and naming apt-get install", err, want+" not found: ")
		}
	}
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	t.Setenv("PATH", bin)
	check("java", Options{})

	// With java but no mvn, and no launcher built yet.
	if err := os.Symlink(java, bin+"/java"); err != nil {
		t.Fatal(err)
	}
	check("mvn", Options{CacheDir: t.TempDir()})
}

// TestStaleRunFile checks that a run file left by a crash is ignored and removed.
func TestStaleRunFile(t *testing.T) {
	dir := t.TempDir()
	if err := writeRunFile(dir, runInfo{PID: 1 << 22, OwnerPID: 1 << 22, URI: "bolt://" + freeAddr(t), DataDir: dir}); err != nil {
		t.Fatal(err)
	}
	if uri, ok := Running(dir); ok {
		t.Errorf("Running with a stale run file = %q, true", uri)
	}
	if _, err := os.Stat(runFilePath(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale run file not removed: %v", err)
	}
}

// TestStartTimeout checks that a start that takes too long is abandoned cleanly.
func TestStartTimeout(t *testing.T) {
	dir := t.TempDir()
	_, err := Start(context.Background(), Options{DataDir: dir, BoltAddr: freeAddr(t), StartTimeout: 2 * time.Second})
	if err == nil || !strings.Contains(err.Error(), "did not become ready within 2s") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if pids := launcherPIDs(t, dir); len(pids) > 0 {
		t.Errorf("launcher JVMs left running for %s: %v", dir, pids)
	}
	if lockHeld(dir) {
		t.Error("data directory still locked")
	}
	if _, err := os.Stat(runFilePath(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("run file left behind: %v", err)
	}
}

// launcherPIDs returns the live launcher JVMs whose command line names dir.
func launcherPIDs(t *testing.T, dir string) []int {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Skip("no /proc")
	}
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err == nil && isLauncher(pid, dir) {
			pids = append(pids, pid)
		}
	}
	return pids
}

// TestRestartAfterCrash kills the JVM behind a running server and checks
// that the server starts a new one on the same address and data, which
// keeps what was written, and that Stop still stops everything.
func TestRestartAfterCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: starts Neo4j twice")
	}
	ctx := context.Background()
	dir := t.TempDir()
	srv := startServer(t, dir, freeAddr(t))
	if err := writeNode(ctx, srv.URI(), "before-crash"); err != nil {
		t.Fatalf("writing a node: %v", err)
	}
	first := srv.PID()
	if err := syscall.Kill(first, syscall.SIGKILL); err != nil {
		t.Fatalf("killing the JVM: %v", err)
	}
	if !waitGone(first, 30*time.Second) {
		t.Fatalf("JVM %d still alive after SIGKILL", first)
	}
	deadline := time.Now().Add(3 * time.Minute)
	for srv.Restarts() == 0 && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
	}
	if srv.Restarts() != 1 {
		t.Fatalf("Restarts() = %d after the JVM died, want 1", srv.Restarts())
	}
	second := srv.PID()
	if second == first || !processAlive(second) {
		t.Fatalf("PID() = %d after the restart (first JVM %d): want a new live JVM", second, first)
	}
	if uri, ok := Running(dir); !ok || uri != srv.URI() {
		t.Errorf("Running after the restart = %q, %v; want %q, true", uri, ok, srv.URI())
	}
	if n, err := countNodes(ctx, srv.URI(), "before-crash"); err != nil || n != 1 {
		t.Errorf("after the restart: n=%d err=%v, want the node written before the crash", n, err)
	}
	if err := srv.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if !waitGone(second, 30*time.Second) {
		t.Errorf("JVM %d alive after Stop", second)
	}
	if srv.Restarts() != 1 {
		t.Errorf("Restarts() = %d after Stop, want 1: Stop must not restart", srv.Restarts())
	}
	if _, ok := Running(dir); ok {
		t.Errorf("Running after Stop = true")
	}
}
