package export

import (
	"sort"

	"drillbook/plan"
)

// What the exercise timelines show, shared by the PDF's vector chart
// (pdf_charts.go) and the Word report's picture (docx_timeline.go), so
// both draw the same lanes on the same axis.

// timelineTasks are the tasks a timeline draws: all but the not-needed.
func timelineTasks(run *plan.Run) []plan.Task {
	var tasks []plan.Task
	for _, t := range run.Tasks {
		if t.Status != plan.TaskNotNeeded {
			tasks = append(tasks, t)
		}
	}
	return tasks
}

// timelineSpan is the length of a timeline's axis: the run itself.
// Deadlines beyond its end (a 72-hour reporting duty in a 45-minute
// exercise) run off the right edge with an arrow rather than squeezing
// the exercise into a sliver.
func timelineSpan(run *plan.Run, tasks []plan.Task) plan.Duration {
	span := run.Length
	for _, e := range run.Events {
		span = max(span, e.At)
	}
	if span <= 0 {
		for _, t := range tasks {
			span = max(span, t.Deadline)
		}
	}
	if span <= 0 {
		span = plan.Minute
	}
	return span
}

// taskOrder is the order the reports list a run's tasks in: by start,
// then deadline, as indexes into run.Tasks.
func taskOrder(run *plan.Run) []int {
	order := make([]int, len(run.Tasks))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ta, tb := run.Tasks[order[a]], run.Tasks[order[b]]
		if ta.Start != tb.Start {
			return ta.Start < tb.Start
		}
		return ta.Deadline < tb.Deadline
	})
	return order
}

// lanePainter draws the marks of one task's lane, in the units of its
// medium (millimetres on a PDF page, pixels in a picture).
type lanePainter interface {
	// lane is the task's line from x1 to x2 at height y; overrun the
	// red line from a deadline to when the task was done late; tick a
	// deadline's upright stroke; past an arrow off the axis's right end.
	lane(x1, x2, y float64)
	overrun(x1, x2, y float64)
	tick(x, y, s float64)
	past(y, s float64)
	dot(x, y, s float64, c rgb)
	cross(x, y, s float64, c rgb)
	ring(x, y, s float64)
}

// drawTaskLane draws a task from its start to its deadline, ending in
// green when met in time and red when breached (late or missed), a ring
// while pending, and an arrow when the deadline is after the axis's end.
func drawTaskLane(p lanePainter, t plan.Task, end plan.Duration, xAt func(plan.Duration) float64, y, s float64) {
	p.lane(xAt(t.Start), xAt(t.Deadline), y)
	if t.Deadline > end {
		p.past(y, s)
		if t.MetAt == nil || *t.MetAt > end {
			return // nothing happened on the axis
		}
	} else {
		p.tick(xAt(t.Deadline), y, s)
	}
	switch {
	case t.Status == plan.TaskMet && t.MetAt != nil:
		p.dot(xAt(*t.MetAt), y, s, colMet)
	case t.Status == plan.TaskMet:
		p.dot(xAt(t.Deadline), y, s, colMet)
	case t.Status == plan.TaskLate:
		p.cross(xAt(t.Deadline), y, s, colBreach)
		if t.MetAt != nil {
			p.overrun(xAt(t.Deadline), xAt(*t.MetAt), y)
			p.dot(xAt(*t.MetAt), y, s, colBreach)
		}
	case t.Status == plan.TaskMissed:
		p.cross(xAt(t.Deadline), y, s, colBreach)
	default: // pending
		p.ring(xAt(t.Deadline), y, s)
	}
}
