package export

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"drillbook/plan"
)

// responsibilitiesSheet is the RACI assignment as a flat list (one row
// per incident type × role), which filters and pivots well.
func (x *xlsxDoc) responsibilitiesSheet() error {
	n := x.r.names
	s, err := x.streamSheet(sheetResponsible, xcol{"Incident type", 30}, xcol{"Role", 28}, xcol{"RACI", 14}, refCol)
	if err != nil {
		return err
	}
	for _, r := range x.r.ws.Responsibilities {
		if err := s.add(n.typ(r.IncidentType), n.role(r.Role), raciWords[r.RACI], reference("Type", r.IncidentType, "Role", r.Role)); err != nil {
			return err
		}
	}
	return s.finish("Responsibilities")
}

// contactsSheet has one row per way to reach a person or third party.
func (x *xlsxDoc) contactsSheet() error {
	ws, n := x.r.ws, x.r.names
	s, err := x.streamSheet(sheetContacts, xcol{"Kind", 11}, xcol{"Name", 24}, xcol{"Title / service", 30}, xcol{"Channel", 11},
		xcol{"Value", 34}, xcol{"Label", 20}, xcol{"Out of hours", 8}, xcol{"Deputy / criticality", 18}, refCol)
	if err != nil {
		return err
	}
	for _, p := range ws.People {
		name, deputy := xbold(n.person(p.ID)), n.person(p.Deputy)
		if len(p.Contacts) == 0 {
			if err := s.add("person", name, p.Title, "", "", "", "", deputy, p.ID); err != nil {
				return err
			}
		}
		for _, c := range p.Contacts {
			if err := s.add("person", name, p.Title, words(string(c.Channel)), c.Value, c.Label, yesNo(c.OutOfHours), deputy, p.ID); err != nil {
				return err
			}
		}
	}
	for _, t := range ws.ThirdParties {
		svc := strings.TrimSpace(words(string(t.ServiceClass)) + ": " + t.Service)
		if len(t.Contacts) == 0 {
			if err := s.add("third party", xbold(t.Name), svc, "", "", "", "", words(string(t.Criticality)), t.ID); err != nil {
				return err
			}
		}
		for _, c := range t.Contacts {
			if err := s.add("third party", xbold(t.Name), svc, words(string(c.Channel)), c.Value, c.Label, yesNo(c.OutOfHours), words(string(t.Criticality)), t.ID); err != nil {
				return err
			}
		}
	}
	return s.finish("Contacts")
}

// raciWords spells out a RACI letter.
var raciWords = map[plan.RACI]string{
	plan.Responsible: "Responsible (R)", plan.Accountable: "Accountable (A)",
	plan.Consulted: "Consulted (C)", plan.Informed: "Informed (I)",
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
	s, err := x.streamSheet(sheetPlaybooks, xcol{"Title", 36}, xcol{"Role", 22}, xcol{"Incident types", 30}, xcol{"Owner", 20},
		xcol{"Steps", 6}, xcol{"Current revision", 9}, xcol{"Revision date", 11}, xcol{"Revision author", 20}, xcol{"Revision summary", 40},
		xcol{"Last reviewed", 11}, xcol{"Review every (days)", 9}, xcol{"Next review", 11}, xcol{"Overdue", 8}, refCol)
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
		if err := s.add(xbold(p.Title), n.role(p.Role), n.typeList(p.IncidentTypes), n.person(p.Owner), len(p.Steps), num, date, author, summary,
			xdate(p.LastReviewed), every, xdate(p.ReviewDue()), yesNo(p.ReviewOverdue(x.r.date)), p.ID); err != nil {
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
