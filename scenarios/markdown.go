package scenarios

import (
	"fmt"
	"strings"

	"drillbook/internal/prose"
	"drillbook/plan"
)

// Markdown renders the whole scenario for the facilitator's read view and
// for export: summary, objectives, the inject timeline with expectations,
// decisions with grades, floating injects and hot-wash questions.
func Markdown(s *Scenario) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", s.Title)
	fmt.Fprintf(&b, "*%s · starts at severity %d · %s*\n\n", plan.Words(string(s.Category)), s.StartingSeverity, prose.Duration(s.Duration.D()))
	b.WriteString(strings.TrimSpace(s.Summary) + "\n\n")
	if len(s.Objectives) > 0 {
		b.WriteString("## Objectives\n\n")
		for _, o := range s.Objectives {
			fmt.Fprintf(&b, "- %s\n", o)
		}
		b.WriteString("\n")
	}
	b.WriteString("## Injects\n\n")
	for i := range s.Injects {
		writeInject(&b, &s.Injects[i], s.Injects[i].At.String())
	}
	if len(s.Decisions) > 0 {
		b.WriteString("## Decisions\n\n")
		for _, d := range s.Decisions {
			fmt.Fprintf(&b, "### %s — decision\n\n%s\n\n", d.At, strings.TrimSpace(d.Prompt))
			for _, o := range d.Options {
				line := fmt.Sprintf("- **%s**: %s", o.Grade, o.Text)
				if len(o.Then) > 0 {
					line += " → plays " + strings.Join(o.Then, ", ")
				}
				b.WriteString(line + "\n")
			}
			b.WriteString("\n")
		}
	}
	if len(s.Floating) > 0 {
		b.WriteString("## Floating injects\n\n")
		for i := range s.Floating {
			writeInject(&b, &s.Floating[i], "any time")
		}
	}
	if len(s.Hotwash) > 0 {
		b.WriteString("## Hot-wash questions\n\n")
		for i, q := range s.Hotwash {
			fmt.Fprintf(&b, "%d. %s\n", i+1, q)
		}
	}
	return b.String()
}

func writeInject(b *strings.Builder, in *Inject, when string) {
	fmt.Fprintf(b, "### %s — from %s", when, in.From)
	if in.Channel != "" {
		fmt.Fprintf(b, " (%s)", in.Channel)
	}
	b.WriteString("\n\n")
	if len(in.To) > 0 {
		to := make([]string, len(in.To))
		for i, r := range in.To {
			to[i] = string(r)
		}
		fmt.Fprintf(b, "*To: %s*", strings.Join(to, ", "))
		if in.Severity > 0 {
			fmt.Fprintf(b, " · *situation now severity %d*", in.Severity)
		}
		b.WriteString("\n\n")
	}
	b.WriteString(strings.TrimSpace(in.Text) + "\n\n")
	for _, e := range in.Expect {
		line := fmt.Sprintf("- Expect **%s**", e.Kind)
		if e.By != "" {
			line += " by " + string(e.By)
		}
		if e.Target != "" {
			line += " → " + string(e.Target)
		}
		line += " within " + e.Within.String()
		if len(e.Severities) > 0 {
			line += fmt.Sprintf(" (severity %v)", e.Severities)
		}
		if e.Note != "" {
			line += " — " + e.Note
		}
		b.WriteString(line + "\n")
	}
	if len(in.Expect) > 0 {
		b.WriteString("\n")
	}
}

// Filter returns the scenarios of a category (empty: any) whose duration
// lies in [minD, maxD] (zero maxD: no upper bound).
func Filter(list []*Scenario, cat plan.Category, minD, maxD plan.Duration) []*Scenario {
	var out []*Scenario
	for _, s := range list {
		if (cat == "" || s.Category == cat) && s.Duration >= minD && (maxD == 0 || s.Duration <= maxD) {
			out = append(out, s)
		}
	}
	return out
}
