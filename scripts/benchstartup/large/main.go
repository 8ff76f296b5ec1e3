// Command large writes the benchmark workspace (plantest.Large, optionally
// with stored runs) to a file, for scripts/bench-startup.sh.
//
//	go run ./scripts/benchstartup/large [-runs N] FILE
package main

import (
	"flag"
	"fmt"
	"os"

	"drillbook/plan"
	"drillbook/plan/plantest"
)

func main() {
	runs := flag.Int("runs", 0, "stored exercise runs to add")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: large [-runs N] FILE")
		os.Exit(2)
	}
	ws := plantest.Large()
	if *runs > 0 {
		ws = plantest.WithRuns(ws, *runs, 500)
	}
	if err := plan.Save(flag.Arg(0), ws); err != nil {
		fmt.Fprintln(os.Stderr, "large:", err)
		os.Exit(1)
	}
}
