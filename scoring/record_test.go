package scoring

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

func TestRecordIsACompactSnapshot(t *testing.T) {
	a := Assess(plan.Demo(), today)
	rec := Record(a)
	if rec.Date != today || rec.Tier != string(a.Tier) || rec.Index != a.Index || len(rec.Dimensions) != 12 {
		t.Fatalf("record %+v", rec)
	}
	if d := rec.Dimensions[6]; d.ID != "roles" || d.Level != 1 || d.Progress != 1.67 {
		t.Errorf("roles record %+v", d)
	}
	for _, id := range []string{"ROL-2.3", "TP-2.2", "COV-2.3", "PBK-2.2", "PBK-3.2", "PBK-3.3"} {
		if !slices.Contains(rec.Failing, id) {
			t.Errorf("%s not recorded as failing", id)
		}
	}
	if len(rec.Failing) != len(Criteria())-countPassing(a) {
		t.Errorf("%d failing recorded", len(rec.Failing))
	}
}

func countPassing(a *Assessment) int {
	n := 0
	for _, d := range a.Dimensions {
		n += len(d.Passing) + len(d.NA)
	}
	return n
}

func TestStoreRecordKeepsOneSnapshotPerDayOldestFirst(t *testing.T) {
	ws := plan.Demo()
	StoreRecord(ws, plan.AssessmentRecord{Date: day(2026, time.November, 24), Tier: "None", Index: 50})
	StoreRecord(ws, plan.AssessmentRecord{Date: day(2026, time.March, 1), Tier: "None", Index: 40})
	StoreRecord(ws, plan.AssessmentRecord{Date: day(2026, time.November, 24), Tier: "Basic", Index: 55})
	if len(ws.Assessments) != 2 || ws.Assessments[0].Index != 40 || ws.Assessments[1].Tier != "Basic" {
		t.Errorf("assessments %+v", ws.Assessments)
	}
}

func TestCompareAssessments(t *testing.T) {
	before := Record(Assess(plan.Demo(), today))
	ws := modelWorkspace()
	breakers["COM-3.2"].fn(ws) // a new gap
	after := Record(Assess(ws, today))
	c := Compare(before, after)
	if c.FromTier != before.Tier || c.FromTier == c.ToTier || c.ToTier != "Intermediate" || c.IndexChange <= 0 {
		t.Errorf("tier %s→%s index %+v", c.FromTier, c.ToTier, c.IndexChange)
	}
	improved := map[DimensionID]DimensionChange{}
	for _, ch := range c.Improved {
		improved[ch.Dimension] = ch
	}
	if ch := improved[DimRoles]; ch.FromLevel != 1 || ch.ToLevel != 4 {
		t.Errorf("roles change %+v", ch)
	}
	if _, ok := improved[DimComms]; ok || len(c.Regressed) != 1 || c.Regressed[0].Dimension != DimComms || c.Regressed[0].ToLevel != 2 {
		t.Errorf("comms should regress 3→2: improved %v regressed %v", c.Improved, c.Regressed)
	}
	for _, id := range []string{"ROL-2.3", "TP-2.2", "COV-2.3", "PBK-2.2", "PBK-3.2", "EXR-1.1"} {
		if !slices.Contains(c.NewlyPassing, id) {
			t.Errorf("%s not newly passing: %v", id, c.NewlyPassing)
		}
	}
	if !slices.Equal(c.NewlyFailing, []string{"COM-3.2"}) {
		t.Errorf("newly failing %v", c.NewlyFailing)
	}
	// Reversed, the same changes are regressions.
	r := Compare(after, before)
	if len(r.Regressed) != len(c.Improved) || !slices.Contains(r.NewlyFailing, "ROL-2.3") {
		t.Errorf("reverse: regressed %v newly failing %v", r.Regressed, r.NewlyFailing)
	}
	// A failing criterion later marked N/A is neither passing nor failing.
	ws2 := plan.Demo()
	markNA(t, ws2, "ROL-2.3")
	n := Compare(before, Record(Assess(ws2, today)))
	if !slices.Equal(n.NowNotApplicable, []string{"ROL-2.3"}) || slices.Contains(n.NewlyPassing, "ROL-2.3") {
		t.Errorf("N/A comparison %+v", n)
	}
}

// TestAssessmentRecordsRoundTrip stores N/A marks, actions and assessment
// snapshots, saves and reloads the workspace.
func TestAssessmentRecordsRoundTrip(t *testing.T) {
	ws := plan.Demo()
	a := Assess(ws, today)
	markNA(t, ws, "REG-3.1")
	ws.Actions = ProposeActions(a, ws, today)
	StoreRecord(ws, Record(a))
	for _, p := range ws.Validate() {
		t.Errorf("%s", p)
	}
	data, err := plan.Encode(ws)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"notApplicable"`, `"actions"`, `"assessments"`, `"ownerRole"`, `"addressedByRevision"`, `"failing"`} {
		if key == `"addressedByRevision"` {
			if strings.Contains(string(data), key) {
				t.Errorf("zero %s is written", key)
			}
			continue
		}
		if !strings.Contains(string(data), key) {
			t.Errorf("%s missing from the file", key)
		}
	}
	got, err := plan.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.NotApplicable, ws.NotApplicable) || !reflect.DeepEqual(got.Actions, ws.Actions) || !reflect.DeepEqual(got.Assessments, ws.Assessments) {
		t.Error("records changed in an encode/decode round trip")
	}
	if b := Assess(got, today); b.Index < a.Index {
		t.Errorf("reloaded assessment index %v < %v", b.Index, a.Index)
	}
}

func TestValidateRecords(t *testing.T) {
	base := func() *plan.Workspace {
		ws := plan.Demo()
		ws.NotApplicable = []plan.NotApplicable{{Criterion: "REG-3.1", Reason: "No contracts cite clauses"}}
		ws.Actions = []plan.Action{{ID: "act-1", Finding: "ROL-2.3", Text: "Name a deputy", OwnerRole: "incident-manager", OwnerPerson: "amira-khan", Due: day(2026, time.December, 8), Status: plan.ActionOpen, Playbook: "im-major-incident", AddressedByRevision: 3, Created: today}}
		ws.Assessments = []plan.AssessmentRecord{{Date: today, Tier: "None", Index: 55.3, Dimensions: []plan.DimensionRecord{{ID: "roles", Level: 1, Progress: 1.67}}}}
		return ws
	}
	if ps := base().Validate(); len(ps) != 0 {
		t.Fatalf("base: %v", ps)
	}
	tests := []struct {
		name   string
		mutate func(ws *plan.Workspace)
		path   string
		level  plan.Level
	}{
		{"N/A without reason", func(ws *plan.Workspace) { ws.NotApplicable[0].Reason = " " }, "notApplicable[0].reason", plan.Error},
		{"N/A without criterion", func(ws *plan.Workspace) { ws.NotApplicable[0].Criterion = "" }, "notApplicable[0].criterion", plan.Error},
		{"N/A twice", func(ws *plan.Workspace) { ws.NotApplicable = append(ws.NotApplicable, ws.NotApplicable[0]) }, "notApplicable[1].criterion", plan.Warning},
		{"action without ID", func(ws *plan.Workspace) { ws.Actions[0].ID = "" }, "actions[0].id", plan.Error},
		{"action with a bad ID", func(ws *plan.Workspace) { ws.Actions[0].ID = "Act 1" }, "actions[0].id", plan.Error},
		{"duplicate action ID", func(ws *plan.Workspace) { ws.Actions = append(ws.Actions, ws.Actions[0]) }, "actions[1].id", plan.Error},
		{"action without text", func(ws *plan.Workspace) { ws.Actions[0].Text = "" }, "actions[0].text", plan.Error},
		{"unknown status", func(ws *plan.Workspace) { ws.Actions[0].Status = "closed" }, "actions[0].status", plan.Error},
		{"empty status", func(ws *plan.Workspace) { ws.Actions[0].Status = "" }, "actions[0].status", plan.Error},
		{"unknown owner role", func(ws *plan.Workspace) { ws.Actions[0].OwnerRole = "cto" }, "actions[0].ownerRole", plan.Error},
		{"unknown owner person", func(ws *plan.Workspace) { ws.Actions[0].OwnerPerson = "nobody" }, "actions[0].ownerPerson", plan.Error},
		{"unknown playbook", func(ws *plan.Workspace) { ws.Actions[0].Playbook = "ghost" }, "actions[0].playbook", plan.Error},
		{"revision without playbook", func(ws *plan.Workspace) { ws.Actions[0].Playbook = "" }, "actions[0].addressedByRevision", plan.Error},
		{"negative revision", func(ws *plan.Workspace) { ws.Actions[0].AddressedByRevision = -1 }, "actions[0].addressedByRevision", plan.Error},
		{"revision the playbook lacks", func(ws *plan.Workspace) { ws.Actions[0].AddressedByRevision = 7 }, "actions[0].addressedByRevision", plan.Warning},
		{"due before created", func(ws *plan.Workspace) { ws.Actions[0].Due = day(2026, time.January, 1) }, "actions[0].due", plan.Warning},
		{"assessment without date", func(ws *plan.Workspace) { ws.Assessments[0].Date = plan.Date{} }, "assessments[0].date", plan.Error},
		{"assessments out of order", func(ws *plan.Workspace) {
			ws.Assessments = append(ws.Assessments, plan.AssessmentRecord{Date: day(2026, time.January, 1)})
		}, "assessments[1].date", plan.Warning},
		{"index out of range", func(ws *plan.Workspace) { ws.Assessments[0].Index = 101 }, "assessments[0].index", plan.Error},
		{"level out of range", func(ws *plan.Workspace) { ws.Assessments[0].Dimensions[0].Level = 5 }, "assessments[0].dimensions[0].level", plan.Error},
		{"progress out of range", func(ws *plan.Workspace) { ws.Assessments[0].Dimensions[0].Progress = -1 }, "assessments[0].dimensions[0].progress", plan.Error},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := base()
			tt.mutate(ws)
			ps := ws.Validate().At(tt.path)
			if len(ps) != 1 || ps[0].Level != tt.level || ps[0].Path != tt.path {
				t.Errorf("problems at %s: %v (all: %v)", tt.path, ps, ws.Validate())
			}
		})
	}
}

// TestAssessmentEncodesAsJSON: exporters and the GUI can serialise an
// assessment; severities and efforts are written by name.
func TestAssessmentEncodesAsJSON(t *testing.T) {
	a := Assess(plan.Demo(), today)
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"Severity":"critical"`, `"Effort":"small"`, `"Where":"people[0].deputy"`, `"Tier":"` + string(a.Tier) + `"`, `"Status":"not yet exercised"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}

func TestTargetLevelDefaultsToFormalised(t *testing.T) {
	ws := plan.New("x")
	if TargetLevel(ws, DimCover) != 3 {
		t.Fatal("default target is not 3")
	}
	ws.TargetLevels = map[string]int{string(DimCover): 4, string(DimComms): 9}
	if TargetLevel(ws, DimCover) != 4 || TargetLevel(ws, DimComms) != 3 {
		t.Fatal("target levels not read, or an impossible one accepted")
	}
	if ps := ws.Validate(); len(ps.At("targetLevels."+string(DimComms))) != 1 {
		t.Fatalf("impossible target not reported: %v", ps)
	}
}
