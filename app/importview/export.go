package importview

import (
	"context"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2/dialog"

	"drillbook/app/host"
	"drillbook/interchange"
	"drillbook/internal/atomicfile"
	"drillbook/plan"
	"drillbook/scoring"
)

// ExportRota is File → Export rota (.ics)…: the rota as an iCalendar file,
// its weekly events starting the week before the next full week.
func ExportRota(h host.Host) {
	export(h, "rota.ics", []string{".ics"}, "Exporting the rota", func(ws *plan.Workspace, _ string) ([]byte, error) {
		return interchange.RotaICS(ws, interchange.NextWeek(h.Today().Time()), time.Now())
	})
}

// ExportActions is File → Export improvement plan (CSV / Markdown)…: a
// name ending .md writes the checklist, anything else tracker CSV.
func ExportActions(h host.Host) {
	today := h.Today()
	export(h, "improvement-plan.csv", []string{".csv", ".md"}, "Exporting the improvement plan", func(ws *plan.Workspace, path string) ([]byte, error) {
		a := scoring.Assess(ws, today)
		if strings.EqualFold(filepath.Ext(path), ".md") {
			return interchange.ActionsMarkdown(ws, a), nil
		}
		return interchange.ActionsCSV(ws, a)
	})
}

// export asks for a file, then renders a snapshot of the plan and writes
// it atomically in the background; a cancelled pick writes nothing.
func export(h host.Host, suggested string, exts []string, what string, render func(*plan.Workspace, string) ([]byte, error)) {
	h.Picker().SaveFile(h.Window(), suggested, exts, func(path string) {
		if path == "" {
			return
		}
		snapshot := h.Workspace().Clone()
		h.RunTask(what, func(context.Context, func(int, int)) error {
			data, err := render(snapshot, path)
			if err != nil {
				return err
			}
			return atomicfile.WriteBytes(path, data)
		}, func(int, int) {}, func(err error) {
			if err != nil {
				h.ShowError(err)
				return
			}
			dialog.ShowInformation("Exported", "Written to "+path, h.Window())
		})
	})
}
