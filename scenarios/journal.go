package scenarios

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"drillbook/plan"
)

const journalVersion = 1

// header is the first line of a journal: everything needed to rebuild the
// run without the library or the workspace file, which may have changed.
type header struct {
	Version   int             `json:"journal"`
	Options   Options         `json:"options"`
	Scenario  *Scenario       `json:"scenario"`
	Workspace *plan.Workspace `json:"workspace"`
}

// journal appends events as JSON lines, syncing each before returning, so
// an event the caller has seen survives a crash or power loss.
type journal struct {
	f *os.File
	w *bufio.Writer
}

func createJournal(path string, h header) (*journal, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("creating exercise journal: %w", err)
	}
	j := &journal{f: f, w: bufio.NewWriter(f)}
	if err := j.write(h); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	syncDir(path)
	return j, nil
}

func openJournalForAppend(path string) (*journal, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	return &journal{f: f, w: bufio.NewWriter(f)}, nil
}

func (j *journal) append(ev plan.Event) error { return j.write(ev) }

func (j *journal) write(v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if _, err := j.w.Write(data); err != nil {
		return fmt.Errorf("writing exercise journal: %w", err)
	}
	if err := j.w.Flush(); err != nil {
		return fmt.Errorf("writing exercise journal: %w", err)
	}
	if err := j.f.Sync(); err != nil {
		return fmt.Errorf("syncing exercise journal: %w", err)
	}
	return nil
}

func (j *journal) close() { j.f.Close() }

func syncDir(path string) {
	if d, err := os.Open(dirOf(path)); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

func dirOf(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if os.IsPathSeparator(path[i]) {
			return path[:i+1]
		}
	}
	return "."
}

// JournalPath is where a workspace's running exercise is journaled: beside
// the workspace file.
func JournalPath(workspacePath string) string { return workspacePath + ".exercise.jsonl" }

// readJournal returns the header and events. A final line cut short by a
// crash mid-write is ignored (its event was never acknowledged); damage
// anywhere else is an error naming the line.
func readJournal(path string) (header, []plan.Event, error) {
	var h header
	data, err := os.ReadFile(path)
	if err != nil {
		return h, nil, err
	}
	lines := bytes.Split(data, []byte{'\n'})
	if last := len(lines) - 1; len(lines[last]) == 0 {
		lines = lines[:last]
	} else {
		lines = lines[:last] // no newline: torn write of an unacknowledged event
	}
	if len(lines) == 0 {
		return h, nil, fmt.Errorf("%s: empty exercise journal", path)
	}
	if err := json.Unmarshal(lines[0], &h); err != nil {
		return h, nil, fmt.Errorf("%s:1: journal header: %v", path, err)
	}
	if h.Version != journalVersion || h.Scenario == nil || h.Workspace == nil {
		return h, nil, fmt.Errorf("%s:1: not a Drillbook exercise journal (version %d)", path, h.Version)
	}
	events := make([]plan.Event, 0, len(lines)-1)
	for i, l := range lines[1:] {
		var ev plan.Event
		if err := json.Unmarshal(l, &ev); err != nil {
			return h, nil, fmt.Errorf("%s:%d: %v", path, i+2, err)
		}
		events = append(events, ev)
	}
	return h, events, nil
}

// Resume rebuilds a run from its journal after a crash: the inputs
// (actions, decisions, clock commands) are replayed at their recorded
// exercise times, which regenerates every derived event identically. The
// clock is left paused where the journal stops; the facilitator resumes.
// Later events are appended to the same journal.
func Resume(path string, clock Clock) (*Engine, error) {
	h, events, err := readJournal(path)
	if err != nil {
		return nil, err
	}
	if err := h.Scenario.Validate(); len(err) > 0 {
		return nil, fmt.Errorf("%s: journal scenario: %v", path, err)
	}
	opts := h.Options
	opts.Journal = ""
	e, err := newEngine(h.Scenario, h.Workspace, clock, opts)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.replaying = true
	e.journaled = events
	if err := e.replay(events); err != nil {
		return nil, fmt.Errorf("%s: replaying journal: %w", path, err)
	}
	// The journal may hold a torn last line; rewrite nothing, just append
	// after the last complete one.
	if err := truncateTorn(path); err != nil {
		return nil, err
	}
	j, err := openJournalForAppend(path)
	if err != nil {
		return nil, err
	}
	e.j = j
	e.replaying = false
	e.journaled = nil
	e.running = false
	e.anchor = clock.Now()
	e.out = nil
	return e, nil
}

// input kinds are replayed; everything else is derived and regenerated.
var inputKinds = map[string]bool{
	plan.EventStart: true, plan.EventPause: true, plan.EventResume: true, plan.EventSpeed: true,
	plan.EventSkip: true, plan.EventAction: true, plan.EventDecision: true, plan.EventNote: true,
	plan.EventObservation: true, plan.EventEnd: true, plan.EventCheckpoint: true, plan.EventInject: true,
}

func (e *Engine) replay(events []plan.Event) error {
	if len(events) == 0 || events[0].Kind != plan.EventStart {
		return errors.New("journal does not begin with the start of a run")
	}
	e.run.Started = events[0].Wall
	e.run.Events = nil
	if err := e.emit(events[0]); err != nil {
		return err
	}
	e.planTimers()
	e.running = false // time is driven by the journal
	var last time.Duration
	for _, ev := range events[1:] {
		t := ev.At.D()
		if t > last {
			last = t
		}
		if !inputKinds[ev.Kind] || (ev.Kind == plan.EventInject && !slices.Contains(ev.Refs, "manual")) ||
			(ev.Kind == plan.EventAction && ev.Action == string(ExpectDecide) && len(ev.Refs) > 0) {
			continue
		}
		if err := e.advance(t); err != nil {
			return err
		}
		e.base = t
		var err error
		switch ev.Kind {
		case plan.EventSpeed:
			e.speed = ev.Speed
			err = e.emit(ev)
		case plan.EventPause, plan.EventResume, plan.EventCheckpoint:
			err = e.emit(ev)
		case plan.EventSkip:
			if err = e.emit(ev); err == nil && len(e.schedule) > 0 {
				err = e.jump(e.schedule[0].At.D())
			}
		case plan.EventInject:
			err = e.replayManualInject(ev.Action, t)
		case plan.EventAction:
			err = e.record(Action{Kind: ExpectKind(ev.Action), Actor: ev.Actor, Target: ev.Target, Severity: ev.Severity, Text: ev.Note}, t)
		case plan.EventDecision:
			err = e.decide(ev.Action, ev.Choice-1, ev.Actor, t)
		case plan.EventNote, plan.EventObservation:
			err = e.emit(ev)
		case plan.EventEnd:
			return errors.New("the run in this journal has already ended")
		}
		if err != nil {
			return err
		}
	}
	if err := e.advance(last); err != nil {
		return err
	}
	e.base = last
	e.checkpoint = last
	return nil
}

func (e *Engine) replayManualInject(id string, t time.Duration) error {
	if e.delivered[id] {
		return nil // a floating inject a replayed decision already played
	}
	for i, in := range e.schedule {
		if in.ID == id {
			e.schedule = append(e.schedule[:i:i], e.schedule[i+1:]...)
			return e.deliver(in, t, true)
		}
	}
	return e.playFloating(id, t)
}

// truncateTorn cuts a final line that a crash left without its newline.
func truncateTorn(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	size := st.Size()
	buf := make([]byte, 4096)
	end := size
	for end > 0 {
		n := int64(len(buf))
		if end < n {
			n = end
		}
		if _, err := f.ReadAt(buf[:n], end-n); err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if i := bytes.LastIndexByte(buf[:n], '\n'); i >= 0 {
			end = end - n + int64(i) + 1
			break
		}
		end -= n
	}
	if end == size {
		return nil
	}
	if err := f.Truncate(end); err != nil {
		return err
	}
	return f.Sync()
}
