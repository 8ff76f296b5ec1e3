//go:build unix

package plantest

import "syscall"

// cpuTime is the CPU time the process has used (all threads, user and
// system): unlike wall time, other programs on the machine barely change it.
func cpuTime() (ns int64, ok bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
