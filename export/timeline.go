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
