package export

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// responsibilitiesSheet is the RACI assignment as a flat list (one row
// per incident type × role), which filters and pivots well.
func (x *xlsxDoc) responsibilitiesSheet() error {
	n := x.r.names
	s, err := x.streamSheet(sheetResponsible, xcol{"Incident type", 16}, xcol{"Incident type name", 30}, xcol{"Role", 18}, xcol{"Role name", 28}, xcol{"RACI", 6})
	if err != nil {
		return err
	}
	for _, r := range x.r.ws.Responsibilities {
		if err := s.add(r.IncidentType, n.typ(r.IncidentType), r.Role, n.role(r.Role), string(r.RACI)); err != nil {
			return err
		}
	}
	return s.finish("Responsibilities")
}

// contactsSheet has one row per way to reach a person or third party.
func (x *xlsxDoc) contactsSheet() error {
	ws, n := x.r.ws, x.r.names
	s, err := x.streamSheet(sheetContacts, xcol{"Kind", 11}, xcol{"ID", 16}, xcol{"Name", 24}, xcol{"Title / service", 30}, xcol{"Channel", 11},
		xcol{"Value", 34}, xcol{"Label", 26}, xcol{"Out of hours", 8}, xcol{"Deputy / criticality", 18})
	if err != nil {
		return err
	}
	for _, p := range ws.People {
		if len(p.Contacts) == 0 {
			if err := s.add("person", p.ID, xbold(p.Name), p.Title, "", "", "", "", n.person(p.Deputy)); err != nil {
				return err
			}
		}
		for _, c := range p.Contacts {
			if err := s.add("person", p.ID, xbold(p.Name), p.Title, string(c.Channel), c.Value, c.Label, yesNo(c.OutOfHours), n.person(p.Deputy)); err != nil {
				return err
			}
		}
	}
	for _, t := range ws.ThirdParties {
		svc := strings.TrimSpace(string(t.ServiceClass) + ": " + t.Service)
		if len(t.Contacts) == 0 {
			if err := s.add("third party", t.ID, xbold(t.Name), svc, "", "", "", "", string(t.Criticality)); err != nil {
				return err
			}
		}
		for _, c := range t.Contacts {
			if err := s.add("third party", t.ID, xbold(t.Name), svc, string(c.Channel), c.Value, c.Label, yesNo(c.OutOfHours), string(t.Criticality)); err != nil {
				return err
			}
		}
	}
	return s.finish("Contacts")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// playbooksSheet lists the playbooks with their current revision and
// review dates.
func (x *xlsxDoc) playbooksSheet() error {
	ws, n := x.r.ws, x.r.names
	s, err := x.streamSheet(sheetPlaybooks, xcol{"ID", 20}, xcol{"Title", 36}, xcol{"Role", 22}, xcol{"Incident types", 30}, xcol{"Owner", 20},
		xcol{"Steps", 7}, xcol{"Current revision", 9}, xcol{"Revision date", 11}, xcol{"Revision author", 20}, xcol{"Revision summary", 40},
		xcol{"Last reviewed", 11}, xcol{"Review every (days)", 9}, xcol{"Next review", 11}, xcol{"Overdue", 8})
	if err != nil {
		return err
	}
	for i := range ws.Playbooks {
		p := &ws.Playbooks[i]
		var num, date, author, summary any
		if r := p.CurrentRevision(); r != nil {
			num, date, author, summary = r.Number, xdate(r.Date), n.person(r.Author), r.Summary
		}
		var every any
		if p.ReviewInterval > 0 {
			every = p.ReviewInterval.D().Hours() / 24
		}
		if err := s.add(p.ID, xbold(p.Title), n.role(p.Role), n.typeList(p.IncidentTypes), n.person(p.Owner), len(p.Steps), num, date, author, summary,
			xdate(p.LastReviewed), every, xdate(p.ReviewDue()), yesNo(p.ReviewOverdue(x.r.date))); err != nil {
			return err
		}
	}
	return s.finish("Playbooks")
}

// longTextSheet holds, split over rows of at most longPart UTF-16 code units,
// every text that was too long for its cell; each cell that was cut says
// how many characters are missing and points at the row here.
func (x *xlsxDoc) longTextSheet() error {
	if len(x.long.entries) == 0 {
		return nil
	}
	s, err := x.streamSheet(sheetLongText, xcol{"Sheet", 18}, xcol{"Cell", 8}, xcol{"Part", 8}, xcol{"Text", 120})
	if err != nil {
		return err
	}
	// The rows are written directly (below), so the columns take their
	// full widths now.
	copy(s.line, []float64{18, 8, 8, 120})
	if err := s.size(); err != nil {
		return err
	}
	for _, e := range x.long.entries {
		pieces := splitUnits(e.text, longPart)
		parts := len(pieces)
		for k, part := range pieces {
			s.row++
			ref, _ := excelize.CoordinatesToCellName(1, s.row)
			// Written directly: the parts fit, and must not be fitted again.
			if err := s.sw.SetRow(ref, []any{
				excelize.Cell{StyleID: x.style.bold, Value: e.sheet},
				excelize.Cell{Value: e.cell},
				excelize.Cell{Value: strconv.Itoa(k+1) + " of " + strconv.Itoa(parts)},
				excelize.Cell{StyleID: x.style.wrap, Value: part},
			}); err != nil {
				return err
			}
		}
	}
	return s.finish("")
}
