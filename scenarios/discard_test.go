package scenarios

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"drillbook/plan"
)

// TestDiscardRemovesTheJournal: a discarded practice run leaves no journal
// behind (nothing is listed or offered for resume) and takes no more
// commands; a run resumed from its journal, or one ended but not saved,
// can be discarded too.
func TestDiscardRemovesTheJournal(t *testing.T) {
	sc, ws := fixture(t)
	wsPath := filepath.Join(t.TempDir(), "client.json")
	clk := NewFakeClock(epoch)

	discard := func(e *Engine, path string) {
		t.Helper()
		if err := e.Discard(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("journal %s still there after Discard: %v", path, err)
		}
		if list, err := Journals(wsPath); err != nil || len(list) != 0 {
			t.Errorf("Journals after Discard: %v, %v", list, err)
		}
		if _, err := e.Record(Action{Kind: ExpectAcknowledge, Actor: "bob"}); !errors.Is(err, ErrClosed) {
			t.Errorf("Record after Discard: %v, want ErrClosed", err)
		}
		if _, err := e.Tick(); !errors.Is(err, ErrClosed) {
			t.Errorf("Tick after Discard: %v, want ErrClosed", err)
		}
		if _, _, err := e.End(nil); !errors.Is(err, ErrClosed) {
			t.Errorf("End after Discard: %v, want ErrClosed", err)
		}
	}

	// Running.
	path := JournalPath(wsPath, "run-1")
	e, _, err := Start(sc, ws, clk, Options{RunID: "run-1", Journal: path})
	if err != nil {
		t.Fatal(err)
	}
	clk.Advance(3 * time.Minute)
	if _, err := e.Record(Action{Kind: ExpectAcknowledge, Actor: "bob"}); err != nil {
		t.Fatal(err)
	}
	discard(e, path)

	// Interrupted, then resumed from the journal.
	e, _, err = Start(sc, ws, clk, Options{RunID: "run-2", Journal: JournalPath(wsPath, "run-2")})
	if err != nil {
		t.Fatal(err)
	}
	e.Close()
	list, err := Journals(wsPath)
	if err != nil || len(list) != 1 {
		t.Fatalf("Journals: %v, %v", list, err)
	}
	r, err := Resume(list[0], clk)
	if err != nil {
		t.Fatal(err)
	}
	discard(r, list[0])

	// Ended, not yet saved.
	path = JournalPath(wsPath, "run-3")
	e, _, err = Start(sc, ws, clk, Options{RunID: "run-3", Journal: path})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.End([]plan.HotwashNote{{Question: "One", Answer: "practice"}}); err != nil {
		t.Fatal(err)
	}
	discard(e, path)

	// Without a journal there is nothing to remove.
	e, _, err = Start(sc, ws, clk, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Discard(); err != nil {
		t.Fatalf("Discard without a journal: %v", err)
	}
}
