package plan

import "strings"

// healthWords mark a sector as health care, where clinical safety applies.
var healthWords = []string{"health", "hospital", "clinic", "nhs", "medical", "patient", "care", "pharma", "gp "}

// Clinical reports whether clinical safety applies to the organisation: it
// is in a health sector, or its plan declares a clinical-safety incident
// type. Scenario references and criteria about clinical roles apply only
// then; a SaaS company is never asked for a clinical safety officer.
func (w *Workspace) Clinical() bool {
	if w == nil {
		return false
	}
	sector := " " + strings.ToLower(w.Organisation.Sector) + " "
	for _, h := range healthWords {
		if strings.Contains(sector, h) {
			return true
		}
	}
	for _, t := range w.IncidentTypes {
		if t.Category == CategoryClinical {
			return true
		}
	}
	return false
}

// ClinicalRef reports whether a scenario reference is about clinical
// safety (a role function or a regulator for the category).
func ClinicalRef(ref string) bool { return strings.Contains(ref, "clinical") }
