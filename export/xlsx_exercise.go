package export

import (
	"drillbook/internal/prose"
	"drillbook/plan"
)

// exerciseLogSheet streams every event of every run into one sheet, with
// the exercise (scenario title and day) in the first column so a filter
// shows one run; exercise times are Excel durations and wall times real
// date-times. People, roles and targets are named; their IDs are kept in
// the Reference column.
func (x *xlsxDoc) exerciseLogSheet() error {
	n := x.r.names
	cols := []xcol{
		{"Exercise", 30}, {"Seq", 5}, {"At (exercise time)", 10}, {"Wall time (UTC)", 19},
		{"Event", 14}, {"Action or task", 24}, {"Who", 20}, {"To / about", 22},
		{"What happened", 50}, {"Note", 30}, {"Severity", 8}, {"Choice", 7}, refCol,
	}
	return x.runSheet(sheetExerciseLog, "ExerciseLog", cols, func(s *xsheet, _ int, run *plan.Run, bound map[string]string) error {
		title := runTitle(run)
		// Timer events name their task by ID: show its label.
		tasks := make(map[string]string, len(run.Tasks))
		for _, t := range run.Tasks {
			tasks[t.ID] = labelWords(taskLabel(t))
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
			text := e.Text
			if e.Kind == plan.EventInject {
				text = plainMarkdown(text)
			}
			ref := reference("Run", run.ID, "Event", e.Action, "Who", e.Actor, "To", e.Target)
			action, ok := tasks[e.Action]
			if !ok {
				action = words(e.Action)
			}
			if err := s.add(title, e.Seq, xdur(e.At), xtime(e.Wall), words(e.Kind), action, actorName, targetName,
				x.text(text), x.text(e.Note), sev, choice, ref); err != nil {
				return err
			}
		}
		return x.t.step(1)
	})
}

// timersSheet lists every critical task of every run: deadline, when it
// was met, whether it was breached, the margin in words ("3 min 36 s
// late") and its score and rating.
func (x *xlsxDoc) timersSheet() error {
	n := x.r.names
	cols := []xcol{
		{"Exercise", 30}, {"Task", 36}, {"Kind", 16}, {"Source", 9}, {"Target", 22},
		{"Start", 9}, {"Deadline", 9}, {"Met at", 9}, {"Status", 9}, {"Breached", 8}, {"Margin", 18},
		{"Weight", 6}, {"Score", 6}, {"Rating", 6}, {"Dimension", 18}, refCol,
	}
	return x.runSheet(sheetTimers, "Timers", cols, func(s *xsheet, i int, run *plan.Run, bound map[string]string) error {
		rr := x.r.runResult(i)
		title := runTitle(run)
		for j, t := range run.Tasks {
			var met, margin, score, rating any
			if t.MetAt != nil {
				met = xdur(*t.MetAt)
				margin = prose.Margin((t.Deadline - *t.MetAt).D())
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
			label := labelWords(taskLabel(t))
			if err := s.add(title, label, words(t.Kind), words(t.Source), target, xdur(t.Start), xdur(t.Deadline), met, words(t.Status), breached, margin,
				t.Weight, score, rating, dim, reference("Run", run.ID, "Task", t.ID, "Target", t.Target)); err != nil {
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
