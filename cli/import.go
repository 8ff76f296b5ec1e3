package cli

import (
	"flag"
	"fmt"
	"time"

	"drillbook/interchange"
	"drillbook/plan"
)

// setupImport declares import's flags; its run reads every source,
// prints the preview and, unless --dry-run, saves the workspace with the
// import applied (atomically). Any source that fails is reported (all of
// them, not just the first) and nothing is written: exit 1.
func setupImport(fs *flag.FlagSet) func(Env, []string) error {
	dry := fs.Bool("dry-run", false, "print what would change and write nothing")
	week := new(dateFlag)
	fs.Var(week, "week", "expand rotas over the week containing `YYYY-MM-DD` (default: the next full week)")
	return func(env Env, args []string) error {
		path, files := args[0], args[1:]
		ws, err := plan.Load(path)
		if err != nil {
			fmt.Fprintf(env.Stderr, "drillbook: import: %v\nnothing written\n", err)
			return errProblems
		}
		opt := interchange.Options{Week: week.d, Zone: ws.Coverage.TimeZone}
		if opt.Week.IsZero() {
			opt.Week = interchange.NextWeek(time.Now())
		}
		opt.Week = interchange.WeekOf(opt.Week)
		var sources []*interchange.Source
		failed := false
		for _, f := range files {
			src, err := interchange.ReadFile(f, opt)
			if err != nil {
				fmt.Fprintf(env.Stderr, "drillbook: import: %v\n", err)
				failed = true
				continue
			}
			sources = append(sources, src)
		}
		var p *interchange.Preview
		if !failed {
			if p, err = interchange.Plan(ws, sources); err != nil {
				fmt.Fprintf(env.Stderr, "drillbook: import: %v\n", err)
				failed = true
			}
		}
		if failed {
			fmt.Fprintf(env.Stderr, "nothing written to %s\n", path)
			return errProblems
		}
		if p.Rota {
			fmt.Fprintf(env.Stdout, "rota read over the week of %s\n", opt.Week)
		}
		fmt.Fprint(env.Stdout, p.Text())
		switch {
		case p.Empty():
			fmt.Fprintf(env.Stdout, "nothing to do: %s already has all of it\n", path)
		case *dry:
			fmt.Fprintf(env.Stdout, "dry run: nothing written to %s\n", path)
		default:
			if err := plan.Save(path, p.Result); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "wrote %s\n", path)
		}
		return nil
	}
}
