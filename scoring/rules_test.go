package scoring

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

func breakAll(ws *plan.Workspace, ids ...string) *plan.Workspace {
	for _, id := range ids {
		if id == "no set-severity task" {
			// Fails SEV-4.1 without a rating cap: severity is simply not
			// exercised.
			for i := range ws.Runs {
				ws.Runs[i].Tasks = slices.DeleteFunc(ws.Runs[i].Tasks, func(t plan.Task) bool { return t.Kind == "set-severity" })
			}
			continue
		}
		breakers[id].fn(ws)
	}
	return ws
}

func TestCumulativeLevels(t *testing.T) {
	tests := []struct {
		name     string
		broken   []string
		level    int
		progress float64
	}{
		{"all pass", nil, 4, 4},
		{"level-4 criterion fails", []string{"no set-severity task"}, 3, 3},
		// A level-3 failure stops at 2 even though level 4 holds; progress
		// is 2 + 2 of 3 level-3 criteria.
		{"level-3 criterion fails", []string{"SEV-3.3"}, 2, 2.67},
		{"two level-3 criteria fail", []string{"SEV-3.3", "SEV-3.1"}, 2, 2.33},
		// A level-2 failure caps at 1 whatever passes above it; progress is
		// 1 + 3 of 4 level-2 criteria.
		{"level-2 criterion fails", []string{"SEV-2.2"}, 1, 1.75},
		{"level-2 and level-3 fail", []string{"SEV-2.2", "SEV-3.3"}, 1, 1.75},
		{"level-1 criterion fails", []string{"SEV-1.1"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(breakAll(modelWorkspace(), tt.broken...), today)
			d := a.Dimension(DimSeverity)
			if d.Level != tt.level || d.CriteriaLevel != tt.level || d.Progress != tt.progress {
				t.Errorf("level %d (criteria %d) progress %v, want %d and %v", d.Level, d.CriteriaLevel, d.Progress, tt.level, tt.progress)
			}
			if len(d.Passing)+len(d.Failing) != 9 {
				t.Errorf("%d passing + %d failing, want all 9 severity criteria as evidence", len(d.Passing), len(d.Failing))
			}
			for _, r := range d.Failing {
				if !slices.Contains(tt.broken, r.Criterion.ID) && !strings.HasPrefix(tt.name, "level-1") && !strings.HasPrefix(tt.name, "level-4") {
					t.Errorf("unexpected failure %s", r.Criterion.ID)
				}
			}
		})
	}
}

func markNA(t *testing.T, ws *plan.Workspace, id string) {
	t.Helper()
	if err := MarkNotApplicable(ws, id, "Not relevant to this organisation (test)", "amira-khan", today); err != nil {
		t.Fatal(err)
	}
}

func TestNotApplicableLeavesTheDenominator(t *testing.T) {
	ws := breakAll(modelWorkspace(), "SEV-3.1", "SEV-3.3")
	before := Assess(ws, today).Dimension(DimSeverity)
	if before.Level != 2 || before.Progress != 2.33 {
		t.Fatalf("before: level %d progress %v", before.Level, before.Progress)
	}
	markNA(t, ws, "SEV-3.3")
	a := Assess(ws, today)
	d := a.Dimension(DimSeverity)
	// 1 of the 2 applicable level-3 criteria passes.
	if d.Level != 2 || d.Progress != 2.5 {
		t.Errorf("after N/A: level %d progress %v, want 2 and 2.5", d.Level, d.Progress)
	}
	if len(d.NA) != 1 || d.NA[0].Criterion.ID != "SEV-3.3" || d.NA[0].Status != NA || !strings.Contains(d.NA[0].Reason, "Not relevant") {
		t.Errorf("NA evidence: %+v", d.NA)
	}
	if a.Finding("SEV-3.3") != nil {
		t.Error("an N/A criterion still produces a finding")
	}
	rec := Record(a)
	if !slices.Contains(rec.NotApplicable, "SEV-3.3") || slices.Contains(rec.Failing, "SEV-3.3") {
		t.Errorf("record: failing %v, n/a %v", rec.Failing, rec.NotApplicable)
	}
	markNA(t, ws, "SEV-3.1")
	if d := Assess(ws, today).Dimension(DimSeverity); d.Level != 4 {
		t.Errorf("with both failures N/A: level %d, want 4", d.Level)
	}
}

func TestNotApplicableOnAPassingCriterionChangesNothing(t *testing.T) {
	ws := breakAll(modelWorkspace(), "SEV-3.3")
	want := Assess(ws, today).Dimension(DimSeverity)
	markNA(t, ws, "SEV-3.2") // passes anyway
	got := Assess(ws, today).Dimension(DimSeverity)
	if got.Level != want.Level || got.Progress != want.Progress || len(got.NA) != 0 {
		t.Errorf("level %d progress %v NA %d, want %d and %v", got.Level, got.Progress, len(got.NA), want.Level, want.Progress)
	}
	r := Assess(ws, today).Criterion("SEV-3.2")
	if r.Status != Pass || r.Reason == "" {
		t.Errorf("passing criterion with a mark: %+v", r)
	}
}

func TestIgnoredNotApplicableMarks(t *testing.T) {
	ws := breakAll(modelWorkspace(), "SEV-3.3")
	ws.NotApplicable = []plan.NotApplicable{
		{Criterion: "SEV-3.3", Reason: "  "},
		{Criterion: "NOPE-9.9", Reason: "made up"},
	}
	a := Assess(ws, today)
	if a.Criterion("SEV-3.3").Status != Fail {
		t.Error("N/A without a reason was honoured")
	}
	if len(a.Notes) != 2 || !strings.Contains(a.Notes[0], "without a reason") || !strings.Contains(a.Notes[1], "unknown criterion") {
		t.Errorf("notes: %q", a.Notes)
	}
	if err := MarkNotApplicable(ws, "SEV-3.3", "", "", today); err == nil {
		t.Error("NotApplicable accepted an empty reason")
	}
	if err := MarkNotApplicable(ws, "NOPE-1.1", "x", "", today); err == nil {
		t.Error("NotApplicable accepted an unknown criterion")
	}
	if !ClearNotApplicable(ws, "SEV-3.3") || ClearNotApplicable(ws, "SEV-3.3") {
		t.Error("ClearNotApplicable did not remove the mark exactly once")
	}
}

// TestNotApplicableNeverLowersAScore marks each criterion N/A in turn, on
// the demo and on a partly broken model, and checks no level, progress,
// index or tier falls.
func TestNotApplicableNeverLowersAScore(t *testing.T) {
	tiers := map[Tier]int{TierNone: 0, TierBasic: 1, TierIntermediate: 2, TierAdvanced: 3}
	bases := map[string]func() *plan.Workspace{
		"demo": plan.Demo,
		"broken": func() *plan.Workspace {
			return breakAll(modelWorkspace(), "SEV-3.3", "COV-2.3", "PBK-3.2", "EXR-4.2", "IMP-3.1")
		},
	}
	for name, base := range bases {
		before := Assess(base(), today)
		for _, c := range Criteria() {
			ws := base()
			markNA(t, ws, c.ID)
			after := Assess(ws, today)
			for i := range before.Dimensions {
				b, a := before.Dimensions[i], after.Dimensions[i]
				if a.Level < b.Level || a.Progress < b.Progress {
					t.Errorf("%s: N/A %s lowered %s from %d/%.2f to %d/%.2f", name, c.ID, b.Dimension.ID, b.Level, b.Progress, a.Level, a.Progress)
				}
			}
			if after.Index < before.Index || tiers[after.Tier] < tiers[before.Tier] {
				t.Errorf("%s: N/A %s lowered index %v→%v or tier %s→%s", name, c.ID, before.Index, after.Index, before.Tier, after.Tier)
			}
		}
	}
}

func ptr(d plan.Duration) *plan.Duration { return &d }

func TestScoreTaskBanding(t *testing.T) {
	task := func(status string, metAt *plan.Duration) plan.Task {
		return plan.Task{ID: "t", Kind: "escalate", Start: 10 * plan.Minute, Deadline: 20 * plan.Minute, MetAt: metAt, Status: status, Weight: 1}
	}
	tests := []struct {
		name       string
		task       plan.Task
		timeliness float64
		score      float64
		rating     Rating
		excluded   bool
	}{
		{"met early", task(plan.TaskMet, ptr(15*plan.Minute)), 1, 1, RatingP, false},
		{"met on the deadline", task(plan.TaskMet, ptr(20*plan.Minute)), 1, 1, RatingP, false},
		{"met without a time", task(plan.TaskMet, nil), 1, 1, RatingP, false},
		{"late by 10% (target/actual 0.909)", task(plan.TaskLate, ptr(21*plan.Minute)), 10.0 / 11, 10.0 / 11, RatingP, false},
		{"late: exactly 0.9 is P", plan.Task{Deadline: 9 * plan.Minute, MetAt: ptr(10 * plan.Minute), Status: plan.TaskLate}, 0.9, 0.9, RatingP, false},
		{"late by 30% (0.769)", task(plan.TaskLate, ptr(23*plan.Minute)), 10.0 / 13, 10.0 / 13, RatingS, false},
		{"late: exactly 0.7 is S", plan.Task{Deadline: 7 * plan.Minute, MetAt: ptr(10 * plan.Minute), Status: plan.TaskLate}, 0.7, 0.7, RatingS, false},
		{"twice the target (0.5)", task(plan.TaskLate, ptr(30*plan.Minute)), 0.5, 0.5, RatingM, false},
		{"2.5 times the target (0.4) is M", task(plan.TaskLate, ptr(35*plan.Minute)), 0.4, 0.4, RatingM, false},
		{"three times the target (0.333)", task(plan.TaskLate, ptr(40*plan.Minute)), 1.0 / 3, 1.0 / 3, RatingU, false},
		{"late without a time", task(plan.TaskLate, nil), LateWithoutTime, LateWithoutTime, RatingM, false},
		{"missed is U", task(plan.TaskMissed, nil), 0, 0, RatingU, false},
		{"pending (deadline after the run ended) is excluded", task(plan.TaskPending, nil), 0, 0, "", true},
		{"unknown status counts as missed", task("weird", ptr(12*plan.Minute)), 0, 0, RatingU, false},
		{"not needed is excluded", task(plan.TaskNotNeeded, nil), 0, 0, "", true},
		{"zero-length target met in time", plan.Task{Start: 5 * plan.Minute, Deadline: 5 * plan.Minute, MetAt: ptr(5 * plan.Minute), Status: plan.TaskMet}, 1, 1, RatingP, false},
		{"zero-length target missed", plan.Task{Start: 5 * plan.Minute, Deadline: 5 * plan.Minute, MetAt: ptr(6 * plan.Minute), Status: plan.TaskLate}, 0, 0, RatingU, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ScoreTask(tt.task)
			if r.Excluded != tt.excluded || math.Abs(r.Timeliness-tt.timeliness) > 1e-9 || math.Abs(r.Score-tt.score) > 1e-9 || r.Rating != tt.rating {
				t.Errorf("got excluded=%v timeliness=%v score=%v rating=%q, want %v %v %v %q", r.Excluded, r.Timeliness, r.Score, r.Rating, tt.excluded, tt.timeliness, tt.score, tt.rating)
			}
		})
	}
}

func TestRatingThresholds(t *testing.T) {
	for _, tt := range []struct {
		score float64
		want  Rating
	}{{1, RatingP}, {ThresholdP, RatingP}, {0.8999, RatingS}, {ThresholdS, RatingS}, {0.6999, RatingM}, {ThresholdM, RatingM}, {0.3999, RatingU}, {0, RatingU}} {
		if got := RatingFor(tt.score); got != tt.want {
			t.Errorf("RatingFor(%v) = %s, want %s", tt.score, got, tt.want)
		}
	}
	if RatingM.Cap() != 2 || RatingU.Cap() != 1 || RatingS.Cap() != 4 || RatingP.Cap() != 4 || Rating("").Cap() != 4 {
		t.Error("caps")
	}
}

func TestAggregateLowersPToSWhenATaskIsU(t *testing.T) {
	var ts []TaskResult
	for i := 0; i < 19; i++ {
		ts = append(ts, ScoreTask(plan.Task{Status: plan.TaskMet, Weight: 1}))
	}
	ts = append(ts, ScoreTask(plan.Task{Status: plan.TaskMissed, Weight: 1}), ScoreTask(plan.Task{Status: plan.TaskNotNeeded}))
	score, rating, n := aggregate(ts, func(*TaskResult) bool { return true })
	if n != 20 || score != 0.95 || rating != RatingS {
		t.Errorf("score %v rating %s n %d, want 0.95 S 20", score, rating, n)
	}
	// Weights: a missed task of weight 3 among one met task of weight 1.
	ws := []TaskResult{ScoreTask(plan.Task{Status: plan.TaskMet, Weight: 1}), ScoreTask(plan.Task{Status: plan.TaskMissed, Weight: 3})}
	if score, rating, _ := aggregate(ws, func(*TaskResult) bool { return true }); score != 0.25 || rating != RatingU {
		t.Errorf("weighted: %v %s", score, rating)
	}
	if _, rating, n := aggregate(nil, func(*TaskResult) bool { return true }); rating != "" || n != 0 {
		t.Error("empty aggregate is rated")
	}
}

func TestDimensionForTaskKind(t *testing.T) {
	for kind, want := range map[string]DimensionID{
		"escalate": DimEscalation, "escalation-rule": DimEscalation,
		"notify-stakeholder": DimComms, "first-update": DimComms, "update-cadence": DimComms, "stakeholder-update": DimComms,
		"contact-third-party": DimThirdParties, "acknowledge": DimCover, "complete-playbook-step": DimPlaybooks,
		"report-to-regulator": DimRegulatory, "report-deadline": DimRegulatory, "set-severity": DimSeverity,
		"declare-incident": DimTriage, "assign-incident-manager": DimRoles, "decide": DimExercise,
		"resolve": DimExercise, "something-new": DimExercise,
	} {
		if got := DimensionForTaskKind(kind); got != want {
			t.Errorf("%s → %s, want %s", kind, got, want)
		}
	}
}

func isComms(t plan.Task) bool { return DimensionForTaskKind(t.Kind) == DimComms }

func TestExerciseCaps(t *testing.T) {
	missComms := func(ws *plan.Workspace, i int) {
		for j := range ws.Runs[i].Tasks {
			if task := &ws.Runs[i].Tasks[j]; isComms(*task) {
				task.Status, task.MetAt = plan.TaskMissed, nil
			}
		}
	}
	tests := []struct {
		name   string
		mutate func(ws *plan.Workspace)
		level  int
		capped string
	}{
		{"latest comms tasks rated M cap at 2", func(ws *plan.Workspace) { slowTasks(ws, 3, isComms) }, 2, "rated M"},
		{"latest comms tasks rated U cap at 1", func(ws *plan.Workspace) { missComms(ws, 3) }, 1, "rated U"},
		{"an earlier U is superseded by a later P", func(ws *plan.Workspace) { missComms(ws, 0) }, 4, ""},
		{"a U older than 12 months is ignored", func(ws *plan.Workspace) {
			old := goodRun("run-old", "old", plan.CategoryAvailability, time.Date(2025, time.October, 1, 9, 0, 0, 0, time.UTC))
			ws.Runs = append([]plan.Run{old}, ws.Runs...)
			missComms(ws, 0)
		}, 4, ""},
		{"a run dated after the assessment day is ignored", func(ws *plan.Workspace) {
			ws.Runs = append(ws.Runs, goodRun("run-future", "future", plan.CategoryAvailability, time.Date(2026, time.December, 1, 9, 0, 0, 0, time.UTC)))
			missComms(ws, len(ws.Runs)-1)
		}, 4, ""},
		{"the latest run that tested the dimension counts", func(ws *plan.Workspace) {
			slowTasks(ws, 2, isComms)
			ws.Runs[3].Tasks = slices.DeleteFunc(ws.Runs[3].Tasks, isComms)
		}, 2, "“Scenario allergy-timezone-bug” on 2026-09-10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := modelWorkspace()
			tt.mutate(ws)
			d := Assess(ws, today).Dimension(DimComms)
			if d.Level != tt.level || !strings.Contains(d.CappedBy, tt.capped) || (tt.capped == "") != (d.CappedBy == "") {
				t.Errorf("level %d capped by %q, want %d and %q", d.Level, d.CappedBy, tt.level, tt.capped)
			}
			if d.Progress > float64(d.Cap) {
				t.Errorf("progress %v above cap %d", d.Progress, d.Cap)
			}
		})
	}
}

func level4NA(t *testing.T, ws *plan.Workspace) {
	for _, c := range Criteria() {
		if c.Level == 4 {
			markNA(t, ws, c.ID)
		}
	}
}

func TestLevel4NeedsARecentGoodExercise(t *testing.T) {
	t.Run("no exercise in 12 months", func(t *testing.T) {
		ws := modelWorkspace()
		level4NA(t, ws) // isolate the rule from the level-4 criteria
		for i := range ws.Runs {
			ws.Runs[i].Started = ws.Runs[i].Started.AddDate(-1, -1, 0)
		}
		a := Assess(ws, today)
		for _, d := range a.Dimensions {
			if d.Level > 3 || (d.CriteriaLevel == 4 && !strings.Contains(d.CappedBy, "level 4 needs an exercise since 2025-11-24 rated P or S as a whole, and no exercise has been run since then")) {
				t.Errorf("%s: level %d (criteria %d) capped by %q", d.Dimension.ID, d.Level, d.CriteriaLevel, d.CappedBy)
			}
		}
		// Old exercises say nothing about the plan today: the plan keeps
		// its tier and is reported as not yet validated.
		if d := a.Dimension(DimExercise); d.Level != 1 || a.Tier != TierAdvanced || a.Validation.Status != NotExercised {
			t.Errorf("exercise level %d tier %s (%s), want 1 (no exercise in 12 months), Advanced and not yet exercised", d.Level, a.Tier, a.Validation.Status)
		}
	})
	t.Run("latest exercise rated M overall", func(t *testing.T) {
		ws := modelWorkspace()
		level4NA(t, ws)
		ws.Runs = ws.Runs[3:]
		slowTasks(ws, 0, func(t plan.Task) bool { return !isComms(t) })
		a := Assess(ws, today)
		if r := a.Runs[0].Rating; r != RatingM {
			t.Fatalf("run rated %s, want M", r)
		}
		comms := a.Dimension(DimComms)
		if comms.Exercise.Rating != RatingP || comms.Level != 3 || !strings.Contains(comms.CappedBy, "level 4 needs") {
			t.Errorf("comms (tasks rated P) level %d capped by %q, want 3 by the P/S rule", comms.Level, comms.CappedBy)
		}
		// The dimension was rated P in this very exercise: the cap must
		// say what it lacked (the exercise as a whole was rated M), never
		// that there is no P or S rating.
		want := "this dimension was rated P in the exercise “Scenario dns-provider-outage” on 2026-11-10, but that exercise as a whole was rated M"
		if !strings.Contains(comms.CappedBy, want) || strings.Contains(comms.CappedBy, "there is none") {
			t.Errorf("comms capped by %q, want it to say %q", comms.CappedBy, want)
		}
		if esc := a.Dimension(DimEscalation); esc.Level != 2 {
			t.Errorf("escalation (tasks rated M) level %d, want 2", esc.Level)
		}
	})
	t.Run("an S exercise is enough", func(t *testing.T) {
		ws := modelWorkspace()
		ws.Runs = ws.Runs[3:]
		// One slow task in twenty: the run is rated S (mean 0.97 with a U
		// lowered from P), every dimension's own tasks P or S.
		ws.Runs[0].Tasks[0].Status, ws.Runs[0].Tasks[0].MetAt = plan.TaskMissed, nil
		ws.Runs[0].Tasks[0].Kind = "resolve"
		a := Assess(ws, today)
		if a.Runs[0].Rating != RatingS {
			t.Fatalf("run rated %s", a.Runs[0].Rating)
		}
		if d := a.Dimension(DimSeverity); d.Level != 4 {
			t.Errorf("severity level %d capped by %q, want 4", d.Level, d.CappedBy)
		}
	})
}

func TestTierUsesTheMinimumRule(t *testing.T) {
	tests := []struct {
		name string
		ws   func() *plan.Workspace
		tier Tier
		held []DimensionID
	}{
		{"model", modelWorkspace, TierAdvanced, nil},
		{"one dimension at 2", func() *plan.Workspace { return breakAll(modelWorkspace(), "SEV-3.3") }, TierIntermediate, []DimensionID{DimSeverity}},
		{"two dimensions at 1", func() *plan.Workspace { return breakAll(modelWorkspace(), "SEV-2.2", "ROL-2.3") }, TierBasic, []DimensionID{DimSeverity, DimRoles}},
		{"demo", plan.Demo, TierBasic, []DimensionID{DimThirdParties, DimCover, DimRoles, DimPlaybooks}},
		{"empty", func() *plan.Workspace { return plan.New("Empty Ltd") }, TierNone, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(tt.ws(), today)
			if a.Tier != tt.tier {
				t.Errorf("tier %s, want %s", a.Tier, tt.tier)
			}
			if tt.held != nil && !slices.Equal(a.HeldBackBy, tt.held) {
				t.Errorf("held back by %v, want %v", a.HeldBackBy, tt.held)
			}
			// The index is the mean progress, never the tier.
			sum, n := 0.0, 0.0
			for _, d := range a.Dimensions {
				if PlanDimension(d.Dimension.ID) {
					sum += d.Progress
					n++
				}
			}
			if want := math.Round(sum/n/4*1000) / 10; a.Index != want {
				t.Errorf("index %v, want %v", a.Index, want)
			}
		})
	}
	// A high average does not lift the tier: eleven dimensions at 4 and one
	// at 0 is still None.
	a := Assess(breakAll(modelWorkspace(), "SEV-1.1"), today)
	if a.Tier != TierNone || a.Index < 80 {
		t.Errorf("tier %s index %v", a.Tier, a.Index)
	}
}

func TestRunFindings(t *testing.T) {
	ws := modelWorkspace()
	for j := range ws.Runs[3].Tasks {
		task := &ws.Runs[3].Tasks[j]
		switch task.Kind {
		case "report-to-regulator":
			task.Status, task.MetAt = plan.TaskMissed, nil
		case "notify-stakeholder":
			met := task.Start + 20*plan.Minute
			task.Status, task.MetAt = plan.TaskLate, &met
		case "acknowledge":
			task.Status, task.MetAt = plan.TaskMissed, nil
		case "decide":
			// Its deadline had not come when the run ended: not scored.
			task.Status, task.MetAt = plan.TaskPending, nil
		}
	}
	ws.Runs[3].Bindings = append(ws.Runs[3].Bindings, plan.RunBinding{Ref: "stakeholder:regulator", Gap: "no regulator stakeholder"})
	a := Assess(ws, today)
	want := map[string]struct {
		dim DimensionID
		sev Severity
	}{
		"RUN-run-4-t12":                    {DimRegulatory, SeverityCritical},
		"RUN-run-4-t9":                     {DimComms, SeverityMedium},
		"RUN-run-4-t0":                     {DimCover, SeverityHigh},
		"BIND-run-4-stakeholder:regulator": {DimComms, SeverityHigh},
	}
	for id, w := range want {
		f := a.Finding(id)
		if f == nil {
			t.Errorf("no finding %s; have %v", id, findingIDs(a))
			continue
		}
		if f.Dimension != w.dim || f.Severity != w.sev || !strings.HasPrefix(f.Where, "runs[3].") || f.Why == "" || f.Recommendation == "" {
			t.Errorf("%s: %+v", id, f)
		}
	}
	// Plus EXR-2.2 (the binding gap), IMP-3.3 (no follow-up action) and
	// COV-4.1 and REG-4.1 (those dimensions rated M); comms is still S.
	if got := len(a.Findings); got != 4+4 {
		t.Errorf("%d findings: %v", got, findingIDs(a))
	}

	// A later run of the same scenario that went well supersedes the
	// task findings; a later run binding the same reference clears the gap.
	later := goodRun("run-5", ws.Runs[3].ScenarioID, plan.CategoryAvailability, time.Date(2026, time.November, 20, 9, 0, 0, 0, time.UTC))
	later.Bindings = append(later.Bindings, plan.RunBinding{Ref: "stakeholder:regulator", IDs: []string{"ico"}})
	ws.Runs = append(ws.Runs, later)
	if a := Assess(ws, today); len(a.Findings) != 0 {
		t.Errorf("superseded findings remain: %v", findingIDs(a))
	}
}

func findingIDs(a *Assessment) []string {
	var ids []string
	for _, f := range a.Findings {
		ids = append(ids, f.ID)
	}
	return ids
}

func TestFindingsAreRanked(t *testing.T) {
	a := Assess(plan.Demo(), today)
	for i := 1; i < len(a.Findings); i++ {
		p, f := a.Findings[i-1], a.Findings[i]
		if p.Severity < f.Severity || (p.Severity == f.Severity && p.Effort > f.Effort) {
			t.Errorf("%s (%s/%s) ranked before %s (%s/%s)", p.ID, p.Severity, p.Effort, f.ID, f.Severity, f.Effort)
		}
	}
}

func TestNextLevel(t *testing.T) {
	demo := Assess(plan.Demo(), today)
	for dim, want := range map[DimensionID][]string{
		DimRoles:        {"ROL-2.3"},
		DimCover:        {"COV-2.3"},
		DimThirdParties: {"TP-2.2"},
		DimPlaybooks:    {"PBK-2.2"},
		DimExercise:     {"EXR-1.1"},
		DimImprovement:  {"IMP-2.1"},
		DimSeverity:     {"SEV-4.1"},
	} {
		var got []string
		for _, f := range NextLevel(demo, dim) {
			got = append(got, f.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: next level needs %v, want %v", dim, got, want)
		}
	}
	if NextLevel(Assess(modelWorkspace(), today), DimSeverity) != nil {
		t.Error("level 4 has a next level")
	}
	if NextLevel(demo, "nope") != nil {
		t.Error("unknown dimension")
	}

	// Held back by an M rating: the exercise findings behind the cap.
	ws := modelWorkspace()
	slowTasks(ws, 3, isComms)
	var got []string
	for _, f := range NextLevel(Assess(ws, today), DimComms) {
		got = append(got, f.ID)
	}
	if len(got) != 4 || !strings.HasPrefix(got[0], "RUN-run-4-") {
		t.Errorf("comms capped at 2: next level needs %v", got)
	}

	// Held back only by the P/S rule.
	ws = modelWorkspace()
	level4NA(t, ws)
	for i := range ws.Runs {
		ws.Runs[i].Started = ws.Runs[i].Started.AddDate(-2, 0, 0)
	}
	next := NextLevel(Assess(ws, today), DimSeverity)
	if len(next) != 1 || next[0].ID != "EXR-GATE" || next[0].Why == "" {
		t.Errorf("gate: %+v", next)
	}
}
