package plan

import (
	"bytes"
	"testing"
)

// TestVersion2RunsGetStructuredSteps: a workspace saved before events had
// a Step loads with the steps ticked from checklists as StepRefs, read once
// from their notes; other actions and free-text notes get none.
func TestVersion2RunsGetStructuredSteps(t *testing.T) {
	ws, err := Load("testdata/v2-playbook-steps.json")
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]*StepRef{
		2: {Playbook: "dns-failover", Step: 2},
		5: {Playbook: "dns-failover", Step: 10}, // out of range, but what was recorded
	}
	for _, ev := range ws.Runs[0].Events {
		w := want[ev.Seq]
		switch {
		case w == nil && ev.Step != nil:
			t.Errorf("event %d (%s %s) got step %+v", ev.Seq, ev.Kind, ev.Action, *ev.Step)
		case w != nil && (ev.Step == nil || *ev.Step != *w):
			t.Errorf("event %d: step %v, want %+v", ev.Seq, ev.Step, *w)
		}
	}
	if n := ws.Runs[0].Events[1].Note; n != "dns-failover step 2: Switch the resolver" {
		t.Errorf("the note changed: %q", n)
	}
	data, err := Encode(ws)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"step": {`)) {
		t.Error("the step is not saved")
	}
	again, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if s := again.Runs[0].Events[1].Step; s == nil || *s != *want[2] {
		t.Errorf("step after saving and loading: %v", s)
	}
}

func TestLegacyStepNote(t *testing.T) {
	cases := []struct {
		note string
		want StepRef
		ok   bool
	}{
		{"dns-failover step 2: Switch the resolver", StepRef{"dns-failover", 2}, true},
		{"pb.v2 step 12: text: with colons", StepRef{"pb.v2", 12}, true},
		{"dns-failover step 2:", StepRef{"dns-failover", 2}, true},
		{"done from memory", StepRef{}, false},
		{"dns failover step 2: spaces are not in IDs", StepRef{}, false},
		{"dns-failover step two: words", StepRef{}, false},
		{"dns-failover step 0: none", StepRef{}, false},
		{"dns-failover step -1: negative", StepRef{}, false},
		{"dns-failover step 3 no colon", StepRef{}, false},
		{"", StepRef{}, false},
	}
	for _, c := range cases {
		got, ok := LegacyStepNote(c.note)
		if got != c.want || ok != c.ok {
			t.Errorf("%q: %+v %v, want %+v %v", c.note, got, ok, c.want, c.ok)
		}
	}
}
