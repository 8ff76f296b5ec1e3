package exercise

import (
	"fmt"
	"math"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"drillbook/plan"
)

// The console's cost per tick and per log line, with a long run: the
// issue's 10,000 events and 200 timers. Sizes 1×, 4× and 16× give the
// growth exponent (0: constant, 1: linear in the log).

// withTimers is the demo with reporting obligations added until a run of
// bad-deploy has at least n timers; their deadlines spread from ten
// minutes to a day, so some run, some near and some breach during a run.
func withTimers(n int) *plan.Workspace {
	ws := plan.Demo()
	owner := ws.Roles[0].ID
	for i := range n {
		ws.ReportingObligations = append(ws.ReportingObligations, plan.ReportingObligation{
			ID: fmt.Sprintf("bench-%03d", i), Body: fmt.Sprintf("Regulator %03d", i),
			Deadline: plan.Duration(10*time.Minute + time.Duration(i)*7*time.Minute), OwnerRole: owner,
		})
	}
	return ws
}

// busyConsole is a console at 1280×720 on a bad-deploy run with at least
// events events in its log and timers timers, running at speed.
func busyConsole(tb testing.TB, events, timers int, speed float64) (*console, func(time.Duration)) {
	h, x := exerciseHost(tb, withTimers(timers))
	h.Win.Resize(fyne.NewSize(1280, 720))
	c, batch := consoleWithEvents(tb, h, x, events)
	c.apply(batch, nil)
	c.apply(c.e.SetSpeed(speed))
	c.apply(c.e.Resume())
	if n := len(c.e.Tasks()); n < timers {
		tb.Fatalf("%d timers, want %d", n, timers)
	}
	return c, h.Clock.Advance
}

// tickEvery is the shell's ticker period (app/bridge.go).
const tickEvery = 200 * time.Millisecond

func benchTick(b *testing.B, events, timers int, speed float64) {
	c, advance := busyConsole(b, events, timers, speed)
	b.ResetTimer()
	for range b.N {
		tick(c, advance)
	}
}

func tick(c *console, advance func(time.Duration)) {
	advance(tickEvery)
	c.onTick()
}

func benchAppend(b *testing.B, events, timers int) {
	c := pausedConsole(b, events, timers)
	b.ResetTimer()
	for range b.N {
		appendNote(c)
	}
}

func pausedConsole(tb testing.TB, events, timers int) *console {
	c, _ := busyConsole(tb, events, timers, 1)
	c.apply(c.e.Pause())
	return c
}

func appendNote(c *console) { c.apply(c.e.Note("observation", true, "")) }

func BenchmarkConsoleTick10000Events200TimersX1(b *testing.B) { benchTick(b, 10000, 200, 1) }

func BenchmarkConsoleTick10000Events200TimersX20(b *testing.B) { benchTick(b, 10000, 200, 20) }

func BenchmarkConsoleLogAppend10000Events200Timers(b *testing.B) { benchAppend(b, 10000, 200) }

// BenchmarkConsoleGrowth times ticks (×20) and log appends on consoles of
// 1×, 4× and 16× (625 events, 12 timers) and reports each size's ns/op and
// the growth exponent log(t16/t1)/log(16). Run it with -benchtime=1x:
// each size times rounds operations itself (testing.Benchmark cannot run
// inside a benchmark).
func BenchmarkConsoleGrowth(b *testing.B) {
	const rounds = 100
	for range b.N {
		var tickNs, appendNs [3]float64
		for i, k := range []int{1, 4, 16} {
			c, advance := busyConsole(b, 625*k, 12*k, 20)
			tickNs[i] = perOp(rounds, func() { tick(c, advance) })
			c = pausedConsole(b, 625*k, 12*k)
			appendNs[i] = perOp(rounds, func() { appendNote(c) })
		}
		report(b, "tick", tickNs)
		report(b, "append", appendNs)
	}
}

func perOp(n int, op func()) float64 {
	start := time.Now()
	for range n {
		op()
	}
	return float64(time.Since(start)) / float64(n)
}

func report(b *testing.B, name string, ns [3]float64) {
	for i, k := range []int{1, 4, 16} {
		b.ReportMetric(ns[i], fmt.Sprintf("%s-%dx-ns", name, k))
	}
	b.ReportMetric(math.Log(ns[2]/ns[0])/math.Log(16), name+"-exponent")
}
