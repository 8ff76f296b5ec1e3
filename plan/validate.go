package plan

import (
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // time zones must resolve on machines without a zone database (Windows)
)

// maxTarget bounds durations so an extra zero typed in a workshop is caught.
const maxTarget = 365 * Day

// Validate checks the whole workspace and returns every problem found,
// errors and warnings: ID problems first, then each part of the plan in
// file order.
func (w *Workspace) Validate() Problems {
	v := validator{w: w}
	v.index()
	v.organisation()
	v.incidentTypes()
	v.reporting()
	v.triage()
	v.severities()
	v.thirdParties()
	v.coverage()
	v.stakeholders()
	v.people()
	v.roles()
	v.responsibilities()
	v.escalationRules()
	v.obligations()
	v.playbooks()
	v.records()
	return v.list
}

type validator struct {
	collector
	w                                                            *Workspace
	typesSet, peopleSet, rolesSet, playbooksSet, stakeholdersSet map[string]bool
	severitiesSet                                                map[int]bool
}

// ids registers the IDs of one collection, reporting empty, malformed and
// duplicate IDs, and returns the set of valid ones.
func (v *validator) ids(base Path, n int, id func(int) string) map[string]bool {
	set := make(map[string]bool, n)
	for i := 0; i < n; i++ {
		s := id(i)
		switch {
		case s == "":
			v.errorf(base.At(i, "id"), "ID is required")
		case !ValidID(s):
			v.errorf(base.At(i, "id"), "ID %q must be 1–64 characters of a–z, 0–9, '-', '_' or '.'", s)
		case set[s]:
			v.errorf(base.At(i, "id"), "duplicate ID %q", s)
		default:
			set[s] = true
		}
	}
	return set
}

// ValidID reports whether s can be used as a stable cross-reference ID.
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || (i > 0 && (c == '-' || c == '_' || c == '.'))
		if !ok {
			return false
		}
	}
	return true
}

func (v *validator) index() {
	w := v.w
	v.typesSet = v.ids(Root("incidentTypes"), len(w.IncidentTypes), func(i int) string { return w.IncidentTypes[i].ID })
	v.peopleSet = v.ids(Root("people"), len(w.People), func(i int) string { return w.People[i].ID })
	v.rolesSet = v.ids(Root("roles"), len(w.Roles), func(i int) string { return w.Roles[i].ID })
	v.playbooksSet = v.ids(Root("playbooks"), len(w.Playbooks), func(i int) string { return w.Playbooks[i].ID })
	v.stakeholdersSet = v.ids(Root("stakeholders"), len(w.Stakeholders), func(i int) string { return w.Stakeholders[i].ID })
	v.ids(Root("thirdParties"), len(w.ThirdParties), func(i int) string { return w.ThirdParties[i].ID })
	v.ids(Root("reporting.channels"), len(w.Reporting.Channels), func(i int) string { return w.Reporting.Channels[i].ID })
	v.ids(Root("coverage.rota.shifts"), len(w.Coverage.Rota.Shifts), func(i int) string { return w.Coverage.Rota.Shifts[i].ID })
	v.ids(Root("escalationRules"), len(w.EscalationRules), func(i int) string { return w.EscalationRules[i].ID })
	v.ids(Root("reportingObligations"), len(w.ReportingObligations), func(i int) string { return w.ReportingObligations[i].ID })
	v.severitiesSet = make(map[int]bool, len(w.Severities))
	for _, s := range w.Severities {
		v.severitiesSet[s.Level] = true
	}
}

func (v *validator) name(path Path, s, what string) {
	if strings.TrimSpace(s) == "" {
		v.errorf(path, "%s is required", what)
	}
}

func (v *validator) ref(path Path, set map[string]bool, id, what string, required bool) {
	if id == "" {
		if required {
			v.errorf(path, "%s is required", what)
		}
		return
	}
	if !set[id] {
		v.errorf(path, "unknown %s %q", what, id)
	}
}

func (v *validator) duration(path Path, d Duration, required bool) {
	switch {
	case d < 0:
		v.errorf(path, "duration %s is negative", d)
	case d == 0 && required:
		v.errorf(path, "duration must be greater than zero")
	case d > maxTarget:
		v.errorf(path, "duration %s is longer than a year", d)
	}
}

func (v *validator) severityRefs(path Path, levels []int, required bool) {
	if len(levels) == 0 && required {
		v.errorf(path, "at least one severity is required")
	}
	for j, l := range levels {
		if !v.severitiesSet[l] {
			v.errorf(path.Index(j), "unknown severity %d", l)
		}
	}
}

func (v *validator) contacts(base Path, cs []Contact) {
	for j, c := range cs {
		if !slices.Contains(Channels, c.Channel) {
			v.errorf(base.At(j, "channel"), "unknown channel %q", c.Channel)
		}
		if strings.TrimSpace(c.Value) == "" {
			v.errorf(base.At(j, "value"), "contact value is required")
		}
	}
}

func (v *validator) organisation() {
	v.name(Root("organisation.name"), v.w.Organisation.Name, "organisation name")
}

func (v *validator) incidentTypes() {
	for i, t := range v.w.IncidentTypes {
		v.name(Root("incidentTypes").At(i, "name"), t.Name, "name")
		if !slices.Contains(Categories, t.Category) {
			v.errorf(Root("incidentTypes").At(i, "category"), "unknown category %q", t.Category)
		}
		if len(t.Criteria) == 0 {
			v.warnf(Root("incidentTypes").At(i, "criteria"), "no declaration criteria: say what makes this an incident")
		}
	}
}

func (v *validator) reporting() {
	for i, c := range v.w.Reporting.Channels {
		v.name(Root("reporting.channels").At(i, "name"), c.Name, "name")
		if !slices.Contains(Channels, c.Channel) {
			v.errorf(Root("reporting.channels").At(i, "channel"), "unknown channel %q", c.Channel)
		}
	}
}

func (v *validator) triage() {
	v.ref(Root("triage.role"), v.rolesSet, v.w.Triage.Role, "role", false)
	v.duration(Root("triage.targetTime"), v.w.Triage.TargetTime, false)
}

func (v *validator) severities() {
	seen := map[int]bool{}
	for i, s := range v.w.Severities {
		p := func(f string) Path { return Root("severities").At(i, f) }
		switch {
		case s.Level < 1 || s.Level > 10:
			v.errorf(p("level"), "level %d is outside 1–10", s.Level)
		case seen[s.Level]:
			v.errorf(p("level"), "duplicate severity level %d", s.Level)
		}
		seen[s.Level] = true
		v.name(p("name"), s.Name, "name")
		t := s.Targets
		v.duration(p("targets.acknowledge"), t.Acknowledge, false)
		v.duration(p("targets.firstUpdate"), t.FirstUpdate, false)
		v.duration(p("targets.updateCadence"), t.UpdateCadence, false)
		v.duration(p("targets.resolve"), t.Resolve, false)
		if t.Resolve > 0 && t.Acknowledge > t.Resolve {
			v.errorf(p("targets.acknowledge"), "acknowledge target %s is later than the resolve target %s", t.Acknowledge, t.Resolve)
		}
		if t.Acknowledge > 0 && t.FirstUpdate > 0 && t.FirstUpdate < t.Acknowledge {
			v.warnf(p("targets.firstUpdate"), "first update %s is due before acknowledgement %s", t.FirstUpdate, t.Acknowledge)
		}
	}
	for l := 1; l <= len(v.w.Severities); l++ {
		if !seen[l] {
			v.warnf(Root("severities"), "levels should run 1…%d without gaps; level %d is missing", len(v.w.Severities), l)
			break
		}
	}
}

func (v *validator) thirdParties() {
	for i, t := range v.w.ThirdParties {
		v.name(Root("thirdParties").At(i, "name"), t.Name, "name")
		if !slices.Contains(ServiceClasses, t.ServiceClass) {
			v.errorf(Root("thirdParties").At(i, "serviceClass"), "unknown service class %q", t.ServiceClass)
		}
		if !slices.Contains(Criticalities, t.Criticality) {
			v.errorf(Root("thirdParties").At(i, "criticality"), "unknown criticality %q", t.Criticality)
		}
		v.contacts(Root("thirdParties").At(i, "contacts"), t.Contacts)
	}
}

func (v *validator) coverage() {
	c := v.w.Coverage
	if c.Mode != CoverageBusinessHours && c.Mode != Coverage24x7 {
		v.errorf(Root("coverage.mode"), "unknown coverage mode %q (want %q or %q)", c.Mode, CoverageBusinessHours, Coverage24x7)
	}
	if c.TimeZone != "" {
		// "Local" would mean the zone of whichever machine opens the file.
		if _, err := time.LoadLocation(c.TimeZone); err != nil || c.TimeZone == "Local" {
			v.errorf(Root("coverage.timeZone"), "unknown time zone %q", c.TimeZone)
		}
	}
	if c.Mode == Coverage24x7 && len(c.Rota.Shifts) == 0 {
		v.warnf(Root("coverage.rota.shifts"), "24/7 cover is declared but the on-call rota has no shifts")
	}
	bh := c.BusinessHours
	v.days(Root("coverage.businessHours.days"), bh.Days)
	s, okS := v.clock(Root("coverage.businessHours.start"), bh.Start, bh.Start != "" || bh.End != "")
	e, okE := v.clock(Root("coverage.businessHours.end"), bh.End, bh.Start != "" || bh.End != "")
	if okS && okE && bh.Start != "" && e <= s {
		v.errorf(Root("coverage.businessHours.end"), "business hours end %s is not after start %s", bh.End, bh.Start)
	}
	for i, sh := range c.Rota.Shifts {
		p := func(f string) Path { return Root("coverage.rota.shifts").At(i, f) }
		v.name(p("name"), sh.Name, "name")
		v.ref(p("role"), v.rolesSet, sh.Role, "role", true)
		if len(sh.Days) == 0 {
			v.errorf(p("days"), "at least one day is required")
		}
		v.days(p("days"), sh.Days)
		s, okS := v.clock(p("start"), sh.Start, true)
		e, okE := v.clock(p("end"), sh.End, true)
		switch {
		case okS && s == 24*60:
			v.errorf(p("start"), "a shift cannot start at 24:00; use 00:00")
		case okS && okE && s == e:
			v.errorf(p("end"), "shift starts and ends at %s: zero length", sh.Start)
		}
		seen := map[string]bool{}
		for j, m := range sh.Members {
			v.ref(p("members").Index(j), v.peopleSet, m, "person", true)
			if seen[m] {
				v.errorf(p("members").Index(j), "%q is listed twice", m)
			}
			seen[m] = true
		}
		if len(sh.Members) == 0 {
			v.warnf(p("members"), "shift has nobody on it")
		}
	}
}

func (v *validator) days(path Path, days []Weekday) {
	for j, d := range days {
		if d.Index() < 0 {
			v.errorf(path.Index(j), "unknown day %q (use mon…sun)", d)
		}
	}
}

// clock validates "HH:MM" and returns minutes after midnight.
func (v *validator) clock(path Path, s string, required bool) (int, bool) {
	if s == "" {
		if required {
			v.errorf(path, "time is required (HH:MM)")
		}
		return 0, false
	}
	m, err := ParseClock(s)
	if err != nil {
		v.errorf(path, "%v", err)
		return 0, false
	}
	return m, true
}

func (v *validator) stakeholders() {
	for i, s := range v.w.Stakeholders {
		p := func(f string) Path { return Root("stakeholders").At(i, f) }
		v.name(p("name"), s.Name, "name")
		if !slices.Contains(StakeholderKinds, s.Kind) {
			v.errorf(p("kind"), "unknown stakeholder kind %q", s.Kind)
		}
		if !slices.Contains(Channels, s.Channel) {
			v.errorf(p("channel"), "unknown channel %q", s.Channel)
		}
		v.ref(p("ownerRole"), v.rolesSet, s.OwnerRole, "role", true)
		seen := map[int]bool{}
		for j, c := range s.Cadence {
			cp := p("cadence").Index(j)
			if !v.severitiesSet[c.Severity] {
				v.errorf(cp.Field("severity"), "unknown severity %d", c.Severity)
			} else if seen[c.Severity] {
				v.errorf(cp.Field("severity"), "severity %d has two cadences", c.Severity)
			}
			seen[c.Severity] = true
			v.duration(cp.Field("every"), c.Every, true)
		}
	}
}

func (v *validator) people() {
	for i, p := range v.w.People {
		v.name(Root("people").At(i, "name"), p.Name, "name")
		v.contacts(Root("people").At(i, "contacts"), p.Contacts)
		if p.Deputy != "" {
			if p.Deputy == p.ID {
				v.errorf(Root("people").At(i, "deputy"), "a person cannot deputise for themselves")
			} else {
				v.ref(Root("people").At(i, "deputy"), v.peopleSet, p.Deputy, "person", false)
			}
		}
	}
}

func (v *validator) roles() {
	for i, r := range v.w.Roles {
		v.name(Root("roles").At(i, "name"), r.Name, "name")
		for j, f := range r.Functions {
			if !slices.Contains(Functions, f) {
				v.errorf(Root("roles").At(i, "functions").Index(j), "unknown function %q", f)
			}
		}
		seen := map[string]bool{}
		for j, m := range r.Members {
			mp := Root("roles").At(i, "members").Index(j)
			v.ref(mp, v.peopleSet, m, "person", true)
			if seen[m] {
				v.errorf(mp, "%q is listed twice", m)
			}
			seen[m] = true
		}
		if len(r.Members) == 0 {
			v.warnf(Root("roles").At(i, "members"), "nobody holds this role")
		}
	}
}

func (v *validator) responsibilities() {
	seen := map[[2]string]bool{}
	accountable := map[string]int{}
	for i, r := range v.w.Responsibilities {
		v.ref(Root("responsibilities").At(i, "incidentType"), v.typesSet, r.IncidentType, "incident type", true)
		v.ref(Root("responsibilities").At(i, "role"), v.rolesSet, r.Role, "role", true)
		if !slices.Contains(RACIs, r.RACI) {
			v.errorf(Root("responsibilities").At(i, "raci"), "unknown code %q (want R, A, C or I)", r.RACI)
		}
		k := [2]string{r.IncidentType, r.Role}
		if seen[k] {
			v.errorf(Root("responsibilities").Index(i), "role %q has two entries for incident type %q", r.Role, r.IncidentType)
		}
		seen[k] = true
		if r.RACI == Accountable {
			accountable[r.IncidentType]++
			if accountable[r.IncidentType] == 2 {
				v.warnf(Root("responsibilities").At(i, "raci"), "incident type %q has more than one accountable role", r.IncidentType)
			}
		}
	}
}

func (v *validator) escalationRules() {
	for i, r := range v.w.EscalationRules {
		p := func(f string) Path { return Root("escalationRules").At(i, f) }
		v.name(p("name"), r.Name, "name")
		if !slices.Contains(Triggers, r.Trigger) {
			v.errorf(p("trigger"), "unknown trigger %q", r.Trigger)
		}
		v.severityRefs(p("severities"), r.Severities, true)
		// A later tier may fire together with the one before (after 0).
		v.duration(p("after"), r.After, r.Follows == "")
		v.ref(p("escalateTo"), v.rolesSet, r.EscalateTo, "role", true)
		v.ref(p("handoverTo"), v.rolesSet, r.HandoverTo, "role", false)
	}
	v.ladders()
}

// ladders checks the Follows links: each names an earlier tier of the same
// trigger and severities, and no chain loops back on itself.
func (v *validator) ladders() {
	rules := v.w.EscalationRules
	index := make(map[string]int, len(rules))
	for i, r := range rules {
		if _, dup := index[r.ID]; !dup {
			index[r.ID] = i
		}
	}
	for i, r := range rules {
		if r.Follows == "" {
			continue
		}
		path := Root("escalationRules").At(i, "follows")
		j, ok := index[r.Follows]
		switch {
		case !ok:
			v.errorf(path, "follows unknown escalation rule %q", r.Follows)
			continue
		case j == i:
			v.errorf(path, "a rule cannot follow itself")
			continue
		}
		before := rules[j]
		if before.Trigger != r.Trigger || !slices.Equal(sortedCopy(before.Severities), sortedCopy(r.Severities)) {
			v.errorf(path, "follows %q, which has another trigger or other severities; tiers of one ladder share them", r.Follows)
		}
		// Walk back to the first tier; coming back to i is a loop.
		seen := map[int]bool{i: true}
		for k := j; ; {
			if seen[k] {
				v.errorf(path, "the ladder loops back to this rule; its first tier must follow nothing")
				break
			}
			seen[k] = true
			n, ok := index[rules[k].Follows]
			if rules[k].Follows == "" || !ok {
				break
			}
			k = n
		}
	}
}

func sortedCopy(xs []int) []int {
	out := slices.Clone(xs)
	slices.Sort(out)
	return out
}

func (v *validator) obligations() {
	for i, o := range v.w.ReportingObligations {
		p := func(f string) Path { return Root("reportingObligations").At(i, f) }
		v.name(p("body"), o.Body, "body")
		v.duration(p("deadline"), o.Deadline, true)
		v.ref(p("ownerRole"), v.rolesSet, o.OwnerRole, "role", true)
		for j, t := range o.IncidentTypes {
			v.ref(p("incidentTypes").Index(j), v.typesSet, t, "incident type", true)
		}
		v.severityRefs(p("severities"), o.Severities, false)
		v.ref(p("stakeholder"), v.stakeholdersSet, o.Stakeholder, "stakeholder", false)
	}
}

func (v *validator) playbooks() {
	for i, pb := range v.w.Playbooks {
		p := func(f string) Path { return Root("playbooks").At(i, f) }
		v.name(p("title"), pb.Title, "title")
		v.ref(p("role"), v.rolesSet, pb.Role, "role", true)
		for j, t := range pb.IncidentTypes {
			v.ref(p("incidentTypes").Index(j), v.typesSet, t, "incident type", true)
		}
		v.ref(p("owner"), v.peopleSet, pb.Owner, "person", false)
		v.duration(p("reviewInterval"), pb.ReviewInterval, false)
		v.playbookRefs(p("references"), pb.ID, pb.References)
		if len(pb.Steps) == 0 {
			v.warnf(p("steps"), "playbook has no steps")
		}
		for j, s := range pb.Steps {
			sp := p("steps").Index(j)
			v.name(sp.Field("text"), s.Text, "step text")
			v.duration(sp.Field("expectedDuration"), s.ExpectedDuration, false)
			v.playbookRefs(sp.Field("references"), pb.ID, s.References)
		}
		last := 0
		for j, r := range pb.Revisions {
			rp := p("revisions").Index(j)
			if r.Number <= last {
				v.errorf(rp.Field("number"), "revision %d does not follow revision %d", r.Number, last)
			}
			last = r.Number
			if r.Date.IsZero() {
				v.errorf(rp.Field("date"), "revision date is required")
			} else if j > 0 && r.Date.Before(pb.Revisions[j-1].Date) {
				v.warnf(rp.Field("date"), "revision %d is dated before the revision it follows", r.Number)
			}
			v.name(rp.Field("summary"), r.Summary, "revision summary")
			v.name(rp.Field("author"), r.Author, "revision author")
		}
	}
	v.playbookCycles()
}

func (v *validator) playbookRefs(path Path, self string, refs []string) {
	for j, r := range refs {
		rp := path.Index(j)
		if r == self {
			v.errorf(rp, "playbook refers to itself")
			continue
		}
		v.ref(rp, v.playbooksSet, r, "playbook", true)
	}
}

// playbookCycles reports reference loops (A → B → A), which would send a
// responder round in circles. Each cycle is reported once, at the playbook
// where the depth-first search closes it.
func (v *validator) playbookCycles() {
	pbs := v.w.Playbooks
	idx := make(map[string]int, len(pbs))
	for i, p := range pbs {
		if _, dup := idx[p.ID]; !dup {
			idx[p.ID] = i
		}
	}
	edges := func(i int) []string {
		out := append([]string(nil), pbs[i].References...)
		for _, s := range pbs[i].Steps {
			out = append(out, s.References...)
		}
		return out
	}
	const (
		white = iota
		grey
		black
	)
	colour := make([]int, len(pbs))
	reported := map[string]bool{}
	var stack []string
	var visit func(i int)
	visit = func(i int) {
		colour[i] = grey
		stack = append(stack, pbs[i].ID)
		for _, r := range edges(i) {
			j, ok := idx[r]
			if !ok || j == i {
				continue
			}
			switch colour[j] {
			case white:
				visit(j)
			case grey:
				start := 0
				for k, id := range stack {
					if id == r {
						start = k
					}
				}
				loop := strings.Join(append(append([]string(nil), stack[start:]...), r), " → ")
				if !reported[loop] {
					reported[loop] = true
					// Role playbooks hand off to each other (incident
					// manager ↔ deputy), so a loop is worth a look, not an error.
					v.warnf(Root("playbooks").At(i, "references"), "reference cycle: %s; normal for hand-offs between roles, but check a responder cannot go round in circles", loop)
				}
			}
		}
		stack = stack[:len(stack)-1]
		colour[i] = black
	}
	for i := range pbs {
		if colour[i] == white {
			visit(i)
		}
	}
}
