package export

import (
	"fmt"
	"strings"

	"drillbook/frameworks"
	"drillbook/internal/prose"
	"drillbook/scoring"
)

// frameworksSection draws "Framework coverage": per chosen framework, each
// clause with what it asks, its status and the findings behind it.
func (d *pdfDoc) frameworksSection() {
	r := d.r
	d.sectionTitle(SectionTitle(SectionFrameworks))
	d.markSection(SectionFrameworks)
	d.paragraph(coverageIntro)
	for _, fc := range r.a.Frameworks {
		d.subTitle(fc.Framework.Name, true, 25)
		d.muted(fc.Summary() + ". Checked against " + fc.Framework.Source + ".")
		d.gap(1)
		t := d.table(col("Clause", 1.7), col("What it asks", 4.6), col("Status", 1.5), col("Evidence", 5.2))
		t.begin()
		for _, l := range r.clauseLines(fc) {
			t.row(pcell{text: l.ref, bold: true}, c(l.asks), clauseStatusCell(l.status), c(l.evidence))
			if d.err != nil {
				return
			}
		}
		t.end()
	}
}

// coverageIntro says how a clause's status is derived, for the reader of
// the PDF and of the workbook.
var coverageIntro = "Each clause's status follows from the assessment's criteria that give evidence for it: met when every one of them that applies passes, partly met when some do, not met when none does, and not assessed when none applies or the clause is outside what a response plan and its exercises can show. The findings behind a clause are those of its failing criteria and of the exercises that tested them. Clauses are summarised in Drillbook's own words (catalogue " + frameworks.Version + "); the citation names the text to read."

// clauseLine is one clause as the reports print it.
type clauseLine struct {
	ref, asks, citation, evidence string
	status                        scoring.ClauseStatus
	// findings and criteria are IDs, for the workbook's Reference column.
	findings, criteria []string
}

// clauseLines words the clauses of one framework for a report.
func (r *report) clauseLines(fc scoring.FrameworkCoverage) []clauseLine {
	out := make([]clauseLine, len(fc.Clauses))
	for i, cc := range fc.Clauses {
		l := clauseLine{ref: cc.Clause.Reference, asks: cc.Clause.Summary, citation: cc.Clause.Citation, status: cc.Status, findings: cc.Findings}
		var dl []string
		for _, d := range cc.Clause.Deadlines {
			dl = append(dl, d.String())
		}
		if len(dl) > 0 {
			l.asks += "\nTime limit: " + strings.Join(dl, "; at most ")
		}
		pass := 0
		for _, o := range cc.Criteria {
			l.criteria = append(l.criteria, o.ID)
			if o.Status == scoring.Pass {
				pass++
			}
		}
		l.evidence = r.clauseEvidence(cc, pass)
		out[i] = l
	}
	return out
}

// clauseEvidence says what a clause's status rests on: how many of its
// criteria pass and the findings behind it, or why it is not assessed.
func (r *report) clauseEvidence(cc scoring.ClauseCoverage, pass int) string {
	assessed := 0
	for _, o := range cc.Criteria {
		if o.Status != scoring.NA {
			assessed++
		}
	}
	var lines []string
	switch cc.Status {
	case scoring.ClauseNotAssessed:
		return cc.Reason
	case scoring.ClauseMet:
		if assessed == 1 {
			lines = append(lines, "The one criterion that bears on it passes.")
		} else {
			lines = append(lines, fmt.Sprintf("All %d criteria that bear on it pass.", assessed))
		}
	default:
		lines = append(lines, fmt.Sprintf("%d of the %s that bear on it %s.", pass, prose.Count(assessed, "criterion", "criteria"), prose.Plural(pass, "passes", "pass")))
	}
	// A finding's title is cut to its first words here: it is written in
	// full where the report lists the findings, and one clause may name a
	// dozen of them.
	for _, id := range cc.Findings {
		if f := r.a.Finding(id); f != nil {
			lines = append(lines, "• "+shortTitle(r.names.text(f.Title)))
		}
	}
	return strings.Join(lines, "\n")
}

// shortTitle is a finding title's first 30 words and at most 240
// characters, with "…" when there was more.
func shortTitle(s string) string {
	s = firstWords(s, 30)
	if r := []rune(s); len(r) > 240 {
		return string(r[:240]) + "…"
	}
	return s
}

// clauseStatusCell colours a clause status: green met, amber partly met, red
// not met, grey not assessed.
func clauseStatusCell(s scoring.ClauseStatus) pcell {
	text := words(s)
	switch s {
	case scoring.ClauseMet:
		return colored(text, colMet)
	case scoring.ClausePartlyMet:
		return colored(text, colLate)
	case scoring.ClauseNotMet:
		return colored(text, colBreach)
	}
	return pcell{text: text, col: &colMuted}
}
