package editors

import (
	"context"
	"fmt"
	"os"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/internal/atomicfile"
	"drillbook/internal/prose"
	"drillbook/plan"
	"drillbook/plan/playbookmd"
)

// Playbooks travel as Markdown (plan's format): import one file, export
// the selected playbook to a file, or every playbook to a folder.

var markdownExts = []string{".md", ".markdown"}

func (p *playbooksPart) importDialog() {
	p.h.Picker().OpenFile(p.h.Window(), markdownExts, p.importFile)
}

// importFile adds the playbook in a Markdown file, read and parsed in the
// background. Its names become IDs that may not exist in this plan;
// validation lists those beside the fields, so the user fixes them in
// place.
func (p *playbooksPart) importFile(path string) {
	if path == "" {
		return
	}
	ws := p.h.Workspace()
	var pb *plan.Playbook
	p.h.RunTask("Importing the playbook", func(context.Context, func(int, int)) error {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if pb, err = playbookmd.Parse(string(data)); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	}, func(int, int) {}, func(err error) {
		switch {
		case p.h.Workspace() != ws:
			// Another workspace was opened meanwhile: the import was
			// meant for the one that is gone.
		case err != nil:
			p.h.ShowError(err)
		default:
			p.addImported(pb)
		}
	})
}

// addImported adds an imported playbook as one undoable edit.
func (p *playbooksPart) addImported(pb *plan.Playbook) {
	ws := p.h.Workspace()
	if pb.ID == "" || !plan.ValidID(pb.ID) || ws.Playbook(pb.ID) != nil {
		pb.ID = ws.UniqueID("playbooks", widgets.OrDash(pb.Title))
	}
	item := *pb
	i := len(ws.Playbooks)
	books := func() *[]plan.Playbook { return &p.h.Workspace().Playbooks }
	p.h.Change(host.Edit{Label: "import playbook", Path: plan.Root("playbooks").Index(i).String(),
		Do:   func() { *books() = append(*books(), item) },
		Undo: func() { *books() = (*books())[:len(*books())-1] }})
	p.role.SetSelectedIndex(0)
	p.kind.SetSelectedIndex(0)
	p.list.SelectIndex(i)
	if n := len(p.h.Problems().At(plan.Root("playbooks").Index(i).String())); n > 0 {
		dialog.ShowInformation("Playbook imported",
			fmt.Sprintf("“%s” was imported with %s to fix (shown beside the fields), e.g. roles or playbooks this plan does not have.", widgets.OrDash(item.Title), prose.Count(n, "problem", "problems")), p.h.Window())
	}
}

// exportSelected writes the selected playbook to a Markdown file.
func (p *playbooksPart) exportSelected() {
	pb := p.list.Item()
	if pb == nil {
		return
	}
	md := playbookmd.Markdown(pb, p.h.Workspace(), p.h.Today())
	p.h.Picker().SaveFile(p.h.Window(), pb.ID+".md", markdownExts, func(path string) {
		if path == "" {
			return
		}
		if err := atomicfile.WriteBytes(path, []byte(md)); err != nil {
			p.h.ShowError(err)
		}
	})
}

// exportAll writes every playbook and an index into a folder, off the UI
// goroutine with progress and Cancel. It works on a copy of the playbooks
// taken now, so editing meanwhile cannot race with the export.
func (p *playbooksPart) exportAll() {
	p.h.Picker().OpenFolder(p.h.Window(), func(dir string) {
		if dir == "" {
			return
		}
		snap := exportSnapshot(p.h.Workspace())
		today := p.h.Today()
		bar := widget.NewProgressBar()
		var cancel func()
		cancelBtn := widget.NewButton("Cancel", func() {
			if cancel != nil {
				cancel()
			}
		})
		d := dialog.NewCustomWithoutButtons("Exporting playbooks", container.NewVBox(widget.NewLabel("Writing to "+dir), bar, cancelBtn), p.h.Window())
		d.Resize(fyne.NewSize(420, 160))
		d.Show()
		cancel = p.h.RunTask("Exporting the playbooks", func(ctx context.Context, progress func(done, total int)) error {
			return playbookmd.Export(ctx, snap, dir, today, progress)
		}, func(done, total int) {
			bar.Max = float64(total)
			bar.SetValue(float64(done))
		}, func(err error) {
			d.Hide()
			if err != nil {
				p.h.ShowError(err)
				return
			}
			dialog.ShowInformation("Playbooks exported", fmt.Sprintf("%d playbooks and index.md written to %s", len(snap.Playbooks), dir), p.h.Window())
		})
	})
}

// exportSnapshot copies what a playbook export reads (names of roles,
// people and incident types, and the playbooks with their steps), so the
// export can run while the user keeps editing.
func exportSnapshot(ws *plan.Workspace) *plan.Workspace {
	snap := &plan.Workspace{
		SchemaVersion: ws.SchemaVersion,
		Organisation:  ws.Organisation,
		People:        slices.Clone(ws.People),
		Roles:         slices.Clone(ws.Roles),
		IncidentTypes: slices.Clone(ws.IncidentTypes),
		Playbooks:     make([]plan.Playbook, len(ws.Playbooks)),
	}
	for i, pb := range ws.Playbooks {
		pb.IncidentTypes = slices.Clone(pb.IncidentTypes)
		pb.References = slices.Clone(pb.References)
		pb.Revisions = slices.Clone(pb.Revisions)
		steps := make([]plan.Step, len(pb.Steps))
		for j, s := range pb.Steps {
			s.References = slices.Clone(s.References)
			steps[j] = s
		}
		pb.Steps = steps
		snap.Playbooks[i] = pb
	}
	return snap
}
