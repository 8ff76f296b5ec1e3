package export

import (
	"fmt"
	"strconv"
	"strings"

	"drillbook/internal/prose"
	"drillbook/scoring"
)

// evidenceLines caps the evidence printed per failing criterion; a
// criterion failing in 300 playbooks would otherwise fill pages. The
// workbook's Findings sheet has every line.
const evidenceLines = 25

// dimensions draws one part per dimension: level and definitions, the
// failing criteria with their evidence, the passing ones and the N/A
// marks with their reasons.
func (d *pdfDoc) dimensions() {
	r := d.r
	d.sectionTitle(SectionTitle(SectionDimensions))
	d.markSection(SectionDimensions)
	for i, dr := range r.a.Dimensions {
		if i > 0 {
			d.gap(4)
		}
		d.dimension(dr)
		d.step(1)
		if d.err != nil {
			return
		}
	}
}

func (d *pdfDoc) dimension(dr scoring.DimensionResult) {
	d.subTitle(fmt.Sprintf("%s — level %d (%s)", dr.Dimension.Name, dr.Level, scoring.LevelNames[dr.Level]), true, 40)
	facts := []string{
		"Progress", fmt.Sprintf("%.2f of 4", dr.Progress),
	}
	if dr.CriteriaLevel != dr.Level {
		facts = append(facts, "Criteria alone", fmt.Sprintf("level %d", dr.CriteriaLevel))
	}
	if dr.CappedBy != "" {
		facts = append(facts, "Capped", d.r.names.text(dr.CappedBy))
	}
	if e := dr.Exercise; e != nil {
		facts = append(facts, "Latest exercise", fmt.Sprintf("%s: rated %s (score %.2f over %s)", d.r.names.run(e.RunID), e.Rating, e.Score, prose.Count(e.Tasks, "task", "tasks")))
	}
	d.facts(facts...)

	defs := d.table(column{"Level", 1.6, "L"}, col("Definition", 10))
	defs.begin()
	for l, def := range dr.Dimension.Levels {
		cl := c(d.r.names.text(def))
		lc := c(strconv.Itoa(l) + " " + scoring.LevelNames[l])
		if l == dr.Level {
			cl.bg, lc.bg = &colHilite, &colHilite
			lc.bold = true
		}
		defs.row(lc, cl)
	}
	defs.end()

	if len(dr.Failing) > 0 {
		d.minorTitle(fmt.Sprintf("Failing criteria (%d)", len(dr.Failing)), 22)
		t := d.table(column{"Level", 1, "C"}, col("What is missing", 4), col("Evidence", 6), col("Recommendation", 4))
		t.maxLines = evidenceLines
		t.begin()
		for _, cr := range dr.Failing {
			ev := make([]string, len(cr.Gaps))
			for i, g := range cr.Gaps {
				ev[i] = d.r.names.text(g.Sentence())
			}
			t.row(pcell{text: strconv.Itoa(cr.Criterion.Level), bold: true, col: &colBreach},
				c(d.r.names.text(cr.Criterion.Title+"\n"+cr.Criterion.Missing)),
				c(strings.Join(ev, "\n")),
				c(d.r.names.text(cr.Criterion.Recommendation)))
		}
		t.end()
	}
	if len(dr.Passing) > 0 {
		d.minorTitle(fmt.Sprintf("Passing criteria (%d)", len(dr.Passing)), 22)
		t := d.table(column{"Level", 1, "C"}, col("What holds", 14))
		t.begin()
		for _, cr := range dr.Passing {
			t.row(pcell{text: strconv.Itoa(cr.Criterion.Level), bold: true, col: &colMet}, c(d.r.names.text(cr.Criterion.Title)))
		}
		t.end()
	}
	if len(dr.NA) > 0 {
		d.minorTitle(fmt.Sprintf("Not applicable (%d)", len(dr.NA)), 22)
		t := d.table(column{"Level", 1, "C"}, col("Criterion", 6), col("Reason given", 7))
		t.begin()
		for _, cr := range dr.NA {
			t.row(pcell{text: strconv.Itoa(cr.Criterion.Level), bold: true}, c(d.r.names.text(cr.Criterion.Title)), c(cr.Reason))
		}
		t.end()
	}
}
