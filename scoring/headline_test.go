package scoring

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

var tierRank = map[Tier]int{TierNone: 0, TierBasic: 1, TierIntermediate: 2, TierAdvanced: 3}

// No exercise result raises the tier: for the model, the demo and broken
// variants, the tier with any set of runs (good, failed, slow, mixed) is
// never above the tier of the same plan with no runs stored.
func TestExercisesNeverRaiseTheTier(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	plans := map[string]func() *plan.Workspace{
		"model":   modelWorkspace,
		"demo":    plan.Demo,
		"sev gap": func() *plan.Workspace { return breakAll(modelWorkspace(), "SEV-3.3") },
		"roles":   func() *plan.Workspace { return breakAll(modelWorkspace(), "ROL-2.3", "COV-2.5") },
	}
	for _, c := range loadCalibration(t) {
		c := c
		plans[c.File] = func() *plan.Workspace {
			ws, _ := calibrationWorkspace(t, c)
			ws.Runs = modelWorkspace().Runs // runs from another plan: bindings and targets that may not fit
			return ws
		}
	}
	for name, mk := range plans {
		bare := mk()
		runs := bare.Runs
		bare.Runs = nil
		base := Assess(bare, today)
		if base.Validation.Status != NotExercised {
			t.Errorf("%s without runs: validation %q", name, base.Validation.Status)
		}
		pool := append(slices.Clone(runs), goodRun("g1", "dns", plan.CategoryAvailability, time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)))
		for trial := range 40 {
			ws := mk()
			ws.Runs = nil
			for _, r := range pool {
				if rng.IntN(2) == 0 {
					ws.Runs = append(ws.Runs, r)
				}
			}
			for i := range ws.Runs {
				switch rng.IntN(3) {
				case 0:
					slowTasks(ws, i, func(plan.Task) bool { return true })
				case 1:
					for j := range ws.Runs[i].Tasks {
						ws.Runs[i].Tasks[j].Status, ws.Runs[i].Tasks[j].MetAt = plan.TaskMissed, nil
					}
				}
			}
			a := Assess(ws, today)
			if tierRank[a.Tier] > tierRank[base.Tier] {
				t.Fatalf("%s trial %d: %d runs raised the tier from %s to %s", name, trial, len(ws.Runs), base.Tier, a.Tier)
			}
		}
	}
}

func TestValidationStatus(t *testing.T) {
	ws := modelWorkspace()
	a := Assess(ws, today)
	if a.Validation.Status != Validated || a.Tier != TierAdvanced {
		t.Errorf("model with good runs: %s, %q", a.Tier, a.Validation.Status)
	}
	failDimension(ws, DimEscalation)
	a = Assess(ws, today)
	if a.Validation.Status != Contradicted || !slices.Contains(a.Validation.Lowered, DimEscalation) || a.Tier == TierAdvanced {
		t.Errorf("failed escalation tasks: tier %s, validation %+v; want contradicted, escalation lowered, tier below Advanced", a.Tier, a.Validation)
	}
	// The sentence names the rating the dimension got, not "M or U".
	if got := a.ValidationText(); strings.Contains(got, "M or U") || !strings.Contains(got, "escalation was rated "+string(a.Validation.WeakRatings[0])) {
		t.Errorf("validation text %q", got)
	}
	ws.Runs = nil
	if h := Assess(ws, today).Headline(); h != "Advanced — not yet validated by an exercise; schedule one" {
		t.Errorf("headline %q", h)
	}
}

// Clinical safety applies to health organisations and plans that declare
// it; an unbound clinical reference is no gap for anyone else.
func TestClinicalReferencesFollowTheSector(t *testing.T) {
	mk := func(sector string) *plan.Workspace {
		ws := modelWorkspace()
		ws.Organisation.Sector = sector
		for i := range ws.IncidentTypes {
			if ws.IncidentTypes[i].Category == plan.CategoryClinical {
				ws.IncidentTypes[i].Category = plan.CategoryOther
			}
		}
		n := newest(ws)
		ws.Runs[n].Bindings = append(ws.Runs[n].Bindings, plan.RunBinding{Ref: "clinical-safety", Gap: "no role carries the clinical-safety function"})
		return ws
	}
	saas := Assess(mk("Software as a service"), today)
	if saas.Criterion("EXR-2.2").Status != Pass || len(findingsWithPrefix(saas, "BIND-")) > 0 {
		t.Errorf("SaaS company: EXR-2.2 %s, findings %v", saas.Criterion("EXR-2.2").Status, findingIDs(saas))
	}
	health := Assess(mk("NHS hospital trust"), today)
	if health.Criterion("EXR-2.2").Status != Fail || len(findingsWithPrefix(health, "BIND-")) == 0 {
		t.Errorf("hospital: EXR-2.2 %s, findings %v", health.Criterion("EXR-2.2").Status, findingIDs(health))
	}
}

func findingsWithPrefix(a *Assessment, prefix string) []string {
	var out []string
	for _, f := range a.Findings {
		if len(f.ID) >= len(prefix) && f.ID[:len(prefix)] == prefix {
			out = append(out, f.ID)
		}
	}
	return out
}

// A level at which no stakeholder is told anything needs no update targets.
func TestQuietSeveritiesNeedNoUpdateTargets(t *testing.T) {
	ws := modelWorkspace()
	low := len(ws.Severities) - 1
	level := ws.Severities[low].Level
	ws.Severities[low].Targets.FirstUpdate, ws.Severities[low].Targets.UpdateCadence = 0, 0
	ws.Stakeholders[0].Cadence = append(ws.Stakeholders[0].Cadence, plan.Cadence{Severity: level, Every: plan.Day})
	if Assess(ws, today).Criterion("SEV-3.1").Status != Fail {
		t.Fatalf("model tells stakeholders at Sev %d; missing update targets should fail", level)
	}
	for i := range ws.Stakeholders {
		ws.Stakeholders[i].Cadence = slices.DeleteFunc(ws.Stakeholders[i].Cadence, func(c plan.Cadence) bool { return c.Severity == level })
	}
	if r := Assess(ws, today).Criterion("SEV-3.1"); r.Status != Pass {
		t.Errorf("Sev %d with no stakeholder updates: SEV-3.1 %s %v", level, r.Status, r.Gaps)
	}
}

// An unbound reference matters only if an inject using it was played, and
// its finding can be set aside with a reason.
func TestBindingGapsNeedAPlayedInject(t *testing.T) {
	ws := modelWorkspace()
	n := newest(ws)
	ws.Runs[n].Bindings = append(ws.Runs[n].Bindings, plan.RunBinding{Ref: "third-party:cdn", Gap: "no CDN provider", Injects: []string{"inj-9"}})
	id := "BIND-" + ws.Runs[n].ID + "-third-party:cdn"
	if a := Assess(ws, today); a.Finding(id) != nil || a.Criterion("EXR-2.2").Status != Pass {
		t.Errorf("inject never played: findings %v", findingIDs(a))
	}
	ws.Runs[n].Events = append(ws.Runs[n].Events, plan.Event{Kind: plan.EventInject, Action: "inj-9", At: 5 * plan.Minute})
	if a := Assess(ws, today); a.Finding(id) == nil || a.Criterion("EXR-2.2").Status != Fail {
		t.Errorf("inject played: findings %v, want %s", findingIDs(a), id)
	}
	markNA(t, ws, id)
	if a := Assess(ws, today); a.Finding(id) != nil || a.Criterion("EXR-2.2").Status != Pass {
		t.Errorf("marked N/A: findings %v, EXR-2.2 %s", findingIDs(a), a.Criterion("EXR-2.2").Status)
	}
}

// A scenario's clinical-safety expectation missed by a SaaS company's team
// is not scored: it tests nothing the organisation has.
func TestClinicalTasksAreNotScoredOutsideHealth(t *testing.T) {
	ws := modelWorkspace()
	ws.Organisation.Sector = "Software"
	for i := range ws.IncidentTypes {
		if ws.IncidentTypes[i].Category == plan.CategoryClinical {
			ws.IncidentTypes[i].Category = plan.CategoryOther
		}
	}
	n := newest(ws)
	ws.Runs[n].Tasks = append(ws.Runs[n].Tasks, plan.Task{ID: "cso", Source: plan.SourceScenario, Kind: "escalate", Target: "clinical-safety", Deadline: 10 * plan.Minute, Status: plan.TaskMissed, Weight: 5})
	a := Assess(ws, today)
	if r := a.Runs[n]; r.Rating != RatingP {
		t.Errorf("SaaS run with a missed clinical task rated %s, want P", r.Rating)
	}
	ws.Organisation.Sector = "Digital health"
	if r := Assess(ws, today).Runs[n]; r.Rating == RatingP {
		t.Errorf("health run with a missed weighted clinical task still rated P")
	}
}

// An escalation recorded as done to a role with nobody in it, or a call to
// a supplier with no contact route, is not met.
func TestTasksThatReachNobodyAreMissed(t *testing.T) {
	ws := modelWorkspace()
	n := newest(ws)
	ws.Roles = append(ws.Roles, plan.Role{ID: "empty-role", Name: "Empty role"})
	ws.ThirdParties = append(ws.ThirdParties, plan.ThirdParty{ID: "mute-cdn", Name: "Mute CDN", ServiceClass: plan.ServiceCDN, Contacts: []plan.Contact{{Channel: plan.ChannelEmail, Value: "TBC"}}})
	met := 2 * plan.Minute
	ws.Runs[n].Tasks = append(ws.Runs[n].Tasks,
		plan.Task{ID: "esc-empty", Source: plan.SourceScenario, Kind: "escalate", Target: "empty-role", Deadline: 10 * plan.Minute, MetAt: &met, Status: plan.TaskMet, Weight: 1},
		plan.Task{ID: "call-cdn", Source: plan.SourceScenario, Kind: "contact-third-party", Target: "third-party:cdn", Deadline: 10 * plan.Minute, MetAt: &met, Status: plan.TaskMet, Weight: 1})
	ws.Runs[n].Bindings = append(ws.Runs[n].Bindings, plan.RunBinding{Ref: "third-party:cdn", IDs: []string{"mute-cdn"}})
	a := Assess(ws, today)
	for _, id := range []string{"esc-empty", "call-cdn"} {
		f := a.Finding("RUN-" + ws.Runs[n].ID + "-" + id)
		if f == nil || !strings.Contains(f.What, "recorded as done") {
			t.Errorf("%s: finding %+v, want one saying it was recorded as done but reached nobody", id, f)
		}
	}
}

// A team cannot earn P against a plan target that is no real target.
func TestImplausibleTargetsCannotEarnP(t *testing.T) {
	ws := modelWorkspace()
	n := newest(ws)
	met := 5 * plan.Minute
	ws.Runs[n].Tasks = []plan.Task{{ID: "acknowledge@sev1", Source: plan.SourcePlan, Kind: "acknowledge", Deadline: plan.Day, MetAt: &met, Status: plan.TaskMet, Weight: 1}}
	a := Assess(ws, today)
	if tr := a.Runs[n].Tasks[0]; tr.Rating != RatingS || tr.Implausible == "" {
		t.Errorf("acknowledged within a one-day target under 24/7 cover: rated %s (%q), want S with a reason", tr.Rating, tr.Implausible)
	}
	ws.Runs[n].Tasks[0].Deadline = 10 * plan.Minute
	if tr := Assess(ws, today).Runs[n].Tasks[0]; tr.Rating != RatingP {
		t.Errorf("against a 10-minute target: rated %s, want P", tr.Rating)
	}
}
