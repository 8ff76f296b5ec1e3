package scenarios

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

func eventKey(ev plan.Event) string {
	return fmt.Sprintf("%d %s %s %s %s %s", ev.Seq, ev.Kind, Offset(ev.At.D()), ev.Action, ev.Text, ev.Wall.Format(time.RFC3339Nano))
}

// TestResumeRebuildsTheRun interrupts a run (no End, as after a crash),
// resumes it from the journal and checks the log and tasks are identical,
// the clock is where it stopped, and the run carries on.
func TestResumeRebuildsTheRun(t *testing.T) {
	sc, ws := fixture(t)
	clk := NewFakeClock(epoch)
	path := filepath.Join(t.TempDir(), "ws.json.exercise.jsonl")
	e, evs, err := Start(sc, ws, clk, Options{Speed: 5, Journal: path, Participants: []plan.Participant{{Person: "ann", Role: "im"}}})
	if err != nil {
		t.Fatal(err)
	}
	d := &driver{t: t, e: e, clk: clk, step: time.Second, events: evs}
	d.until(at("T+03:00"))
	d.collect(e.Record(Action{Kind: ExpectAcknowledge, Actor: "bob", Text: "on it: checking dashboards"}))
	d.until(at("T+31:00"))
	d.collect(e.Record(Action{Kind: ExpectSetSeverity, Actor: "ann", Severity: 1}))
	d.collect(e.SetSpeed(12))
	d.until(at("T+1:01:00"))
	d.collect(e.Decide("d1", 1, "ann"))
	d.collect(e.Note("Team unsure who owns the status page", true, "eva"))
	d.collect(e.TriggerNow("a3"))
	d.collect(e.Pause())
	clk.Advance(time.Minute)
	d.collect(e.Resume())
	d.until(at("T+1:20:00"))
	d.collect(e.Tick())
	before := e.Events()
	beforeTasks := e.Tasks()
	stoppedAt := e.Now()
	e.Close() // the process dies here

	clk2 := NewFakeClock(epoch.Add(5 * time.Hour))
	r, err := Resume(path, clk2)
	if err != nil {
		t.Fatal(err)
	}
	after := r.Events()
	if len(after) != len(before) {
		t.Fatalf("resumed log has %d events, want %d", len(after), len(before))
	}
	for i := range before {
		if eventKey(before[i]) != eventKey(after[i]) || before[i].Note != after[i].Note {
			t.Fatalf("event %d differs:\n was %s\n now %s", i, eventKey(before[i]), eventKey(after[i]))
		}
	}
	if fmt.Sprint(r.Tasks()) != fmt.Sprint(beforeTasks) {
		t.Fatalf("tasks differ after resume")
	}
	// The clock waits, paused, where the journal stopped (the last
	// checkpoint is at most one interval at ×12, 12 s, behind).
	if r.Running() || stoppedAt-r.Now() > 12*time.Second || r.Now() > stoppedAt {
		t.Fatalf("resumed at %s (running %v), stopped at %s", Offset(r.Now()), r.Running(), Offset(stoppedAt))
	}
	if r.Speed() != 12 || r.Severity() != 1 {
		t.Fatalf("speed %v severity %d after resume", r.Speed(), r.Severity())
	}
	// Carry on: new events go to the same journal, and a second resume
	// sees them too.
	if _, err := r.Resume(); err != nil {
		t.Fatal(err)
	}
	clk2.Advance(time.Second)
	if _, err := r.Record(Action{Kind: ExpectNotify, Actor: "cat", Target: "customers"}); err != nil {
		t.Fatal(err)
	}
	n := r.EventCount()
	r.Close()
	r2, err := Resume(path, clk2)
	if err != nil {
		t.Fatal(err)
	}
	if r2.EventCount() != n {
		t.Fatalf("second resume has %d events, want %d", r2.EventCount(), n)
	}
	run, _, err := r2.End(nil)
	if err != nil || len(run.Tasks) == 0 || run.Participants[0].Person != "ann" {
		t.Fatalf("ending the resumed run: %v", err)
	}
}

func TestResumeRejectsDamagedJournal(t *testing.T) {
	sc, ws := fixture(t)
	path := filepath.Join(t.TempDir(), "j.jsonl")
	e, _, err := Start(sc, ws, NewFakeClock(epoch), Options{Journal: path})
	if err != nil {
		t.Fatal(err)
	}
	e.Record(Action{Kind: ExpectAcknowledge})
	e.Close()
	data, _ := os.ReadFile(path)
	lines := strings.Split(string(data), "\n")
	lines[2] = `{"seq": "broken"` // damage in the middle, not a torn tail
	os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o600)
	if _, err := Resume(path, NewFakeClock(epoch)); err == nil || !strings.Contains(err.Error(), "j.jsonl:3") {
		t.Fatalf("got %v, want an error naming line 3", err)
	}
	if _, err := Resume(filepath.Join(t.TempDir(), "none.jsonl"), NewFakeClock(epoch)); err == nil {
		t.Fatal("missing journal accepted")
	}
	// An existing journal is never overwritten by a new run.
	if _, _, err := Start(sc, ws, NewFakeClock(epoch), Options{Journal: path}); err == nil {
		t.Fatal("a new run overwrote an existing journal")
	}
}

// TestCrashResumeKeepsAcknowledgedEvents kills a process running an
// exercise with SIGKILL at random points of its run; after every kill, the
// resumed run holds every event the process had been handed back. The
// kill comes a random time after the child reports its run is underway,
// so a slow or loaded machine cannot make it land before the start.
func TestCrashResumeKeepsAcknowledgedEvents(t *testing.T) {
	if os.Getenv("DRILLBOOK_CRASH_JOURNAL") != "" {
		t.Skip("child process")
	}
	kills := 60
	if testing.Short() {
		kills = 10
	}
	rng := rand.New(rand.NewPCG(1, 2))
	dir := t.TempDir()
	events, torn := 0, 0
	for i := 0; i < kills; i++ {
		path := filepath.Join(dir, fmt.Sprintf("crash-%02d.jsonl", i))
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v")
		cmd.Env = append(os.Environ(), "DRILLBOOK_CRASH_JOURNAL="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		acked := map[int]string{}
		running, done := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(done)
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				f := strings.Fields(sc.Text())
				switch {
				case len(f) == 1 && f[0] == "running":
					close(running)
				case len(f) == 3 && f[0] == "ack":
					n, _ := strconv.Atoi(f[1])
					acked[n] = f[2]
				}
			}
		}()
		select {
		case <-running:
		case <-done:
			cmd.Wait()
			t.Fatalf("kill %d: the child exited before its run was underway", i)
		}
		// A random point of the run, not a deadline: how far it gets
		// does not matter, only that it is killed mid-run.
		time.Sleep(time.Duration(rng.IntN(80)) * time.Millisecond)
		cmd.Process.Kill() // SIGKILL: no deferred code, no flush
		<-done
		cmd.Wait()
		if data, err := os.ReadFile(path); err == nil && len(data) > 0 && data[len(data)-1] != '\n' {
			torn++
		}
		e, err := Resume(path, NewFakeClock(time.Now()))
		if err != nil {
			t.Fatalf("kill %d: resume: %v", i, err)
		}
		have := map[int]string{}
		for _, ev := range e.Events() {
			have[ev.Seq] = ev.Kind
		}
		for seq, kind := range acked {
			if have[seq] != kind {
				t.Fatalf("kill %d: acknowledged event %d (%s) lost; resumed log has %d events", i, seq, kind, len(have))
			}
		}
		events += len(acked)
		e.Close()
	}
	t.Logf("%d kills, all mid-run, with %d acknowledged events in all, %d torn journal tails", kills, events, torn)
}

// TestCrashChild is the process the crash test kills: it runs an
// exercise as fast as it can and prints each event it gets back, after a
// line saying the run is underway.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("DRILLBOOK_CRASH_JOURNAL")
	if path == "" {
		t.Skip("run by TestCrashResumeKeepsAcknowledgedEvents")
	}
	sc, ws := fixture(t)
	w := bufio.NewWriter(os.Stdout)
	ack := func(evs []plan.Event, err error) {
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range evs {
			fmt.Fprintf(w, "ack %d %s\n", ev.Seq, ev.Kind)
		}
		w.Flush()
	}
	e, evs, err := Start(sc, ws, RealClock{}, Options{Speed: 20, Journal: path})
	ack(evs, err)
	fmt.Fprintln(w, "running")
	w.Flush()
	kinds := []Action{
		{Kind: ExpectAcknowledge, Actor: "bob"},
		{Kind: ExpectNotify, Actor: "cat", Target: "customers"},
		{Kind: ExpectEscalate, Actor: "ann", Target: "exec"},
		{Kind: ExpectContactSupplier, Actor: "bob", Target: "nimbus"},
	}
	for i := 0; ; i++ {
		ack(e.Record(kinds[i%len(kinds)]))
		ack(e.Tick())
		if i%7 == 0 {
			ack(e.Note(fmt.Sprintf("note %d", i), false, "eva"))
		}
	}
}

func TestResumeIgnoresTornLastLine(t *testing.T) {
	sc, ws := fixture(t)
	path := filepath.Join(t.TempDir(), "j.jsonl")
	e, _, _ := Start(sc, ws, NewFakeClock(epoch), Options{Journal: path})
	e.Record(Action{Kind: ExpectAcknowledge, Actor: "bob"})
	n := e.EventCount()
	e.Close()
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"seq":99,"kind":"act`) // power lost mid-write
	f.Close()
	r, err := Resume(path, NewFakeClock(epoch))
	if err != nil {
		t.Fatal(err)
	}
	if r.EventCount() != n {
		t.Fatalf("%d events, want %d", r.EventCount(), n)
	}
	// The torn bytes are cut so the next event starts on a fresh line.
	r.Record(Action{Kind: ExpectNotify, Target: "customers"})
	r.Close()
	if _, err := Resume(path, NewFakeClock(epoch)); err != nil {
		t.Fatalf("journal unreadable after appending past a torn line: %v", err)
	}
}
