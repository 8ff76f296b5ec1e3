package playbookmd

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"drillbook/internal/atomicfile"
	"drillbook/internal/mdtext"
	"drillbook/plan"
)

// Export writes every playbook of a workspace as <id>.md (see Markdown)
// plus an index.md listing them, into dir, creating it if needed. The files
// are written into a temporary folder beside dir that takes dir's place
// only when all are written (atomicfile.WriteDir), so an export that fails
// or is cancelled half-way leaves the old folder as it was, and files in
// dir the export does not write are kept. The links between files work in
// any Markdown viewer. File names are checked before anything is written:
// an ID that is not a valid ID, is duplicated, is "index" or is reserved on
// Windows fails the export with an error naming the playbook. progress
// (may be nil) is called after each file with the number written and the
// total; cancelling ctx stops between files with ctx's error.
func Export(ctx context.Context, ws *plan.Workspace, dir string, today plan.Date, progress func(done, total int)) error {
	if ws == nil {
		return errors.New("export playbooks: no workspace")
	}
	if ctx == nil {
		ctx = context.Background()
	}
	seen := make(map[string]bool, len(ws.Playbooks))
	for i, p := range ws.Playbooks {
		if err := exportName(p.ID); err != nil {
			return fmt.Errorf("export playbooks: playbooks[%d] %q: %w", i, plan.OrID(p.Title, p.ID), err)
		}
		if seen[p.ID] {
			return fmt.Errorf("export playbooks: playbooks[%d]: two playbooks have the ID %q", i, p.ID)
		}
		seen[p.ID] = true
	}
	total := len(ws.Playbooks) + 1
	err := atomicfile.WriteDir(dir, func(tmp string) error {
		for i := range ws.Playbooks {
			if err := ctx.Err(); err != nil {
				return err
			}
			p := &ws.Playbooks[i]
			if err := atomicfile.WriteNew(filepath.Join(tmp, p.ID+".md"), []byte(Markdown(p, ws, today))); err != nil {
				return fmt.Errorf("playbook %q: %w", p.ID, err)
			}
			if progress != nil {
				progress(i+1, total)
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := atomicfile.WriteNew(filepath.Join(tmp, "index.md"), []byte(IndexMarkdown(ws, today))); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("export playbooks: %w", err)
	}
	if progress != nil {
		progress(total, total)
	}
	return nil
}

// exportName checks an ID can be used as a file name on every platform.
func exportName(id string) error {
	if !plan.ValidID(id) {
		return fmt.Errorf("ID %q cannot be a file name (want 1–64 characters of a–z, 0–9, '-', '_' or '.')", id)
	}
	if id == "index" {
		return errors.New(`ID "index" would overwrite index.md; rename the playbook`)
	}
	base, _, _ := strings.Cut(id, ".")
	switch base {
	case "con", "prn", "aux", "nul",
		"com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
		"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9":
		return fmt.Errorf("ID %q is a reserved file name on Windows; rename the playbook", id)
	}
	if strings.HasSuffix(id, ".") {
		return fmt.Errorf("ID %q ends with a dot, which Windows drops from file names", id)
	}
	return nil
}

// IndexMarkdown renders the index of all playbooks: title (linked
// to its file), role, incident types, owner, review dates and latest
// revision, so an exported folder can be browsed from one page.
func IndexMarkdown(ws *plan.Workspace, today plan.Date) string {
	if ws == nil {
		ws = &plan.Workspace{}
	}
	x := ws.Index()
	var b strings.Builder
	title := "Playbooks"
	if strings.TrimSpace(ws.Organisation.Name) != "" {
		title += ": " + mdtext.Inline(ws.Organisation.Name)
	}
	fmt.Fprintf(&b, "# %s\n\n", title)
	if len(ws.Playbooks) == 0 {
		b.WriteString("No playbooks yet.\n")
		return b.String()
	}
	b.WriteString("| Playbook | Role | Incident types | Owner | Last reviewed | Next review | Revision |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- |\n")
	for i := range ws.Playbooks {
		p := &ws.Playbooks[i]
		types := make([]string, len(p.IncidentTypes))
		for j, t := range p.IncidentTypes {
			types[j] = x.TypeName(t)
		}
		due := p.ReviewDue().String()
		if !today.IsZero() && p.ReviewOverdue(today) {
			due += " (**overdue**)"
		}
		rev := ""
		if r := p.CurrentRevision(); r != nil {
			rev = fmt.Sprintf("%d (%s)", r.Number, r.Date)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n",
			playbookLink(plan.OrID(p.Title, p.ID), p.ID), cell(x.RoleName(p.Role)), cell(strings.Join(types, ", ")),
			cell(x.PersonName(p.Owner)), p.LastReviewed, due, rev)
	}
	return b.String()
}
