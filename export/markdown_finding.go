package export

import (
	"fmt"
	"strings"

	"drillbook/scoring"
)

// FindingMarkdown renders one finding as Markdown, the way the Findings
// screen shows it: its ID and what is missing, severity, effort and where,
// why it matters and the recommendation, the evidence, and every place
// when there are several. text makes user text literal and code quotes a
// plan path as code, for the renderer at hand (the app passes its own,
// since its viewer shows backslash escapes as typed); nil means md, the
// escaping of the exported files.
func FindingMarkdown(f scoring.Finding, text, code func(string) string) string {
	if text == nil {
		text = md
	}
	if code == nil {
		code = md
	}
	var b strings.Builder
	fmt.Fprintf(&b, "### %s — %s\n\n", f.ID, text(f.What))
	fmt.Fprintf(&b, "**Severity** %s · **effort** %s · **where** %s\n\n", f.Severity, f.Effort, code(f.Where))
	fmt.Fprintf(&b, "**Why it matters.** %s\n\n**Recommendation.** %s\n\n", text(f.Why), text(f.Recommendation))
	mdList(&b, "**Evidence**\n\n", f.Evidence, text)
	if len(f.Gaps) > 1 {
		mdList(&b, "\n**All places**\n\n", f.Gaps, func(g scoring.Gap) string { return code(g.Path) + " " + text(g.What) })
	}
	return b.String()
}

// mdList writes the heading and a bullet per item, or nothing when there
// are no items.
func mdList[T any](b *strings.Builder, heading string, items []T, item func(T) string) {
	if len(items) == 0 {
		return
	}
	b.WriteString(heading)
	for _, it := range items {
		fmt.Fprintf(b, "- %s\n", item(it))
	}
}
