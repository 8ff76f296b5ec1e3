package scoring

import "slices"

// DimensionID names an assessment dimension.
type DimensionID string

// The twelve dimensions, in the order of the plan's three steps followed
// by exercising and improving.
const (
	DimTypes        DimensionID = "types"
	DimSeverity     DimensionID = "severity"
	DimTriage       DimensionID = "triage"
	DimThirdParties DimensionID = "third-parties"
	DimCover        DimensionID = "cover"
	DimComms        DimensionID = "communications"
	DimRoles        DimensionID = "roles"
	DimEscalation   DimensionID = "escalation"
	DimRegulatory   DimensionID = "regulatory"
	DimPlaybooks    DimensionID = "playbooks"
	DimExercise     DimensionID = "exercise"
	DimImprovement  DimensionID = "improvement"
)

// Dimension is one area of incident-response capability that is given a
// level 0–4.
type Dimension struct {
	ID DimensionID
	// Prefix starts the IDs of the dimension's criteria ("SEV" in "SEV-2.1").
	Prefix string
	Name   string
	// Levels holds the written definition of levels 0 (absent) to 4
	// (assured) for this dimension.
	Levels [5]string
}

// LevelNames are the generic names of levels 0–4.
var LevelNames = [5]string{"Absent", "Ad hoc", "Documented", "Formalised", "Assured"}

var dimensions = []Dimension{
	{DimTypes, "TYP", "Incident types & criteria", [5]string{
		"No incident types are defined: nobody can say what counts as an incident.",
		"Some incident types are named, but not what makes something one of them.",
		"Every incident type has declaration criteria and a responsible role, and the core categories (security, availability, information governance) are covered.",
		"Each type has exactly one accountable role and worked examples that help staff recognise it.",
		"Every category of incident in the plan has been exercised in the last 12 months.",
	}},
	{DimSeverity, "SEV", "Severity model", [5]string{
		"No severity levels are defined.",
		"Severity levels exist but without definitions or targets.",
		"At least two numbered levels, each with a definition and acknowledge and resolve targets.",
		"Every level has all four targets (acknowledge, first update, update cadence, resolve), targets tighten as severity rises, and levels have examples.",
		"Setting the severity has been exercised in the last 12 months with a P or S rating.",
	}},
	{DimTriage, "TRI", "Reporting & triage", [5]string{
		"There is no stated way to report an incident.",
		"At least one reporting route exists.",
		"Every reporting route has an address and monitoring hours, staff guidance is written, and a triage role is named and staffed.",
		"Triage has a target time and written steps, and it is clear who triages and which route is watched out of hours.",
		"Declaring incidents has been exercised in the last 12 months with a P or S rating.",
	}},
	{DimThirdParties, "TP", "Third parties", [5]string{
		"No third parties are listed.",
		"Some suppliers are listed.",
		"Every supplier has a contact; critical suppliers can be reached out of hours; the cloud and DNS providers are listed.",
		"Critical and high suppliers have a status page, support plan and account reference, are reachable out of hours under 24/7 cover, and a supplier liaison role is staffed.",
		"Contacting a supplier has been exercised in the last 12 months with a P or S rating.",
	}},
	{DimCover, "COV", "Cover & on-call", [5]string{
		"Nobody has said when incidents are responded to.",
		"Cover hours are stated.",
		"A declared 24/7 service has an on-call rota with no holes, every shift is staffed and on-call engineers can be reached out of hours.",
		"Shifts rotate between at least two people who hold the on-call role, hand-over is described and the time zone is set.",
		"Acknowledging pages has been exercised in the last 12 months with a P or S rating.",
	}},
	{DimComms, "COM", "Communications", [5]string{
		"There is no stakeholder communication plan.",
		"Some stakeholders are listed.",
		"Internal and customer stakeholders each have an owner role with people in it and an address, and a comms role is staffed.",
		"Every stakeholder has an update cadence at the most severe level and a message template, and executives are in the plan.",
		"Stakeholder updates have been exercised in the last 12 months with a P or S rating.",
	}},
	{DimRoles, "ROL", "Roles & responsibilities", [5]string{
		"No incident manager role exists.",
		"An incident manager is named.",
		"Every role has people who can be contacted, and every incident manager has a deputy.",
		"Key roles have at least two people, no one is a single point of failure, and responsible roles have written duties.",
		"Assigning an incident manager has been exercised in the last 12 months with a P or S rating.",
	}},
	{DimEscalation, "ESC", "Escalation", [5]string{
		"There are no escalation rules.",
		"Some escalation rules exist.",
		"Every rule reaches a different, staffed role, and the most severe incidents escalate when unresolved.",
		"High severities escalate when unacknowledged and unresolved, timings fit the severity targets, incident command hands over for the worst incidents, and escalation targets can be reached out of hours.",
		"Escalation has been exercised in the last 12 months with a P or S rating.",
	}},
	{DimRegulatory, "REG", "Regulatory reporting", [5]string{
		"No reporting obligations are recorded.",
		"Some obligations are recorded.",
		"Every obligation has an owner role and a deadline, a regulatory reporting role is staffed, and data and clinical incident types are covered by an obligation.",
		"Obligations say how and under what rule to report, owner roles have cover and a playbook.",
		"Reporting to a regulator has been exercised in the last 12 months with a P or S rating.",
	}},
	{DimPlaybooks, "PBK", "Playbooks & upkeep", [5]string{
		"There are no playbooks.",
		"Some playbooks exist.",
		"Every playbook has steps, an owner and incident types; every responsible role has a playbook for each type it responds to; no reference is broken.",
		"Playbooks are reviewed and revised on schedule, published revisions match the working copy and steps have expected durations.",
		"Playbook steps have been exercised in the last 12 months with a P or S rating.",
	}},
	{DimExercise, "EXR", "Exercise performance", [5]string{
		"No exercise has ever been run.",
		"An exercise has been run at some time.",
		"An exercise was run in the last 12 months, its tasks were scored and every scenario reference bound to the plan.",
		"Exercises are regular (two or more a year), debriefed, and the latest was not rated U.",
		"The latest exercise was rated P or S, with no poor decisions.",
	}},
	{DimImprovement, "IMP", "Improvement", [5]string{
		"Nothing in the plan has changed in the last year.",
		"The plan is improved ad hoc (revisions or actions in the last 12 months).",
		"An improvement plan exists: actions with owners and due dates, linked to findings.",
		"No action is overdue, the plan is reassessed at least yearly and exercise gaps get actions.",
		"Improvements are closed: playbook actions marked done are backed by a published revision.",
	}},
}

// Dimensions returns the twelve dimensions in display order.
func Dimensions() []Dimension { return append([]Dimension(nil), dimensions...) }

// DimensionByID returns the dimension with the ID.
func DimensionByID(id DimensionID) (Dimension, bool) {
	if i := dimensionOrder(id); i < len(dimensions) {
		return dimensions[i], true
	}
	return Dimension{}, false
}

// dimensionOrder is the dimension's display position; unknown IDs sort
// last.
func dimensionOrder(id DimensionID) int {
	if i := slices.IndexFunc(dimensions, func(d Dimension) bool { return d.ID == id }); i >= 0 {
		return i
	}
	return len(dimensions)
}
