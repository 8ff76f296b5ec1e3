package scoring

import (
	"sync"
)

// Severity ranks how much a finding matters.
type Severity int

// Finding severities, least severe first (so they compare naturally).
const (
	SeverityLow Severity = iota
	SeverityMedium
	SeverityHigh
	SeverityCritical
)

var severityNames = []string{"low", "medium", "high", "critical"}

func (s Severity) String() string { return enumName(severityNames, int(s)) }

// MarshalText writes the severity by name ("critical") in JSON exports.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Effort estimates the work needed to close a finding.
type Effort int

// Efforts, smallest first.
const (
	EffortSmall Effort = iota
	EffortMedium
	EffortLarge
)

var effortNames = []string{"small", "medium", "large"}

func (e Effort) String() string { return enumName(effortNames, int(e)) }

// enumName names a value by its position in names; values out of range
// read as the first (lowest) name, as a zero value would.
func enumName(names []string, i int) string {
	if i < 0 || i >= len(names) {
		return names[0]
	}
	return names[i]
}

// MarshalText writes the effort by name ("small") in JSON exports.
func (e Effort) MarshalText() ([]byte, error) { return []byte(e.String()), nil }

// Criterion is one check in the catalogue. It belongs to one dimension and
// level; when it fails it produces a finding saying what is missing and
// where, why it matters and what to do.
type Criterion struct {
	ID        string // e.g. "SEV-2.1"
	Dimension DimensionID
	Level     int // 1–4
	// Title states what holds when the criterion passes.
	Title string
	// Missing states the gap in general terms; each failure adds the
	// specific places (Gap).
	Missing        string
	Why            string
	Recommendation string
	Severity       Severity
	Effort         Effort
	// Remedy groups criteria whose findings one action answers (every
	// "exercise this dimension" finding is answered by running an
	// exercise); empty means the criterion is its own remedy. RemedyNone
	// marks criteria about the improvement plan itself, which no proposed
	// action answers (the actions are the answer).
	Remedy string

	check func(*state) []Gap
}

// Remedies shared by several criteria.
const (
	RemedyExercise = "exercise"
	RemedyNone     = "none"
)

// Gap is one place where a criterion fails. What and Place are written
// for a reader: names from the plan (people, roles, suppliers, scenario
// titles), durations and counts in words, never an ID, a path or an enum
// key; Path is only the traceability reference.
type Gap struct {
	// Path is the plan path ("thirdParties[2].contacts") for links and for
	// a report's secondary reference column; it is not reader text.
	Path string
	// What says what is wrong as a phrase that reads on its own, without
	// Place or Path: "Amira Khan (Incident Manager) has no deputy".
	What string
	// Place says where in words: "Amira Khan", "the Incident Manager
	// role", "the on-call rota", "the exercise record".
	Place string
}

func (g Gap) String() string { return g.Path + ": " + g.What }

// Sentence renders What as a sentence ("The plan has no playbooks."), the
// way a finding with one place and the guide's to-do lists show it.
func (g Gap) Sentence() string { return capitalise(g.What) + "." }

// gap builds a gap; durations and enum values among the arguments are
// written in words (say).
func gap(path, format string, a ...any) Gap {
	return Gap{Path: path, What: say(format, a...)}
}

var catalogue = sync.OnceValue(func() []Criterion {
	var all []Criterion
	for _, part := range [][]Criterion{
		typesCriteria(), severityCriteria(), triageCriteria(), thirdPartyCriteria(),
		coverCriteria(), commsCriteria(), rolesCriteria(), escalationCriteria(),
		regulatoryCriteria(), playbookCriteria(), exerciseCriteria(), improvementCriteria(),
	} {
		all = append(all, part...)
	}
	return all
})

var catalogueIndex = sync.OnceValue(func() map[string]int {
	m := make(map[string]int, len(catalogue()))
	for i, c := range catalogue() {
		m[c.ID] = i
	}
	return m
})

// Criteria returns the catalogue in dimension and level order.
func Criteria() []Criterion { return append([]Criterion(nil), catalogue()...) }

// CriterionByID returns the criterion with the ID.
func CriterionByID(id string) (Criterion, bool) {
	i, ok := catalogueIndex()[id]
	if !ok {
		return Criterion{}, false
	}
	return catalogue()[i], true
}
