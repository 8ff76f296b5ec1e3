package scoring

import "drillbook/plan"

// Overdue reports whether an improvement action is still to be done and
// its due day is before today: the rule of criterion IMP-3.1, shared with
// the portfolio's overdue counts so the two never disagree.
func Overdue(a *plan.Action, today plan.Date) bool {
	return open(a) && !a.Due.IsZero() && a.Due.Before(today)
}

// ActionCounts counts the workspace's improvement actions still to be
// done (open or in progress) and, of those, the ones overdue on today.
func ActionCounts(ws *plan.Workspace, today plan.Date) (pending, overdue int) {
	for i := range ws.Actions {
		a := &ws.Actions[i]
		if open(a) {
			pending++
		}
		if Overdue(a, today) {
			overdue++
		}
	}
	return pending, overdue
}
