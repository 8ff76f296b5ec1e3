package interchange

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"

	"drillbook/internal/mdtext"
	"drillbook/internal/textclean"
	"drillbook/plan"
	"drillbook/scoring"
)

// ActionColumns are the columns of the improvement plan CSV, named as
// trackers' CSV importers expect: Jira's importer maps Summary,
// Description, Assignee (by e-mail), Due date, Labels and Priority to its
// own fields; GitHub takes them through its CLI (see the README).
var ActionColumns = []string{"Summary", "Description", "Assignee", "Due date", "Labels", "Priority", "Status"}

// priorities maps a finding's severity to the priority names Jira ships
// with (Highest, High, Medium, Low, Lowest).
var priorities = map[scoring.Severity]string{
	scoring.SeverityCritical: "Highest", scoring.SeverityHigh: "High",
	scoring.SeverityMedium: "Medium", scoring.SeverityLow: "Low",
}

// ActionRow is one improvement action as trackers take it.
type ActionRow struct {
	Summary, Description, Assignee, Due, Priority, Status string
	Labels                                                []string
	Done                                                  bool
}

// ActionRows lists the improvement plan's actions for a tracker. The
// assignee is the owner's e-mail (the owning role's primary when no
// person is named); the priority is the severity of the finding the
// action answers in a (none when a is nil or the finding is gone).
func ActionRows(ws *plan.Workspace, a *scoring.Assessment) []ActionRow {
	sev := map[string]scoring.Severity{}
	if a != nil {
		for _, f := range a.Findings {
			sev[f.ID] = f.Severity
		}
	}
	x := ws.Index()
	var out []ActionRow
	for _, act := range ws.Actions {
		r := ActionRow{Summary: oneLine(act.Text), Due: act.Due.String(), Status: string(act.Status), Done: act.Status.Closed()}
		var desc []string
		desc = append(desc, textclean.Clean(act.Text))
		if act.DoneWhen != "" {
			desc = append(desc, "Done when: "+textclean.Clean(act.DoneWhen))
		}
		if act.Notes != "" {
			desc = append(desc, textclean.Clean(act.Notes))
		}
		owner := act.OwnerPerson
		if owner == "" {
			if p := x.Primary(act.OwnerRole); p != nil {
				owner = p.ID
			}
		}
		if p := x.Person(owner); p != nil {
			for _, c := range p.Contacts {
				if c.Channel == plan.ChannelEmail {
					r.Assignee = strings.TrimSpace(c.Value)
					break
				}
			}
			if r.Assignee == "" {
				desc = append(desc, "Owner: "+textclean.Clean(p.Name)+" (no e-mail in the plan)")
			}
		}
		r.Labels = []string{"incident-readiness"}
		for _, f := range append([]string{act.Finding}, act.Findings...) {
			if f != "" && !slices.Contains(r.Labels, label(f)) {
				r.Labels = append(r.Labels, label(f))
			}
			if s, ok := sev[f]; ok && r.Priority == "" {
				r.Priority = priorities[s]
			}
		}
		r.Description = strings.Join(desc, "\n\n")
		out = append(out, r)
	}
	return out
}

// label makes a finding ID a tracker label: no spaces (Jira splits labels
// at spaces) or commas.
func label(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == ',' || r == '\t' || r == '\n' {
			return '-'
		}
		return r
	}, textclean.Clean(s))
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(textclean.Clean(s)), " ")
	if r := []rune(s); len(r) > 250 { // Jira's summary limit is 255
		s = string(r[:249]) + "…"
	}
	return s
}

// ActionsCSV writes the improvement plan as CSV with ActionColumns; labels
// are separated by spaces. A cell a spreadsheet would run as a formula
// (starting =, +, -, @) is written after an apostrophe.
func ActionsCSV(ws *plan.Workspace, a *scoring.Assessment) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(ActionColumns); err != nil {
		return nil, err
	}
	for _, r := range ActionRows(ws, a) {
		rec := []string{r.Summary, r.Description, r.Assignee, r.Due, strings.Join(r.Labels, " "), r.Priority, r.Status}
		for i, c := range rec {
			if c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
				rec[i] = "'" + c
			}
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// ActionsMarkdown writes the improvement plan as a Markdown checklist:
// "- [ ]" for open work, "- [x]" for done or cancelled, with the owner,
// due date and findings after the text. User text goes through mdtext, so
// it cannot add links, HTML or structure.
func ActionsMarkdown(ws *plan.Workspace, a *scoring.Assessment) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Improvement plan: %s\n\n", mdtext.Inline(plan.OrID(ws.Organisation.Name, "untitled plan")))
	rows := ActionRows(ws, a)
	if len(rows) == 0 {
		b.WriteString("No improvement actions yet.\n")
	}
	for i, r := range rows {
		box := "[ ]"
		if r.Done {
			box = "[x]"
		}
		var meta []string
		act := ws.Actions[i]
		if who := ws.Index().PersonName(act.OwnerPerson); act.OwnerPerson != "" {
			meta = append(meta, "owner "+mdtext.Inline(who))
		} else if act.OwnerRole != "" {
			meta = append(meta, "owner "+mdtext.Inline(ws.Index().RoleName(act.OwnerRole)))
		}
		if r.Due != "" {
			meta = append(meta, "due "+r.Due)
		}
		if r.Priority != "" {
			meta = append(meta, "priority "+strings.ToLower(r.Priority))
		}
		if act.Status == plan.ActionCancelled {
			meta = append(meta, "cancelled")
		}
		if len(r.Labels) > 1 {
			meta = append(meta, "answers "+mdtext.Inline(strings.Join(r.Labels[1:], ", ")))
		}
		line := "- " + box + " " + mdtext.Inline(r.Summary)
		if len(meta) > 0 {
			line += " — " + strings.Join(meta, "; ")
		}
		b.WriteString(line + "\n")
		if act.DoneWhen != "" {
			b.WriteString("  Done when: " + mdtext.Inline(act.DoneWhen) + "\n")
		}
	}
	return []byte(b.String())
}
