package playbookmd

import (
	"fmt"
	"strings"

	"drillbook/plan"
)

// stepBuf collects one step while it is read: its text lines, whether
// each was written by escapeLine, and its attributes.
type stepBuf struct {
	line   int // 1-based line of the list marker
	step   plan.Step
	text   []string
	esc    []bool
	fence  fence // fenced code in the step's text
	blanks int   // blank lines not yet added (an attribute drops them)
}

// add adds a line of text; escaped says the writer would have escaped it
// were it not code.
func (st *stepBuf) add(l string, escaped bool) {
	if strings.TrimSpace(l) == "" {
		if st.fence.open() {
			st.text, st.esc = append(st.text, ""), append(st.esc, false)
		} else {
			st.blanks++
		}
		return
	}
	for ; st.blanks > 0; st.blanks-- {
		st.text, st.esc = append(st.text, ""), append(st.esc, false)
	}
	code := st.fence.code(l)
	st.text, st.esc = append(st.text, l), append(st.esc, escaped && !code)
}

// startStep reads the list item on lines [first, end) as a new step: the
// text after its marker, the lines indented under it (less indented ones
// continue its last paragraph) and its attribute lines.
func (r *reader) startStep(first, end int) error {
	st := &stepBuf{line: first + 1}
	r.step = st
	l := r.lines[first]
	indent := indentOf(l)
	if m := listItemRe.FindStringSubmatchIndex(l); m != nil {
		indent = m[3] // where the text after the marker starts
		if strings.TrimSpace(l[m[3]:]) == "" {
			indent = m[2] + 1 // an empty item: its text starts on the next line
		}
		l = l[m[3]:]
	}
	st.add(strings.TrimSpace(l), false) // the first line follows the marker, unescaped
	for n := first + 1; n < end; n++ {
		if err := r.stepLine(n, indent); err != nil {
			return err
		}
	}
	r.stepsEnd = lastText(r.lines, first, end)
	return nil
}

// stepLine reads a line under a step: an attribute line ("- Expected
// duration: 5m", "- See: …") or more of the step's text.
func (r *reader) stepLine(n, indent int) error {
	st, l := r.step, r.lines[n]
	if ind := indentOf(l); ind < indent {
		st.add(strings.TrimSpace(l), false) // lazy continuation, or blank
		return nil
	}
	rest := strings.TrimRight(l[indent:], " ")
	if t := strings.TrimSpace(rest); !st.fence.open() && (strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ")) {
		if key, value, ok := metaLine(t, stepKeys); ok {
			st.blanks = 0
			return r.stepAttribute(n+1, key, value)
		}
	}
	st.add(rest, true)
	return nil
}

func (r *reader) stepAttribute(line int, key, value string) error {
	st := r.step
	switch key {
	case "duration":
		d, err := plan.ParseDuration(stripEmphasis(value))
		if err != nil {
			return &Error{Line: line, Err: fmt.Errorf("expected duration: %w", err)}
		}
		st.step.ExpectedDuration = d
	case "references":
		st.step.References = append(st.step.References, playbookRefs(value)...)
	}
	return nil
}

// glue adds lines [first, end), a block written right under the last step
// without indenting it, to that step, keeping their indentation relative
// to the block's first line.
func (r *reader) glue(first, end int) {
	base := indentOf(r.lines[first])
	for n := first; n < end; n++ {
		l := r.lines[n]
		r.step.add(strings.TrimRight(l[min(indentOf(l), base):], " "), false)
	}
	r.stepsEnd = lastText(r.lines, first, end)
}

// lastText is the line after the last non-blank line of [first, end).
func lastText(lines []string, first, end int) int {
	for n := end - 1; n > first; n-- {
		if strings.TrimSpace(lines[n]) != "" {
			return n + 1
		}
	}
	return first + 1
}

// endStep adds the step being read to the playbook.
func (r *reader) endStep() error {
	st := r.step
	if st == nil {
		return nil
	}
	r.step = nil
	st.step.Text = readUserMarkdown(st.text, st.esc, true)
	if st.step.Text == "" {
		return &Error{Line: st.line, Err: fmt.Errorf("step %d has no text", len(r.pb.Steps)+1)}
	}
	r.pb.Steps = append(r.pb.Steps, st.step)
	return nil
}

// endSteps ends the steps' run: what follows is no longer part of them.
func (r *reader) endSteps() error {
	r.inSteps = false
	return r.endStep()
}
