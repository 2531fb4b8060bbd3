package queries

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"
)

// AblateNoPK opens new databases without reports' PRIMARY KEY (scratch,
// BenchmarkStore's ablation only).
var AblateNoPK bool

func ablatedSchema() string {
	if !AblateNoPK {
		return schemaSQL
	}
	return strings.Replace(schemaSQL, "id              VARCHAR PRIMARY KEY,", "id              VARCHAR,", 1)
}

var qphaseMark time.Duration

// Qphase prints the CPU since the previous mark when AGENDASCOPE_PHASES is set.
func Qphase(name string) {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	now := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	if os.Getenv("AGENDASCOPE_PHASES") != "" && name != "" {
		fmt.Fprintf(os.Stderr, "  q %-28s %.2f cpu-s\n", name, (now - qphaseMark).Seconds())
	}
	qphaseMark = now
}
