package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// defaultMemoryLimit is the soft limit on the Go process's memory that
// serve and bench set unless told otherwise: with it the garbage collector
// works harder as the heap nears the limit, and the process stays well
// under 300 MB even with 50 clients at once.
const defaultMemoryLimit = "256MiB"

// memoryLimitFlag registers --memory-limit.
func memoryLimitFlag(fs *flag.FlagSet) *string {
	return fs.String("memory-limit", defaultMemoryLimit, "soft limit on the Go process's memory, such as 256MiB or 1GiB (0 for none); "+
		"GOMEMLIMIT in the environment takes precedence")
}

// applyMemoryLimit sets the soft memory limit that --memory-limit gives,
// unless GOMEMLIMIT is set, which the Go runtime has applied already.
func applyMemoryLimit(value string) error {
	if os.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	n, err := parseByteSize(value)
	if err != nil {
		return usageError{fmt.Sprintf("--memory-limit: %v", err)}
	}
	if n > 0 {
		debug.SetMemoryLimit(n)
	}
	return nil
}

// byteUnits are the size suffixes parseByteSize understands.
var byteUnits = []struct {
	suffix string
	size   int64
}{
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30},
	{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1},
}

// parseByteSize reads a size such as "256MiB", "1GB" or "1048576".
func parseByteSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range byteUnits {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = strings.TrimSpace(rest), u.size
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a size (use e.g. 256MiB, 1GiB or 0)", s)
	}
	return n * mult, nil
}
