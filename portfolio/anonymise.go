package portfolio

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"drillbook/plan"
)

// Withheld replaces a name found in a text of an anonymised portfolio.
const Withheld = "[withheld]"

// ClientName is the anonymous name of the i-th client (from 0): "Client
// A" … "Client Z", then "Client AA", "Client AB"… like spreadsheet
// columns, so any number of clients gets distinct names.
func ClientName(i int) string {
	var b []byte
	for n := i + 1; n > 0; n = (n - 1) / 26 {
		b = append(b, byte('A'+(n-1)%26))
	}
	slices.Reverse(b)
	return "Client " + string(b)
}

// namesIn lists the names of people and organisations a workspace holds:
// the organisation, its people, its third parties and their contacts'
// labels (often a person: "Account manager Jo Bloggs"),
// exercise facilitators and who marked criteria N/A (free text).
func namesIn(ws *plan.Workspace) []string {
	names := []string{ws.Organisation.Name}
	for _, p := range ws.People {
		names = append(names, p.Name)
	}
	for _, t := range ws.ThirdParties {
		names = append(names, t.Name)
		for _, c := range t.Contacts {
			names = append(names, c.Label)
		}
	}
	for _, r := range ws.Runs {
		names = append(names, r.Facilitator)
	}
	for _, n := range ws.NotApplicable {
		names = append(names, n.By)
	}
	return names
}

// anonymise names the clients "Client A…" in file order, drops their
// file names and withholds every name of names from the texts left
// (sector, scenario titles, run IDs).
func (p *Portfolio) anonymise(names []string) {
	p.Anonymised = true
	var list []string
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			list = append(list, n)
		}
	}
	// Longest first, so "Acme Health" goes before "Acme" leaves " Health".
	slices.SortFunc(list, func(a, b string) int { return cmp.Compare(utf8.RuneCountInString(b), utf8.RuneCountInString(a)) })
	list = slices.Compact(list)
	scrub := func(s *string) { *s = withhold(*s, list) }
	for i := range p.Clients {
		c := &p.Clients[i]
		c.Name, c.File = ClientName(i), ""
		scrub(&c.Sector)
		scrub(&c.Validation.ScenarioTitle)
		scrub(&c.Validation.RunID)
		if c.Latest != nil {
			scrub(&c.Latest.Scenario)
		}
	}
	for i := range p.Sectors {
		scrub(&p.Sectors[i].Name)
	}
}

// withhold replaces every occurrence of each name in s, in any case, by
// Withheld.
func withhold(s string, names []string) string {
	for _, n := range names {
		for {
			i := indexFold(s, n)
			if i < 0 {
				break
			}
			s = s[:i] + Withheld + s[i+len(n):]
		}
	}
	return s
}

// indexFold is the byte offset of the first match of sub in s ignoring
// case, or -1. Where lower-casing keeps the byte lengths (all ASCII and
// most Latin text) it searches the lower-cased strings; otherwise it
// compares with strings.EqualFold at every start, so the match's length
// in s is always sub's.
func indexFold(s, sub string) int {
	ls, lsub := strings.ToLower(s), strings.ToLower(sub)
	if len(ls) == len(s) && len(lsub) == len(sub) {
		return strings.Index(ls, lsub)
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
