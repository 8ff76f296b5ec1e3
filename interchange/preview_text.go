package interchange

import (
	"strings"

	"drillbook/internal/prose"
	"drillbook/internal/textclean"
)

// Summary counts the preview in words: "3 added, 1 changed, 2 left alone,
// 1 unmatched".
func (p *Preview) Summary() string {
	parts := []string{
		prose.Count(len(p.Added), "added", "added"),
		prose.Count(len(p.Changed), "changed", "changed"),
		prose.Count(len(p.Unchanged), "left alone", "left alone"),
	}
	if len(p.Unmatched) > 0 {
		parts = append(parts, prose.Count(len(p.Unmatched), "unmatched", "unmatched"))
	}
	return strings.Join(parts, ", ")
}

// Section is one heading of the preview and its lines.
type Section struct {
	Title string
	Lines []string
}

// Sections lists the preview's non-empty parts in reading order, the same
// for the CLI and the GUI.
func (p *Preview) Sections() []Section {
	var changed []string
	for _, c := range p.Changed {
		changed = append(changed, c.String())
	}
	var holes []string
	for _, h := range p.Holes {
		holes = append(holes, h.String())
	}
	var out []Section
	for _, s := range []Section{
		{"Added", p.Added},
		{"Changed (old -> new)", changed},
		{"Left alone (already in the plan)", p.Unchanged},
		{"Unmatched (not in the plan; left off)", p.Unmatched},
		{"Holes in the rota after the import", holes},
		{"Notes", p.Notes},
	} {
		if len(s.Lines) > 0 {
			// Names come from files anyone may have written: no control or
			// bidi characters reach a terminal or a label.
			lines := make([]string, len(s.Lines))
			for i, l := range s.Lines {
				lines[i] = textclean.Clean(l)
			}
			out = append(out, Section{s.Title, lines})
		}
	}
	return out
}

// Text renders the preview for a terminal: the sources, the summary, then
// each section with its lines indented.
func (p *Preview) Text() string {
	var b strings.Builder
	for _, s := range p.Sources {
		b.WriteString("from " + s + "\n")
	}
	b.WriteString(p.Summary() + "\n")
	for _, s := range p.Sections() {
		b.WriteString("\n" + s.Title + ":\n")
		for _, l := range s.Lines {
			b.WriteString("  " + l + "\n")
		}
	}
	return b.String()
}
