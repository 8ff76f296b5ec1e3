package export

import (
	"strings"
	"testing"

	"drillbook/scoring"
)

func TestFindingMarkdown(t *testing.T) {
	f := scoring.Finding{
		ID: "TP-2.1", Severity: scoring.SeverityHigh, Effort: scoring.EffortSmall,
		What: "A supplier has no contact (2 places)", Where: "thirdParties[0].contacts",
		Why: "Nobody can call them.", Recommendation: "Add a contact.",
		Evidence: []string{"thirdParties[0].contacts: dns has no contact", "thirdParties[3].contacts: cdn has no contact"},
		Gaps:     []scoring.Gap{{Path: "thirdParties[0].contacts", What: "dns has no contact"}, {Path: "thirdParties[3].contacts", What: "cdn has no contact"}},
	}
	text := func(s string) string { return "<" + s + ">" }
	code := func(s string) string { return "`" + s + "`" }
	want := "### TP-2.1 — <A supplier has no contact (2 places)>\n\n" +
		"**Severity** high · **effort** small · **where** `thirdParties[0].contacts`\n\n" +
		"**Why it matters.** <Nobody can call them.>\n\n**Recommendation.** <Add a contact.>\n\n" +
		"**Evidence**\n\n- <thirdParties[0].contacts: dns has no contact>\n- <thirdParties[3].contacts: cdn has no contact>\n" +
		"\n**All places**\n\n- `thirdParties[0].contacts` <dns has no contact>\n- `thirdParties[3].contacts` <cdn has no contact>\n"
	if got := FindingMarkdown(f, text, code); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
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
