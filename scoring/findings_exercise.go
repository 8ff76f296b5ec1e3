package scoring

import (
	"fmt"
	"slices"
	"strings"

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
			if f, ok := taskFinding(rr, &rr.Tasks[j]); ok {
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

func taskFinding(rr *RunResult, tr *TaskResult) (Finding, bool) {
	if tr.Rating != RatingM && tr.Rating != RatingU {
		return Finding{}, false
	}
	t := &tr.Task
	label := t.Label
	if plan.Placeholder(label) {
		label = t.Kind
	}
	f := Finding{
		ID:             "RUN-" + rr.RunID + "-" + t.ID,
		Dimension:      tr.Dimension,
		Severity:       SeverityMedium,
		Effort:         EffortMedium,
		Where:          tr.Path,
		Why:            exerciseWhy[tr.Dimension],
		Recommendation: exerciseAdvice[tr.Dimension],
	}
	target := t.Deadline - t.Start
	switch {
	case tr.Unreached != "":
		f.What = fmt.Sprintf("%q was recorded as done in exercise %s, but %s.", label, rr.RunID, tr.Unreached)
	case tr.Completion == 0:
		f.What = fmt.Sprintf("%q was missed in exercise %s (target %s).", label, rr.RunID, target)
	case t.MetAt != nil:
		f.What = fmt.Sprintf("%q took %s against a %s target in exercise %s (rated %s).", label, *t.MetAt-t.Start, target, rr.RunID, tr.Rating)
	default:
		f.What = fmt.Sprintf("%q was late in exercise %s (rated %s).", label, rr.RunID, tr.Rating)
	}
	if tr.Rating == RatingU {
		f.Severity = SeverityHigh
		if tr.Dimension == DimRegulatory {
			f.Severity = SeverityCritical
		}
	}
	f.Gaps = []Gap{{Path: tr.Path, What: f.What}}
	f.Evidence = []string{
		fmt.Sprintf("%s: %s %s task %s, status %s, score %.2f", tr.Path, t.Source, t.Kind, t.ID, t.Status, tr.Score),
		fmt.Sprintf("%s: %q on %s", rr.Path, plan.OrID(rr.ScenarioTitle, rr.ScenarioID), rr.Date),
	}
	for _, ref := range t.Refs {
		f.Evidence = append(f.Evidence, "ref: "+ref)
	}
	return f, true
}

func bindingFinding(rr *RunResult, path string, b plan.RunBinding) Finding {
	kind, key, ok := strings.Cut(b.Ref, ":")
	if !ok {
		kind, key = "role", b.Ref
	}
	f := Finding{
		ID:       bindingFindingID(rr.RunID, b.Ref),
		Severity: SeverityHigh,
		Effort:   EffortSmall,
		Where:    path,
		What:     fmt.Sprintf("Scenario reference %q could not be bound to the plan in exercise %s: %s.", b.Ref, rr.RunID, b.Gap),
		Why:      "The scenario needed someone or something the plan does not have; a real incident of the same kind would find the same gap, at a worse time.",
	}
	switch kind {
	case "third-party":
		f.Dimension = DimThirdParties
		f.Recommendation = fmt.Sprintf("Add your %s provider to the third parties, with its criticality and an out-of-hours contact.", key)
	case "stakeholder":
		f.Dimension = DimComms
		f.Recommendation = fmt.Sprintf("Add a %s stakeholder to the communication plan with an owner role, address and cadence.", key)
	case "regulator":
		f.Dimension = DimRegulatory
		f.Recommendation = fmt.Sprintf("Add the reporting obligation that covers %s incidents, with its deadline and owner role, or record why none applies.", key)
	default:
		f.Dimension = DimRoles
		f.Recommendation = fmt.Sprintf("Give a role the %s function and put at least two people in it.", key)
	}
	f.Gaps = []Gap{{Path: path, What: f.What}}
	f.Evidence = []string{fmt.Sprintf("%s: %q on %s", rr.Path, plan.OrID(rr.ScenarioTitle, rr.ScenarioID), rr.Date)}
	return f
}

// bindingFindingID names the finding for an unbound scenario reference.
func bindingFindingID(runID, ref string) string { return "BIND-" + runID + "-" + ref }
