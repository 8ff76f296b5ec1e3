package scoring

import (
	"fmt"
	"slices"
	"strings"

	"drillbook/frameworks"
	"drillbook/plan"
)

// ClauseStatus is where the plan stands against one framework clause.
type ClauseStatus string

// Clause statuses, from the criteria that give evidence for the clause
// (frameworkMap): met when every one assessed passes, partly met when some
// do, not met when none does, not assessed when none was assessed (no
// criterion maps to the clause, all are N/A, or the clause is out of
// Drillbook's scope). The keys read as words through plan.Words.
const (
	ClauseMet         ClauseStatus = "met"
	ClausePartlyMet   ClauseStatus = "partly-met"
	ClauseNotMet      ClauseStatus = "not-met"
	ClauseNotAssessed ClauseStatus = "not-assessed"
)

// ClauseStatuses lists the statuses in the order reports count them.
var ClauseStatuses = []ClauseStatus{ClauseMet, ClausePartlyMet, ClauseNotMet, ClauseNotAssessed}

// FrameworkCoverage is one chosen framework with every clause's status.
type FrameworkCoverage struct {
	Framework frameworks.Framework
	Clauses   []ClauseCoverage // in the catalogue's order
}

// ClauseCoverage is one clause's status and the evidence behind it.
type ClauseCoverage struct {
	Clause frameworks.Clause
	Status ClauseStatus
	// Criteria are the criteria that give evidence for the clause, with
	// their outcomes, in catalogue order.
	Criteria []CriterionOutcome
	// Findings are the IDs of the findings behind the clause (its failing
	// criteria and the exercise findings of the dimensions they judge), in
	// the assessment's rank order.
	Findings []string
	// Reason says why the clause is not assessed; empty otherwise.
	Reason string
}

// CriterionOutcome is one criterion's outcome as evidence for a clause.
type CriterionOutcome struct {
	ID     string
	Status Status
}

// clauseStatus is the status rule: N/A criteria do not count.
func clauseStatus(outcomes []CriterionOutcome) ClauseStatus {
	pass, fail := 0, 0
	for _, o := range outcomes {
		switch o.Status {
		case Pass:
			pass++
		case Fail:
			fail++
		}
	}
	switch {
	case pass+fail == 0:
		return ClauseNotAssessed
	case fail == 0:
		return ClauseMet
	case pass == 0:
		return ClauseNotMet
	}
	return ClausePartlyMet
}

// frameworkCoverage computes the coverage of the chosen frameworks from
// the criteria's outcomes and the ranked findings.
func frameworkCoverage(a *Assessment, chosen []frameworks.Framework) []FrameworkCoverage {
	outcome := map[string]Status{}
	for _, d := range a.Dimensions {
		for _, list := range [][]CriterionResult{d.Passing, d.Failing, d.NA} {
			for _, r := range list {
				outcome[r.Criterion.ID] = r.Status
			}
		}
	}
	out := make([]FrameworkCoverage, len(chosen))
	for i, f := range chosen {
		fc := FrameworkCoverage{Framework: f, Clauses: make([]ClauseCoverage, len(f.Clauses))}
		for j, cl := range f.Clauses {
			cc := ClauseCoverage{Clause: cl}
			if cl.OutOfScope == "" {
				for _, id := range clauseCriteria()[frameworks.Ref(f.ID, cl.ID)] {
					cc.Criteria = append(cc.Criteria, CriterionOutcome{ID: id, Status: outcome[id]})
				}
			}
			cc.Status = clauseStatus(cc.Criteria)
			cc.Findings = clauseFindings(a, cc.Criteria)
			cc.Reason = notAssessedReason(cl, cc)
			fc.Clauses[j] = cc
		}
		out[i] = fc
	}
	return out
}

func notAssessedReason(cl frameworks.Clause, cc ClauseCoverage) string {
	switch {
	case cc.Status != ClauseNotAssessed:
		return ""
	case cl.OutOfScope != "":
		return "Out of scope: " + cl.OutOfScope
	case len(cc.Criteria) == 0:
		return "No criterion of the assessment gives evidence for this clause."
	}
	return "Every criterion that gives evidence for this clause is marked not applicable."
}

// clauseFindings returns the findings behind a clause: those of its
// failing criteria, and the exercise findings of a dimension whose
// "exercised" criterion is among its criteria.
func clauseFindings(a *Assessment, outcomes []CriterionOutcome) []string {
	var ids []string
	for _, f := range a.Findings {
		c := f.Criterion
		if c == "" {
			c = exercisedCriterion(f.Dimension)
		}
		if c != "" && slices.ContainsFunc(outcomes, func(o CriterionOutcome) bool { return o.ID == c }) {
			ids = append(ids, f.ID)
		}
	}
	return ids
}

// exercisedCriterion is the dimension's level-4 criterion that an exercise
// answers (its RemedyExercise criterion), or "".
func exercisedCriterion(dim DimensionID) string {
	for _, c := range catalogue() {
		if c.Dimension == dim && c.Level == 4 && c.Remedy == RemedyExercise {
			return c.ID
		}
	}
	return ""
}

// Count returns how many clauses have the status.
func (fc FrameworkCoverage) Count(s ClauseStatus) int {
	n := 0
	for _, c := range fc.Clauses {
		if c.Status == s {
			n++
		}
	}
	return n
}

// Summary says the coverage in one line: "NIST CSF 2.0: 12 met, 5 partly
// met, 3 not met, 11 not assessed".
func (fc FrameworkCoverage) Summary() string {
	parts := make([]string, 0, len(ClauseStatuses))
	for _, s := range ClauseStatuses {
		parts = append(parts, fmt.Sprintf("%d %s", fc.Count(s), plan.Words(string(s))))
	}
	return fc.Framework.Short + ": " + strings.Join(parts, ", ")
}

// Framework returns the coverage of a chosen framework, or nil.
func (a *Assessment) Framework(id string) *FrameworkCoverage {
	if i := slices.IndexFunc(a.Frameworks, func(f FrameworkCoverage) bool { return f.Framework.ID == id }); i >= 0 {
		return &a.Frameworks[i]
	}
	return nil
}

// ChosenFrameworks returns the frameworks a workspace is assessed against:
// those it names (NIST CSF 2.0 when it names none), and those of the
// regimes its organisation declares, so a GDPR controller is assessed
// against GDPR without ticking it twice. Unknown IDs, which validation
// reports, are left out.
func ChosenFrameworks(ws *plan.Workspace) []frameworks.Framework {
	ids := slices.Clone(ws.Frameworks)
	if len(frameworks.Unknown(ids)) == len(ids) { // none known
		ids = append(ids, frameworks.Default)
	}
	for _, id := range ws.RegimeFrameworks() {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return frameworks.Chosen(ids)
}
