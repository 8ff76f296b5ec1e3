package cli

import (
	"flag"
	"fmt"
	"time"

	"drillbook/interchange"
	"drillbook/internal/atomicfile"
	"drillbook/plan"
	"drillbook/scoring"
)

// setupExport declares export's flags; its run writes the rota as
// iCalendar and the improvement plan as tracker CSV and/or a Markdown
// checklist, each atomically.
func setupExport(fs *flag.FlagSet) func(Env, string) error {
	var icsPath, csvPath, mdPath string
	fs.StringVar(&icsPath, "ics", "", "write the on-call rota as iCalendar to `FILE`")
	fs.StringVar(&csvPath, "actions-csv", "", "write the improvement plan as tracker CSV to `FILE`")
	fs.StringVar(&mdPath, "actions-md", "", "write the improvement plan as a Markdown checklist to `FILE`")
	week := new(dateFlag)
	fs.Var(week, "week", "start the calendar's weekly events in the week before the one containing `YYYY-MM-DD` (default: the next full week)")
	date := addDateFlag(fs, "assessment date for the actions' priorities")
	return func(env Env, path string) error {
		if icsPath == "" && csvPath == "" && mdPath == "" {
			return usagef("needs at least one of --ics FILE, --actions-csv FILE or --actions-md FILE")
		}
		ws, err := plan.Load(path)
		if err != nil {
			return err
		}
		wk := week.d
		if wk.IsZero() {
			wk = interchange.NextWeek(time.Now())
		}
		var a *scoring.Assessment
		if csvPath != "" || mdPath != "" {
			a = scoring.Assess(ws, date.day())
		}
		outputs := []struct {
			path string
			data func() ([]byte, error)
		}{
			{icsPath, func() ([]byte, error) { return interchange.RotaICS(ws, wk, time.Now()) }},
			{csvPath, func() ([]byte, error) { return interchange.ActionsCSV(ws, a) }},
			{mdPath, func() ([]byte, error) { return interchange.ActionsMarkdown(ws, a), nil }},
		}
		for _, o := range outputs {
			if o.path == "" {
				continue
			}
			data, err := o.data()
			if err == nil {
				err = atomicfile.WriteBytes(o.path, data)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", o.path, err)
			}
			fmt.Fprintf(env.Stdout, "wrote %s\n", o.path)
		}
		return nil
	}
}
