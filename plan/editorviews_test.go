package plan

import "testing"

// editorViews runs everything the editor derives from a plan in this package, as
// the GUI would after an edit. None of it may panic, whatever the plan. (The
// Markdown views are checked the same way in package playbookmd.)
func editorViews(t *testing.T, ws *Workspace) {
	t.Helper()
	ws.Coverage.WeekGrid()
	ws.Coverage.Holes()
	for sev := -1; sev <= 11; sev++ {
		if path := ws.EscalationPath(sev); len(path) == 0 || path[0].RuleIndex != -1 {
			t.Fatalf("severity %d: path %+v has no first page", sev, path)
		}
	}
	for i := range ws.Playbooks {
		pb := &ws.Playbooks[i]
		for _, r := range pb.Revisions {
			if _, err := pb.Diff(r.Number, 0); err != nil {
				t.Errorf("playbooks[%d]: %v", i, err)
			}
		}
	}
	for _, k := range DefaultKinds {
		if _, err := ws.ApplyDefaults(k); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEditorViewsOnOddWorkspaces(t *testing.T) {
	odd := map[string]func() *Workspace{
		"zero":  func() *Workspace { return &Workspace{} },
		"new":   func() *Workspace { return New("") },
		"demo":  Demo,
		"small": smallPlan,
		"demo with nil slices": func() *Workspace {
			ws := Demo()
			ws.People, ws.Roles, ws.Responsibilities = nil, nil, nil
			for i := range ws.Playbooks {
				ws.Playbooks[i].Revisions[0].Steps = nil
			}
			return ws
		},
		"dangling everything": func() *Workspace {
			ws := Demo()
			for i := range ws.Roles {
				ws.Roles[i].Members = []string{"ghost", ""}
				ws.Roles[i].ID = "dup"
			}
			for i := range ws.EscalationRules {
				ws.EscalationRules[i].EscalateTo = "ghost"
				ws.EscalationRules[i].HandoverTo = "ghost"
				ws.EscalationRules[i].Severities = []int{1, 1, -1}
			}
			for i := range ws.Playbooks {
				ws.Playbooks[i].Role = "ghost"
				ws.Playbooks[i].ID = ""
				ws.Playbooks[i].References = []string{"ghost", "`"}
				ws.Playbooks[i].Revisions = append(ws.Playbooks[i].Revisions, Revision{Number: -1})
			}
			ws.Triage.Role = "ghost"
			ws.Coverage.Rota.Shifts = append(ws.Coverage.Rota.Shifts,
				Shift{Start: "99:99", End: "24:00", Days: []Weekday{"x"}, Members: []string{"ghost"}},
				Shift{Start: "23:00", End: "01:00", Days: []Weekday{Sun, Sun}, Members: []string{""}})
			ws.Coverage.BusinessHours = BusinessHours{Start: "nope"}
			ws.Severities = append(ws.Severities, Severity{Level: 1}, Severity{Level: 0})
			return ws
		},
	}
	for name, mk := range odd {
		t.Run(name, func(t *testing.T) { editorViews(t, mk()) })
	}
}

// FuzzEditorViews decodes arbitrary workspace documents and runs every
// editor view on whatever the decoder accepts.
func FuzzEditorViews(f *testing.F) {
	if seed, err := Encode(smallPlan()); err == nil {
		f.Add(seed)
	}
	f.Add([]byte(`{"schemaVersion": 1, "coverage": {"mode": "24x7", "rota": {"shifts": [{"days": ["sun"], "start": "23:00", "end": "01:00", "members": ["a"]}]}}}`))
	f.Add([]byte(`{"schemaVersion": 1, "escalationRules": [{"severities": [1], "after": "-5m", "escalateTo": "x", "handoverTo": "y"}]}`))
	f.Add([]byte(`{"schemaVersion": 1, "playbooks": [{"id": "a", "title": "# #", "steps": [{"text": "1. x\n- See: y"}], "revisions": [{"number": 1}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ws, err := Decode(data)
		if err != nil {
			return
		}
		editorViews(t, ws)
	})
}
