package app

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"drillbook/app/host"
	"drillbook/app/widgets"
	guided "drillbook/guide"
	"drillbook/plan"
)

// Soak settings: DRILLBOOK_UNDO_SOAK=n runs n more random seeds (and
// longer sequences); DRILLBOOK_UNDO_SEED=s replays one seed.
const (
	undoSteps = 60
	soakSteps = 400
)

// TestRandomEditsUndoToTheStart drives random sequences of edits, undo and
// redo through the real widgets of every editor screen and guide page,
// checks that nothing panics, then undoes everything and checks that the
// workspace is the one it started from, byte for byte.
func TestRandomEditsUndoToTheStart(t *testing.T) {
	seeds := []int64{1}
	steps := undoSteps
	if s := os.Getenv("DRILLBOOK_UNDO_SEED"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("DRILLBOOK_UNDO_SEED: %v", err)
		}
		seeds = []int64{n}
	}
	if s := os.Getenv("DRILLBOOK_UNDO_SOAK"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("DRILLBOOK_UNDO_SOAK: %v", err)
		}
		base := time.Now().UnixNano()
		for i := range n {
			seeds = append(seeds, base+int64(i))
		}
		steps = soakSteps
	}
	for _, seed := range seeds {
		t.Run(strconv.FormatInt(seed, 10), func(t *testing.T) { randomEdits(t, seed, steps) })
	}
}

// editTargets are the places the test edits in: every tab of every editor
// screen, the overview and every guide page.
func editTargets(t *testing.T, u *UI) (names []string, show []func()) {
	for i, s := range u.screens {
		switch s.Title() {
		case "Procedure", "Roles & escalation", "Playbooks":
			tabs := tabsOf(s.Object())
			if tabs == nil { // a screen of one editor
				names = append(names, s.Title()+" › "+s.Title())
				show = append(show, func() { u.nav.Select(i) })
				continue
			}
			for j, tab := range tabs.Items {
				names = append(names, s.Title()+" › "+tab.Text)
				show = append(show, func() { u.nav.Select(i); tabs.SelectIndex(j) })
			}
		case "Overview":
			names = append(names, "Overview")
			show = append(show, func() { u.nav.Select(i) })
		case "Guide":
			// The guide's first list is its questions, one page each.
			pages, _ := find(s.Object(), func(*widgets.KeyList) bool { return true })
			for q, question := range guided.Questions() {
				names = append(names, "Guide › "+question.Title)
				show = append(show, func() { u.nav.Select(i); pages.Select(q) })
			}
		}
	}
	if len(names) < 20 {
		t.Fatalf("only %d places to edit", len(names))
	}
	return names, show
}

func randomEdits(t *testing.T, seed int64, steps int) {
	u, now := editorUI(t)
	m := &monkey{rng: rand.New(rand.NewSource(seed)), win: u.win}
	names, show := editTargets(t, u)
	startBytes, err := plan.Encode(u.doc.ws)
	if err != nil {
		t.Fatal(err)
	}
	fail := func(format string, args ...any) {
		t.Helper()
		from := max(0, len(m.log)-40)
		t.Fatalf("seed %d (replay with DRILLBOOK_UNDO_SEED=%d): %s\nlast actions:\n  %s",
			seed, seed, fmt.Sprintf(format, args...), strings.Join(m.log[from:], "\n  "))
	}
	step := func(i int) {
		// Some actions follow quickly (typing merges into one undo
		// step), some after a pause.
		*now = now.Add(time.Duration(m.rng.Intn(2500)) * time.Millisecond)
		switch r := m.rng.Intn(100); {
		case i == 0 || r < 5:
			k := m.rng.Intn(len(names))
			m.logf("step %d: show %s", i, names[k])
			show[k]()
		case r < 20:
			m.logf("step %d: undo (%s)", i, u.undo.UndoLabel())
			undoItem(t, u).Action()
		case r < 27:
			m.logf("step %d: redo (%s)", i, u.undo.RedoLabel())
			redoItem(t, u).Action()
		default:
			m.logf("step %d: on %s", i, u.screens[u.current].Title())
			m.act(u.body)
		}
		m.answerDialogs()
	}
	for i := range steps {
		if r, stack := guard(func() { step(i) }); r != nil {
			fail("step %d panicked: %v\n%s", i, r, stack)
		}
		if !editable(u.screens[u.current]) {
			// A link led off the editors (to the assessment, say),
			// whose edits are not on the undo stack.
			show[0]()
		}
	}
	t.Logf("seed %d: %d steps, %d edits to undo", seed, steps, u.undo.Steps())
	for n := 0; u.undo.CanUndo(); n++ {
		if n > host.MaxUndo {
			fail("undo never empties")
		}
		m.logf("undo all: %s", u.undo.UndoLabel())
		if r, stack := guard(undoItem(t, u).Action); r != nil {
			fail("undoing everything panicked: %v\n%s", r, stack)
		}
	}
	got, err := plan.Encode(u.doc.ws)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, startBytes) {
		fail("after undoing everything the workspace differs from the start:\n%s", firstDifference(startBytes, got))
	}
}

// guard runs f and returns what it panicked with, if it did.
func guard(f func()) (panicked any, stack []byte) {
	defer func() {
		if r := recover(); r != nil {
			panicked, stack = r, debug.Stack()
		}
	}()
	f()
	return nil, nil
}

// editable reports whether a screen's edits are all undoable plan edits.
func editable(s host.Screen) bool {
	return slices.Contains([]string{"Procedure", "Roles & escalation", "Playbooks", "Overview", "Guide"}, s.Title())
}

// firstDifference shows where two encodings first differ, with context.
func firstDifference(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		if i >= len(w) || i >= len(g) || w[i] != g[i] {
			from := max(0, i-3)
			return fmt.Sprintf("line %d\nwant:\n%s\ngot:\n%s", i+1,
				strings.Join(w[from:min(len(w), i+4)], "\n"), strings.Join(g[from:min(len(g), i+4)], "\n"))
		}
	}
	return "(same lines)"
}
