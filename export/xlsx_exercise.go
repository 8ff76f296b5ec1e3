package export

import (
	"drillbook/plan"
)

// exerciseLogSheet streams every event of every run into one sheet, with
// the run in the first column so a filter shows one run; exercise times
// are Excel durations and wall times real date-times.
func (x *xlsxDoc) exerciseLogSheet() error {
	n := x.r.names
	s, err := x.streamSheet(sheetExerciseLog,
		xcol{"Run", 22}, xcol{"Scenario", 30}, xcol{"Seq", 6}, xcol{"At (exercise time)", 11}, xcol{"Wall time (UTC)", 19},
		xcol{"Kind", 12}, xcol{"Action / task", 22}, xcol{"Actor", 12}, xcol{"Actor name", 20}, xcol{"Target", 16}, xcol{"Target name", 22},
		xcol{"Text", 60}, xcol{"Note", 40}, xcol{"Severity", 8}, xcol{"Choice", 7})
	if err != nil {
		return err
	}
	for i := range x.r.ws.Runs {
		run := &x.r.ws.Runs[i]
		bound := bindingNames(run)
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
		if err := x.t.step(1); err != nil {
			return err
		}
	}
	return s.finish("ExerciseLog")
}

// timersSheet lists every critical task of every run: deadline, when it
// was met, whether it was breached, the margin in minutes (negative when
// late) and its score and rating.
func (x *xlsxDoc) timersSheet() error {
	n := x.r.names
	s, err := x.streamSheet(sheetTimers,
		xcol{"Run", 22}, xcol{"Run date", 11}, xcol{"Task", 22}, xcol{"Label", 44}, xcol{"Kind", 18}, xcol{"Source", 9}, xcol{"Target", 24},
		xcol{"Start", 10}, xcol{"Deadline", 10}, xcol{"Met at", 10}, xcol{"Status", 10}, xcol{"Breached", 9}, xcol{"Margin", 10},
		xcol{"Weight", 7}, xcol{"Score", 7}, xcol{"Rating", 7}, xcol{"Dimension", 22})
	if err != nil {
		return err
	}
	for i := range x.r.ws.Runs {
		run := &x.r.ws.Runs[i]
		rr := x.r.runResult(i)
		bound := bindingNames(run)
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
	}
	return s.finish("Timers")
}
