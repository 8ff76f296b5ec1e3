package export

import (
	"context"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"drillbook/internal/prose"
	"drillbook/plan"
	"drillbook/portfolio"
)

// Sheets of the portfolio workbook.
const (
	sheetClients    = "Clients"
	sheetSectors    = "Sectors"
	sheetPeers      = "Peers"
	sheetLoadErrors = "Load errors"
)

// PortfolioExcel writes the portfolio workbook to w: a Clients sheet (one
// row per client: the values `drillbook assess --json` gives, the latest
// exercise and the improvement actions), a Sectors sheet (each
// dimension's and the index's quartiles per sector), a Peers sheet (each
// client's level against its sector's median) and, when any file failed
// to load, a Load errors sheet. The sheets print like the report's
// (pageSetup) and keep their header row in view.
func PortfolioExcel(ctx context.Context, w io.Writer, p *portfolio.Portfolio, progress Progress) error {
	x := newPortfolioXLSX(ctx, p, progress)
	defer x.f.Close()
	if err := x.style.create(x.f); err != nil {
		return err
	}
	steps := []func() error{
		func() error { return x.clientsSheet(p) },
		func() error { return x.sectorsSheet(p) },
		func() error { return x.peersSheet(p) },
	}
	if len(p.Errors) > 0 {
		steps = append(steps, func() error { return x.loadErrorsSheet(p) })
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
		if err := x.t.step(1); err != nil {
			return err
		}
	}
	if err := x.f.SetDocProps(&excelize.DocProperties{Title: portfolioTitle(p), Creator: "Drillbook", LastModifiedBy: "Drillbook",
		Subject: "Clients side by side, " + p.Date.String(), Category: "Incident-response readiness portfolio", Language: "en-GB"}); err != nil {
		return err
	}
	return x.t.deliver("workbook", func() error { _, err := x.f.WriteTo(w); return err })
}

// newPortfolioXLSX is a workbook with the report workbook's machinery:
// its report only names the portfolio, for the printed headers.
func newPortfolioXLSX(ctx context.Context, p *portfolio.Portfolio, progress Progress) *xlsxDoc {
	r := &report{ws: &plan.Workspace{Organisation: plan.Organisation{Name: portfolioTitle(p)}}, date: p.Date}
	return &xlsxDoc{f: excelize.NewFile(), r: r, long: &longText{}, first: true, t: newTracker(ctx, progress, 5)}
}

// portfolioTitle names the portfolio in headers and properties.
func portfolioTitle(p *portfolio.Portfolio) string {
	return fmt.Sprintf("Portfolio of %s, %s", prose.Count(len(p.Clients), "client", "clients"), p.Date)
}

// clientsSheet is one row per client.
func (x *xlsxDoc) clientsSheet(p *portfolio.Portfolio) error {
	cols := []xcol{{"Client", 24}}
	if !p.Anonymised {
		cols = append(cols, xcol{"File", 30})
	}
	cols = append(cols, xcol{"Sector", 18}, xcol{"Tier", 12}, xcol{"Validation", 16}, xcol{"Decided by", 28}, xcol{"Run date", 11},
		xcol{"Run rating", 7}, xcol{"Index", 7})
	for _, d := range p.Dimensions {
		cols = append(cols, xcol{d.Name, 9})
	}
	cols = append(cols, xcol{"Latest exercise", 28}, xcol{"Exercise date", 11}, xcol{"Exercise rating", 8},
		xcol{"Open actions", 8}, xcol{"Overdue actions", 8}, xcol{"Index vs sector median", 9}, xcol{"Index against sector", 14}, xcol{"Run", 14})
	s, err := x.streamSheet(sheetClients, cols...)
	if err != nil {
		return err
	}
	for _, c := range p.Clients {
		row := []any{xbold(c.Name)}
		if !p.Anonymised {
			row = append(row, c.File)
		}
		v := c.Validation
		row = append(row, c.Sector, string(c.Tier), string(v.Status), v.ScenarioTitle, xdate(v.Date), string(v.Rating), c.Index)
		for _, l := range c.Levels {
			row = append(row, l)
		}
		var title, rating string
		var day xdate
		if c.Latest != nil {
			title, day, rating = c.Latest.Scenario, xdate(c.Latest.Date), string(c.Latest.Rating)
		}
		row = append(row, title, day, rating, c.Open, c.Overdue, c.IndexPeers.Delta, portfolio.QuartileName(c.IndexPeers.Quartile), v.RunID)
		if err := s.add(row...); err != nil {
			return err
		}
	}
	return s.finish("Clients")
}

// sectorsSheet is one row per sector and measure (each dimension, then
// the index) with its quartiles.
func (x *xlsxDoc) sectorsSheet(p *portfolio.Portfolio) error {
	s, err := x.streamSheet(sheetSectors, xcol{"Sector", 22}, xcol{"Clients", 7}, xcol{"Measure", 26},
		xcol{"Lower quartile", 9}, xcol{"Median", 8}, xcol{"Upper quartile", 9})
	if err != nil {
		return err
	}
	for _, sec := range p.Sectors {
		for i, st := range sec.Levels {
			if err := s.add(xbold(sec.Name), sec.Clients, p.Dimensions[i].Name, st.Q1, st.Median, st.Q3); err != nil {
				return err
			}
		}
		if err := s.add(xbold(sec.Name), sec.Clients, "Index", sec.Index.Q1, sec.Index.Median, sec.Index.Q3); err != nil {
			return err
		}
	}
	return s.finish("Sectors")
}

// peersSheet is one row per client and dimension: its level, the sector
// median, the difference and the quartile it falls in.
func (x *xlsxDoc) peersSheet(p *portfolio.Portfolio) error {
	s, err := x.streamSheet(sheetPeers, xcol{"Client", 24}, xcol{"Sector", 22}, xcol{"Measure", 26}, xcol{"Value", 7},
		xcol{"Sector median", 8}, xcol{"Difference", 9}, xcol{"Against sector", 14})
	if err != nil {
		return err
	}
	for _, c := range p.Clients {
		sec := p.Sector(c.Sector)
		if sec == nil {
			continue
		}
		for i, peer := range c.Peers {
			if err := s.add(xbold(c.Name), c.Sector, p.Dimensions[i].Name, c.Levels[i], sec.Levels[i].Median, peer.Delta, portfolio.QuartileName(peer.Quartile)); err != nil {
				return err
			}
		}
		if err := s.add(xbold(c.Name), c.Sector, "Index", c.Index, sec.Index.Median, c.IndexPeers.Delta, portfolio.QuartileName(c.IndexPeers.Quartile)); err != nil {
			return err
		}
	}
	return s.finish("Peers")
}

// loadErrorsSheet lists the files that could not be loaded.
func (x *xlsxDoc) loadErrorsSheet(p *portfolio.Portfolio) error {
	s, err := x.streamSheet(sheetLoadErrors, xcol{"File", 40}, xcol{"Error", 80})
	if err != nil {
		return err
	}
	for _, e := range p.Errors {
		if err := s.add(e.File, e.Message); err != nil {
			return err
		}
	}
	return s.finish("LoadErrors")
}
