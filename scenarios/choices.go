package scenarios

import (
	"fmt"
	"time"

	"drillbook/plan"
)

// Choice is an item a facilitator can pick when recording an action.
type Choice struct {
	ID   string
	Name string
}

// TargetChoices lists what an action of this kind can be aimed at, from
// the plan: roles and people for escalations, stakeholders for updates,
// third parties, reporting obligations, severity levels. nil means the
// kind takes no target.
func TargetChoices(kind ExpectKind, ws *plan.Workspace) []Choice {
	var out []Choice
	switch kind {
	case ExpectEscalate, ExpectAssignIM:
		for _, r := range ws.Roles {
			out = append(out, Choice{r.ID, r.Name + " (role)"})
		}
		for _, p := range ws.People {
			out = append(out, Choice{p.ID, p.Name})
		}
	case ExpectNotify:
		for _, s := range ws.Stakeholders {
			out = append(out, Choice{s.ID, s.Name})
		}
	case ExpectContactSupplier:
		for _, t := range ws.ThirdParties {
			out = append(out, Choice{t.ID, fmt.Sprintf("%s (%s)", t.Name, t.ServiceClass)})
		}
	case ExpectReport:
		for _, o := range ws.ReportingObligations {
			out = append(out, Choice{o.ID, o.Body})
		}
	case ExpectSetSeverity:
		for _, s := range ws.Severities {
			out = append(out, Choice{fmt.Sprint(s.Level), fmt.Sprintf("%d — %s", s.Level, s.Name)})
		}
	}
	return out
}

// ActorChoices lists who can be recorded as doing something: the run's
// participants first (with the role they play), then everyone else.
func ActorChoices(ws *plan.Workspace, participants []plan.Participant) []Choice {
	seen := map[string]bool{}
	var out []Choice
	for _, p := range participants {
		person, role := ws.Person(p.Person), ws.Role(p.Role)
		if person == nil || seen[p.Person] {
			continue
		}
		name := person.Name
		if role != nil {
			name += " — " + role.Name
		}
		out = append(out, Choice{p.Person, name})
		seen[p.Person] = true
	}
	for _, p := range ws.People {
		if !seen[p.ID] {
			out = append(out, Choice{p.ID, p.Name})
		}
	}
	return out
}

// Urgency is how a task's countdown should look.
type Urgency int

// Urgency levels, in increasing order of alarm.
const (
	UrgencyDone     Urgency = iota // met, or no longer needed
	UrgencyWaiting                 // armed escalation rule, not yet due
	UrgencyOK                      // running, plenty of time
	UrgencyNear                    // running, in the last fifth of its time (or last 2 minutes)
	UrgencyBreached                // deadline passed, not done
)

// Countdown describes a task at exercise time now: the fraction of its
// window used (0–1), the time left (negative once breached) and urgency.
func Countdown(t plan.Task, now time.Duration) (used float64, left time.Duration, u Urgency) {
	start, deadline := t.Start.D(), t.Deadline.D()
	left = deadline - now
	if span := deadline - start; span > 0 {
		used = float64(now-start) / float64(span)
	}
	used = min(max(used, 0), 1)
	switch {
	case t.Status == plan.TaskMet || t.Status == plan.TaskLate || t.Status == plan.TaskNotNeeded:
		return used, left, UrgencyDone
	case t.Status == "armed" || now < start:
		return 0, left, UrgencyWaiting
	case left < 0 || t.Status == plan.TaskMissed:
		return 1, left, UrgencyBreached
	case used >= 0.8 || left <= 2*time.Minute:
		return used, left, UrgencyNear
	}
	return used, left, UrgencyOK
}
