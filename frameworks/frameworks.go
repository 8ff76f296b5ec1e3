// Package frameworks is the embedded, versioned catalogue of the frameworks
// and regulations incident response is judged against (NIST CSF 2.0 and
// SP 800-61r3, ISO/IEC 27035-1, NIS2, DORA, GDPR and the UK GDPR, the HIPAA
// Breach Notification Rule, SEC Form 8-K Item 1.05, PCI DSS 12.10): each
// clause with its reference as the source writes it, a one-line summary in
// Drillbook's own words, its citation and, where the clause sets one, its
// deadline as a structured value.
//
// It is a leaf: it imports no other Drillbook package, so the model, the
// scoring engine and the reports can all refer to it. Which criteria give
// evidence for which clause lives in package scoring (frameworks_map.go).
package frameworks

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Version names the catalogue's edition: the month its clauses were last
// checked against their primary texts.
const Version = "2026-12"

// Framework IDs (other packages refer to them; they never change).
const (
	NISTCSF  = "nist-csf-2.0"
	SP80061  = "nist-sp-800-61r3"
	ISO27035 = "iso-iec-27035-1-2023"
	NIS2     = "nis2"
	DORA     = "dora"
	GDPR     = "gdpr"
	UKGDPR   = "uk-gdpr"
	HIPAA    = "hipaa-breach"
	SEC8K    = "sec-8k-1.05"
	PCIDSS   = "pci-dss-4.0-12.10"
)

// Default is the framework assessed when a workspace chooses none.
const Default = NISTCSF

// Framework is one framework or regulation and the clauses of it that bear
// on incident response.
type Framework struct {
	ID string
	// Name is the framework's full name; Short is how a table heading or a
	// selector names it ("NIST CSF 2.0", "NIS2").
	Name, Short string
	// Source is the primary text the clauses were checked against.
	Source  string
	Clauses []Clause
}

// Clause is one clause, article, subcategory or requirement.
type Clause struct {
	// ID is unique within its framework; Ref(framework, ID) names it
	// across the catalogue ("nist-csf-2.0:RS.MA-01").
	ID string
	// Reference is the clause as its source writes it ("RS.MA-01",
	// "Art. 23(4)(a)", "45 CFR 164.404").
	Reference string
	// Summary is one line in Drillbook's own words, not the source's.
	Summary string
	// Citation names the document and section.
	Citation string
	// Deadlines are the time limits the clause sets; where it sets more
	// than one (DORA's initial notification: 4 hours from classification,
	// at most 24 hours from awareness), each applies and the first to fall
	// due binds.
	Deadlines []Deadline
	// OutOfScope says why Drillbook cannot give evidence for the clause;
	// empty when it can.
	OutOfScope string
	// MapsTo lists the clauses of another framework this one is organised
	// on (SP 800-61r3's recommendations name CSF 2.0 subcategories), as
	// refs; evidence for those is evidence for this clause.
	MapsTo []string
}

// Unit is the unit a deadline is counted in.
type Unit string

// Deadline units. Business days and months have no fixed length, so they
// are kept as written rather than turned into hours.
const (
	Hours        Unit = "hours"
	CalendarDays Unit = "calendar days"
	BusinessDays Unit = "business days"
	Months       Unit = "months"
)

// Deadline is a time limit: Amount Units from the event From.
type Deadline struct {
	Amount int
	Unit   Unit
	// From is the event the clock starts at, in words ("becoming aware of
	// the incident").
	From string
}

// String says the deadline in words: "72 hours from becoming aware of the
// breach", "1 month from the incident notification".
func (d Deadline) String() string {
	unit := string(d.Unit)
	if d.Amount == 1 {
		unit = strings.TrimSuffix(unit, "s")
	}
	return fmt.Sprintf("%d %s from %s", d.Amount, unit, d.From)
}

// Hours returns the deadline in hours when its unit has a fixed length
// (hours and calendar days); ok is false for business days and months.
func (d Deadline) Hours() (hours int, ok bool) {
	switch d.Unit {
	case Hours:
		return d.Amount, true
	case CalendarDays:
		return d.Amount * 24, true
	}
	return 0, false
}

// Ref names a clause across the catalogue: "framework:clause".
func Ref(framework, clause string) string { return framework + ":" + clause }

var catalogue = sync.OnceValue(func() []Framework {
	return []Framework{
		csf(), sp80061(), iso27035(), nis2(), dora(),
		gdpr(GDPR), gdpr(UKGDPR), hipaa(), sec8k(), pciDSS(),
	}
})

// All returns the catalogue in its display order. The slices are shared:
// callers must not modify them.
func All() []Framework { return slices.Clone(catalogue()) }

// IDs returns every framework ID in display order.
func IDs() []string {
	ids := make([]string, len(catalogue()))
	for i, f := range catalogue() {
		ids[i] = f.ID
	}
	return ids
}

// ByID returns the framework with the ID.
func ByID(id string) (Framework, bool) {
	i := slices.IndexFunc(catalogue(), func(f Framework) bool { return f.ID == id })
	if i < 0 {
		return Framework{}, false
	}
	return catalogue()[i], true
}

// Clause returns a framework's clause by its ID.
func (f Framework) Clause(id string) (Clause, bool) {
	i := slices.IndexFunc(f.Clauses, func(c Clause) bool { return c.ID == id })
	if i < 0 {
		return Clause{}, false
	}
	return f.Clauses[i], true
}

// Lookup finds a clause by its ref ("nis2:23(4)(a)").
func Lookup(ref string) (Framework, Clause, bool) {
	fid, cid, ok := strings.Cut(ref, ":")
	if !ok {
		return Framework{}, Clause{}, false
	}
	f, ok := ByID(fid)
	if !ok {
		return Framework{}, Clause{}, false
	}
	c, ok := f.Clause(cid)
	return f, c, ok
}

// Chosen returns the frameworks a workspace is assessed against, in
// catalogue order, each once: the given IDs (unknown ones are left out;
// Unknown reports them), or NIST CSF 2.0 alone when none is known. Callers
// that add implied frameworks (an organisation's regimes) append their IDs
// and call Chosen again.
func Chosen(ids []string) []Framework {
	var out []Framework
	for _, f := range catalogue() {
		if slices.Contains(ids, f.ID) {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		f, _ := ByID(Default)
		out = append(out, f)
	}
	return out
}

// Unknown returns the IDs that name no framework in the catalogue, in the
// order given.
func Unknown(ids []string) []string {
	var out []string
	for _, id := range ids {
		if _, ok := ByID(id); !ok {
			out = append(out, id)
		}
	}
	return out
}
