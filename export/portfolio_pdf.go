package export

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/jung-kurt/gofpdf"

	"drillbook/internal/prose"
	"drillbook/plan"
	"drillbook/portfolio"
)

// PortfolioPDF writes the portfolio as a PDF to w: the clients table,
// their levels, each sector's quartiles, per client a radar of its levels
// over its sector's median, and the files that failed to load. Like PDF
// it checks ctx as it goes and returns its error when cancelled.
func PortfolioPDF(ctx context.Context, w io.Writer, p *portfolio.Portfolio, progress Progress) error {
	r := &report{ws: &plan.Workspace{Organisation: plan.Organisation{Name: portfolioTitle(p)}}, date: p.Date}
	d := &pdfDoc{f: gofpdf.New("P", "mm", "A4", ""), r: r, t: newTracker(ctx, progress, 5+len(p.Clients))}
	if err := d.setupPages(); err != nil {
		return err
	}
	d.f.SetTitle(pdfLine(portfolioTitle(p)), true)
	d.f.SetCreator("Drillbook", true)
	d.footerTitle = pdfLine(portfolioTitle(p))
	d.f.SetHeaderFuncMode(d.header, true)
	d.f.SetFooterFunc(d.footer)
	for _, part := range []func(*portfolio.Portfolio){d.portfolioClients, d.portfolioSectors, d.portfolioPeers, d.portfolioErrors} {
		part(p)
		d.step(1)
		if d.err != nil {
			return d.err
		}
	}
	if err := d.f.Error(); err != nil {
		return fmt.Errorf("PDF: %w", err)
	}
	return d.t.deliver("PDF", func() error { return d.f.Output(w) })
}

// maxNameLines caps the lines a client's name or sector takes in a
// table or a heading; the workbook has them whole.
const maxNameLines = 4

// short is s cut to maxNameLines lines of a column w wide (in the bold
// table font, the wider), ending in "…" when cut.
func (d *pdfDoc) short(s string, w float64) string {
	d.font("B", 8)
	return d.clip(pdfLine(s), w, maxNameLines)
}

// num prints a median or quartile: "2", "2.5", "2.75".
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// signed prints a difference from the median with its sign: "+1", "−0.5", "0".
func signed(v float64) string {
	switch {
	case v > 0:
		return "+" + num(v)
	case v < 0:
		return "−" + num(-v)
	}
	return "0"
}

// portfolioClients is the first page: what was compared, then the
// clients' headline figures and their levels.
func (d *pdfDoc) portfolioClients(p *portfolio.Portfolio) {
	d.sectionTitle(portfolioTitle(p))
	d.paragraph(fmt.Sprintf("Each client assessed as of %s: %s in %s.", p.Date, prose.Count(len(p.Clients), "client", "clients"), prose.Count(len(p.Sectors), "sector", "sectors")))
	if n := len(p.Errors); n > 0 {
		d.paragraph(fmt.Sprintf("%s could not be loaded (listed at the end).", prose.Count(n, "file", "files")))
	}
	if p.Anonymised {
		d.paragraph("Anonymised: the clients are named Client A, Client B… in file order, and no person or organisation is named.")
	}
	d.subTitle("Clients", true, 20)
	t := d.table(col("Client", 3), col("Sector", 2.2), col("Tier", 1.7), col("Validation", 2.2), col("Index", 1.1),
		col("Latest exercise", 3.4), col("Open actions", 1.2), col("Overdue", 1.2))
	t.begin()
	for _, cl := range p.Clients {
		latest := "none"
		if e := cl.Latest; e != nil {
			latest = fmt.Sprintf("%s, %s", e.Scenario, e.Date)
			if e.Rating != "" {
				latest += " (rated " + string(e.Rating) + ")"
			}
		}
		overdue := c(strconv.Itoa(cl.Overdue))
		if cl.Overdue > 0 {
			overdue = colored(strconv.Itoa(cl.Overdue), colBreach)
		}
		t.row(pcell{text: d.short(cl.Name, t.widths[0]), bold: true}, c(d.short(cl.Sector, t.widths[1])), c(string(cl.Tier)), c(string(cl.Validation.Status)),
			c(strconv.FormatFloat(cl.Index, 'f', 1, 64)), c(latest), c(strconv.Itoa(cl.Open)), overdue)
	}
	t.end()
	d.subTitle("Levels", true, 30)
	cols := []column{col("Client", 5)}
	for _, dim := range p.Dimensions {
		cols = append(cols, column{title: dim.Name, weight: 1, align: "C"})
	}
	t = d.table(cols...)
	t.rotate = true
	t.begin()
	for _, cl := range p.Clients {
		cells := []pcell{{text: d.short(cl.Name, t.widths[0]), bold: true}}
		for _, l := range cl.Levels {
			cells = append(cells, c(strconv.Itoa(l)))
		}
		t.row(cells...)
	}
	t.end()
}

// portfolioSectors is each sector's quartiles per dimension and of the index.
func (d *pdfDoc) portfolioSectors(p *portfolio.Portfolio) {
	d.sectionTitle("Sectors")
	d.paragraph("Quartiles by linear interpolation between the closest ranks (as Excel's QUARTILE.INC): a sector of one client has that client's levels throughout.")
	for _, s := range p.Sectors {
		d.font("B", 13)
		d.subTitle(d.clip(pdfLine(s.Name), contentW, 2)+" ("+prose.Count(s.Clients, "client", "clients")+")", true, 30)
		t := d.table(col("Measure", 4), column{"Lower quartile", 1.5, "R"}, column{"Median", 1.5, "R"}, column{"Upper quartile", 1.5, "R"}).begin()
		for i, st := range s.Levels {
			t.row(c(p.Dimensions[i].Name), c(num(st.Q1)), c(num(st.Median)), c(num(st.Q3)))
		}
		t.row(pcell{text: "Index", bold: true}, c(num(s.Index.Q1)), c(num(s.Index.Median)), c(num(s.Index.Q3)))
		t.end()
	}
}

// portfolioPeers is, per client, a radar of its levels (filled) over its
// sector's median (dashed), two clients to a page.
func (d *pdfDoc) portfolioPeers(p *portfolio.Portfolio) {
	d.sectionTitle("Clients against their peers")
	d.paragraph("Each client's levels (filled) over the median of its sector (dashed). The labels give the client's level, then the difference from the median.")
	const rad, block = 34.0, 112.0
	for _, cl := range p.Clients {
		sec := p.Sector(cl.Sector)
		if sec == nil {
			continue
		}
		// A name of any length gets at most two lines of heading.
		d.font("B", 13)
		d.subTitle(d.clip(pdfLine(cl.Name), contentW, 2), true, block-12)
		d.font("", bodySize)
		d.facts("Sector", d.clip(pdfLine(sec.Name), contentW-factLabelW, 2)+" ("+prose.Count(sec.Clients, "client", "clients")+")",
			"Index", fmt.Sprintf("%.1f; sector median %s (difference %s, %s)", cl.Index, num(sec.Index.Median), signed(cl.IndexPeers.Delta), portfolio.QuartileName(cl.IndexPeers.Quartile)))
		if sec.Clients == 1 {
			d.muted("The only client in its sector: its peers' median is its own levels until more clients of the sector are compared.")
		}
		s := radarSeries{}
		for i, dim := range p.Dimensions {
			s.labels = append(s.labels, fmt.Sprintf("%s (%d; %s)", dim.Name, cl.Levels[i], signed(cl.Peers[i].Delta)))
			s.filled = append(s.filled, float64(cl.Levels[i]))
			s.dashed = append(s.dashed, sec.Levels[i].Median)
		}
		d.ensure(2*rad + 26)
		top := d.f.GetY()
		d.radarChart(pageW/2, top+rad+12, rad, s)
		d.f.SetXY(marginL, top+2*rad+26)
		d.step(1)
		if d.err != nil {
			return
		}
	}
}

// portfolioErrors lists the files that failed to load, with the loader's
// message (file, line, column and what is wrong).
func (d *pdfDoc) portfolioErrors(p *portfolio.Portfolio) {
	if len(p.Errors) == 0 {
		return
	}
	d.sectionTitle("Files that could not be loaded")
	t := d.table(col("File", 2), col("Error", 5)).begin()
	for _, e := range p.Errors {
		t.row(c(e.File), c(e.Message))
	}
	t.end()
}
