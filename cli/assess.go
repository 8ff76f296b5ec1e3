package cli

import (
	"encoding/json"
	"flag"
	"fmt"

	"drillbook/frameworks"
	"drillbook/internal/prose"
	"drillbook/plan"
	"drillbook/scoring"
)

// assessJSON is what `drillbook assess --json` prints, one object that
// scripts read, so its field names stay stable: the headline, the
// validation status, the index (0–100, for trends only), every
// dimension's level and every finding.
type assessJSON struct {
	File       string          `json:"file"`
	Date       string          `json:"date"`
	Tier       scoring.Tier    `json:"tier"`
	Headline   string          `json:"headline"`
	Validation validationJSON  `json:"validation"`
	Index      float64         `json:"index"`
	Dimensions []dimensionJSON `json:"dimensions"`
	Findings   []findingJSON   `json:"findings"`
	// Frameworks is the coverage of each chosen framework, clause by
	// clause, from the catalogue edition named by Catalogue.
	Catalogue  string          `json:"frameworksCatalogue"`
	Frameworks []frameworkJSON `json:"frameworks"`
}

// frameworkJSON is one chosen framework and the status of each clause.
type frameworkJSON struct {
	ID      string       `json:"id"`
	Name    string       `json:"name"`
	Clauses []clauseJSON `json:"clauses"`
}

// clauseJSON is one clause: its ID, reference as the source writes it and
// status (met, partly-met, not-met, not-assessed), with the criteria that
// give evidence for it, the findings behind it and, when not assessed, why.
type clauseJSON struct {
	ID        string               `json:"id"`
	Reference string               `json:"ref"`
	Status    scoring.ClauseStatus `json:"status"`
	Criteria  []string             `json:"criteria,omitempty"`
	Findings  []string             `json:"findings,omitempty"`
	Reason    string               `json:"reason,omitempty"`
}

// validationJSON is the validation status and, when a run decided it,
// that run: its ID, scenario title, date and rating, and the plan
// dimensions it capped below their plan level.
type validationJSON struct {
	Status  scoring.ValidationStatus `json:"status"`
	Run     string                   `json:"run,omitempty"`
	Title   string                   `json:"scenario,omitempty"`
	Date    string                   `json:"date,omitempty"`
	Rating  scoring.Rating           `json:"rating,omitempty"`
	Lowered []scoring.DimensionID    `json:"lowered,omitempty"`
}

// dimensionJSON is one dimension's level (0–4); Plan is whether it counts
// towards the tier (exercise and improvement are evidence beside it), and
// CappedBy explains an exercise rule that lowered the level.
type dimensionJSON struct {
	ID       scoring.DimensionID `json:"id"`
	Name     string              `json:"name"`
	Level    int                 `json:"level"`
	Plan     bool                `json:"plan"`
	CappedBy string              `json:"cappedBy,omitempty"`
}

// findingJSON is one finding: its ID, the criterion behind it ("" for
// exercise findings), its dimension and severity, what is missing and
// the first place in the plan where: in words (place) and as the plan
// path a tool can follow (where).
type findingJSON struct {
	ID        string              `json:"id"`
	Criterion string              `json:"criterion,omitempty"`
	Dimension scoring.DimensionID `json:"dimension"`
	Severity  scoring.Severity    `json:"severity"`
	Title     string              `json:"title"`
	What      string              `json:"what"`
	Place     string              `json:"place,omitempty"`
	Where     string              `json:"where"`
}

// setupAssess declares assess's flags; its run prints the assessment of
// a workspace without a window and fails with errProblems when the tier
// is below --fail-below.
func setupAssess(fs *flag.FlagSet) func(Env, string) error {
	date := addDateFlag(fs, "assess as of this day")
	asJSON := fs.Bool("json", false, "print one JSON object")
	var gate tierFlag
	fs.Var(&gate, "fail-below", "exit 1 when the tier is below this `TIER` (Basic, Intermediate, Advanced)")
	return func(env Env, path string) error {
		ws, err := plan.Load(path)
		if err != nil {
			return err
		}
		a := scoring.Assess(ws, date.day())
		if *asJSON {
			enc := json.NewEncoder(env.Stdout)
			enc.SetIndent("", "  ")
			if err := enc.Encode(assessmentJSON(path, a)); err != nil {
				return err
			}
		} else {
			printAssessment(env, path, a)
		}
		if tierRank(string(a.Tier)) < gate.rank {
			return errProblems
		}
		return nil
	}
}

func assessmentJSON(file string, a *scoring.Assessment) assessJSON {
	v := a.Validation
	out := assessJSON{File: file, Date: a.Date.String(), Tier: a.Tier, Headline: a.Headline(), Index: a.Index,
		Validation: validationJSON{Status: v.Status, Run: v.RunID, Title: v.ScenarioTitle, Rating: v.Rating, Lowered: v.Lowered},
		Dimensions: []dimensionJSON{}, Findings: []findingJSON{}}
	if !v.Date.IsZero() {
		out.Validation.Date = v.Date.String()
	}
	for _, d := range a.Dimensions {
		out.Dimensions = append(out.Dimensions, dimensionJSON{ID: d.Dimension.ID, Name: d.Dimension.Name, Level: d.Level, Plan: scoring.PlanDimension(d.Dimension.ID), CappedBy: d.CappedBy})
	}
	for _, f := range a.Findings {
		out.Findings = append(out.Findings, findingJSON{ID: f.ID, Criterion: f.Criterion, Dimension: f.Dimension, Severity: f.Severity,
			Title: f.Title, What: f.What, Place: f.Place, Where: f.Where})
	}
	out.Catalogue, out.Frameworks = frameworks.Version, frameworksJSON(a)
	return out
}

func frameworksJSON(a *scoring.Assessment) []frameworkJSON {
	out := make([]frameworkJSON, len(a.Frameworks))
	for i, f := range a.Frameworks {
		fj := frameworkJSON{ID: f.Framework.ID, Name: f.Framework.Name, Clauses: make([]clauseJSON, len(f.Clauses))}
		for j, c := range f.Clauses {
			cj := clauseJSON{ID: c.Clause.ID, Reference: c.Clause.Reference, Status: c.Status, Findings: c.Findings, Reason: c.Reason}
			for _, o := range c.Criteria {
				cj.Criteria = append(cj.Criteria, o.ID)
			}
			fj.Clauses[j] = cj
		}
		out[i] = fj
	}
	return out
}

func printAssessment(env Env, file string, a *scoring.Assessment) {
	w := env.Stdout
	fmt.Fprintf(w, "%s — assessed %s\n%s\nIndex %.1f of 100\n\n", file, a.Date, a.Headline(), a.Index)
	for _, d := range a.Dimensions {
		kind := "plan"
		if !scoring.PlanDimension(d.Dimension.ID) {
			kind = "evidence"
		}
		fmt.Fprintf(w, "  %-28s level %d  %-8s %s\n", d.Dimension.Name, d.Level, scoring.LevelNames[d.Level], kind)
	}
	fmt.Fprintf(w, "\n%s\n", prose.Count(len(a.Findings), "finding", "findings"))
	for _, f := range a.Findings {
		fmt.Fprintf(w, "  %-9s %-8s %s\n", f.ID, f.Severity, f.What)
		if f.Place != "" || f.Where != "" {
			// The place in words for the reader, the path for a tool.
			fmt.Fprintf(w, "            %s\n", placeLine(f))
		}
	}
	fmt.Fprintf(w, "\nFramework coverage (catalogue %s)\n", frameworks.Version)
	for _, f := range a.Frameworks {
		fmt.Fprintf(w, "  %s\n", f.Summary())
	}
}

// placeLine is where a finding is: in words, with the plan path after it
// for someone following it in the file.
func placeLine(f scoring.Finding) string {
	switch {
	case f.Place == "":
		return "(" + f.Where + ")"
	case f.Where == "":
		return f.Place
	}
	return f.Place + "  (" + f.Where + ")"
}
