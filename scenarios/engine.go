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
// written to the journal, bounding what a crash can lose of the clock.
const checkpointEvery = 10 * time.Second

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
	sc = deepCopyScenario(sc)
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
		e.j = j
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

// deepCopyScenario copies a scenario: the engine keeps pointers to its
// injects and decisions.
func deepCopyScenario(sc *Scenario) *Scenario {
	c := deepCopy(*sc)
	return &c
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

// Tick advances exercise time to now: delivers due injects, puts due
// decisions, arms escalation rules and records breaches, in time order.
// While the run is halted by a journal failure it does nothing.
func (e *Engine) Tick() ([]plan.Event, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, ErrClosed
	}
	if e.ended || e.halted != nil {
		return nil, nil
	}
	now := e.now()
	e.advance(now)
	if e.running && now-e.checkpoint >= checkpointEvery {
		e.checkpoint = now
		e.emit(plan.Event{Kind: plan.EventCheckpoint, At: plan.Duration(now)})
	}
	return e.commit()
}

// Retry writes what a journal failure held back and lifts the halt. The
// clock stays paused; the facilitator resumes it.
func (e *Engine) Retry() ([]plan.Event, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, ErrClosed
	}
	return e.commit()
}

// NextInject returns the next scheduled inject and its time, or nil.
func (e *Engine) NextInject() (*Inject, time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.schedule) == 0 {
		return nil, 0
	}
	return e.schedule[0], e.schedule[0].At.D()
}

// Pause stops exercise time.
func (e *Engine) Pause() ([]plan.Event, error) {
	return e.command(func(now time.Duration) error {
		if !e.running {
			return nil
		}
		e.emit(plan.Event{Kind: plan.EventPause, At: plan.Duration(now), Text: "Clock paused"})
		e.base, e.running = now, false
		return nil
	})
}

// Resume restarts exercise time from where it was paused.
func (e *Engine) Resume() ([]plan.Event, error) {
	return e.command(func(now time.Duration) error {
		if e.running {
			return nil
		}
		e.emit(plan.Event{Kind: plan.EventResume, At: plan.Duration(now), Text: "Clock resumed"})
		e.base, e.anchor, e.running = now, e.clock.Now(), true
		return nil
	})
}

// SetSpeed changes the clock speed (×1–×20) from now on.
func (e *Engine) SetSpeed(x float64) ([]plan.Event, error) {
	if x < MinSpeed || x > MaxSpeed || math.IsNaN(x) {
		return nil, fmt.Errorf("speed ×%v is outside ×%d–×%d", x, MinSpeed, MaxSpeed)
	}
	return e.command(func(now time.Duration) error {
		e.emit(plan.Event{Kind: plan.EventSpeed, At: plan.Duration(now), Speed: x, Text: fmt.Sprintf("Clock speed ×%g", x)})
		e.base, e.anchor, e.speed = now, e.clock.Now(), x
		return nil
	})
}

// SkipToNext jumps exercise time to the next scheduled inject. Everything
// due on the way (breaches included) is processed at its own time.
func (e *Engine) SkipToNext() ([]plan.Event, error) {
	return e.command(func(now time.Duration) error {
		if len(e.schedule) == 0 {
			return errors.New("no scheduled inject is left")
		}
		to := e.schedule[0].At.D()
		if to <= now {
			return nil
		}
		e.emit(plan.Event{Kind: plan.EventSkip, At: plan.Duration(now), Text: fmt.Sprintf("Skipped to %s", Offset(to))})
		e.jump(to)
		return nil
	})
}

// jump moves exercise time forward to t. Caller holds mu.
func (e *Engine) jump(t time.Duration) {
	e.base, e.anchor = t, e.clock.Now()
	e.advance(t)
}

// TriggerNow delivers a scheduled inject immediately instead of at its time.
func (e *Engine) TriggerNow(injectID string) ([]plan.Event, error) {
	return e.command(func(now time.Duration) error {
		for i, in := range e.schedule {
			if in.ID == injectID {
				e.schedule = append(e.schedule[:i:i], e.schedule[i+1:]...)
				e.deliver(in, now, true)
				return nil
			}
		}
		if e.delivered[injectID] {
			return fmt.Errorf("inject %q was already delivered", injectID)
		}
		return fmt.Errorf("no scheduled inject %q", injectID)
	})
}

// PlayFloating delivers a floating inject now.
func (e *Engine) PlayFloating(injectID string) ([]plan.Event, error) {
	return e.command(func(now time.Duration) error {
		return e.playFloating(injectID, now)
	})
}

func (e *Engine) playFloating(id string, now time.Duration) error {
	for i := range e.sc.Floating {
		if f := &e.sc.Floating[i]; f.ID == id {
			if e.delivered[id] {
				return fmt.Errorf("floating inject %q was already played", id)
			}
			e.deliver(f, now, true)
			return nil
		}
	}
	return fmt.Errorf("no floating inject %q", id)
}

// command runs f at the current exercise time after processing what is
// due, and returns the events produced. A halted run first writes what it
// held back; if that still fails the command is not run. Caller does not
// hold mu.
func (e *Engine) command(f func(now time.Duration) error) ([]plan.Event, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, ErrClosed
	}
	if e.ended {
		return nil, ErrEnded
	}
	if e.halted != nil {
		// Do not take a command the journal cannot keep: the facilitator
		// would not know whether it counted.
		if err := e.writePending(); err != nil {
			return nil, err
		}
	}
	now := e.now()
	e.advance(now)
	err := f(now)
	evs, cerr := e.commit()
	if cerr != nil {
		return nil, cerr
	}
	return evs, err
}

// deliver hands an inject to the players at time t. Caller holds mu.
func (e *Engine) deliver(in *Inject, t time.Duration, manual bool) {
	ev := plan.Event{Kind: plan.EventInject, At: plan.Duration(t), Action: in.ID, Actor: in.From, Text: in.Text, Severity: in.Severity}
	if manual {
		ev.Refs = []string{"manual"}
	}
	e.emit(ev)
	e.delivered[in.ID] = true
	for j := range in.Expect {
		e.addExpectation(in, j, t)
	}
}

// advance processes every item due at or before t, in time order, each at
// its own time. Caller holds mu.
func (e *Engine) advance(t time.Duration) {
	for {
		at, kind, i := e.nextDue(t)
		switch kind {
		case dueNone:
			return
		case dueInject:
			in := e.schedule[0]
			e.schedule = e.schedule[1:]
			e.deliver(in, at, false)
		case dueDecision:
			d := e.decisions[0]
			e.decisions = e.decisions[1:]
			e.putDecision(d, at)
		case dueTrigger:
			e.trigger(e.tasks[i], at)
		case dueBreach:
			e.breach(e.tasks[i], at)
		}
	}
}

type dueKind int

const (
	dueNone dueKind = iota
	dueInject
	dueDecision
	dueTrigger
	dueBreach
)

// nextDue finds the earliest item due by time t: a scheduled inject or
// decision (due at its time), an armed escalation rule (due at its start),
// or an unmet task whose deadline has passed (due strictly after it: an
// action recorded exactly at the deadline is in time). On equal times the
// order above wins. It allocates nothing: it runs on every tick.
func (e *Engine) nextDue(t time.Duration) (time.Duration, dueKind, int) {
	best, kind, idx := time.Duration(math.MaxInt64), dueNone, -1
	if len(e.schedule) > 0 {
		if at := e.schedule[0].At.D(); at <= t {
			best, kind = at, dueInject
		}
	}
	if len(e.decisions) > 0 {
		if at := e.decisions[0].At.D(); at <= t && at < best {
			best, kind = at, dueDecision
		}
	}
	for i, tk := range e.tasks {
		switch tk.state {
		case stateArmed:
			if at := tk.Start.D(); at <= t && at < best {
				best, kind, idx = at, dueTrigger, i
			}
		case stateOpen:
			if at := tk.Deadline.D(); at < t && at < best {
				best, kind, idx = at, dueBreach, i
			}
		}
	}
	return best, kind, idx
}

// Participants returns who plays which role.
func (e *Engine) Participants() []plan.Participant {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]plan.Participant(nil), e.run.Participants...)
}

// Workspace returns the plan the run was bound to.
func (e *Engine) Workspace() *plan.Workspace { return e.ws }
