package scenarios

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"drillbook/internal/atomicfile"
	"drillbook/plan"
)

// journalVersion is the journal format written. Version 3 added
// corrections, which older versions would skip; version 2 added
// Event.Step; version 1 journals are read with their steps taken from the
// notes (see legacySteps).
const journalVersion = 3

// header is the first line of a journal: everything needed to rebuild the
// run without the library or the workspace file, which may have changed.
type header struct {
	Version   int             `json:"journal"`
	Options   Options         `json:"options"`
	Scenario  *Scenario       `json:"scenario"`
	Workspace *plan.Workspace `json:"workspace"`
}

// line is one event line. The end of the run also carries the hot-wash
// answers, so an ended run can be restored from its journal alone.
type line struct {
	plan.Event
	Hotwash []plan.HotwashNote `json:"hotwash,omitempty"`
}

// journal appends events as JSON lines, syncing before returning, so an
// event the caller has seen survives a crash or power loss.
type journal struct {
	path string
	f    *os.File
	// broken is set when a write failed: the file may end in a torn line,
	// so the next write rewrites it whole from memory.
	broken bool
	fault  func() error // see Options.JournalFault
}

func createJournal(path string, h header) (*journal, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("creating exercise journal: %w", err)
	}
	data, err := json.Marshal(h)
	if err == nil {
		_, err = f.Write(append(data, '\n'))
	}
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		f.Close()
		os.Remove(path)
		return nil, fmt.Errorf("writing exercise journal %s: %w", path, err)
	}
	atomicfile.SyncDir(filepath.Dir(path))
	return &journal{path: path, f: f}, nil
}

func openJournalForAppend(path string) (*journal, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	return &journal{path: path, f: f}, nil
}

// encodeLines renders events as journal lines.
func encodeLines(buf []byte, evs []plan.Event, hotwash []plan.HotwashNote) ([]byte, error) {
	for _, ev := range evs {
		l := line{Event: ev}
		if ev.Kind == plan.EventEnd {
			l.Hotwash = hotwash
		}
		data, err := json.Marshal(l)
		if err != nil {
			return buf, err
		}
		buf = append(append(buf, data...), '\n')
	}
	return buf, nil
}

// append writes events in one write and syncs them.
func (j *journal) append(evs []plan.Event, hotwash []plan.HotwashNote) error {
	data, err := encodeLines(nil, evs, hotwash)
	if err != nil {
		return err
	}
	if j.fault != nil {
		err = j.fault()
	}
	if err == nil {
		_, err = j.f.Write(data)
	}
	if err == nil {
		err = j.f.Sync()
	}
	if err != nil {
		j.broken = true
	}
	return err
}

// rewrite replaces the journal with the header and every event, written
// atomically, after a failed write may have left it torn or the file was
// lost; later events are appended to the new file.
func (j *journal) rewrite(h header, evs []plan.Event, hotwash []plan.HotwashNote) error {
	if j.fault != nil {
		if err := j.fault(); err != nil {
			return err
		}
	}
	j.f.Close()
	err := atomicfile.Write(j.path, func(w io.Writer) error {
		data, err := json.Marshal(h)
		if err != nil {
			return err
		}
		data, err = encodeLines(append(data, '\n'), evs, hotwash)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	f, err := os.OpenFile(j.path, os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	j.f, j.broken = f, false
	return nil
}

func (j *journal) close() { j.f.Close() }

// JournalError says the exercise journal could not be written. The run is
// halted until it can: see Engine.Retry.
type JournalError struct {
	Path string
	Err  error
}

func (e *JournalError) Error() string {
	return fmt.Sprintf("the exercise journal %s could not be written: %v", e.Path, e.Err)
}

func (e *JournalError) Unwrap() error { return e.Err }

// Journal file names: one per run beside the workspace file; older
// versions kept a single one per workspace, which still resumes.
const (
	journalInfix  = ".exercise-"
	journalExt    = ".jsonl"
	legacyJournal = ".exercise.jsonl"
)

// JournalPath is where a run of the workspace at workspacePath is
// journaled: beside the file, one per run, so the journal of an ended run
// (kept until the workspace is saved) never blocks the next run. For an
// untitled workspace, pass a path in the journal folder.
func JournalPath(workspacePath, runID string) string {
	return workspacePath + journalInfix + runID + journalExt
}

// Journals lists the journals of the workspace at workspacePath, per-run
// ones in run ID order (IDs begin with the start time) and the single one
// older versions wrote. A missing folder has none.
func Journals(workspacePath string) ([]string, error) {
	dir, base := filepath.Split(workspacePath)
	entries, err := os.ReadDir(filepath.Clean(dir + "."))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, en := range entries {
		name := en.Name()
		run, ok := strings.CutPrefix(name, base+journalInfix)
		if en.IsDir() || (name != base+legacyJournal && (!ok || !strings.HasSuffix(run, journalExt) || len(run) == len(journalExt))) {
			continue
		}
		out = append(out, filepath.Join(dir, name))
	}
	slices.Sort(out)
	return out, nil
}

// ErrRunEnded is returned when resuming a journal whose run was ended.
var ErrRunEnded = errors.New("the run in this journal has already ended")

// JournalFile is an exercise journal read from disk.
type JournalFile struct {
	Path  string
	RunID string
	Title string // the scenario's
	// Ended says the run was ended: its record may be in the workspace
	// already, or (ended, then a crash before saving) only here.
	Ended bool

	h       header
	events  []plan.Event
	hotwash []plan.HotwashNote
}

// ReadJournal reads a journal. A final line cut short by a crash mid-write
// is ignored (its event was never acknowledged); damage anywhere else is
// an error naming the line.
func ReadJournal(path string) (*JournalFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := bytes.Split(data, []byte{'\n'})
	// The last piece is empty after a final newline, or a torn write of
	// an unacknowledged event: either way it is dropped.
	lines = lines[:len(lines)-1]
	if len(lines) == 0 {
		return nil, fmt.Errorf("%s: empty exercise journal", path)
	}
	j := &JournalFile{Path: path}
	if err := json.Unmarshal(lines[0], &j.h); err != nil {
		return nil, fmt.Errorf("%s:1: journal header: %v", path, err)
	}
	if j.h.Version < 1 || j.h.Version > journalVersion || j.h.Scenario == nil || j.h.Workspace == nil {
		return nil, fmt.Errorf("%s:1: not a Drillbook exercise journal (version %d)", path, j.h.Version)
	}
	j.events = make([]plan.Event, 0, len(lines)-1)
	for i, l := range lines[1:] {
		var ln line
		if err := json.Unmarshal(l, &ln); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, i+2, err)
		}
		if ln.Kind == plan.EventEnd {
			j.Ended, j.hotwash = true, ln.Hotwash
		}
		j.events = append(j.events, ln.Event)
	}
	if j.h.Version < 2 {
		legacySteps(j.events)
	}
	j.RunID, j.Title = j.h.Options.RunID, j.h.Scenario.Title
	return j, nil
}

// Resume rebuilds a run from its journal after a crash: the inputs
// (actions, decisions, clock commands) are replayed at their recorded
// exercise times, which regenerates every derived event identically. The
// clock is left paused where the journal stops; the facilitator resumes.
// Later events are appended to the same journal.
func Resume(path string, clock Clock) (*Engine, error) {
	j, err := ReadJournal(path)
	if err != nil {
		return nil, err
	}
	return j.Resume(clock)
}

// Resume rebuilds the interrupted run; see the function Resume.
func (j *JournalFile) Resume(clock Clock) (*Engine, error) {
	if j.Ended {
		return nil, fmt.Errorf("%s: %w", j.Path, ErrRunEnded)
	}
	e, _, err := j.replay(clock)
	if err != nil {
		return nil, err
	}
	// The journal may hold a torn last line; rewrite nothing, just append
	// after the last complete one.
	if err := truncateTorn(j.Path); err != nil {
		return nil, err
	}
	jr, err := openJournalForAppend(j.Path)
	if err != nil {
		return nil, err
	}
	e.j, e.journalPath = jr, j.Path
	e.anchor = clock.Now()
	return e, nil
}

// Run rebuilds the record of an ended run, as End returned it, for a run
// that ended but whose workspace was never saved.
func (j *JournalFile) Run() (*plan.Run, error) {
	if !j.Ended {
		return nil, fmt.Errorf("%s: the run in this journal did not end", j.Path)
	}
	_, run, err := j.replay(NewFakeClock(j.events[len(j.events)-1].Wall))
	return run, err
}

// replay builds an engine from the journal, and the run's record if the
// journal ends it.
func (j *JournalFile) replay(clock Clock) (*Engine, *plan.Run, error) {
	if err := j.h.Scenario.Validate(); len(err) > 0 {
		return nil, nil, fmt.Errorf("%s: journal scenario: %v", j.Path, err)
	}
	opts := j.h.Options
	opts.Journal = ""
	e, err := newEngine(j.h.Scenario, j.h.Workspace, clock, opts)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", j.Path, err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.hdr = j.h
	e.replaying = true
	e.journaled = j.events
	run, err := e.replay(j.events, j.hotwash)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: replaying journal: %w", j.Path, err)
	}
	e.replaying = false
	e.journaled = nil
	e.running = false
	e.written, e.shown = len(e.run.Events), len(e.run.Events)
	return e, run, nil
}

// input kinds are replayed; everything else is derived and regenerated.
var inputKinds = map[string]bool{
	plan.EventStart: true, plan.EventPause: true, plan.EventResume: true, plan.EventSpeed: true,
	plan.EventSkip: true, plan.EventAction: true, plan.EventDecision: true, plan.EventNote: true,
	plan.EventObservation: true, plan.EventEnd: true, plan.EventCheckpoint: true, plan.EventInject: true,
	plan.EventCorrection: true,
}

func (e *Engine) replay(events []plan.Event, hotwash []plan.HotwashNote) (*plan.Run, error) {
	if len(events) == 0 || events[0].Kind != plan.EventStart {
		return nil, errors.New("journal does not begin with the start of a run")
	}
	e.run.Started = events[0].Wall
	e.run.Events = nil
	e.emit(events[0])
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
		e.advance(t)
		e.base = t
		var err error
		switch ev.Kind {
		case plan.EventSpeed:
			e.speed = ev.Speed
			e.emit(ev)
		case plan.EventPause, plan.EventResume, plan.EventCheckpoint, plan.EventNote, plan.EventObservation:
			e.emit(ev)
		case plan.EventSkip:
			e.emit(ev)
			if len(e.schedule) > 0 {
				e.jump(e.schedule[0].At.D())
			}
		case plan.EventInject:
			err = e.replayManualInject(ev.Action, t)
		case plan.EventAction:
			e.record(Action{Kind: ExpectKind(ev.Action), Actor: ev.Actor, Target: ev.Target, Severity: ev.Severity, Text: ev.Note, Step: ev.Step}, t)
		case plan.EventDecision:
			err = e.decide(ev.Action, ev.Choice-1, ev.Actor, t)
		case plan.EventCorrection:
			err = e.correct(ev, t)
		case plan.EventEnd:
			return e.finish(t, ev.Wall, hotwash), nil
		}
		if err != nil {
			return nil, err
		}
	}
	e.advance(last)
	e.base = last
	e.checkpoint = last
	return nil, nil
}

func (e *Engine) replayManualInject(id string, t time.Duration) error {
	if e.delivered[id] {
		return nil // a floating inject a replayed decision already played
	}
	for i, in := range e.schedule {
		if in.ID == id {
			e.schedule = append(e.schedule[:i:i], e.schedule[i+1:]...)
			e.deliver(in, t, true)
			return nil
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
