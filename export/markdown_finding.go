package export

import (
	"fmt"
	"strings"

	"drillbook/scoring"
)

// FindingMarkdown renders one finding as Markdown, the way the Findings
// screen shows it: what is missing, severity, effort and where in words,
// why it matters and the recommendation, the evidence, every place when
// there are several, and last, as a reference, its ID and plan path.
// text makes user text literal and code quotes a plan path as code, for
// the renderer at hand (the app passes its own, since its viewer shows
// backslash escapes as typed); nil means md, the escaping of the exported
// files.
func FindingMarkdown(f scoring.Finding, text, code func(string) string) string {
	if text == nil {
		text = md
	}
	if code == nil {
		code = md
	}
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", text(f.What))
	fmt.Fprintf(&b, "**Severity** %s · **effort** %s", f.Severity, f.Effort)
	if f.Place != "" {
		fmt.Fprintf(&b, " · **where** %s", text(f.Place))
	}
	fmt.Fprintf(&b, "\n\n**Why it matters.** %s\n\n**Recommendation.** %s\n\n", text(f.Why), text(f.Recommendation))
	mdList(&b, "**Evidence**\n\n", f.Evidence, text)
	if len(f.Gaps) > 1 {
		mdList(&b, "\n**All places**\n\n", f.Gaps, func(g scoring.Gap) string {
			if g.Place == "" {
				return text(g.Sentence())
			}
			return text(g.Place + ": " + g.What)
		})
	}
	ref := text(f.ID)
	if f.Where != "" {
		ref += " · " + code(f.Where)
	}
	fmt.Fprintf(&b, "\nReference: %s\n", ref)
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
