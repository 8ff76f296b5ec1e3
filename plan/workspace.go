// Package plan holds an organisation's incident-response plan: the types for
// the three steps (procedure; roles, responsibilities and escalation;
// playbooks), their validation and the workspace file format.
//
// It has no GUI dependencies so it can be used headless and tested without
// a display.
package plan

// SchemaVersion is the workspace file format this build writes. Files with a
// lower version are migrated on load; higher versions are refused.
const SchemaVersion = 5

// Workspace is one organisation's plan (and, as later features land, its
// exercises and assessments). It is stored as one JSON document.
// Field order matters: schemaVersion is written first.
type Workspace struct {
	SchemaVersion int          `json:"schemaVersion"`
	Organisation  Organisation `json:"organisation"`

	// Step 1: the procedure.
	IncidentTypes []IncidentType `json:"incidentTypes"`
	Reporting     Reporting      `json:"reporting"`
	Triage        Triage         `json:"triage"`
	Severities    []Severity     `json:"severities"`
	ThirdParties  []ThirdParty   `json:"thirdParties"`
	Coverage      Coverage       `json:"coverage"`
	Stakeholders  []Stakeholder  `json:"stakeholders"`

	// Step 2: roles, responsibilities and escalation.
	People               []Person              `json:"people"`
	Roles                []Role                `json:"roles"`
	Responsibilities     []Responsibility      `json:"responsibilities"`
	EscalationRules      []EscalationRule      `json:"escalationRules"`
	ReportingObligations []ReportingObligation `json:"reportingObligations"`

	// Step 3: playbooks.
	Playbooks []Playbook `json:"playbooks"`

	// Exercise runs, oldest first.
	Runs []Run `json:"runs,omitempty"`

	// Assessment: criteria marked not applicable, the improvement plan and
	// the snapshot of every assessment made, oldest first.
	NotApplicable []NotApplicable    `json:"notApplicable,omitempty"`
	Actions       []Action           `json:"actions,omitempty"`
	Assessments   []AssessmentRecord `json:"assessments,omitempty"`
	// TargetLevels is the level the organisation aims for per assessment
	// dimension (by dimension ID); a dimension not listed aims for 3.
	TargetLevels map[string]int `json:"targetLevels,omitempty"`
	// Frameworks are the IDs of the frameworks and regulations the plan is
	// assessed against (package frameworks); none means NIST CSF 2.0.
	Frameworks []string `json:"frameworks,omitempty"`
}

// Organisation describes whose plan this is.
type Organisation struct {
	Name        string `json:"name"`
	Sector      string `json:"sector,omitempty"`
	Description string `json:"description,omitempty"`
	// Product is what the plan protects, e.g. "Clinician web portal".
	Product string `json:"product,omitempty"`
	// Regimes are the IDs of the laws and rules with reporting duties the
	// organisation answers to (see Regimes), e.g. "nis2", "gdpr".
	Regimes []string `json:"regimes,omitempty"`
}

// New returns an empty workspace for an organisation, at the current schema.
func New(name string) *Workspace {
	return &Workspace{
		SchemaVersion: SchemaVersion,
		Organisation:  Organisation{Name: name},
		Coverage:      Coverage{Mode: CoverageBusinessHours},
	}
}
