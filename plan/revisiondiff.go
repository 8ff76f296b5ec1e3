package plan

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Diff operations.
const (
	DiffSame   = ' ' // the step's text is in both versions
	DiffAdd    = '+' // the step is only in the newer version
	DiffRemove = '-' // the step is only in the older version
)

// DiffLine is one step of a comparison between two versions of a
// playbook's steps, in reading order (removed steps just before the steps
// that replace them).
type DiffLine struct {
	Op   byte // DiffSame, DiffAdd or DiffRemove
	Text string
	// Step is the 1-based step number in the newer version (DiffSame,
	// DiffAdd) or the older one (DiffRemove); OldStep is the step number in
	// the older version for DiffSame lines, 0 otherwise.
	Step    int
	OldStep int
	// Duration and References are the step's values in its version (the
	// newer one for DiffSame).
	Duration   Duration
	References []string
	// Changes describe what changed on a DiffSame step besides its text,
	// e.g. "expected duration 5m → 10m", "references added: x".
	Changes []string
}

// Changed reports whether the line is an addition, a removal or a step
// whose duration or references changed.
func (d DiffLine) Changed() bool { return d.Op != DiffSame || len(d.Changes) > 0 }

// maxDiffCells bounds the LCS table. Playbooks have tens of steps; a
// pathological one beyond this is shown as all removed then all added
// rather than allocating gigabytes.
const maxDiffCells = 4 << 20

// diffSteps compares two versions of a playbook's steps by their text
// (longest common subsequence, so moved or edited steps show as removed
// and added) and reports duration and reference changes on the steps
// whose text is unchanged. Text is compared with surrounding white space
// trimmed.
func diffSteps(older, newer []Step) []DiffLine {
	eq := func(i, j int) bool { return strings.TrimSpace(older[i].Text) == strings.TrimSpace(newer[j].Text) }
	// Common prefix and suffix need no table.
	pre := 0
	for pre < len(older) && pre < len(newer) && eq(pre, pre) {
		pre++
	}
	suf := 0
	for suf < len(older)-pre && suf < len(newer)-pre && eq(len(older)-1-suf, len(newer)-1-suf) {
		suf++
	}
	out := make([]DiffLine, 0, max(len(older), len(newer)))
	for i := range pre {
		out = append(out, same(older, newer, i, i))
	}
	oa, ob := pre, len(older)-suf // middle of older
	na, nb := pre, len(newer)-suf // middle of newer
	n, m := ob-oa, nb-na
	if n > 0 && m > 0 && (n+1)*(m+1) <= maxDiffCells {
		// lcs[i][j] is the LCS length of older[oa+i:ob] and newer[na+j:nb].
		w := m + 1
		lcs := make([]int32, (n+1)*w)
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if eq(oa+i, na+j) {
					lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
				} else {
					lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n && j < m {
			switch {
			case eq(oa+i, na+j):
				out = append(out, same(older, newer, oa+i, na+j))
				i++
				j++
			case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
				out = append(out, removed(older, oa+i))
				i++
			default:
				out = append(out, added(newer, na+j))
				j++
			}
		}
		oa, na = oa+i, na+j
	}
	for i := oa; i < ob; i++ {
		out = append(out, removed(older, i))
	}
	for j := na; j < nb; j++ {
		out = append(out, added(newer, j))
	}
	for k := range suf {
		out = append(out, same(older, newer, ob+k, nb+k))
	}
	return out
}

func removed(s []Step, i int) DiffLine {
	return DiffLine{Op: DiffRemove, Text: s[i].Text, Step: i + 1, Duration: s[i].ExpectedDuration, References: s[i].References}
}

func added(s []Step, j int) DiffLine {
	return DiffLine{Op: DiffAdd, Text: s[j].Text, Step: j + 1, Duration: s[j].ExpectedDuration, References: s[j].References}
}

func same(older, newer []Step, i, j int) DiffLine {
	a, b := older[i], newer[j]
	d := DiffLine{Op: DiffSame, Text: b.Text, Step: j + 1, OldStep: i + 1, Duration: b.ExpectedDuration, References: b.References}
	if a.ExpectedDuration != b.ExpectedDuration {
		d.Changes = append(d.Changes, fmt.Sprintf("expected duration %s → %s", durationOrNone(a.ExpectedDuration), durationOrNone(b.ExpectedDuration)))
	}
	var plus, minus []string
	for _, r := range b.References {
		if !slices.Contains(a.References, r) && !slices.Contains(plus, r) {
			plus = append(plus, r)
		}
	}
	for _, r := range a.References {
		if !slices.Contains(b.References, r) && !slices.Contains(minus, r) {
			minus = append(minus, r)
		}
	}
	if len(plus) > 0 {
		d.Changes = append(d.Changes, "references added: "+strings.Join(plus, ", "))
	}
	if len(minus) > 0 {
		d.Changes = append(d.Changes, "references removed: "+strings.Join(minus, ", "))
	}
	return d
}

func durationOrNone(d Duration) string {
	if d == 0 {
		return "none"
	}
	return d.String()
}

// Diff compares two versions of the playbook's steps: revision fromRev
// against revision toRev, where toRev 0 means the current draft (the
// steps being edited). Revisions are named by their Number.
func (p *Playbook) Diff(fromRev, toRev int) ([]DiffLine, error) {
	if p == nil {
		return nil, errors.New("diff: no playbook")
	}
	from := p.revision(fromRev)
	if from == nil {
		return nil, fmt.Errorf("playbook %q: no revision %d to compare from", p.ID, fromRev)
	}
	if toRev == 0 {
		return diffSteps(from.Steps, p.Steps), nil
	}
	to := p.revision(toRev)
	if to == nil {
		return nil, fmt.Errorf("playbook %q: no revision %d to compare to", p.ID, toRev)
	}
	return diffSteps(from.Steps, to.Steps), nil
}

func (p *Playbook) revision(n int) *Revision {
	for i := range p.Revisions {
		if p.Revisions[i].Number == n {
			return &p.Revisions[i]
		}
	}
	return nil
}

// ErrNothingToPublish is returned (wrapped) by PublishRevision when the
// steps are the same as in the latest revision.
var ErrNothingToPublish = errors.New("nothing has changed since the latest revision")

// HasDraftChanges reports whether the steps differ from the latest
// published revision (always true for a playbook with steps and no
// revision), which is when the editor offers "Publish".
func (p *Playbook) HasDraftChanges() bool {
	last := p.CurrentRevision()
	if last == nil {
		return len(p.Steps) > 0
	}
	return !stepsEqual(last.Steps, p.Steps)
}

func stepsEqual(a, b []Step) bool {
	return slices.EqualFunc(a, b, func(x, y Step) bool {
		return x.Text == y.Text && x.ExpectedDuration == y.ExpectedDuration && slices.Equal(x.References, y.References)
	})
}

// PublishRevision records the current steps as a new revision, numbered
// one past the latest, and marks the playbook reviewed on day today: the
// published version is what the team should follow, and each revision
// keeps its steps so any two can be compared. It refuses a missing
// author, summary or date, a playbook with no steps, and an unchanged one
// (ErrNothingToPublish), leaving the playbook untouched.
func PublishRevision(p *Playbook, author, summary string, today Date) error {
	if p == nil {
		return errors.New("publish: no playbook")
	}
	switch {
	case strings.TrimSpace(author) == "":
		return fmt.Errorf("publish playbook %q: the author is required", p.ID)
	case strings.TrimSpace(summary) == "":
		return fmt.Errorf("publish playbook %q: say what changed in the summary", p.ID)
	case today.IsZero():
		return fmt.Errorf("publish playbook %q: the date is required", p.ID)
	case len(p.Steps) == 0:
		return fmt.Errorf("publish playbook %q: it has no steps", p.ID)
	case !p.HasDraftChanges():
		return fmt.Errorf("publish playbook %q: %w", p.ID, ErrNothingToPublish)
	}
	number := 1
	for _, r := range p.Revisions {
		number = max(number, r.Number+1)
	}
	p.Revisions = append(p.Revisions, Revision{
		Number:  number,
		Date:    today,
		Author:  strings.TrimSpace(author),
		Summary: strings.TrimSpace(summary),
		Steps:   cloneSteps(p.Steps),
	})
	p.LastReviewed = today
	return nil
}

// cloneSteps copies steps deeply, so editing the draft never alters a
// published revision.
func cloneSteps(s []Step) []Step {
	out := make([]Step, len(s))
	for i, st := range s {
		out[i] = st
		out[i].References = slices.Clone(st.References)
	}
	return out
}
