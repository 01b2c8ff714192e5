package embedded

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	// runFileName is the run file, in the data directory, that describes a live
	// embedded Neo4j so that other amicus processes can connect to it.
	runFileName = "amicus-neo4j.json"
	// lockFileName is the lock file, in the data directory, that the owning amicus
	// process (and, by inheritance, its JVM) holds while Neo4j runs on that directory.
	lockFileName = "amicus-neo4j.lock"
)

// runInfo is the content of the run file.
type runInfo struct {
	// PID is the launcher JVM's process id.
	PID int `json:"pid"`
	// OwnerPID is the process id of the amicus process that started the JVM and
	// holds its stdin: when that process is gone, the JVM is shutting down.
	OwnerPID int `json:"owner_pid"`
	// URI is the Bolt URI, bolt://host:port.
	URI string `json:"uri"`
	// DataDir is the absolute data directory.
	DataDir string `json:"data_dir"`
	// Started is when Neo4j became ready.
	Started time.Time `json:"started"`
}

// AlreadyRunningError is returned by Start when an embedded Neo4j started by
// another process already serves the data directory. Connect to URI instead.
type AlreadyRunningError struct {
	// DataDir is the data directory in question.
	DataDir string
	// URI is the Bolt URI of the running Neo4j.
	URI string
	// PID is the process id of its launcher JVM.
	PID int
}

// Error describes the running server and what to do.
func (e *AlreadyRunningError) Error() string {
	return fmt.Sprintf("an embedded Neo4j for %s is already running at %s (launcher pid %d): connect to it instead of starting another",
		e.DataDir, e.URI, e.PID)
}

// Running returns the URI of a live embedded Neo4j, started by any amicus process,
// that serves dataDir: its run file is present, its data directory lock is held,
// the launcher JVM and the amicus process that owns it are alive, and its Bolt port
// accepts connections. A stale run file (left by a crash) is removed.
func Running(dataDir string) (uri string, ok bool) {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return "", false
	}
	info, err := readRunFile(abs)
	if err != nil {
		return "", false
	}
	if !lockHeld(abs) {
		// Nobody holds the lock, so nothing runs here: the run file is stale.
		removeStaleRunFile(abs, info.PID)
		return "", false
	}
	if !isLauncher(info.PID, abs) || !processAlive(info.OwnerPID) {
		// Either the JVM is gone, or its owner is gone and the JVM is shutting
		// down (its stdin has closed). Whoever holds the lock cleans up.
		return "", false
	}
	u, err := url.Parse(info.URI)
	if err != nil || u.Host == "" {
		return "", false
	}
	conn, err := net.DialTimeout("tcp", u.Host, 2*time.Second)
	if err != nil {
		return "", false
	}
	conn.Close()
	return info.URI, true
}

func runFilePath(dataDir string) string  { return filepath.Join(dataDir, runFileName) }
func lockFilePath(dataDir string) string { return filepath.Join(dataDir, lockFileName) }

func readRunFile(dataDir string) (runInfo, error) {
	var info runInfo
	data, err := os.ReadFile(runFilePath(dataDir))
	if err != nil {
		return info, err
	}
	if err := json.Unmarshal(data, &info); err != nil {
		return info, fmt.Errorf("bad run file %s: %w", runFilePath(dataDir), err)
	}
	return info, nil
}

// writeRunFile writes the run file atomically (a reader never sees half of it).
func writeRunFile(dataDir string, info runInfo) error {
	data, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return err
	}
	tmp := runFilePath(dataDir) + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, runFilePath(dataDir))
}

// removeRunFile removes the run file if it describes the JVM with the given pid.
func removeRunFile(dataDir string, pid int) {
	if info, err := readRunFile(dataDir); err == nil && info.PID != pid {
		return
	}
	os.Remove(runFilePath(dataDir))
}

// removeStaleRunFile removes the run file if nobody holds the data directory lock.
func removeStaleRunFile(dataDir string, pid int) {
	f, err := os.Open(lockFilePath(dataDir))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			removeRunFile(dataDir, pid)
		}
		return
	}
	defer f.Close()
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil {
		removeRunFile(dataDir, pid)
	}
}

// lockHeld reports whether some process holds the data directory lock. flock locks
// belong to open files, so this works within the owning process too.
func lockHeld(dataDir string) bool {
	f, err := os.Open(lockFilePath(dataDir))
	if err != nil {
		return false
	}
	defer f.Close() // also releases the lock if we took it
	return errors.Is(syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB), syscall.EWOULDBLOCK)
}

// tryLock opens path and takes an exclusive flock on it without waiting.
// It returns (nil, nil) if another process holds the lock.
func tryLock(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		f.Close()
		return nil, nil
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// lockFile takes an exclusive flock on path, polling so that ctx is honoured;
// waiting is called once if the lock is busy. Closing the file releases the lock.
func lockFile(ctx context.Context, path string, waiting func()) (*os.File, error) {
	told := false
	for {
		f, err := tryLock(path)
		if f != nil || err != nil {
			return f, err
		}
		if !told {
			waiting()
			told = true
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// writeLockOwner records our pid in the lock file, for error messages only.
func writeLockOwner(f *os.File) {
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
}

// lockOwner returns the pid recorded in the data directory's lock file, or 0.
func lockOwner(dataDir string) int {
	data, err := os.ReadFile(lockFilePath(dataDir))
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	return pid
}

// processAlive reports whether pid is a live process (not a zombie).
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	// A zombie has exited but not been reaped; /proc tells (on Linux). A process
	// whose main thread is a zombie may still have other threads running (and its
	// files open), so it is alive while any of its threads is.
	tasks, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	if err != nil {
		return !errors.Is(err, os.ErrNotExist) || !procMounted()
	}
	for _, task := range tasks {
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%s/stat", pid, task.Name()))
		if err != nil {
			continue
		}
		// The state follows the command name, which is in parentheses.
		if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) && stat[i+2] != 'Z' && stat[i+2] != 'X' {
			return true
		}
	}
	return false
}

// isLauncher reports whether pid is a live launcher JVM serving dataDir. Where
// /proc is missing it only checks that the process is alive.
func isLauncher(pid int, dataDir string) bool {
	if !processAlive(pid) {
		return false
	}
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return !procMounted()
	}
	return bytes.Contains(cmdline, []byte(launcherMain)) && bytes.Contains(cmdline, []byte(dataDir))
}

func procMounted() bool {
	_, err := os.Stat("/proc/self/stat")
	return err == nil
}
