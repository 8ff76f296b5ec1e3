package export

import (
	"drillbook/plan"
)

// exerciseLogSheet streams every event of every run into one sheet, with
// the run in the first column so a filter shows one run; exercise times
// are Excel durations and wall times real date-times.
func (x *xlsxDoc) exerciseLogSheet() error {
	n := x.r.names
	cols := []xcol{
		{"Run", 22}, {"Scenario", 30}, {"Seq", 6}, {"At (exercise time)", 11}, {"Wall time (UTC)", 19},
		{"Kind", 12}, {"Action / task", 22}, {"Actor", 12}, {"Actor name", 20}, {"Target", 16}, {"Target name", 22},
		{"Text", 60}, {"Note", 40}, {"Severity", 8}, {"Choice", 7},
	}
	return x.runSheet(sheetExerciseLog, "ExerciseLog", cols, func(s *xsheet, _ int, run *plan.Run, bound map[string]string) error {
		title := run.ScenarioTitle
		if title == "" {
			title = run.ScenarioID
		}
		for _, e := range run.Events {
			if e.Kind == plan.EventCheckpoint {
				continue
			}
			var sev, choice any
			if e.Severity != 0 {
				sev = e.Severity
			}
			if e.Choice != 0 {
				choice = e.Choice
			}
			actorName, targetName := "", ""
			if e.Actor != "" {
				actorName = n.actor(e.Actor)
			}
			if e.Target != "" {
				targetName = n.taskTarget(bound, e.Target)
			}
			if err := s.add(run.ID, title, e.Seq, xdur(e.At), xtime(e.Wall), e.Kind, e.Action, e.Actor, actorName, e.Target, targetName, e.Text, e.Note, sev, choice); err != nil {
				return err
			}
		}
		return x.t.step(1)
	})
}

// timersSheet lists every critical task of every run: deadline, when it
// was met, whether it was breached, the margin in minutes (negative when
// late) and its score and rating.
func (x *xlsxDoc) timersSheet() error {
	n := x.r.names
	cols := []xcol{
		{"Run", 22}, {"Run date", 11}, {"Task", 22}, {"Label", 44}, {"Kind", 18}, {"Source", 9}, {"Target", 24},
		{"Start", 10}, {"Deadline", 10}, {"Met at", 10}, {"Status", 10}, {"Breached", 9}, {"Margin", 10},
		{"Weight", 7}, {"Score", 7}, {"Rating", 7}, {"Dimension", 22},
	}
	return x.runSheet(sheetTimers, "Timers", cols, func(s *xsheet, i int, run *plan.Run, bound map[string]string) error {
		rr := x.r.runResult(i)
		var date any
		if !run.Started.IsZero() {
			date = xdate(plan.DateOf(run.Started))
		}
		for j, t := range run.Tasks {
			var met, margin, score, rating any
			if t.MetAt != nil {
				met = xdur(*t.MetAt)
				margin = xmin((t.Deadline - *t.MetAt).D().Minutes())
			}
			breached := "no"
			switch t.Status {
			case plan.TaskLate, plan.TaskMissed:
				breached = "yes"
			case plan.TaskPending, plan.TaskNotNeeded:
				breached = ""
			}
			dim := ""
			if rr != nil && j < len(rr.Tasks) {
				tr := rr.Tasks[j]
				dim = dimensionName(tr.Dimension)
				if !tr.Excluded {
					score, rating = xnum(tr.Score), tr.Rating.String()
				}
			}
			target := ""
			if t.Target != "" {
				target = n.taskTarget(bound, t.Target)
			}
			if err := s.add(run.ID, date, t.ID, t.Label, t.Kind, t.Source, target, xdur(t.Start), xdur(t.Deadline), met, t.Status, breached, margin, t.Weight, score, rating, dim); err != nil {
				return err
			}
		}
		return nil
	})
}

// runSheet streams a sheet (an Excel table named table) holding a block of
// rows per run: rows writes run i's, with bound naming what its scenario
// references were bound to.
func (x *xlsxDoc) runSheet(name, table string, cols []xcol, rows func(s *xsheet, i int, run *plan.Run, bound map[string]string) error) error {
	s, err := x.streamSheet(name, cols...)
	if err != nil {
		return err
	}
	for i := range x.r.ws.Runs {
		run := &x.r.ws.Runs[i]
		if err := rows(s, i, run, bindingNames(run)); err != nil {
			return err
		}
	}
	return s.finish(table)
}
