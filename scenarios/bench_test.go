package scenarios

import (
	"fmt"
	"testing"
	"time"

	"drillbook/plan"
)

// benchEngine builds a running engine with n open timers and a log of
// events entries.
func benchEngine(b *testing.B, timers, events int) (*Engine, *FakeClock) {
	sc, ws := fixture(b)
	// Many stakeholders with a cadence at the starting severity give many
	// concurrently open plan timers.
	for i := 0; len(ws.Stakeholders) < timers; i++ {
		ws.Stakeholders = append(ws.Stakeholders, plan.Stakeholder{ID: fmt.Sprintf("s%03d", i), Name: "S", Kind: plan.StakeholderInternal,
			Channel: plan.ChannelEmail, OwnerRole: "comms", Cadence: []plan.Cadence{{Severity: 2, Every: plan.Duration(time.Duration(i+600) * time.Minute)}}})
	}
	clk := NewFakeClock(epoch)
	e, _, err := Start(sc, ws, clk, Options{})
	if err != nil {
		b.Fatal(err)
	}
	for e.EventCount() < events {
		if _, err := e.Note("filler", false, ""); err != nil {
			b.Fatal(err)
		}
	}
	open := 0
	for _, tk := range e.Tasks() {
		if tk.Status == plan.TaskPending || tk.Status == "armed" {
			open++
		}
	}
	if open < timers {
		b.Fatalf("only %d open timers", open)
	}
	return e, clk
}

// BenchmarkTick is the clock tick the console runs several times a second:
// 200 active timers, 10,000 logged events, nothing due.
func BenchmarkTick(b *testing.B) {
	e, clk := benchEngine(b, 200, 10000)
	b.ReportAllocs()
	for b.Loop() {
		clk.Advance(time.Millisecond)
		if _, err := e.Tick(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecord records an action against 200 timers with 10,000 events
// logged (no journal: that cost is the disk's fsync).
func BenchmarkRecord(b *testing.B) {
	e, clk := benchEngine(b, 200, 10000)
	b.ReportAllocs()
	for b.Loop() {
		clk.Advance(time.Millisecond)
		if _, err := e.Record(Action{Kind: ExpectAcknowledge, Actor: "bob"}); err != nil {
			b.Fatal(err)
		}
	}
}
