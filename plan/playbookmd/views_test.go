package playbookmd

import (
	"testing"
	"time"

	"drillbook/plan"
	"drillbook/plan/plantest"
)

// markdownViews renders every playbook of a workspace and its index, as
// the editor's read view and the export do, and reads each back. None of
// it may panic, whatever the plan.
func markdownViews(t *testing.T, ws *plan.Workspace) {
	t.Helper()
	today := plan.NewDate(2026, time.November, 20)
	for i := range ws.Playbooks {
		pb := &ws.Playbooks[i]
		md := Markdown(pb, ws, today)
		if _, err := Parse(md); err != nil && pb.Title != "" {
			t.Errorf("playbooks[%d]: export does not read back: %v", i, err)
		}
	}
	IndexMarkdown(ws, today)
}

func TestMarkdownViewsOnOddWorkspaces(t *testing.T) {
	odd := map[string]func() *plan.Workspace{
		"zero": func() *plan.Workspace { return &plan.Workspace{} },
		"new":  func() *plan.Workspace { return plan.New("") },
		"demo": plan.Demo,
		"small": func() *plan.Workspace {
			return plantest.Generate(plantest.Size{People: 3, Roles: 2, Playbooks: 2, Steps: 2, Revisions: 1})
		},
		"demo with nil slices": func() *plan.Workspace {
			ws := plan.Demo()
			ws.People, ws.Roles, ws.Responsibilities = nil, nil, nil
			for i := range ws.Playbooks {
				ws.Playbooks[i].Revisions[0].Steps = nil
			}
			return ws
		},
		"dangling everything": func() *plan.Workspace {
			ws := plan.Demo()
			for i := range ws.Roles {
				ws.Roles[i].Members = []string{"ghost", ""}
				ws.Roles[i].ID = "dup"
			}
			for i := range ws.Playbooks {
				ws.Playbooks[i].Role = "ghost"
				ws.Playbooks[i].ID = ""
				ws.Playbooks[i].References = []string{"ghost", "`"}
				ws.Playbooks[i].Revisions = append(ws.Playbooks[i].Revisions, plan.Revision{Number: -1})
			}
			return ws
		},
	}
	for name, mk := range odd {
		t.Run(name, func(t *testing.T) { markdownViews(t, mk()) })
	}
}

// FuzzMarkdownViews decodes arbitrary workspace documents and renders
// whatever the decoder accepts.
func FuzzMarkdownViews(f *testing.F) {
	if seed, err := plan.Encode(plantest.Generate(plantest.Size{People: 3, Roles: 2, Playbooks: 2, Steps: 2, Revisions: 1})); err == nil {
		f.Add(seed)
	}
	f.Add([]byte(`{"schemaVersion": 1, "playbooks": [{"id": "a", "title": "# #", "steps": [{"text": "1. x\n- See: y"}], "revisions": [{"number": 1}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ws, err := plan.Decode(data)
		if err != nil {
			return
		}
		markdownViews(t, ws)
	})
}
