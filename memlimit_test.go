package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

func TestParseByteSize(t *testing.T) {
	for in, want := range map[string]int64{"256MiB": 256 << 20, "1GiB": 1 << 30, "300MB": 300e6, "4096": 4096, "0": 0, " 2 KiB ": 2048} {
		if got, err := parseByteSize(in); err != nil || got != want {
			t.Errorf("parseByteSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"lots", "-1MiB", "1.5GiB", ""} {
		if _, err := parseByteSize(in); err == nil {
			t.Errorf("parseByteSize(%q) accepted", in)
		}
	}
}

func TestMemoryLimitFlag(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	_, stderr, code := amicus(t, "serve", "--memory-limit", "lots")
	if code != 2 || !strings.Contains(stderr, "--memory-limit") {
		t.Errorf("amicus serve --memory-limit lots exited %d, stderr:\n%s", code, stderr)
	}
	// bench takes no graph flags: run it directly
	var out bytes.Buffer
	cmd := exec.Command(e2e.bin, "bench", "--memory-limit", "lots")
	cmd.Stderr = &out
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 2 || !strings.Contains(out.String(), "--memory-limit") {
		t.Errorf("amicus bench --memory-limit lots: %v, stderr:\n%s", err, out.String())
	}
}
