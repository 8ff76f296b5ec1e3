package scenarios

// The run's timeline: ticks and the facilitator's clock commands, injects
// delivered on time or by hand, and advance, which processes everything
// due in time order.

import (
	"errors"
	"fmt"
	"math"
	"time"

	"drillbook/plan"
)

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
	if e.running && now-e.checkpoint >= e.checkpointInterval() {
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
