package ingest

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

// Ablate switches pieces of the write side off, for BenchmarkStore's
// ablation only (scratch: not for main).
var Ablate = map[string]bool{}

var phaseMark time.Duration

func cpuNow() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// phase prints the CPU since the previous phase when AGENDASCOPE_PHASES is set.
func phase(name string) {
	now := cpuNow()
	if os.Getenv("AGENDASCOPE_PHASES") != "" && name != "" {
		fmt.Fprintf(os.Stderr, "phase %-10s %.2f cpu-s\n", name, (now - phaseMark).Seconds())
	}
	phaseMark = now
}
