package export

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"drillbook/plan"
)

// part starts a part of the appendix: its bookmarked heading (kept with
// keep mm of what follows) and, when the part has no items, the notice
// instead. It reports whether there is anything to draw.
func (d *pdfDoc) part(title string, keep float64, items int, notice string) bool {
	d.subTitle(title, true, keep)
	return !d.nothing(items, notice)
}

// appendix draws the plan reference a responder needs in an incident:
// severity matrix, contacts, responsibilities, escalation paths, cover
// and playbooks.
func (d *pdfDoc) appendix() {
	d.sectionTitle(SectionTitle(SectionAppendix))
	d.markSection(SectionAppendix)
	for _, part := range []func(){d.severityMatrix, d.contacts, d.raci, d.escalation, d.coverage, d.playbooks, d.traceability, d.untypesetNote} {
		part()
		d.step(1)
		if d.err != nil {
			return
		}
	}
}

func (d *pdfDoc) severityMatrix() {
	ws := d.r.ws
	if !d.part("Severity matrix", 20, len(ws.Severities), "No severity levels are defined.") {
		return
	}
	t := d.table(column{"Level", 0.9, "C"}, col("Name", 2), col("Definition", 5.6), column{"Acknowledge", 1.9, "L"}, column{"First update", 1.5, "L"}, column{"Update every", 1.5, "L"}, column{"Resolve", 1.5, "L"})
	t.begin()
	for _, s := range ws.Severities {
		def := s.Definition
		if len(s.Examples) > 0 {
			// one example per line: they are sentences, and "fails.;" read badly
			def += "\nExamples:"
			for _, e := range s.Examples {
				def += "\n• " + oneLine(e)
			}
		}
		t.row(pcell{text: strconv.Itoa(s.Level), bold: true}, c(s.Name), c(def), c(target(s.Targets.Acknowledge)), c(target(s.Targets.FirstUpdate)), c(target(s.Targets.UpdateCadence)), c(target(s.Targets.Resolve)))
	}
	t.end()
}

func target(d plan.Duration) string {
	if d <= 0 {
		return "not set"
	}
	return durText(d)
}

func contactLines(cs []plan.Contact) string {
	lines := make([]string, len(cs))
	for i, ct := range cs {
		s := words(ct.Channel) + ": " + ct.Value
		if ct.Label != "" {
			s += " (" + ct.Label + ")"
		}
		if ct.OutOfHours {
			s += " · out of hours"
		}
		lines[i] = s
	}
	return strings.Join(lines, "\n")
}

func (d *pdfDoc) contacts() {
	ws, n := d.r.ws, d.r.names
	d.subTitle("Contacts", true, 20)
	roles := map[string][]string{}
	for _, r := range ws.Roles {
		for _, m := range r.Members {
			roles[m] = append(roles[m], r.Name)
		}
	}
	d.minorTitle("People", 24)
	if !d.nothing(len(ws.People), "No people are listed.") {
		t := d.table(col("Name", 3), col("Title and roles", 4), col("Contacts", 6), col("Deputy", 2.5))
		t.begin()
		for _, p := range ws.People {
			title := p.Title
			if rs := roles[p.ID]; len(rs) > 0 {
				title = strings.TrimSpace(title + "\n" + strings.Join(rs, ", "))
			}
			t.row(pcell{text: p.Name, bold: true}, c(title), c(contactLines(p.Contacts)), c(n.person(p.Deputy)))
			if d.err != nil {
				return
			}
		}
		t.end()
	}
	d.minorTitle("Third parties", 24)
	if d.nothing(len(ws.ThirdParties), "No third parties are listed.") {
		return
	}
	t := d.table(col("Supplier", 2.5), col("Service", 3), col("Contacts", 6), col("Support and status", 4.5))
	t.begin()
	for _, tp := range ws.ThirdParties {
		svc := fmt.Sprintf("%s · %s", words(tp.ServiceClass), words(tp.Criticality))
		if tp.Service != "" {
			svc += "\n" + tp.Service
		}
		var sup []string
		if tp.SupportPlan != "" {
			sup = append(sup, "Plan: "+tp.SupportPlan)
		}
		if tp.StatusPage != "" {
			sup = append(sup, "Status: "+tp.StatusPage)
		}
		if tp.AccountRef != "" {
			sup = append(sup, "Account: "+tp.AccountRef)
		}
		t.row(pcell{text: tp.Name, bold: true}, c(svc), c(contactLines(tp.Contacts)), c(strings.Join(sup, "\n")))
	}
	t.end()
}

// raci prints the responsibility matrix as a grid (incident types down,
// roles across) when the roles fit across the page, and otherwise as one
// row per type listing the roles for each code.
func (d *pdfDoc) raci() {
	ws, n := d.r.ws, d.r.names
	if !d.part("Responsibility matrix", 70, len(ws.Responsibilities), "No responsibilities are assigned.") {
		return
	}
	var roles []string
	seen := map[string]bool{}
	codes := map[[2]string][]string{}
	for _, r := range ws.Responsibilities {
		if !seen[r.Role] {
			seen[r.Role] = true
			roles = append(roles, r.Role)
		}
		k := [2]string{r.IncidentType, r.Role}
		codes[k] = append(codes[k], string(r.RACI))
	}
	types := make([]string, 0, len(ws.IncidentTypes))
	for _, t := range ws.IncidentTypes {
		types = append(types, t.ID)
	}
	for _, r := range ws.Responsibilities {
		if !slices.Contains(types, r.IncidentType) {
			types = append(types, r.IncidentType)
		}
	}
	d.muted("R responsible · A accountable · C consulted · I informed")
	if len(roles) <= 14 {
		cols := []column{col("Incident type", 4)}
		for _, r := range roles {
			cols = append(cols, column{n.role(r), 1, "C"})
		}
		t := d.table(cols...)
		t.rotate = true
		t.begin()
		for _, ty := range types {
			cells := []pcell{{text: n.typ(ty), bold: true}}
			for _, r := range roles {
				code := strings.Join(codes[[2]string{ty, r}], ",")
				cl := c(code)
				if strings.Contains(code, "A") {
					cl = colored(code, colHead)
				}
				cells = append(cells, cl)
			}
			t.row(cells...)
		}
		t.end()
		return
	}
	t := d.table(col("Incident type", 3), col("Responsible", 4), col("Accountable", 3), col("Consulted", 4), col("Informed", 4))
	t.begin()
	for _, ty := range types {
		by := map[plan.RACI][]string{}
		for _, r := range ws.Responsibilities {
			if r.IncidentType == ty {
				by[r.RACI] = append(by[r.RACI], n.role(r.Role))
			}
		}
		t.row(pcell{text: n.typ(ty), bold: true}, c(strings.Join(by[plan.Responsible], ", ")), c(strings.Join(by[plan.Accountable], ", ")), c(strings.Join(by[plan.Consulted], ", ")), c(strings.Join(by[plan.Informed], ", ")))
	}
	t.end()
}

func (d *pdfDoc) escalation() {
	ws := d.r.ws
	if !d.part("Escalation paths", 20, len(ws.Severities), "No severity levels are defined, so there are no escalation paths.") {
		return
	}
	for _, s := range ws.Severities {
		d.minorTitle(fmt.Sprintf("Severity %d — %s", s.Level, s.Name), 26)
		t := d.table(column{"After", 1.2, "L"}, col("Rule", 3.5), col("Reaches", 5), col("Incident manager", 3), col("Notes", 4))
		t.begin()
		for _, st := range ws.EscalationPath(s.Level) {
			rule := "First page (" + st.Paged + ")"
			if st.RuleIndex >= 0 {
				rule = strings.TrimSpace(st.RuleName + "\n" + words(st.Trigger))
			}
			reach := c(resolvedText(st.Resolved))
			var notes []string
			if st.Nobody {
				reach = colored("nobody — "+st.RoleName, colBreach)
			}
			if st.SamePerson {
				notes = append(notes, "reaches the person already handling it")
			}
			if st.Handover != nil {
				notes = append(notes, "incident command hands over to "+resolvedText(*st.Handover))
			}
			if st.Notes != "" {
				notes = append(notes, st.Notes)
			}
			mgr := st.Manager.Name
			if mgr == "" {
				mgr = "nobody"
			}
			after := "at once"
			if st.At > 0 {
				after = durText(st.At)
			}
			t.row(c(after), c(rule), reach, c(mgr), c(strings.Join(notes, "\n")))
		}
		t.end()
	}
}

func resolvedText(r plan.Resolved) string {
	ps := make([]string, len(r.People))
	for i, p := range r.People {
		ps[i] = p.Name
	}
	if len(ps) > 6 {
		ps = append(ps[:6], fmt.Sprintf("+%d more", len(r.People)-6))
	}
	if r.RoleName == "" {
		return strings.Join(ps, ", ")
	}
	return r.RoleName + ": " + strings.Join(ps, ", ")
}

func (d *pdfDoc) coverage() {
	ws, n := d.r.ws, d.r.names
	cv := ws.Coverage
	d.subTitle("On-call coverage", true, 20)
	hours := ""
	if len(cv.BusinessHours.Days) > 0 || cv.BusinessHours.Start != "" {
		hours = dayWords(cv.BusinessHours.Days) + " " + cv.BusinessHours.Start + "–" + cv.BusinessHours.End
	}
	d.facts("Cover", words(cv.Mode), "Time zone", cv.TimeZone, "Business hours", hours, "Rota", cv.Rota.Name, "Hand-over", cv.Rota.Handover)
	if len(cv.Rota.Shifts) > 0 {
		t := d.table(col("Shift", 3), col("Role", 3), col("Days", 3), column{"Hours", 2, "L"}, col("Members (primary first)", 6))
		t.begin()
		for _, sh := range cv.Rota.Shifts {
			t.row(pcell{text: sh.Name, bold: true}, c(n.role(sh.Role)), c(dayWords(sh.Days)), c(sh.Start+"–"+sh.End), c(n.personList(sh.Members)))
		}
		t.end()
	}
	if holes := cv.Holes(); len(holes) > 0 {
		d.minorTitle("Gaps in cover", 8)
		d.color(colBreach)
		for _, h := range holes {
			d.bullet(fmt.Sprintf("%s (%s uncovered)", h, durText(h.Length)))
		}
		d.resetText()
	}
}

func (d *pdfDoc) playbooks() {
	ws, n := d.r.ws, d.r.names
	if !d.part("Playbooks", 20, len(ws.Playbooks), "There are no playbooks.") {
		return
	}
	t := d.table(col("Playbook", 5), col("Role", 3), col("Owner", 2.6), col("Current revision", 3.4), column{"Last reviewed", 1.8, "L"}, column{"Next review", 2, "L"})
	t.begin()
	for i := range ws.Playbooks {
		p := &ws.Playbooks[i]
		rev := "none published"
		if cr := p.CurrentRevision(); cr != nil {
			rev = fmt.Sprintf("%d · %s · %s", cr.Number, cr.Date, n.person(cr.Author))
		}
		next := c(p.ReviewDue().String())
		if p.ReviewOverdue(d.r.date) {
			next = colored(p.ReviewDue().String()+" overdue", colBreach)
		}
		t.row(pcell{text: p.Title, bold: true}, c(n.role(p.Role)), c(n.person(p.Owner)), c(rev), c(p.LastReviewed.String()), next)
		if d.err != nil {
			return
		}
	}
	t.end()
}

// traceability is the one place the report prints the technical
// reference of each finding: its ID, criterion and the places in the plan
// file it concerns, for whoever fixes the plan. Everywhere else findings
// are told in words.
func (d *pdfDoc) traceability() {
	a := d.r.a
	if !d.part("Traceability", 20, len(a.Findings), "There are no findings to trace.") {
		return
	}
	d.muted("For the plan's maintainers: each finding's reference and the places in the workspace file it concerns.")
	t := d.table(col("Finding", 6), col("Reference", 2.2), col("Places in the plan file", 6))
	t.maxLines = evidenceLines
	t.begin()
	for _, f := range a.Findings {
		ref := f.ID
		if f.Criterion != "" && f.Criterion != f.ID {
			ref += "\ncriterion " + f.Criterion
		}
		places := make([]string, 0, len(f.Gaps))
		for _, g := range f.Gaps {
			if g.Path != "" && !slices.Contains(places, g.Path) {
				places = append(places, g.Path)
			}
		}
		if len(places) == 0 && f.Where != "" {
			places = append(places, f.Where)
		}
		t.row(c(d.r.names.text(f.What)), c(ref), c(strings.Join(places, "\n")))
		if d.err != nil {
			return
		}
	}
	t.end()
}
