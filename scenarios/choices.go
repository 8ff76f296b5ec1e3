package scenarios

import (
	"fmt"
	"strings"
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

// Casting is a plan role a scenario needs played and who could play it:
// one row of the start dialog. Scenario references that bind to the same
// plan role share one casting, since one person plays that role.
type Casting struct {
	Ref Ref // the first scenario reference the role plays, e.g. incident-manager
	// Refs are every scenario reference the role plays, in order of first
	// use: a small plan may give one role both the incident manager's and
	// the technical lead's functions.
	Refs []Ref
	Role string // the plan role they bound to (the first, if several carry a function)
	Name string // that role's name
	// People are person IDs: the bound roles' members, primary first,
	// then everyone else in the plan. The first is the default.
	People []string
}

// Plays says in words which scenario roles the casting plays:
// "incident manager and technical lead".
func (c Casting) Plays() string {
	words := make([]string, len(c.Refs))
	for i, r := range c.Refs {
		words[i] = RefWords(r)
	}
	if n := len(words); n > 1 {
		return strings.Join(words[:n-1], ", ") + " and " + words[n-1]
	}
	return strings.Join(words, "")
}

// Label is the start dialog's label for the row: the scenario roles and
// the plan role they resolve to, "Incident manager and technical lead →
// Platform Lead". The person is the row's choice (People[0] by default).
func (c Casting) Label() string {
	plays := c.Plays()
	if plays != "" {
		plays = strings.ToUpper(plays[:1]) + plays[1:]
	}
	return plays + " → " + c.Name
}

// Castings lists the plan roles the scenario's role references bound to,
// one per plan role, in order of first use. References that did not bind
// are gaps (see Bind); those that do not apply to the organisation are
// left out.
func Castings(s *Scenario, ws *plan.Workspace) []Casting {
	var out []Casting
	byRole := map[string]int{} // plan role ID → index in out
	for _, b := range Bind(s, ws) {
		if kind, _ := b.Ref.Kind(); kind != RefRole || !b.Bound() || len(b.IDs) == 0 {
			continue
		}
		if i, ok := byRole[b.IDs[0]]; ok {
			out[i].Refs = append(out[i].Refs, b.Ref)
			continue
		}
		byRole[b.IDs[0]] = len(out)
		c := Casting{Ref: b.Ref, Refs: []Ref{b.Ref}, Role: b.IDs[0], Name: b.Names[0], People: make([]string, 0, len(ws.People))}
		seen := make(map[string]bool, len(ws.People))
		add := func(id string) {
			if !seen[id] {
				seen[id] = true
				c.People = append(c.People, id)
			}
		}
		for _, id := range b.People {
			if ws.Person(id) != nil {
				add(id)
			}
		}
		for _, p := range ws.People {
			add(p.ID)
		}
		out = append(out, c)
	}
	return out
}

// functionWords are the role functions as a facilitator would say them.
var functionWords = map[plan.Function]string{
	plan.FunctionIncidentManager: "incident manager",
	plan.FunctionTriage:          "triage lead",
	plan.FunctionOnCall:          "on-call engineer",
	plan.FunctionInternalComms:   "communications lead (internal comms)",
	plan.FunctionCustomerComms:   "communications lead (customer comms)",
	plan.FunctionRegulatory:      "regulatory reporting lead",
	plan.FunctionTechnicalLead:   "technical lead",
	plan.FunctionSecurityLead:    "security lead",
	plan.FunctionDataProtection:  "data protection officer",
	plan.FunctionClinicalSafety:  "clinical safety officer",
	plan.FunctionExecutive:       "executive",
	plan.FunctionSupplierManager: "supplier liaison",
}

// RefWords says a scenario reference in words, for labels: "incident
// manager", "cloud provider", "customer stakeholders", "regulator for
// information governance incidents".
func RefWords(r Ref) string {
	kind, key := r.Kind()
	words := plan.Words(key)
	switch kind {
	case RefRole:
		if w, ok := functionWords[plan.Function(key)]; ok {
			return w
		}
	case RefThirdParty:
		return words + " provider"
	case RefStakeholder:
		return words + " stakeholders"
	case RefRegulator:
		return "regulator for " + words + " incidents"
	}
	return words
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
