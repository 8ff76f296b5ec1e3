package scenarios

import (
	"errors"
	"fmt"
	"math"
	"os"
	"sort"
	"sync"
	"time"

	"drillbook/plan"
)

// Speed limits of the exercise clock.
const (
	MinSpeed = 1
	MaxSpeed = 20
)

// checkpointEvery is how often (in exercise time) a running clock is
// written to the journal, bounding what a crash can lose of the clock;
// checkpointWall caps it at one a wall second, so a fast clock does not
// fsync the journal several times a second (×20: every 20 s of exercise
// time, still one wall second of the drill).
const (
	checkpointEvery = 10 * time.Second
	checkpointWall  = time.Second
)

// checkpointInterval is the exercise time between checkpoints at the
// current speed.
func (e *Engine) checkpointInterval() time.Duration {
	return max(checkpointEvery, time.Duration(float64(checkpointWall)*e.speed))
}

// ErrEnded is returned for commands given after the run has ended.
var ErrEnded = errors.New("the run has ended")

// ErrClosed is returned for commands given after Close: the journal is
// released, so nothing more may happen in this run.
var ErrClosed = errors.New("the exercise was closed; open the workspace again to resume it")

// Options configure a run.
type Options struct {
	RunID        string
	Speed        float64 // 1–20; 0 means 1
	Facilitator  string
	Participants []plan.Participant
	// Journal is the file every event is appended and synced to before it
	// is returned; "" runs without one (tests, previews).
	Journal string
	// JournalFault, when set, is asked before every journal write and
	// fails it with its error, as a full disk would: for tests of how a
	// journal failure is handled.
	JournalFault func() error `json:"-"`
}

// Engine runs one exercise. Exercise time comes from the Clock: while
// running it advances at Speed × wall time; paused it stands still. Every
// deadline is an absolute exercise time, and due items are processed in
// time order and stamped with their own time, so how often Tick is called,
// pauses and "trigger now" never move a deadline.
//
// Engine methods are safe for concurrent use. They return the events they
// produced, already journaled, for the caller to display.
//
// A journal that cannot be written halts the run (see commit): the clock
// stops, what happened stays in memory, ticks do nothing, and Retry or the
// next command writes it once the journal can be written again.
type Engine struct {
	mu    sync.Mutex
	sc    *Scenario
	ws    *plan.Workspace
	clock Clock
	j     *journal
	hdr   header // what the journal starts with, to rewrite it after a failure
	// journalPath is the run's journal file, kept after End closes it so
	// Discard can remove it; "" without a journal.
	journalPath string

	run      plan.Run
	bindings map[Ref]Binding

	running bool
	speed   float64
	base    time.Duration // exercise time at anchor
	anchor  time.Time     // wall time when base was taken

	severity   int
	schedule   []*Inject   // timed injects not yet delivered, by time
	decisions  []*Decision // decision points not yet put, by time
	delivered  map[string]bool
	decided    map[string]bool
	tasks      []*task
	actions    []recorded // every action so far, for rule triggers and credit
	checkpoint time.Duration
	ended      bool
	closed     bool
	halted     error // the journal write that halted the run; nil when running normally
	written    int   // events of run.Events in the journal
	shown      int   // events of run.Events returned to the caller (never more than written)
	replaying  bool
	// rebuilding is set on the engine that works out a correction: its
	// decisions play no injects (see correct).
	rebuilding bool
	journaled  []plan.Event // while replaying: the journal, for wall times
}

type recorded struct {
	at time.Duration
	a  Action
}

// Start begins a run of scenario sc against workspace ws. The scenario's
// references are bound to the plan; references that cannot be bound are
// recorded (they become findings) and the run goes ahead without them.
// The run plays against its own copies of sc and ws: later edits to them
// do not change it.
func Start(sc *Scenario, ws *plan.Workspace, clock Clock, opts Options) (*Engine, []plan.Event, error) {
	if sc == nil || ws == nil {
		return nil, nil, errors.New("scenario and workspace are required")
	}
	sc = Clone(sc) // the engine keeps pointers to its injects and decisions
	e, err := newEngine(sc, snapshot(ws), clock, opts)
	if err != nil {
		return nil, nil, err
	}
	opts.RunID = e.run.ID // as generated, so the journal names its run
	e.hdr = header{Version: journalVersion, Options: opts, Scenario: e.sc, Workspace: e.ws}
	if opts.Journal != "" {
		j, err := createJournal(opts.Journal, e.hdr)
		if err != nil {
			return nil, nil, err
		}
		j.fault = opts.JournalFault
		e.j, e.journalPath = j, opts.Journal
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.emit(plan.Event{Kind: plan.EventStart, Text: fmt.Sprintf("Exercise started: %s at severity %d", sc.Title, e.severity), Severity: e.severity})
	e.planTimers()
	e.running = true
	e.anchor = clock.Now()
	e.base = 0
	e.advance(0)
	evs, err := e.commit()
	if err != nil {
		// Nothing was acknowledged: leave no journal to be offered later.
		e.closeJournal()
		os.Remove(opts.Journal)
		return nil, nil, err
	}
	return e, evs, nil
}

func newEngine(sc *Scenario, ws *plan.Workspace, clock Clock, opts Options) (*Engine, error) {
	if sc == nil || ws == nil || clock == nil {
		return nil, errors.New("scenario, workspace and clock are required")
	}
	speed := opts.Speed
	if speed == 0 {
		speed = 1
	}
	if speed < MinSpeed || speed > MaxSpeed || math.IsNaN(speed) {
		return nil, fmt.Errorf("speed ×%v is outside ×%d–×%d", speed, MinSpeed, MaxSpeed)
	}
	e := &Engine{
		sc: sc, ws: ws, clock: clock, speed: speed,
		bindings:  map[Ref]Binding{},
		delivered: map[string]bool{},
		decided:   map[string]bool{},
	}
	runID := opts.RunID
	if runID == "" {
		runID = "run-" + clock.Now().UTC().Format("20060102-150405")
	}
	e.run = plan.Run{
		ID: runID, ScenarioID: sc.ID, ScenarioTitle: sc.Title, Category: sc.Category,
		StartingSeverity: sc.StartingSeverity, Objectives: sc.Objectives,
		Started: clock.Now(), Facilitator: opts.Facilitator, Participants: opts.Participants,
	}
	for _, b := range Bind(sc, ws) {
		e.bindings[b.Ref] = b
		if b.NotApplicable {
			continue
		}
		e.run.Bindings = append(e.run.Bindings, plan.RunBinding{Ref: string(b.Ref), IDs: b.IDs, Names: b.Names, Gap: b.Gap, Injects: sc.InjectsUsing(b.Ref)})
	}
	e.severity = sc.StartingSeverity
	if n := len(ws.Severities); n > 0 && e.severity > n {
		// The plan has fewer levels than the scenario assumes; play at
		// its least severe level and record the mismatch.
		e.run.Bindings = append(e.run.Bindings, plan.RunBinding{Ref: fmt.Sprintf("severity:%d", e.severity), Gap: fmt.Sprintf("the plan has only %d severity levels", n)})
		e.severity = n
	}
	for i := range sc.Injects {
		e.schedule = append(e.schedule, &sc.Injects[i])
	}
	sort.SliceStable(e.schedule, func(i, j int) bool { return e.schedule[i].At < e.schedule[j].At })
	for i := range sc.Decisions {
		e.decisions = append(e.decisions, &sc.Decisions[i])
	}
	sort.SliceStable(e.decisions, func(i, j int) bool { return e.decisions[i].At < e.decisions[j].At })
	return e, nil
}

// now is the current exercise time. Caller holds mu.
func (e *Engine) now() time.Duration {
	if !e.running {
		return e.base
	}
	return e.base + time.Duration(float64(e.clock.Now().Sub(e.anchor))*e.speed)
}

// Now returns the current exercise time.
func (e *Engine) Now() time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.now()
}

// Running reports whether the clock is running (not paused or ended).
func (e *Engine) Running() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.running
}

// Speed returns the clock speed.
func (e *Engine) Speed() float64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.speed
}

// Severity returns the incident's current severity as set by the team.
func (e *Engine) Severity() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.severity
}

// RunID returns the ID the run is stored under.
func (e *Engine) RunID() string { return e.run.ID }

// Halted returns the journal error that halted the run, or nil. While
// halted the clock stands still and ticks do nothing; Retry resumes
// writing.
func (e *Engine) Halted() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.halted
}

// Scenario returns the scenario being played.
func (e *Engine) Scenario() *Scenario { return e.sc }

// Bindings returns how the scenario's references were bound.
func (e *Engine) Bindings() []plan.RunBinding {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]plan.RunBinding(nil), e.run.Bindings...)
}

// Binding returns the binding of one reference.
func (e *Engine) Binding(r Ref) Binding {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.binding(r)
}

// binding is how the run bound r, or how it binds now for a reference the
// scenario does not use (a recorded action's target). Caller holds mu.
func (e *Engine) binding(r Ref) Binding {
	if b, ok := e.bindings[r]; ok {
		return b
	}
	return BindRef(r, e.ws)
}

// Events returns a copy of the event log.
func (e *Engine) Events() []plan.Event {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]plan.Event(nil), e.run.Events...)
}

// EventCount returns the number of logged events.
func (e *Engine) EventCount() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.run.Events)
}

// Ended reports whether End was called.
func (e *Engine) Ended() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.ended
}

// emit appends an event to the log; commit journals it. Caller holds mu.
func (e *Engine) emit(ev plan.Event) {
	ev.Seq = len(e.run.Events) + 1
	ev.Wall = e.clock.Now()
	if e.replaying && ev.Seq <= len(e.journaled) {
		ev.Wall = e.journaled[ev.Seq-1].Wall
	}
	e.run.Events = append(e.run.Events, ev)
}

// commit ends every call that changes the run: it journals the events not
// yet written, in one write and one sync, and only then returns the events
// not yet shown (checkpoints left out) for the caller to display. If the
// journal refuses them the run halts: the clock stops, the events stay in
// memory, unshown, so nothing the facilitator saw is missing from the
// journal, and one error is returned; the next Retry, command or End
// writes them. Caller holds mu.
func (e *Engine) commit() ([]plan.Event, error) {
	if err := e.writePending(); err != nil {
		return nil, err
	}
	if e.shown == len(e.run.Events) {
		return nil, nil
	}
	evs := visibleEvents(e.run.Events[e.shown:])
	e.shown = len(e.run.Events)
	return evs, nil
}

// writePending journals the events not yet written; a failure halts the
// run, a success lifts a halt. Caller holds mu.
func (e *Engine) writePending() error {
	if e.written == len(e.run.Events) {
		return nil
	}
	if e.j != nil {
		var err error
		if e.j.broken {
			err = e.j.rewrite(e.hdr, e.run.Events, e.run.Hotwash)
		} else {
			err = e.j.append(e.run.Events[e.written:], e.run.Hotwash)
		}
		if err != nil {
			e.halt(err)
			return e.halted
		}
	}
	e.written = len(e.run.Events)
	e.halted = nil
	return nil
}

// halt stops the clock after a journal write failed. The pause is logged
// (and journaled with the rest once writing works) so the log explains
// the gap. Caller holds mu.
func (e *Engine) halt(err error) {
	if e.running {
		now := e.now()
		e.emit(plan.Event{Kind: plan.EventPause, At: plan.Duration(now), Text: "Clock paused: the exercise journal could not be written"})
		e.base, e.running = now, false
	}
	e.halted = &JournalError{Path: e.j.path, Err: err}
}

// visibleEvents leaves out checkpoints, which are for the journal only.
func visibleEvents(evs []plan.Event) []plan.Event {
	out := make([]plan.Event, 0, len(evs))
	for _, ev := range evs {
		if ev.Kind != plan.EventCheckpoint {
			out = append(out, ev)
		}
	}
	return out
}

// Facilitator is who runs the exercise, as given at the start (kept in
// the journal, so a resumed run knows it too).
func (e *Engine) Facilitator() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.run.Facilitator
}

// Participants returns who plays which role.
func (e *Engine) Participants() []plan.Participant {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]plan.Participant(nil), e.run.Participants...)
}

// Workspace returns the plan the run was bound to.
func (e *Engine) Workspace() *plan.Workspace { return e.ws }
