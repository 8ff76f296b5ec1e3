package scoring

import (
	"slices"
	"strings"

	"drillbook/internal/prose"
	"drillbook/plan"
)

// exerciseWhy says, per dimension, why a weak exercise task matters.
var exerciseWhy = map[DimensionID]string{
	DimSeverity:     "A severity set too low or too late delays escalation, stakeholder updates and regulatory clocks that depend on it.",
	DimTriage:       "Every other clock starts at declaration; a late declaration makes every later target harder to meet.",
	DimThirdParties: "While nobody has reached the supplier, an outage on their side has no one working on it on their side.",
	DimCover:        "An unacknowledged page means nobody is working the incident; in a real event the outage runs unseen.",
	DimComms:        "Missed or late updates push customers and staff to guess, flood the service desk and erode trust in the response.",
	DimRoles:        "Until someone takes command, work is duplicated or missed and nobody decides.",
	DimEscalation:   "A late escalation leaves responders stuck on their own for longer than the plan intends.",
	DimRegulatory:   "A missed reporting deadline turns an incident into a breach of law or contract in its own right.",
	DimPlaybooks:    "A playbook step that cannot be completed in time shows the playbook and the reality have drifted apart.",
	DimExercise:     "Slow or missed decisions and resolution show where authority or information was missing under pressure.",
}

// exerciseAdvice recommends what to do about a weak task, per dimension.
var exerciseAdvice = map[DimensionID]string{
	DimSeverity:     "Review the severity definitions with the team against this scenario and add examples where they hesitated.",
	DimTriage:       "Walk the triage steps against this scenario's first injects and tighten the declaration criteria that caused hesitation.",
	DimThirdParties: "Check the supplier's out-of-hours route and account details, put them in the relevant playbook step, and rehearse opening a case.",
	DimCover:        "Test the paging path end to end (app, phone, escalation to the next engineer) and check the rota for the time the exercise was set.",
	DimComms:        "Prepare the templates for this scenario, put the cadence on the incident channel's timer and give the comms lead a deputy.",
	DimRoles:        "Make taking command the first step of every responder's playbook and brief deputies on stepping in.",
	DimEscalation:   "Put the escalation thresholds on the incident timer and make escalating a playbook step rather than a judgement call.",
	DimRegulatory:   "Add the reporting deadline to the incident timer and give the obligation's owner a drafted report template.",
	DimPlaybooks:    "Revise the playbook with the people who ran this step: fix the commands, split slow steps and publish a revision.",
	DimExercise:     "Discuss the decision in the hot wash and record in the playbook who may decide and on what information.",
}

// exerciseFindings turns the recent runs into findings: for each scenario
// its most recent run in the window gives a finding per task rated M or U;
// for each scenario reference, the most recent run that bound it gives a
// finding when the binding had a gap. Older runs are superseded.
func exerciseFindings(s *state) []Finding {
	var out []Finding
	for _, i := range s.ex.current {
		rr := &s.ex.runs[i]
		for j := range rr.Tasks {
			if f, ok := taskFinding(s, rr, &rr.Tasks[j]); ok {
				out = append(out, f)
			}
		}
	}
	seenRef := map[string]bool{}
	for _, i := range s.ex.recent {
		rr := &s.ex.runs[i]
		gaps := s.bindingGaps(i)
		for j, b := range s.ws.Runs[i].Bindings {
			if seenRef[b.Ref] {
				continue
			}
			seenRef[b.Ref] = true // a later run's binding supersedes
			if slices.Contains(gaps, j) {
				out = append(out, bindingFinding(rr, at(rr.Path+".bindings", j, ""), b))
			}
		}
	}
	return out
}

func taskFinding(s *state, rr *RunResult, tr *TaskResult) (Finding, bool) {
	if tr.Rating != RatingM && tr.Rating != RatingU {
		return Finding{}, false
	}
	t := &tr.Task
	label := "“" + taskLabel(t) + "”"
	exercise := exerciseName(rr.ScenarioTitle, rr.ScenarioID, rr.Date)
	f := Finding{
		ID:             "RUN-" + rr.RunID + "-" + t.ID,
		RunID:          rr.RunID,
		Dimension:      tr.Dimension,
		Severity:       SeverityMedium,
		Effort:         EffortMedium,
		Where:          tr.Path,
		Place:          "the exercise " + exercise,
		Why:            exerciseWhy[tr.Dimension],
		Recommendation: exerciseAdvice[tr.Dimension],
	}
	target := t.Deadline - t.Start
	var went string // what went wrong, after the label
	switch {
	case tr.Unreached != "":
		went = "was recorded as done, but " + tr.Unreached
	case tr.Completion == 0:
		went = say("was missed (target %s)", target)
	case t.MetAt != nil:
		took := *t.MetAt - t.Start
		went = say("took %s against a %s target, %s (rated %s)", took, target, prose.Margin((target - took).D()), tr.Rating)
	default:
		went = say("was done late (rated %s)", tr.Rating)
	}
	f.Title = runHeading(rr) + ": " + label + " " + shortWent(tr)
	f.What = "In the exercise " + exercise + ", " + label + " " + went + "."
	if tr.Rating == RatingU {
		f.Severity = SeverityHigh
		if tr.Dimension == DimRegulatory {
			f.Severity = SeverityCritical
		}
	}
	f.Gaps = []Gap{{Path: tr.Path, What: f.What, Place: f.Place}}
	f.Evidence = []string{
		say("Task %s: %s, %s, score %.2f.", label, sourceWords(t.Source), statusWords(t.Status), tr.Score),
		"Exercise " + exercise + ".",
	}
	for _, ref := range t.Refs {
		if p, err := plan.ParsePath(ref); err == nil && s.placeOf(p.String()) != "the plan" {
			f.Evidence = append(f.Evidence, "The target comes from "+s.placeOf(ref)+".")
		}
	}
	return f, true
}

// runHeading starts an exercise finding's title: "The DNS provider
// suspends our zone, 2026-10-30".
func runHeading(rr *RunResult) string {
	h := plan.OrID(strings.TrimSpace(rr.ScenarioTitle), plan.Words(rr.ScenarioID))
	if !rr.Date.IsZero() {
		h += ", " + rr.Date.String()
	}
	return h
}

// shortWent is what went wrong in a few words, for a title.
func shortWent(tr *TaskResult) string {
	switch {
	case tr.Unreached != "":
		return "reached nobody"
	case tr.Completion == 0:
		return "was missed"
	}
	return "was late"
}

// taskLabel is the task's label, or its kind in words when it has none.
func taskLabel(t *plan.Task) string {
	if !plan.Placeholder(t.Label) {
		return t.Label
	}
	if w, ok := taskWords[t.Kind]; ok {
		return capitalise(w)
	}
	return capitalise(plan.Words(t.Kind))
}

func sourceWords(source string) string {
	if source == plan.SourcePlan {
		return "a target of the plan"
	}
	return "an expectation of the scenario"
}

func statusWords(status string) string {
	switch status {
	case plan.TaskMet:
		return "done on time"
	case plan.TaskLate:
		return "done late"
	case plan.TaskMissed:
		return "missed"
	}
	return plan.Words(status)
}

func bindingFinding(rr *RunResult, path string, b plan.RunBinding) Finding {
	kind, key, ok := strings.Cut(b.Ref, ":")
	if !ok {
		kind, key = "role", b.Ref
	}
	exercise := exerciseName(rr.ScenarioTitle, rr.ScenarioID, rr.Date)
	f := Finding{
		ID:       bindingFindingID(rr.RunID, b.Ref),
		RunID:    rr.RunID,
		Severity: SeverityHigh,
		Effort:   EffortSmall,
		Where:    path,
		Place:    "the exercise " + exercise,
		Why:      "The scenario needed someone or something the plan does not have; a real incident of the same kind would find the same gap, at a worse time.",
	}
	needed := refWords(b.Ref)
	switch kind {
	case "third-party":
		f.Dimension = DimThirdParties
		f.Recommendation = "Add your " + serviceWords(plan.ServiceClass(key)) + " to the third parties, with its criticality and an out-of-hours contact."
	case "stakeholder":
		f.Dimension = DimComms
		f.Recommendation = "Add " + a(plan.Words(key)+" stakeholder") + " to the communication plan with an owner role, address and cadence."
	case "regulator":
		f.Dimension = DimRegulatory
		f.Recommendation = "Add the reporting obligation that covers " + plan.Words(key) + " incidents, with its deadline and owner role, or record why none applies."
	default:
		f.Dimension = DimRoles
		f.Recommendation = "Give a role the " + plan.Words(key) + " function and put at least two people in it."
	}
	f.Title = runHeading(rr) + ": the plan had no " + strings.TrimPrefix(strings.TrimPrefix(needed, "an "), "a ")
	f.What = "In the exercise " + exercise + ", the scenario needed " + needed + " and the plan could not provide one: " + strings.TrimSuffix(b.Gap, ".") + "."
	f.Gaps = []Gap{{Path: path, What: f.What, Place: f.Place}}
	f.Evidence = []string{"Exercise " + exercise + "."}
	return f
}

// refWords says what a scenario reference asks of the plan: "a DNS
// provider", "a public stakeholder", "a role with the executive function".
func refWords(ref string) string {
	kind, key, ok := strings.Cut(ref, ":")
	if !ok {
		kind, key = "role", ref
	}
	switch kind {
	case "third-party":
		return a(serviceWords(plan.ServiceClass(key)))
	case "stakeholder":
		return a(plan.Words(key) + " stakeholder")
	case "regulator":
		return "a reporting obligation for " + plan.Words(key) + " incidents"
	}
	return "a role with the " + plan.Words(key) + " function"
}

// bindingFindingID names the finding for an unbound scenario reference.
func bindingFindingID(runID, ref string) string { return "BIND-" + runID + "-" + ref }
