package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"time"

	"drillbook/plan"
	"drillbook/scoring"
)

// assessJSON is what `drillbook assess --json` prints: the headline, the
// validation status, the index, every dimension's level and every finding.
type assessJSON struct {
	File       string          `json:"file"`
	Date       string          `json:"date"`
	Tier       scoring.Tier    `json:"tier"`
	Headline   string          `json:"headline"`
	Validation validationJSON  `json:"validation"`
	Index      float64         `json:"index"`
	Dimensions []dimensionJSON `json:"dimensions"`
	Findings   []findingJSON   `json:"findings"`
}

type validationJSON struct {
	Status  scoring.ValidationStatus `json:"status"`
	Run     string                   `json:"run,omitempty"`
	Title   string                   `json:"scenario,omitempty"`
	Date    string                   `json:"date,omitempty"`
	Rating  scoring.Rating           `json:"rating,omitempty"`
	Lowered []scoring.DimensionID    `json:"lowered,omitempty"`
}

type dimensionJSON struct {
	ID       scoring.DimensionID `json:"id"`
	Name     string              `json:"name"`
	Level    int                 `json:"level"`
	Plan     bool                `json:"plan"`
	CappedBy string              `json:"cappedBy,omitempty"`
}

type findingJSON struct {
	ID        string              `json:"id"`
	Criterion string              `json:"criterion,omitempty"`
	Dimension scoring.DimensionID `json:"dimension"`
	Severity  scoring.Severity    `json:"severity"`
	What      string              `json:"what"`
	Where     string              `json:"where"`
}

// assess prints the assessment of a workspace without a window.
func assess(args []string, env Env) int {
	fs := flag.NewFlagSet("assess", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	date := fs.String("date", "", "assess as of this day (YYYY-MM-DD; default today)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	failBelow := fs.String("fail-below", "", "exit 1 when the tier is below this one (Basic, Intermediate, Advanced)")
	var files []string
	// Flags may come before or after the file.
	for {
		if err := fs.Parse(args); err != nil {
			return ExitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) != 1 {
		return usageError(env, "assess needs exactly one FILE")
	}
	day := plan.DateOf(time.Now())
	if *date != "" {
		d, err := plan.ParseDate(*date)
		if err != nil {
			return usageError(env, "--date: "+err.Error())
		}
		day = d
	}
	gate := -1
	if *failBelow != "" {
		for i, t := range scoring.Tiers {
			if strings.EqualFold(string(t.Tier), *failBelow) {
				gate = i + 1
			}
		}
		if gate < 0 {
			return usageError(env, fmt.Sprintf("--fail-below: unknown tier %q (Basic, Intermediate or Advanced)", *failBelow))
		}
	}
	ws, err := plan.Load(files[0])
	if err != nil {
		fmt.Fprintf(env.Stderr, "drillbook: %v\n", err)
		return ExitUsage
	}
	a := scoring.Assess(ws, day)
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(assessmentJSON(files[0], a)); err != nil {
			fmt.Fprintf(env.Stderr, "drillbook: %v\n", err)
			return ExitUsage
		}
	} else {
		printAssessment(env, files[0], a)
	}
	if gate > 0 && tierRank(a.Tier) < gate {
		return ExitProblems
	}
	return ExitOK
}

func tierRank(t scoring.Tier) int {
	for i, x := range scoring.Tiers {
		if x.Tier == t {
			return i + 1
		}
	}
	return 0
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
		out.Findings = append(out.Findings, findingJSON{ID: f.ID, Criterion: f.Criterion, Dimension: f.Dimension, Severity: f.Severity, What: f.What, Where: f.Where})
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
	fmt.Fprintf(w, "\n%d findings\n", len(a.Findings))
	for _, f := range a.Findings {
		fmt.Fprintf(w, "  %-9s %-8s %s\n            %s\n", f.ID, f.Severity, f.What, f.Where)
	}
}
