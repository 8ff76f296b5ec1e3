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
	v.run()
	return v.list
}

// Referenced reports whether anything in the plan refers to the ID (a
// role's member, a deputy, an escalation target, a playbook's reference
// and so on). It walks the same checks as Validate, which visit every
// cross-reference, so the two can never disagree about what a reference
// is; an item's own ID does not count.
func (w *Workspace) Referenced(id string) bool {
	found := false
	v := validator{w: w, seen: func(ref string) { found = found || ref == id }}
	v.run()
	return found
}

func (v *validator) run() {
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
}

type validator struct {
	collector
	w                                                            *Workspace
	typesSet, peopleSet, rolesSet, playbooksSet, stakeholdersSet map[string]bool
	severitiesSet                                                map[int]bool
	// seen, when set, is told every ID the plan refers to (Referenced).
	seen func(id string)
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
	if v.seen != nil {
		v.seen(id)
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
		oneOf(v, base.At(j, "channel"), c.Channel, Channels, "unknown channel %q")
		if strings.TrimSpace(c.Value) == "" {
			v.errorf(base.At(j, "value"), "contact value is required")
		}
	}
}

// oneOf reports a value outside its vocabulary (format has one %q for it).
func oneOf[T ~string](v *validator, path Path, x T, valid []T, format string) {
	if !slices.Contains(valid, x) {
		v.errorf(path, format, x)
	}
}

func (v *validator) organisation() {
	v.name(Root("organisation.name"), v.w.Organisation.Name, "organisation name")
	v.regimes()
}

func (v *validator) incidentTypes() {
	for i, t := range v.w.IncidentTypes {
		v.name(Root("incidentTypes").At(i, "name"), t.Name, "name")
		oneOf(v, Root("incidentTypes").At(i, "category"), t.Category, Categories, "unknown category %q")
		if len(t.Criteria) == 0 {
			v.warnf(Root("incidentTypes").At(i, "criteria"), "no declaration criteria: say what makes this an incident")
		}
	}
}

func (v *validator) reporting() {
	for i, c := range v.w.Reporting.Channels {
		v.name(Root("reporting.channels").At(i, "name"), c.Name, "name")
		oneOf(v, Root("reporting.channels").At(i, "channel"), c.Channel, Channels, "unknown channel %q")
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
		oneOf(v, Root("thirdParties").At(i, "serviceClass"), t.ServiceClass, ServiceClasses, "unknown service class %q")
		oneOf(v, Root("thirdParties").At(i, "criticality"), t.Criticality, Criticalities, "unknown criticality %q")
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
		oneOf(v, p("kind"), s.Kind, StakeholderKinds, "unknown stakeholder kind %q")
		oneOf(v, p("channel"), s.Channel, Channels, "unknown channel %q")
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
			oneOf(v, Root("roles").At(i, "functions").Index(j), f, Functions, "unknown function %q")
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
		oneOf(v, Root("responsibilities").At(i, "raci"), r.RACI, RACIs, "unknown code %q (want R, A, C or I)")
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
		oneOf(v, p("trigger"), r.Trigger, Triggers, "unknown trigger %q")
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
	index := firstIndex(rules, func(r *EscalationRule) string { return r.ID })
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
