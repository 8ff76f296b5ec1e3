package exercise

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/plan"
	"drillbook/scenarios"
)

// detailPanel shows one thing in full: by default the current inject
// (the last delivered) with its expected actions and their deadlines, the
// notes for evaluators and what comes next; or the inject or log entry
// the facilitator selected, until "Current inject" goes back.
type detailPanel struct {
	c     *console
	title *widget.Label
	text  *widget.RichText
	back  *widget.Button
	// strike and correct act on the selected log entry, shown only when
	// it can be corrected.
	strike, correct *widget.Button
	// What is pinned: an inject ID, or a log entry (its Seq, so a
	// correction shows at once); neither follows the current inject.
	inject string
	seq    int
	md     string // the Markdown text shows
}

func (p *detailPanel) build(c *console) {
	p.c = c
	p.title = heading("Current inject")
	p.text = widgets.NewMarkdown("")
	p.text.Wrapping = fyne.TextWrapWord
	p.back = widget.NewButtonWithIcon("Current", theme.MediaReplayIcon(), p.follow)
	p.back.Hide()
	p.strike = widget.NewButtonWithIcon("Strike…", theme.ContentRemoveIcon(), func() {
		if en, ok := p.entry(); ok {
			c.strikeDialog(en)
		}
	})
	p.correct = widget.NewButtonWithIcon("Correct…", theme.DocumentCreateIcon(), func() {
		if en, ok := p.entry(); ok {
			c.correctDialog(en)
		}
	})
	p.strike.Hide()
	p.correct.Hide()
}

func (p *detailPanel) object() fyne.CanvasObject {
	// Strike and Correct go below the entry, so the title keeps its room.
	head := container.NewBorder(nil, nil, nil, p.back, p.title)
	return container.NewBorder(head, container.NewHBox(p.strike, p.correct), nil, nil, container.NewVScroll(p.text))
}

// entry is the pinned log entry as it now stands. The log is in Seq
// order, so it is found by halving, however long the log.
func (p *detailPanel) entry() (plan.Entry, bool) {
	if p.seq == 0 {
		return plan.Entry{}, false
	}
	evs := p.c.events
	i, found := slices.BinarySearchFunc(evs, p.seq, func(en plan.Entry, seq int) int { return cmp.Compare(en.Seq, seq) })
	if !found {
		return plan.Entry{}, false
	}
	return evs[i], true
}

// follow goes back to showing the current inject.
func (p *detailPanel) follow() {
	p.inject, p.seq = "", 0
	p.c.injects.UnselectAll()
	p.c.log.UnselectAll()
	p.refresh()
}

func (p *detailPanel) showInject(id string) {
	p.inject, p.seq = id, 0
	p.refresh()
}

func (p *detailPanel) showEntry(en plan.Entry) {
	p.inject, p.seq = "", en.Seq
	p.refresh()
}

// refresh redraws what is shown; deadlines and "next" change with time.
func (p *detailPanel) refresh() {
	en, pinned := p.entry()
	widgets.SetVisible(p.strike, pinned && correctable(en))
	widgets.SetVisible(p.correct, pinned && correctable(en))
	title, md := p.content(en, pinned)
	widgets.SetVisible(p.back, pinned || p.inject != "")
	widgets.SetLabel(p.title, title)
	widgets.UpdateMarkdown(p.text, &p.md, md)
}

// content is the panel's title and Markdown for what is pinned.
func (p *detailPanel) content(en plan.Entry, pinned bool) (string, string) {
	switch {
	case pinned:
		return "Log entry " + scenarios.Offset(en.At.D()).String(), p.c.eventMarkdown(en)
	case p.inject != "":
		md := ""
		for _, r := range p.c.injectRows {
			if r.Inject.ID == p.inject {
				md = p.c.injectMarkdown(r)
			}
		}
		return "Inject " + p.inject, md
	}
	cur, ok := currentInject(p.c.injectRows)
	if !ok {
		return "Current inject", "No inject delivered yet.\n\n" + widgets.MdText(nextText(p.c.e, p.c.drawn.second))
	}
	return "Current inject", p.c.injectMarkdown(cur)
}

// currentInject is the inject delivered last.
func currentInject(rows []scenarios.InjectStatus) (scenarios.InjectStatus, bool) {
	var cur scenarios.InjectStatus
	found := false
	for _, r := range rows {
		if r.State == scenarios.InjectDelivered {
			cur, found = r, true
		}
	}
	return cur, found
}

// injectMarkdown is an inject in full for the facilitator: its text (as
// the participants see it), the expected actions with deadlines and
// outcomes, the notes for evaluators and what comes next. Everything but
// the inject's own Markdown is escaped, so names show as written.
func (c *console) injectMarkdown(r scenarios.InjectStatus) string {
	in := r.Inject
	var b strings.Builder
	when := "not yet delivered"
	switch r.State {
	case scenarios.InjectDelivered:
		when = scenarios.Offset(r.At).String()
	case scenarios.InjectPending:
		when = "due " + scenarios.Offset(r.At).String()
	case scenarios.InjectFloating:
		when = "floating"
	}
	head := when + " · from " + in.From
	if in.Channel != "" {
		head += " · " + in.Channel
	}
	fmt.Fprintf(&b, "**%s**\n\n%s\n\n", widgets.MdText(head), strings.TrimSpace(in.Text))
	var notes []string
	if len(in.Expect) > 0 {
		b.WriteString("**Expected actions**\n\n")
	}
	for j := range in.Expect {
		x := &in.Expect[j]
		fmt.Fprintf(&b, "- %s — %s\n", widgets.MdText(c.expectText(x)), widgets.MdText(c.deadlineText(r, j)))
		if x.Note != "" {
			notes = append(notes, x.Note)
		}
	}
	if len(notes) > 0 {
		b.WriteString("\n**Notes for evaluators**\n\n")
		for _, n := range notes {
			b.WriteString("- " + widgets.MdText(n) + "\n")
		}
	}
	b.WriteString("\n**" + widgets.MdText(nextText(c.e, c.drawn.second)) + "**\n")
	return b.String()
}

// expectText is an expectation in words: "Incident Manager: Escalate →
// Security Lead".
func (c *console) expectText(x *scenarios.Expectation) string {
	s := x.Kind.Words()
	if x.Target != "" {
		s += " → " + c.refName(x.Target)
	}
	if len(x.Severities) > 0 {
		s += fmt.Sprintf(" (%s)", strings.Trim(fmt.Sprint(x.Severities), "[]"))
	}
	if x.By != "" {
		s = c.refName(x.By) + ": " + s
	}
	return s
}

// refName is what a scenario reference bound to in the plan.
func (c *console) refName(r scenarios.Ref) string {
	if b := c.e.Binding(r); len(b.Names) > 0 {
		return strings.Join(b.Names, ", ")
	}
	return string(r)
}

// deadlineText is when the inject's j-th expectation is due and how it
// stands: from the engine's task once the inject is delivered.
func (c *console) deadlineText(r scenarios.InjectStatus, j int) string {
	x := &r.Inject.Expect[j]
	if r.State == scenarios.InjectDelivered {
		id := scenarios.ExpectationID(r.Inject.ID, j, x)
		for _, t := range c.tasks {
			if t.ID == id {
				return fmt.Sprintf("due %s, %s", scenarios.Offset(t.Deadline.D()), t.Status)
			}
		}
	}
	return "within " + x.Within.String()
}

// eventMarkdown is a log entry in full, as it now stands, with who struck
// or corrected it, why, and what it first said. Only inject text is
// Markdown; recorded actions and notes are literal.
func (c *console) eventMarkdown(en plan.Entry) string {
	md := c.eventBody(en.Event)
	if cr := en.Correction; cr != nil {
		what := "Corrected"
		if en.Struck {
			what = "Struck"
		}
		head := what + " at " + scenarios.Offset(cr.At.D()).String()
		if cr.Actor != "" {
			head += " by " + c.actorName(cr.Actor)
		}
		md = "**" + widgets.MdText(head) + ":** " + widgets.MdText(cr.Reason) + "\n\n" + md
		if !en.Struck && en.Original != nil {
			md += "\n\n**Originally:** " + literalMarkdown(en.Original.Text)
		}
	}
	return md
}

// eventBody is one event in full: when, what, who, its text and note.
func (c *console) eventBody(ev plan.Event) string {
	head := scenarios.Offset(ev.At.D()).String() + " · " + plan.Words(ev.Kind)
	if ev.Actor != "" {
		head += " · " + c.actorName(ev.Actor)
	}
	body := literalMarkdown(ev.Text)
	if ev.Kind == plan.EventInject {
		body = strings.TrimSpace(ev.Text)
	}
	md := "**" + widgets.MdText(head) + "**\n\n" + body
	if ev.Note != "" && ev.Note != ev.Text {
		md += "\n\n**Note:** " + literalMarkdown(ev.Note)
	}
	return md
}

// actorName is a person's or role's name, or the ID itself.
func (c *console) actorName(id string) string {
	ws := c.e.Workspace()
	if p := ws.Person(id); p != nil {
		return p.Name
	}
	if r := ws.Role(id); r != nil {
		return r.Name
	}
	return id
}

// literalMarkdown shows literal text as written, one paragraph a line.
func literalMarkdown(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = widgets.MdText(l)
	}
	return strings.Join(lines, "\n\n")
}
