package compareview

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/export"
	"drillbook/internal/atomicfile"
	"drillbook/internal/prose"
	"drillbook/portfolio"
)

// Open asks for a folder of workspaces (Fyne's dialogs choose one file or
// one folder, and a consultant keeps a folder per engagement) and shows
// their comparison in a window of its own.
func Open(h host.Host) { openWith(h, (*view).showWindow) }

// openWith is Open, showing the comparison with show (tests keep it in
// their own window).
func openWith(h host.Host, show func(*view)) {
	h.Picker().OpenFolder(h.Window(), func(dir string) {
		if dir == "" {
			return
		}
		v := newView(h)
		v.compare([]string{dir}, func() { show(v) })
	})
}

// view is one comparison and what shows it.
type view struct {
	h    host.Host
	args []string
	p    *portfolio.Portfolio
	win  fyne.Window // nil until shown (tests show root in their own)
	busy bool

	summary *widget.Label
	anon    *widget.Check
	table   *widget.Table
	order   []int // rows of the table, as indexes into p.Clients
	sortCol int
	desc    bool
	sel     int // selected client (index into p.Clients), -1 for none
	title   *widget.Label
	about   *widget.Label
	radar   *widgets.RadarChart
	peers   *widget.Table
	errors  *widget.Label
	root    fyne.CanvasObject
}

// Clients table columns.
var columns = []struct {
	title string
	width float32
}{{"Client", 160}, {"Sector", 120}, {"Tier", 90}, {"Validation", 110}, {"Index", 55},
	{"Latest exercise", 120}, {"Open", 50}, {"Overdue", 70}}

func newView(h host.Host) *view {
	v := &view{h: h, sel: -1}
	v.summary = widget.NewLabel("")
	v.summary.Truncation = fyne.TextTruncateEllipsis
	v.anon = widget.NewCheck("Anonymise (Client A, B…; no names)", func(bool) {
		if v.p != nil {
			v.compare(v.args, nil)
		}
	})
	v.table = widget.NewTable(func() (int, int) { return len(v.order), len(columns) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.cell(id)) })
	v.table.ShowHeaderRow = true
	v.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		b.SetText(v.headerText(id.Col))
		b.OnTapped = func() { v.sortBy(id.Col) }
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.order) {
			v.selectClient(v.order[id.Row])
		}
	}
	widths := make([]float32, len(columns))
	headers := make([]string, len(columns))
	for i, c := range columns {
		widths[i], headers[i] = c.width, c.title
	}
	v.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.title.Truncation = fyne.TextTruncateEllipsis
	v.about = widget.NewLabel("")
	v.about.Truncation = fyne.TextTruncateEllipsis
	v.radar = widgets.NewRadarChart()
	v.peers = widget.NewTable(func() (int, int) { return v.peerRows(), len(peerHeaders) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.peerCell(id)) })
	v.peers.ShowHeaderRow = true
	v.peers.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.peers.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(peerHeaders[id.Col]) }
	for i, w := range []float32{160, 45, 110, 120} {
		v.peers.SetColumnWidth(i, w)
	}
	v.errors = widget.NewLabel("")
	v.errors.Wrapping = fyne.TextWrapWord
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(v.anon,
		widget.NewButton("Export workbook…", func() { v.export("workbook", ".xlsx", export.PortfolioExcel) }),
		widget.NewButton("Export PDF…", func() { v.export("PDF", ".pdf", export.PortfolioPDF) })), v.summary)
	detail := container.NewBorder(container.NewVBox(v.title, v.about), nil, nil, nil, container.NewVSplit(v.radar, v.peers))
	split := container.NewHSplit(widgets.FitColumns(v.table, headers, widths), detail)
	split.Offset = 0.65
	errScroll := container.NewVScroll(v.errors)
	errScroll.SetMinSize(fyne.NewSize(0, 0))
	v.root = container.NewBorder(bar, errScroll, nil, nil, split)
	return v
}

// compare loads and assesses the workspaces of args in the background,
// then shows them and calls then (when not nil).
func (v *view) compare(args []string, then func()) {
	if v.busy {
		return
	}
	v.busy, v.args = true, args
	files, errs := portfolio.Files(args)
	opts := portfolio.Options{Date: v.h.Today(), Anonymise: v.anon.Checked}
	var p *portfolio.Portfolio
	bar := widget.NewProgressBar()
	var cancel func()
	wait := dialog.NewCustomWithoutButtons("Comparing workspaces", container.NewVBox(
		widget.NewLabel("Loading and assessing "+prose.Count(len(files), "workspace", "workspaces")+"…"), bar,
		widget.NewButton("Cancel", func() { cancel() })), v.dialogWindow())
	wait.Show()
	cancel = v.h.RunTask("Comparing workspaces", func(ctx context.Context, progress func(int, int)) error {
		opts.Progress = progress
		var err error
		p, err = portfolio.Build(ctx, files, opts)
		return err
	}, func(done, total int) {
		if total > 0 {
			bar.SetValue(float64(done) / float64(total))
		}
	}, func(err error) {
		v.busy = false
		wait.Hide()
		if err != nil {
			if err != context.Canceled {
				v.h.ShowError(err)
			}
			return
		}
		p.Errors = append(errs, p.Errors...)
		v.set(p)
		if then != nil {
			then()
		}
	})
}

// dialogWindow is where dialogs go: the comparison's window once shown.
func (v *view) dialogWindow() fyne.Window {
	if v.win != nil {
		return v.win
	}
	return v.h.Window()
}

// showWindow opens the comparison's window, sized for a 1280×720 screen.
func (v *view) showWindow() {
	v.win = fyne.CurrentApp().NewWindow("Compare workspaces")
	v.win.SetContent(v.root)
	v.win.Resize(fyne.NewSize(1240, 680))
	v.win.Show()
}

// set shows a comparison.
func (v *view) set(p *portfolio.Portfolio) {
	v.p = p
	v.order = make([]int, len(p.Clients))
	for i := range v.order {
		v.order[i] = i
	}
	v.sort()
	s := fmt.Sprintf("%s in %s, assessed %s", prose.Count(len(p.Clients), "client", "clients"), prose.Count(len(p.Sectors), "sector", "sectors"), p.Date)
	var lines []string
	if n := len(p.Errors); n > 0 {
		s += fmt.Sprintf("; %s could not be loaded (below)", prose.Count(n, "file", "files"))
		for _, e := range p.Errors {
			msg := e.Message
			if !strings.Contains(msg, e.File) {
				msg = e.File + ": " + msg
			}
			lines = append(lines, "Not loaded: "+msg)
		}
	}
	v.summary.SetText(s)
	v.errors.SetText(strings.Join(lines, "\n"))
	v.errors.Hidden = len(lines) == 0
	v.table.Refresh()
	v.table.UnselectAll()
	if len(v.order) > 0 {
		v.selectClient(v.order[0])
	} else {
		v.selectClient(-1)
	}
}

// cell is the text of a clients table cell.
func (v *view) cell(id widget.TableCellID) string {
	if id.Row < 0 || id.Row >= len(v.order) {
		return ""
	}
	c := &v.p.Clients[v.order[id.Row]]
	switch id.Col {
	case 0:
		return c.Name
	case 1:
		return c.Sector
	case 2:
		return string(c.Tier)
	case 3:
		return string(c.Validation.Status)
	case 4:
		return strconv.FormatFloat(c.Index, 'f', 1, 64)
	case 5:
		if c.Latest == nil {
			return "none"
		}
		s := c.Latest.Date.String() + " " + c.Latest.Scenario
		if c.Latest.Rating != "" {
			s += " (" + string(c.Latest.Rating) + ")"
		}
		return s
	case 6:
		return strconv.Itoa(c.Open)
	case 7:
		return strconv.Itoa(c.Overdue)
	}
	return ""
}

// headerText is a column's title, with an arrow on the sorted one.
func (v *view) headerText(col int) string {
	t := columns[col].title
	if col == v.sortCol {
		if v.desc {
			return t + " ▼"
		}
		return t + " ▲"
	}
	return t
}

// sortBy sorts the table by a column; the same column again reverses it.
func (v *view) sortBy(col int) {
	if v.p == nil {
		return
	}
	v.desc = col == v.sortCol && !v.desc
	v.sortCol = col
	v.sort()
	v.table.Refresh()
	v.table.UnselectAll()
}

// sort orders the rows by the sort column (numbers as numbers), ties in
// file order.
func (v *view) sort() {
	key := func(i int) (float64, string) {
		c := &v.p.Clients[i]
		switch v.sortCol {
		case 4:
			return c.Index, ""
		case 6:
			return float64(c.Open), ""
		case 7:
			return float64(c.Overdue), ""
		case 5:
			if c.Latest != nil {
				return 0, c.Latest.Date.String()
			}
			return 0, ""
		}
		row := slices.Index(v.order, i)
		return 0, strings.ToLower(v.cell(widget.TableCellID{Row: row, Col: v.sortCol}))
	}
	keys := map[int]struct {
		n float64
		s string
	}{}
	for _, i := range v.order {
		n, s := key(i)
		keys[i] = struct {
			n float64
			s string
		}{n, s}
	}
	slices.SortStableFunc(v.order, func(a, b int) int {
		r := cmp.Or(cmp.Compare(keys[a].n, keys[b].n), cmp.Compare(keys[a].s, keys[b].s))
		if v.desc {
			r = -r
		}
		return cmp.Or(r, cmp.Compare(a, b))
	})
}

// signed is a difference from the median with its sign.
func signed(d float64) string {
	s := strconv.FormatFloat(d, 'f', -1, 64)
	if d > 0 {
		return "+" + s
	}
	return s
}

// export asks for a file and writes the portfolio to it in the
// background.
func (v *view) export(kind, ext string, write func(context.Context, io.Writer, *portfolio.Portfolio, export.Progress) error) {
	if v.p == nil || v.busy {
		return
	}
	p := v.p
	name := "portfolio" + ext
	if p.Anonymised {
		name = "portfolio-anonymised" + ext
	}
	v.h.Picker().SaveFile(v.dialogWindow(), name, []string{ext}, func(path string) {
		if path == "" {
			return
		}
		v.busy = true
		v.h.RunTask("Exporting the "+kind, func(ctx context.Context, progress func(int, int)) error {
			return atomicfile.Write(path, func(w io.Writer) error { return write(ctx, w, p, progress) })
		}, nil, func(err error) {
			v.busy = false
			if err != nil {
				v.h.ShowError(err)
				return
			}
			dialog.ShowInformation("Portfolio "+kind+" written", "Saved to "+path, v.dialogWindow())
		})
	})
}
