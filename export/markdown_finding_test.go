package export

import (
	"strings"
	"testing"

	"drillbook/scoring"
)

func TestFindingMarkdown(t *testing.T) {
	f := scoring.Finding{
		ID: "TP-2.1", Severity: scoring.SeverityHigh, Effort: scoring.EffortSmall,
		What: "A supplier has no contact (2 places)", Where: "thirdParties[0].contacts", Place: "the third parties",
		Why: "Nobody can call them.", Recommendation: "Add a contact.",
		Evidence: []string{"Signpost DNS has no contact.", "Edgecast CDN has no contact."},
		Gaps: []scoring.Gap{{Path: "thirdParties[0].contacts", Place: "Signpost DNS", What: "no contact"},
			{Path: "thirdParties[3].contacts", What: "Edgecast CDN has no contact"}},
	}
	text := func(s string) string { return "<" + s + ">" }
	code := func(s string) string { return "`" + s + "`" }
	want := "### <A supplier has no contact (2 places)>\n\n" +
		"**Severity** high · **effort** small · **where** <the third parties>\n\n" +
		"**Why it matters.** <Nobody can call them.>\n\n**Recommendation.** <Add a contact.>\n\n" +
		"**Evidence**\n\n- <Signpost DNS has no contact.>\n- <Edgecast CDN has no contact.>\n" +
		"\n**All places**\n\n- <Signpost DNS: no contact>\n- <Edgecast CDN has no contact.>\n" +
		"\nReference: <TP-2.1> · `thirdParties[0].contacts`\n"
	if got := FindingMarkdown(f, text, code); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// The reader's part names no plan path: the path is only the reference.
	if got := FindingMarkdown(f, text, code); strings.Count(got, "thirdParties[") != 1 {
		t.Errorf("the path shows outside the reference:\n%s", got)
	}

	// One place: no list of places; no evidence: no heading.
	f.Gaps, f.Evidence = f.Gaps[:1], nil
	got := FindingMarkdown(f, text, code)
	if strings.Contains(got, "All places") || strings.Contains(got, "Evidence") {
		t.Errorf("one place, no evidence:\n%s", got)
	}

	// Without escapers, user text is made literal as in the exported files.
	f.What = "*not* emphasis [or](a link)"
	if got := FindingMarkdown(f, nil, nil); strings.Contains(got, "*not*") || strings.Contains(got, "[or]") || !strings.Contains(got, md(f.What)) {
		t.Errorf("default escaping:\n%s", got)
	}
}
