package scenarios

import "drillbook/plan"

// PublicStatus is the incident status the participants' window shows,
// derived from what the team has recorded (struck entries left out): it
// never reveals expectations.
func PublicStatus(events []plan.Event) string {
	status := "Reported — awaiting acknowledgement"
	for _, ev := range plan.Effective(events) {
		if ev.Kind != plan.EventAction {
			continue
		}
		switch ExpectKind(ev.Action) {
		case ExpectAcknowledge:
			if status == "Reported — awaiting acknowledgement" {
				status = "Acknowledged — investigating"
			}
		case ExpectDeclare:
			status = "Incident declared — responding"
		case ExpectEscalate:
			if status != "Resolved" {
				status = "Escalated — responding"
			}
		case ActionResolve:
			status = "Resolved"
		}
	}
	return status
}
