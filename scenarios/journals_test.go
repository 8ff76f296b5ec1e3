package scenarios

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"drillbook/plan"
)

// TestJournalsArePerRun: an ended run's journal (kept until the workspace
// is saved) does not block the next run; Journals lists both and the
// older single-name journal; the ended one says so and rebuilds the very
// record End returned.
func TestJournalsArePerRun(t *testing.T) {
	sc, ws := fixture(t)
	wsPath := filepath.Join(t.TempDir(), "client.json")
	clk := NewFakeClock(epoch)
	first := JournalPath(wsPath, "run-1")
	e, _, err := Start(sc, ws, clk, Options{RunID: "run-1", Journal: first})
	if err != nil {
		t.Fatal(err)
	}
	clk.Advance(3 * time.Minute)
	e.Record(Action{Kind: ExpectAcknowledge, Actor: "bob"})
	clk.Advance(40 * time.Minute)
	ended, _, err := e.End([]plan.HotwashNote{{Question: "What went well?", Answer: "paging"}})
	if err != nil {
		t.Fatal(err)
	}

	second := JournalPath(wsPath, "run-2")
	e2, _, err := Start(sc, ws, clk, Options{RunID: "run-2", Journal: second})
	if err != nil {
		t.Fatalf("second run blocked by the first one's journal: %v", err)
	}
	e2.Close() // interrupted
	legacy := wsPath + ".exercise.jsonl"
	e3, _, err := Start(sc, ws, clk, Options{RunID: "run-0", Journal: legacy})
	if err != nil {
		t.Fatal(err)
	}
	e3.Close()
	os.WriteFile(wsPath+".exercise-run-1.jsonl.set-aside-20260101-000000", nil, 0o600)
	os.WriteFile(filepath.Join(filepath.Dir(wsPath), "other.json.exercise-run-9.jsonl"), nil, 0o600)

	got, err := Journals(wsPath)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{first, second, legacy}; !slices.Equal(got, want) {
		t.Fatalf("Journals listed\n %q\nwant\n %q", got, want)
	}

	j, err := ReadJournal(first)
	if err != nil {
		t.Fatal(err)
	}
	if !j.Ended || j.RunID != "run-1" || j.Title != sc.Title {
		t.Fatalf("ended journal read as %+v", j)
	}
	if _, err := j.Resume(clk); !errors.Is(err, ErrRunEnded) {
		t.Fatalf("resuming an ended run: %v", err)
	}
	restored, err := j.Run()
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(ended)
	b, _ := json.Marshal(restored)
	if string(a) != string(b) {
		t.Fatalf("restored record differs from the one End returned:\n%s\n%s", a, b)
	}
	for _, p := range []string{second, legacy} {
		j, err := ReadJournal(p)
		if err != nil || j.Ended {
			t.Fatalf("%s: %v, ended %v", p, err, j != nil && j.Ended)
		}
		if _, err := j.Resume(clk); err != nil {
			t.Fatalf("%s does not resume: %v", p, err)
		}
	}
	if got, _ := Journals(filepath.Join(t.TempDir(), "none", "x.json")); len(got) != 0 {
		t.Fatalf("journals in a missing folder: %v", got)
	}
}
