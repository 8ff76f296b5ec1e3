package plan

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func steps(texts ...string) []Step {
	out := make([]Step, len(texts))
	for i, t := range texts {
		out[i] = Step{Text: t}
	}
	return out
}

// diffText renders a diff as "op step/oldStep text {changes}" lines.
func diffText(ds []DiffLine) string {
	var lines []string
	for _, d := range ds {
		l := fmt.Sprintf("%c%d", d.Op, d.Step)
		if d.Op == DiffSame {
			l += fmt.Sprintf("/%d", d.OldStep)
		}
		l += " " + d.Text
		if len(d.Changes) > 0 {
			l += " {" + strings.Join(d.Changes, "; ") + "}"
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

func TestDiffSteps(t *testing.T) {
	cases := []struct {
		name     string
		old, new []Step
		want     string
	}{
		{"both empty", nil, nil, ""},
		{"all added", nil, steps("a", "b"), "+1 a\n+2 b"},
		{"all removed", steps("a", "b"), nil, "-1 a\n-2 b"},
		{"unchanged", steps("a", "b"), steps("a", "b"), " 1/1 a\n 2/2 b"},
		{"insert in the middle", steps("a", "c"), steps("a", "b", "c"), " 1/1 a\n+2 b\n 3/2 c"},
		{"delete in the middle", steps("a", "b", "c"), steps("a", "c"), " 1/1 a\n-2 b\n 2/3 c"},
		{"edit: removal before its replacement", steps("a", "b", "c"), steps("a", "B", "c"), " 1/1 a\n-2 b\n+2 B\n 3/3 c"},
		{"move", steps("a", "b", "c"), steps("b", "c", "a"), "-1 a\n 1/2 b\n 2/3 c\n+3 a"},
		{"repeated texts", steps("x", "y", "x"), steps("x", "x"), " 1/1 x\n-2 y\n 2/3 x"},
		{"surrounding space ignored", steps("a "), steps("  a"), " 1/1   a"},
		{"duration and references changed",
			[]Step{{Text: "a", ExpectedDuration: 5 * Minute, References: []string{"x", "y"}}},
			[]Step{{Text: "a", ExpectedDuration: 10 * Minute, References: []string{"y", "z"}}},
			" 1/1 a {expected duration 5m → 10m; references added: z; references removed: x}"},
		{"duration set and cleared",
			[]Step{{Text: "a"}, {Text: "b", ExpectedDuration: Hour}},
			[]Step{{Text: "a", ExpectedDuration: Minute}, {Text: "b"}},
			" 1/1 a {expected duration none → 1m}\n 2/2 b {expected duration 1h → none}"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := diffSteps(c.old, c.new)
			if s := diffText(got); s != c.want {
				t.Errorf("\n got %s\nwant %s", s, c.want)
			}
			// Every step appears exactly once on its side.
			nOld, nNew := 0, 0
			for _, d := range got {
				if d.Op != DiffAdd {
					nOld++
				}
				if d.Op != DiffRemove {
					nNew++
				}
			}
			if nOld != len(c.old) || nNew != len(c.new) {
				t.Errorf("diff covers %d old / %d new steps, want %d / %d", nOld, nNew, len(c.old), len(c.new))
			}
		})
	}
}

func TestDiffLineChanged(t *testing.T) {
	if (DiffLine{Op: DiffSame}).Changed() || !(DiffLine{Op: DiffSame, Changes: []string{"x"}}).Changed() || !(DiffLine{Op: DiffAdd}).Changed() {
		t.Error("Changed() is wrong")
	}
}

// TestDiffStepsLarge checks a diff too big for the LCS table still
// accounts for every step.
func TestDiffStepsLarge(t *testing.T) {
	old := make([]Step, 3000)
	new := make([]Step, 3000)
	for i := range old {
		old[i] = Step{Text: fmt.Sprint("old ", i)}
		new[i] = Step{Text: fmt.Sprint("new ", i)}
	}
	new[0] = old[0]
	d := diffSteps(old, new)
	if len(d) != 1+2*2999 || d[0].Op != DiffSame || d[1].Op != DiffRemove || d[len(d)-1].Op != DiffAdd {
		t.Errorf("large diff: %d lines, first %c %c, last %c", len(d), d[0].Op, d[1].Op, d[len(d)-1].Op)
	}
}

func TestPlaybookDiff(t *testing.T) {
	pb := &Playbook{ID: "pb",
		Revisions: []Revision{{Number: 1, Steps: steps("a", "b")}, {Number: 3, Steps: steps("a", "c")}},
		Steps:     steps("a", "c", "d")}
	cases := []struct {
		from, to int
		want     string
		err      string
	}{
		{1, 3, " 1/1 a\n-2 b\n+2 c", ""},
		{3, 0, " 1/1 a\n 2/2 c\n+3 d", ""},
		{3, 1, " 1/1 a\n-2 c\n+2 b", ""},
		{2, 0, "", `playbook "pb": no revision 2 to compare from`},
		{1, 7, "", `playbook "pb": no revision 7 to compare to`},
		{0, 0, "", "no revision 0"},
	}
	for _, c := range cases {
		got, err := pb.Diff(c.from, c.to)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("Diff(%d, %d) error = %v, want %q", c.from, c.to, err, c.err)
			}
			continue
		}
		if err != nil || diffText(got) != c.want {
			t.Errorf("Diff(%d, %d) = %q, %v; want %q", c.from, c.to, diffText(got), err, c.want)
		}
	}
	var nilPB *Playbook
	if _, err := nilPB.Diff(1, 0); err == nil {
		t.Error("nil playbook: no error")
	}
}

func TestPlaybookDiffDemo(t *testing.T) {
	pb := Demo().Playbook("im-major-incident")
	d, err := pb.Diff(2, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(d) == 0 {
		t.Fatal("empty diff")
	}
	// Revision 3 is the current draft: no changes since.
	d, _ = pb.Diff(3, 0)
	for _, l := range d {
		if l.Changed() {
			t.Errorf("draft differs from revision 3: %+v", l)
		}
	}
	if pb.HasDraftChanges() {
		t.Error("HasDraftChanges after publishing")
	}
}

func TestPublishRevision(t *testing.T) {
	today := NewDate(2026, time.November, 20)
	fresh := func() *Playbook {
		return &Playbook{ID: "pb", Steps: []Step{{Text: "a", References: []string{"x"}}},
			LastReviewed: NewDate(2026, time.January, 1),
			Revisions:    []Revision{{Number: 4, Date: NewDate(2026, time.January, 1), Author: "amy", Summary: "First", Steps: steps("old")}}}
	}
	cases := []struct {
		name            string
		edit            func(p *Playbook)
		author, summary string
		today           Date
		err             string
	}{
		{"publishes", nil, " bob ", " Tidied ", today, ""},
		{"first revision", func(p *Playbook) { p.Revisions = nil }, "bob", "First", today, ""},
		{"no author", nil, " ", "x", today, "author is required"},
		{"no summary", nil, "bob", "\n", today, "say what changed"},
		{"no date", nil, "bob", "x", Date{}, "date is required"},
		{"no steps", func(p *Playbook) { p.Steps = nil }, "bob", "x", today, "has no steps"},
		{"unchanged", func(p *Playbook) { p.Steps = cloneSteps(p.Revisions[0].Steps) }, "bob", "x", today, "nothing has changed"},
		{"reference change counts", func(p *Playbook) {
			p.Revisions[0].Steps = []Step{{Text: "a", References: []string{"y"}}}
		}, "bob", "x", today, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := fresh()
			if c.edit != nil {
				c.edit(p)
			}
			before := len(p.Revisions)
			err := PublishRevision(p, c.author, c.summary, c.today)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || !strings.Contains(err.Error(), `"pb"`) {
					t.Fatalf("error = %v, want %q", err, c.err)
				}
				if len(p.Revisions) != before || p.LastReviewed != NewDate(2026, time.January, 1) {
					t.Error("a refused publish changed the playbook")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			r := p.CurrentRevision()
			wantNum := 1
			if before > 0 {
				wantNum = 5
			}
			if len(p.Revisions) != before+1 || r.Number != wantNum || r.Date != today || r.Author != strings.TrimSpace(c.author) ||
				r.Summary != strings.TrimSpace(c.summary) || p.LastReviewed != today || !stepsEqual(r.Steps, p.Steps) {
				t.Errorf("revision = %+v, last reviewed %s", r, p.LastReviewed)
			}
			// The snapshot is independent of the draft.
			p.Steps[0].Text = "edited"
			p.Steps[0].References[0] = "edited"
			if r.Steps[0].Text == "edited" || r.Steps[0].References[0] == "edited" {
				t.Error("revision shares memory with the draft")
			}
			if !p.HasDraftChanges() {
				t.Error("HasDraftChanges false after editing the draft")
			}
			if err := PublishRevision(p, "bob", "again", today); err != nil {
				t.Errorf("publishing the edit: %v", err)
			}
			if err := PublishRevision(p, "bob", "again", today); !errors.Is(err, ErrNothingToPublish) {
				t.Errorf("publishing twice: %v, want ErrNothingToPublish", err)
			}
		})
	}
	if err := PublishRevision(nil, "a", "b", today); err == nil {
		t.Error("nil playbook: no error")
	}
}
