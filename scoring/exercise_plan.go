package scoring

import (
	"fmt"
	"strconv"
	"strings"

	"drillbook/plan"
)

// Recording "escalated" or "called the supplier" in a drill proves nothing
// if the plan gives nobody to escalate to or no way to call: such tasks
// count as missed. And a team cannot earn a P against a target the plan
// itself makes meaningless (a day to acknowledge under 24/7 cover).

// implausibleCap is the highest score a task measured against an
// implausible plan target can keep: the top of the S band.
const implausibleCap = 0.89

// judgeAgainstPlan applies both rules to a scored task.
func judgeAgainstPlan(s *state, run *plan.Run, tr *TaskResult) {
	if tr.Excluded || tr.Completion == 0 {
		return
	}
	if why := unreached(s, run, &tr.Task); why != "" {
		tr.Completion, tr.Timeliness, tr.Score, tr.Rating, tr.Unreached = 0, 0, 0, RatingU, why
		return
	}
	if why := implausibleTarget(s, &tr.Task); why != "" && tr.Score > implausibleCap {
		tr.Score, tr.Rating, tr.Implausible = implausibleCap, RatingFor(implausibleCap), why
	}
}

// unreached explains why a met escalation or supplier contact reached
// nobody, or returns "".
func unreached(s *state, run *plan.Run, t *plan.Task) string {
	switch t.Kind {
	case "escalate", "escalation-rule":
		roles := targets(run, t.Target, func(id string) bool { _, ok := s.roles[id]; return ok })
		if len(roles) == 0 {
			return ""
		}
		for _, id := range roles {
			if s.roleStaffed(id) {
				return ""
			}
		}
		names := make([]string, len(roles))
		for i, id := range roles {
			names[i] = s.roleName(id)
		}
		return fmt.Sprintf("the escalation went to %s, which has nobody in it", strings.Join(names, " and "))
	case "contact-third-party":
		tps := targets(run, t.Target, func(id string) bool { _, ok := s.thirdParties[id]; return ok })
		if len(tps) == 0 {
			return ""
		}
		for _, id := range tps {
			for _, c := range s.ws.ThirdParties[s.thirdParties[id]].Contacts {
				if plan.PlausibleContact(c) {
					return ""
				}
			}
		}
		tp := s.ws.ThirdParties[s.thirdParties[tps[0]]]
		return fmt.Sprintf("the plan gives no way to reach %s", plan.OrID(tp.Name, tp.ID))
	}
	return ""
}

// targets resolves a task's target to plan IDs: the ID itself when the plan
// has it, else what the run bound the scenario reference to.
func targets(run *plan.Run, target string, exists func(string) bool) []string {
	if target == "" {
		return nil
	}
	if exists(target) {
		return []string{target}
	}
	for _, b := range run.Bindings {
		if b.Ref == target {
			var out []string
			for _, id := range b.IDs {
				if exists(id) {
					out = append(out, id)
				}
			}
			return out
		}
	}
	return nil
}

// implausibleTarget explains why a plan timer's target is no real target
// (the same rule as SEV-2.4), or returns "".
func implausibleTarget(s *state, t *plan.Task) string {
	if t.Source != plan.SourcePlan || t.Kind != "acknowledge" {
		return ""
	}
	_, sevText, ok := strings.Cut(t.ID, "@sev")
	level, err := strconv.Atoi(sevText)
	if !ok || err != nil || level != s.mostSevere {
		return ""
	}
	limit := ackLimit(s.is24x7)
	if target := t.Deadline - t.Start; target > limit {
		return fmt.Sprintf("the plan gives %s to acknowledge a Sev %d incident, more than the %s its cover makes plausible", target, level, limit)
	}
	return ""
}
