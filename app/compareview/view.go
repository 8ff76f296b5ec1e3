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
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/export"
	"drillbook/internal/atomicfile"
	"drillbook/internal/prose"
	"drillbook/internal/textclean"
	"drillbook/portfolio"
	"drillbook/scoring"
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
	// errScroll holds errors: three lines tall, scrolling beyond.
	errScroll *container.Scroll
	root      fyne.CanvasObject
}

// column is one column of the clients table: its title, width, text and,
// for numbers, the value it sorts by (text sorts by the text).
type column struct {
	title string
	width float32
	text  func(*portfolio.Client) string
	num   func(*portfolio.Client) float64
}

// columns are the clients table's: the figures first, so they stay in
// view at 1280×720 while the longer texts scroll.
var columns = []column{
	{"Client", 160, func(c *portfolio.Client) string { return c.Name }, nil},
	{"Sector", 120, func(c *portfolio.Client) string { return c.Sector }, nil},
	{"Tier", 90, func(c *portfolio.Client) string { return string(c.Tier) }, func(c *portfolio.Client) float64 { return float64(tierRank(c.Tier)) }},
	{"Index", 55, func(c *portfolio.Client) string { return strconv.FormatFloat(c.Index, 'f', 1, 64) }, func(c *portfolio.Client) float64 { return c.Index }},
	{"Open", 50, func(c *portfolio.Client) string { return strconv.Itoa(c.Open) }, func(c *portfolio.Client) float64 { return float64(c.Open) }},
	{"Overdue", 70, func(c *portfolio.Client) string { return strconv.Itoa(c.Overdue) }, func(c *portfolio.Client) float64 { return float64(c.Overdue) }},
	{"Validation", 110, func(c *portfolio.Client) string { return string(c.Validation.Status) }, nil},
	{"Latest exercise", 150, latestText, nil},
}

// latestText is the latest exercise as the table shows it; it sorts by
// date, as it starts with it.
func latestText(c *portfolio.Client) string {
	if c.Latest == nil {
		return "none"
	}
	s := c.Latest.Date.String() + " " + c.Latest.Scenario
	if c.Latest.Rating != "" {
		s += " (" + string(c.Latest.Rating) + ")"
	}
	return s
}

// tierRank orders the tiers: 0 for None, then scoring.Tiers upwards.
func tierRank(t scoring.Tier) int {
	for i, x := range scoring.Tiers {
		if x.Tier == t {
			return i + 1
		}
	}
	return 0
}

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
	v.errScroll = container.NewVScroll(v.errors)
	v.root = container.NewBorder(bar, v.errScroll, nil, nil, split)
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
	v.errors.SetText(textclean.Clean(strings.Join(lines, "\n")))
	if len(lines) == 0 {
		v.errScroll.Hide()
	} else {
		v.errScroll.Show()
	}
	line := fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height + theme.Padding()
	v.errScroll.SetMinSize(fyne.NewSize(0, min(float32(len(lines)), 3)*line+2*theme.InnerPadding()))
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
	if id.Row < 0 || id.Row >= len(v.order) || id.Col < 0 || id.Col >= len(columns) {
		return ""
	}
	return textclean.Clean(columns[id.Col].text(&v.p.Clients[v.order[id.Row]]))
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

// sort orders the rows by the sort column (numbers as numbers, text
// ignoring case), ties in file order.
func (v *view) sort() {
	col := columns[v.sortCol]
	compare := func(a, b *portfolio.Client) int {
		if col.num != nil {
			return cmp.Compare(col.num(a), col.num(b))
		}
		return cmp.Compare(strings.ToLower(col.text(a)), strings.ToLower(col.text(b)))
	}
	slices.SortStableFunc(v.order, func(a, b int) int {
		r := compare(&v.p.Clients[a], &v.p.Clients[b])
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
		}, func(int, int) {}, func(err error) { // a second or two: no progress bar
			v.busy = false
			if err != nil {
				v.h.ShowError(err)
				return
			}
			dialog.ShowInformation("Portfolio "+kind+" written", "Saved to "+path, v.dialogWindow())
		})
	})
}
