//go:build unix

package export

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used (all threads, user and
// system): unlike wall time it does not grow when other processes share
// the machine, so the benchmarks' ratios hold on a busy one.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
