package plan

import (
	"reflect"
	"testing"
)

// TestEffectiveLog: strikes and corrections apply to their entries, the
// last one wins, a decision's action follows its decision, and a
// correction of a derived entry changes nothing.
func TestEffectiveLog(t *testing.T) {
	ev := func(seq int, kind, action, actor, text string) Event {
		return Event{Seq: seq, At: Duration(seq) * Minute, Kind: kind, Action: action, Actor: actor, Text: text}
	}
	decideAction := ev(4, EventAction, "decide", "bob", "Bob: decide → d1 — Wait")
	decideAction.Refs = []string{"decision:d1"}
	fixed := ev(0, EventAction, "escalate", "ann", "Ann: escalate")
	events := []Event{
		ev(1, EventStart, "", "", "started"),
		ev(2, EventAction, "escalate", "bob", "Bob: escalate"),
		ev(3, EventDecision, "d1", "bob", "Fail over? → Wait"),
		decideAction,
		ev(5, EventNote, "", "eva", "a note"),
		ev(6, EventTimerMet, "a1.1", "", "Met"),
		{Seq: 7, Kind: EventCorrection, Corrects: 2, Reason: "wrong person", Actor: "fac", Replacement: &fixed},
		{Seq: 8, Kind: EventCorrection, Corrects: 2, Reason: "not done at all", Actor: "fac"},
		{Seq: 9, Kind: EventCorrection, Corrects: 3, Reason: "Dan decided", Replacement: &Event{Kind: EventDecision, Action: "d1", Actor: "dan", Choice: 1, Text: "Fail over? → Fail over"}},
		{Seq: 10, Kind: EventCorrection, Corrects: 6, Reason: "derived"},
		{Seq: 11, Kind: EventCorrection, Corrects: 99, Reason: "nothing"},
	}
	log := EffectiveLog(events)
	if len(log) != 6 {
		t.Fatalf("%d entries, want the 6 that are not corrections", len(log))
	}
	if en := log[1]; !en.Struck || en.Correction.Reason != "not done at all" || en.Original.Actor != "bob" {
		t.Errorf("entry 2: %+v", en)
	}
	if en := log[2]; en.Struck || en.Actor != "dan" || en.Choice != 1 || en.Seq != 3 || en.At != 3*Minute || en.Original.Actor != "bob" {
		t.Errorf("entry 3: %+v", en)
	}
	if en := log[3]; en.Struck || en.Actor != "dan" || en.Text != "Fail over? → Fail over" || en.Correction == nil {
		t.Errorf("entry 4, the decision's action: %+v", en)
	}
	if en := log[5]; en.Struck || en.Correction != nil {
		t.Errorf("a derived entry was corrected: %+v", en)
	}
	var seqs []int
	for _, e := range Effective(events) {
		seqs = append(seqs, e.Seq)
	}
	if want := []int{1, 3, 4, 5, 6}; !reflect.DeepEqual(seqs, want) {
		t.Errorf("effective events %v, want %v", seqs, want)
	}
}

// TestCorrectionsAreSaved: a run's correction survives saving and loading,
// and a version 3 file (before corrections) still loads.
func TestCorrectionsAreSaved(t *testing.T) {
	ws := New("Corrections")
	ws.Runs = []Run{{ID: "r1", Events: []Event{
		{Seq: 1, Kind: EventStart},
		{Seq: 2, Kind: EventAction, Action: "escalate", Actor: "bob"},
		{Seq: 3, Kind: EventCorrection, Corrects: 2, Reason: "it was Ann", Actor: "fac", Replacement: &Event{Kind: EventAction, Action: "escalate", Actor: "ann"}},
	}}}
	data, err := Encode(ws)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := Effective(again.Runs[0].Events); len(got) != 2 || got[1].Actor != "ann" || got[1].Seq != 2 {
		t.Errorf("after saving and loading: %+v", got)
	}
	if _, err := Decode([]byte(`{"schemaVersion": 3, "organisation": {"name": "Old"}, "runs": [{"id": "r", "scenarioId": "s", "scenarioTitle": "S", "category": "availability", "startingSeverity": 1, "started": "2026-01-01T00:00:00Z", "ended": "2026-01-01T01:00:00Z", "length": "1h", "events": [{"seq": 1, "at": "0m", "wall": "2026-01-01T00:00:00Z", "kind": "start"}]}]}`)); err != nil {
		t.Errorf("version 3 file: %v", err)
	}
}
