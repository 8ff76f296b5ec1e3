package plan

// PartCount is how many items one part of the plan has, for overviews.
type PartCount struct {
	Step  int    // 1 procedure, 2 roles & escalation, 3 playbooks
	Part  string // display name of the part
	Count int
}

// StepNames names the three steps of the plan, indexed by Step-1.
var StepNames = [3]string{"Procedure", "Roles, responsibilities & escalation", "Playbooks"}

// Summary counts the items in each part of the plan, grouped by step.
func (w *Workspace) Summary() []PartCount {
	shifts := len(w.Coverage.Rota.Shifts)
	return []PartCount{
		{1, "Incident types", len(w.IncidentTypes)},
		{1, "Reporting channels", len(w.Reporting.Channels)},
		{1, "Severity levels", len(w.Severities)},
		{1, "Third parties", len(w.ThirdParties)},
		{1, "On-call shifts", shifts},
		{1, "Stakeholders", len(w.Stakeholders)},
		{2, "People", len(w.People)},
		{2, "Roles", len(w.Roles)},
		{2, "Responsibilities (R/A/C/I)", len(w.Responsibilities)},
		{2, "Escalation rules", len(w.EscalationRules)},
		{2, "Reporting obligations", len(w.ReportingObligations)},
		{3, "Playbooks", len(w.Playbooks)},
		{3, "Playbook steps", w.stepCount()},
		{3, "Published revisions", w.revisionCount()},
	}
}

func (w *Workspace) stepCount() int {
	n := 0
	for _, p := range w.Playbooks {
		n += len(p.Steps)
	}
	return n
}

func (w *Workspace) revisionCount() int {
	n := 0
	for _, p := range w.Playbooks {
		n += len(p.Revisions)
	}
	return n
}
