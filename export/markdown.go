package export

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"drillbook/internal/atomicfile"
	"drillbook/internal/mdtext"
	"drillbook/plan"
	"drillbook/plan/playbookmd"
)

// Markdown writes the plan as a folder of Markdown files for wikis and
// version control:
//
//	README.md       index: organisation, links to the rest
//	procedure.md    incident types and criteria, reporting, triage,
//	                severities with targets, third parties, cover, stakeholders
//	roles.md        people, roles, responsibilities, reporting obligations
//	escalation.md   escalation rules and the path per severity
//	playbooks/      one file per playbook and an index (playbookmd.Export)
//
// The folder is built beside dir and takes its place only when complete
// (atomicfile.WriteDir), so a failed or cancelled export leaves the old
// folder as it was; files in dir the export does not write are kept. User
// text goes through the one Markdown sanitiser (see doc.go). progress (may
// be nil) counts files.
func Markdown(ctx context.Context, dir string, in Input, opts Options, progress Progress) error {
	if in.Workspace == nil {
		return errors.New("export: no workspace")
	}
	ws := in.Workspace
	if opts.NonAttributable {
		var err error
		if ws, err = anonymous(ws); err != nil {
			return fmt.Errorf("markdown export: %w", err)
		}
	}
	date := opts.Date
	if date.IsZero() && in.Assessment != nil {
		date = in.Assessment.Date
	}
	if ctx == nil {
		ctx = context.Background()
	}
	files := []struct {
		name string
		body func(*plan.Workspace) string
	}{
		{"README.md", func(ws *plan.Workspace) string { return readmeMarkdown(ws, date) }},
		{"procedure.md", ProcedureMarkdown},
		{"roles.md", RolesMarkdown},
		{"escalation.md", EscalationMarkdown},
	}
	total := len(files) + len(ws.Playbooks) + 1
	t := newTracker(ctx, progress, total)
	err := atomicfile.WriteDir(dir, func(tmp string) error {
		for _, f := range files {
			if err := t.check(); err != nil {
				return err
			}
			if err := atomicfile.WriteNew(filepath.Join(tmp, f.name), []byte(f.body(ws))); err != nil {
				return err
			}
			if err := t.step(1); err != nil {
				return err
			}
		}
		base := t.done
		return playbookmd.Export(ctx, ws, filepath.Join(tmp, "playbooks"), date, func(done, _ int) {
			t.done = base
			_ = t.step(done)
		})
	})
	if err != nil {
		return fmt.Errorf("markdown export: %w", err)
	}
	t.finish()
	return nil
}

// md makes user text safe as inline Markdown on one line (see mdtext).
func md(s string) string { return mdtext.Inline(s) }

// mdPara keeps the user's line breaks as Markdown hard breaks.
func mdPara(s string) string { return strings.Join(mdtext.Lines(s), "  \n") }

func mdTable(b *strings.Builder, head []string, rows [][]string) {
	b.WriteString("| " + strings.Join(head, " | ") + " |\n|")
	for range head {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = strings.Join(mdtext.Lines(c), "<br>")
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	b.WriteString("\n")
}

func readmeMarkdown(ws *plan.Workspace, date plan.Date) string {
	var b strings.Builder
	name := strings.TrimSpace(ws.Organisation.Name)
	if name == "" {
		name = "Unnamed organisation"
	}
	fmt.Fprintf(&b, "# Incident-response plan: %s\n\n", md(name))
	if s := ws.Organisation.Sector; s != "" {
		fmt.Fprintf(&b, "- **Sector:** %s\n", md(s))
	}
	if s := ws.Organisation.Product; s != "" {
		fmt.Fprintf(&b, "- **Product:** %s\n", md(s))
	}
	if !date.IsZero() {
		fmt.Fprintf(&b, "- **Exported:** %s\n", date)
	}
	if d := ws.Organisation.Description; d != "" {
		fmt.Fprintf(&b, "\n%s\n", mdPara(d))
	}
	b.WriteString("\n## Contents\n\n")
	b.WriteString("1. [Procedure](procedure.md): incident types, reporting and triage, severities, third parties, cover, communications\n")
	b.WriteString("2. [Roles and responsibilities](roles.md): people, roles, responsibility matrix, reporting obligations\n")
	b.WriteString("3. [Escalation](escalation.md): rules and the escalation path for each severity\n")
	fmt.Fprintf(&b, "4. [Playbooks](playbooks/index.md): %d playbooks\n", len(ws.Playbooks))
	return b.String()
}

// ProcedureMarkdown renders step 1 of the plan, the procedure.
func ProcedureMarkdown(ws *plan.Workspace) string {
	n := newNames(ws)
	var b strings.Builder
	b.WriteString("# Procedure\n\n## Incident types\n\n")
	if len(ws.IncidentTypes) == 0 {
		b.WriteString("No incident types are defined.\n\n")
	}
	for _, t := range ws.IncidentTypes {
		fmt.Fprintf(&b, "### %s\n\n- **Category:** %s\n", md(plan.OrID(t.Name, t.ID)), md(words(t.Category)))
		if t.Description != "" {
			fmt.Fprintf(&b, "\n%s\n", mdPara(t.Description))
		}
		mdList(&b, "\nDeclare an incident when any of these holds:\n\n", t.Criteria, md)
		mdList(&b, "\nExamples:\n\n", t.Examples, md)
		b.WriteString("\n")
	}
	b.WriteString("## Reporting an incident\n\n")
	if g := ws.Reporting.Guidance; g != "" {
		fmt.Fprintf(&b, "%s\n\n", mdPara(g))
	}
	rows := make([][]string, len(ws.Reporting.Channels))
	for i, c := range ws.Reporting.Channels {
		rows[i] = []string{c.Name, words(c.Channel), c.Address, c.Monitored}
	}
	mdTable(&b, []string{"Route", "Channel", "Address", "Monitored"}, rows)

	b.WriteString("## Triage\n\n")
	tr := ws.Triage
	if tr.Role != "" {
		fmt.Fprintf(&b, "- **Role:** %s\n", md(n.role(tr.Role)))
	}
	if tr.TargetTime > 0 {
		fmt.Fprintf(&b, "- **Target time:** %s\n", durText(tr.TargetTime))
	}
	if tr.Method != "" {
		fmt.Fprintf(&b, "- **Method:** %s\n", md(tr.Method))
	}
	if tr.Description != "" {
		fmt.Fprintf(&b, "\n%s\n", mdPara(tr.Description))
	}
	if len(tr.Steps) > 0 {
		b.WriteString("\n")
		for i, s := range tr.Steps {
			fmt.Fprintf(&b, "%d. %s\n", i+1, md(s))
		}
	}
	b.WriteString("\n## Severity levels\n\n")
	rows = make([][]string, len(ws.Severities))
	for i, s := range ws.Severities {
		rows[i] = []string{fmt.Sprint(s.Level), s.Name, s.Definition, target(s.Targets.Acknowledge), target(s.Targets.FirstUpdate), target(s.Targets.UpdateCadence), target(s.Targets.Resolve)}
	}
	mdTable(&b, []string{"Level", "Name", "Definition", "Acknowledge", "First update", "Update every", "Resolve"}, rows)

	b.WriteString("## Third parties\n\n")
	rows = make([][]string, len(ws.ThirdParties))
	for i, t := range ws.ThirdParties {
		rows[i] = []string{t.Name, words(t.ServiceClass) + ", " + words(t.Criticality), contactLines(t.Contacts), t.SupportPlan, t.StatusPage, t.AccountRef}
	}
	mdTable(&b, []string{"Supplier", "Service", "Contacts", "Support plan", "Status page", "Account"}, rows)

	cv := ws.Coverage
	b.WriteString("## Cover and on call\n\n")
	fmt.Fprintf(&b, "- **Cover:** %s\n", md(words(cv.Mode)))
	if cv.TimeZone != "" {
		fmt.Fprintf(&b, "- **Time zone:** %s\n", md(cv.TimeZone))
	}
	if cv.BusinessHours.Start != "" {
		fmt.Fprintf(&b, "- **Business hours:** %s %s–%s\n", md(dayWords(cv.BusinessHours.Days)), md(cv.BusinessHours.Start), md(cv.BusinessHours.End))
	}
	if cv.Rota.Handover != "" {
		fmt.Fprintf(&b, "- **Hand-over:** %s\n", md(cv.Rota.Handover))
	}
	b.WriteString("\n")
	rows = make([][]string, len(cv.Rota.Shifts))
	for i, sh := range cv.Rota.Shifts {
		rows[i] = []string{sh.Name, n.role(sh.Role), dayWords(sh.Days), sh.Start + "–" + sh.End, n.personList(sh.Members)}
	}
	if len(rows) > 0 {
		mdTable(&b, []string{"Shift", "Role", "Days", "Hours", "Members (primary first)"}, rows)
	}
	for _, h := range cv.Holes() {
		fmt.Fprintf(&b, "- **Not covered:** %s\n", md(h.String()))
	}

	b.WriteString("\n## Communication plan\n\n")
	rows = make([][]string, len(ws.Stakeholders))
	for i, s := range ws.Stakeholders {
		cad := make([]string, len(s.Cadence))
		for j, c := range s.Cadence {
			cad[j] = fmt.Sprintf("severity %d: every %s", c.Severity, durText(c.Every))
		}
		rows[i] = []string{s.Name, words(s.Kind), words(s.Channel) + " " + s.Address, n.role(s.OwnerRole), strings.Join(cad, "\n")}
	}
	mdTable(&b, []string{"Stakeholder", "Kind", "How", "Owner", "Updates"}, rows)
	return b.String()
}

// RolesMarkdown renders step 2: people, roles, responsibilities and
// reporting obligations.
func RolesMarkdown(ws *plan.Workspace) string {
	n := newNames(ws)
	var b strings.Builder
	b.WriteString("# Roles and responsibilities\n\n## Roles\n\n")
	for _, r := range ws.Roles {
		fmt.Fprintf(&b, "### %s\n\n", md(plan.OrID(r.Name, r.ID)))
		if r.Description != "" {
			fmt.Fprintf(&b, "%s\n\n", mdPara(r.Description))
		}
		if len(r.Functions) > 0 {
			fmt.Fprintf(&b, "- **Functions:** %s\n", md(wordList(r.Functions)))
		}
		if len(r.Members) > 0 {
			fmt.Fprintf(&b, "- **Members (primary first):** %s\n", md(n.personList(r.Members)))
		}
		for _, d := range r.Responsibilities {
			fmt.Fprintf(&b, "- %s\n", md(d))
		}
		b.WriteString("\n")
	}
	b.WriteString("## People\n\n")
	rows := make([][]string, len(ws.People))
	for i, p := range ws.People {
		rows[i] = []string{p.Name, p.Title, contactLines(p.Contacts), n.person(p.Deputy)}
	}
	mdTable(&b, []string{"Name", "Title", "Contacts", "Deputy"}, rows)

	b.WriteString("## Responsibility matrix\n\nR responsible · A accountable · C consulted · I informed\n\n")
	rows = nil
	for _, t := range ws.IncidentTypes {
		by := map[plan.RACI][]string{}
		for _, r := range ws.Responsibilities {
			if r.IncidentType == t.ID {
				by[r.RACI] = append(by[r.RACI], n.role(r.Role))
			}
		}
		rows = append(rows, []string{plan.OrID(t.Name, t.ID), strings.Join(by[plan.Responsible], ", "), strings.Join(by[plan.Accountable], ", "), strings.Join(by[plan.Consulted], ", "), strings.Join(by[plan.Informed], ", ")})
	}
	mdTable(&b, []string{"Incident type", "Responsible", "Accountable", "Consulted", "Informed"}, rows)

	b.WriteString("## Reporting obligations\n\n")
	rows = make([][]string, len(ws.ReportingObligations))
	for i, o := range ws.ReportingObligations {
		rows[i] = []string{o.Body, n.typeList(o.IncidentTypes), target(o.Deadline), n.role(o.OwnerRole), o.Method, o.Reference}
	}
	mdTable(&b, []string{"Report to", "Incident types", "Deadline", "Owner", "How", "Rule"}, rows)
	return b.String()
}

// EscalationMarkdown renders the escalation rules and, per severity, the
// path an incident takes: who is reached when, and who is in command.
func EscalationMarkdown(ws *plan.Workspace) string {
	n := newNames(ws)
	var b strings.Builder
	b.WriteString("# Escalation\n\n## Rules\n\n")
	rows := make([][]string, len(ws.EscalationRules))
	for i, r := range ws.EscalationRules {
		sev := make([]string, len(r.Severities))
		for j, s := range r.Severities {
			sev[j] = fmt.Sprint(s)
		}
		hand := ""
		if r.HandoverTo != "" {
			hand = n.role(r.HandoverTo)
		}
		rows[i] = []string{r.Name, words(r.Trigger), strings.Join(sev, ", "), durText(r.After), n.role(r.EscalateTo), hand, r.Notes}
	}
	mdTable(&b, []string{"Rule", "Trigger", "Severities", "After", "Escalate to", "Incident manager hand-over", "Notes"}, rows)
	for _, s := range ws.Severities {
		fmt.Fprintf(&b, "## Severity %d: %s\n\n", s.Level, md(s.Name))
		var rows [][]string
		for _, st := range ws.EscalationPath(s.Level) {
			when := "at once"
			if st.At > 0 {
				when = "after " + durText(st.At)
			}
			rule := "first page (" + st.Paged + ")"
			if st.RuleIndex >= 0 {
				rule = st.RuleName + " (" + words(st.Trigger) + ")"
			}
			reach := resolvedText(st.Resolved)
			if st.Nobody {
				reach = "nobody: " + st.RoleName
			}
			var notes []string
			if st.SamePerson {
				notes = append(notes, "reaches the person already handling it")
			}
			if st.Handover != nil {
				notes = append(notes, "incident command hands over to "+resolvedText(*st.Handover))
			}
			rows = append(rows, []string{when, rule, reach, st.Manager.Name, strings.Join(notes, "; ")})
		}
		mdTable(&b, []string{"When", "Rule", "Reaches", "Incident manager", "Notes"}, rows)
	}
	return b.String()
}
