package playbookmd

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"drillbook/internal/mdtext"
	"drillbook/internal/textclean"
	"drillbook/plan"
)

// Error is a problem in a Markdown playbook, located by line so the
// import dialog can point at it.
type Error struct {
	Line int // 1-based; 0 when the problem is the document as a whole
	Err  error
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Err.Error()
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Parse reads a playbook written by Markdown, or a simple hand-written one:
// a "# Title" heading, an optional "Role:" line (and the other metadata
// lines) and a numbered or bulleted list of steps. Steps are the lists
// under a "## Steps" heading, or else the first list in the document (with
// any lists right after it); other text becomes the summary. Names without
// an ID in backticks are turned into IDs ("On-call Engineer" →
// "on-call-engineer"), so check the result with Validate before adding it
// to a plan. Errors are *Error naming the line.
func Parse(md string) (*plan.Playbook, error) {
	// Cleaned as the writer cleans (and CR LF made LF), so what is read is
	// what would be written; leading tabs are spaces from here on.
	lines := strings.Split(textclean.Clean(strings.TrimPrefix(md, "\ufeff")), "\n")
	for i, l := range lines {
		lines[i] = expandTabs(l)
	}
	r := &reader{lines: lines, pb: &plan.Playbook{}}
	bs := blocks(strings.Join(lines, "\n"), lines)
	r.hasStepsHeading = slices.ContainsFunc(bs, func(b block) bool {
		h, ok := b.node.(*ast.Heading)
		return ok && h.Level >= 2 && isStepsHeading(b.headingText)
	})
	for _, b := range bs {
		if err := r.block(b); err != nil {
			return nil, err
		}
	}
	if err := r.endSteps(); err != nil {
		return nil, err
	}
	if r.pb.Title == "" {
		return nil, &Error{Err: errors.New(`no "# Title" heading: a playbook starts with its title`)}
	}
	if r.pb.ID == "" {
		r.pb.ID = asID(r.pb.Title)
	}
	r.pb.Summary = readUserMarkdown(r.summary, r.summaryEsc, false)
	// The writer lists revisions newest first; keep them oldest first as
	// the plan does (reversing, not sorting, keeps the order of any
	// duplicate numbers, which validation reports).
	revs := r.pb.Revisions
	if slices.IsSortedFunc(revs, func(a, b plan.Revision) int { return b.Number - a.Number }) {
		slices.Reverse(revs)
	} else {
		slices.SortStableFunc(revs, func(a, b plan.Revision) int { return a.Number - b.Number })
	}
	return r.pb, nil
}

type section int

const (
	secHead      section = iota // before any "##" heading
	secSteps                    // under "## Steps"
	secRevisions                // under "## Revision history"
	secSummary                  // under "## Summary": text as the writer wrote it
	secOther                    // under any other heading
)

// reader walks the top-level blocks of a document in order.
type reader struct {
	lines           []string
	pb              *plan.Playbook
	sec             section
	hasStepsHeading bool
	listDone        bool // without a "## Steps" heading, the steps have been read
	inSteps         bool // the last block held steps
	// stepsEnd is the line after the last step's text while inSteps: a
	// block starting there, with no blank line between, is more of the
	// last step (a fence or a quote written right under it).
	stepsEnd int
	step     *stepBuf // the step being read

	summary    []string
	summaryEsc []bool // summary[i] was written by escapeLine
	docFence   fence  // fenced code in the summary's lines
}

func (r *reader) block(b block) error {
	if h, ok := b.node.(*ast.Heading); ok {
		if err := r.endSteps(); err != nil {
			return err
		}
		return r.heading(b, h.Level)
	}
	switch {
	case r.sec == secRevisions:
		return r.rows(b.first, b.end)
	case b.node != nil && b.node.Kind() == ast.KindList && r.stepsMayStart():
		return r.list(b)
	case r.inSteps && b.first == r.stepsEnd:
		r.glue(b.first, b.end)
		return nil
	}
	if err := r.endSteps(); err != nil {
		return err
	}
	return r.text(b.first, b.end)
}

// stepsMayStart reports whether a list here holds steps.
func (r *reader) stepsMayStart() bool {
	switch {
	case r.sec == secSteps || r.inSteps:
		return true
	case r.sec == secSummary || r.hasStepsHeading:
		return false
	}
	return !r.listDone
}

func (r *reader) heading(b block, level int) error {
	own := b.first + 1 // an ATX heading is one line
	if !isATX(r.lines[b.first]) {
		own += b.node.Lines().Len() // a setext heading: its text, then the underline
		own = min(own, b.end)
	}
	if level == 1 {
		if r.pb.Title != "" {
			return &Error{Line: b.first + 1, Err: fmt.Errorf("second title %q: a playbook has one \"# Title\" heading", b.headingText)}
		}
		if b.headingText == "" {
			return &Error{Line: b.first + 1, Err: errors.New("the title is empty")}
		}
		r.pb.Title = strings.Join(strings.Fields(mdtext.Unescape(b.headingText)), " ")
		return r.rest(own, b.end)
	}
	switch text := stripEmphasis(b.headingText); {
	case isStepsHeading(text):
		r.sec = secSteps
	case isRevisionsHeading(text):
		r.sec = secRevisions
	case strings.EqualFold(text, "summary"):
		r.sec = secSummary
	default:
		r.sec = secOther
		for n := b.first; n < own; n++ {
			r.addSummary(strings.TrimSpace(r.lines[n]), false) // the heading is part of the summary
		}
	}
	return r.rest(own, b.end)
}

// isATX reports whether a heading line starts with '#'.
func isATX(l string) bool { return strings.HasPrefix(strings.TrimLeft(l, " "), "#") }

// rest reads the lines a block leaves after its own (blank lines, or link
// reference definitions goldmark takes out of the tree).
func (r *reader) rest(first, end int) error {
	if r.sec == secRevisions {
		return r.rows(first, end)
	}
	return r.text(first, end)
}

// rows reads the lines of the revision history.
func (r *reader) rows(first, end int) error {
	for n := first; n < end; n++ {
		if err := r.revisionRow(n+1, strings.TrimSpace(r.lines[n])); err != nil {
			return err
		}
	}
	return nil
}

// text reads lines that are neither steps nor a heading: metadata lines
// (outside "## Steps" and "## Summary") or summary text.
func (r *reader) text(first, end int) error {
	for n := first; n < end; n++ {
		l := strings.TrimRight(r.lines[n], " ")
		if r.docFence.code(l) {
			r.addSummary(l, false) // code: never metadata
			continue
		}
		if r.sec == secHead || r.sec == secOther {
			if key, value, ok := metaLine(strings.TrimSpace(l), docKeys); ok {
				if err := r.meta(n+1, key, value); err != nil {
					return err
				}
				continue
			}
		}
		r.addSummary(l, r.sec == secSummary)
	}
	return nil
}

func (r *reader) addSummary(l string, escaped bool) {
	r.summary = append(r.summary, l)
	r.summaryEsc = append(r.summaryEsc, escaped)
}

// list reads a list of steps. Outside "## Steps", an item that holds
// nothing but metadata lines is metadata (the writer's "- **Role:** …"
// list), and a list of only those leaves the steps still to come.
func (r *reader) list(b block) error {
	if r.sec != secSteps && !r.inSteps && !slices.ContainsFunc(b.items, func(it [2]int) bool { return !r.allMeta(it[0], it[1]) }) {
		return r.text(b.first, b.end)
	}
	for _, it := range b.items {
		if r.sec != secSteps && !r.inSteps && r.allMeta(it[0], it[1]) {
			if err := r.text(it[0], it[1]); err != nil {
				return err
			}
			continue
		}
		if err := r.endStep(); err != nil {
			return err
		}
		if err := r.startStep(it[0], it[1]); err != nil {
			return err
		}
		r.inSteps = true
	}
	if !r.hasStepsHeading {
		r.listDone = true
	}
	return nil
}

// allMeta reports whether lines [first, end) are all metadata lines (or
// blank).
func (r *reader) allMeta(first, end int) bool {
	for n := first; n < end; n++ {
		t := strings.TrimSpace(r.lines[n])
		if _, _, ok := metaLine(t, docKeys); t != "" && !ok {
			return false
		}
	}
	return true
}
