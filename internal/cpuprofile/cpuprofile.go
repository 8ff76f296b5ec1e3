// Package cpuprofile writes a CPU profile of the whole process, for
// measuring the app as it runs (scripts/profile-console.sh): in-process
// benchmarks miss what a window costs between ticks.
//
// DRILLBOOK_CPUPROFILE names the file. DRILLBOOK_CPUPROFILE_AFTER (a Go
// duration, default 0) skips start-up; DRILLBOOK_CPUPROFILE_FOR (default:
// until Stop) bounds the profile so a process that is killed, as the
// scripts kill the window, still leaves a complete file.
package cpuprofile

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"sync"
	"time"
)

// Environment variables read by Start.
const (
	FileEnv  = "DRILLBOOK_CPUPROFILE"
	AfterEnv = "DRILLBOOK_CPUPROFILE_AFTER"
	ForEnv   = "DRILLBOOK_CPUPROFILE_FOR"
)

// Start begins profiling as the environment asks and returns the function
// that ends it (safe to call more than once, and when nothing was asked).
// A bad setting is reported on stderr and profiling is skipped: a
// measuring aid must never keep the app from starting.
func Start(getenv func(string) string, stderr io.Writer) (stop func()) {
	path := getenv(FileEnv)
	if path == "" {
		return func() {}
	}
	after, err1 := duration(getenv(AfterEnv))
	span, err2 := duration(getenv(ForEnv))
	if err1 != nil || err2 != nil {
		fmt.Fprintf(stderr, "drillbook: %s/%s: %v\n", AfterEnv, ForEnv, firstErr(err1, err2))
		return func() {}
	}
	p := &profile{path: path, stderr: stderr}
	run := func() {
		p.begin()
		if span > 0 {
			time.AfterFunc(span, p.end)
		}
	}
	if after == 0 {
		run() // from the first instruction, and before any Stop
		return p.end
	}
	t := time.AfterFunc(after, run)
	return func() { t.Stop(); p.end() }
}

type profile struct {
	mu     sync.Mutex
	path   string
	stderr io.Writer
	f      *os.File
	ended  bool
}

func (p *profile) begin() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ended { // stopped before it began
		return
	}
	f, err := os.Create(p.path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
		if err != nil {
			f.Close()
		}
	}
	if err != nil {
		fmt.Fprintf(p.stderr, "drillbook: %s: %v\n", FileEnv, err)
		p.ended = true
		return
	}
	p.f = f
}

func (p *profile) end() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ended {
		return
	}
	p.ended = true
	if p.f == nil {
		return
	}
	pprof.StopCPUProfile()
	if err := p.f.Close(); err != nil {
		fmt.Fprintf(p.stderr, "drillbook: %s: %v\n", FileEnv, err)
	}
}

func duration(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err == nil && d < 0 {
		err = fmt.Errorf("%q is negative", s)
	}
	return d, err
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
