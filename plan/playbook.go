package plan

// Playbook is a procedure one role can complete alone.
type Playbook struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Role          string   `json:"role"`
	IncidentTypes []string `json:"incidentTypes,omitempty"`
	Summary       string   `json:"summary,omitempty"`
	Steps         []Step   `json:"steps,omitempty"`
	// References are other playbooks this one relies on.
	References     []string   `json:"references,omitempty"`
	Owner          string     `json:"owner,omitempty"`
	ReviewInterval Duration   `json:"reviewInterval,omitempty"`
	LastReviewed   Date       `json:"lastReviewed"`
	Revisions      []Revision `json:"revisions,omitempty"`
}

// Step is one instruction in a playbook.
type Step struct {
	Text             string   `json:"text"`
	ExpectedDuration Duration `json:"expectedDuration,omitempty"`
	// References are playbooks to follow at this step.
	References []string `json:"references,omitempty"`
}

// Revision is a published version of a playbook. It keeps the steps as
// published so any two revisions can be compared.
type Revision struct {
	Number  int    `json:"number"`
	Date    Date   `json:"date"`
	Author  string `json:"author"`
	Summary string `json:"summary"`
	Steps   []Step `json:"steps,omitempty"`
}

// ReviewDue returns the date the next review is due, or the zero Date when
// the playbook has no review interval or has never been reviewed.
func (p *Playbook) ReviewDue() Date {
	if p.ReviewInterval <= 0 || p.LastReviewed.IsZero() {
		return Date{}
	}
	return p.LastReviewed.Add(p.ReviewInterval)
}

// ReviewOverdue reports whether the review is past due on day today.
func (p *Playbook) ReviewOverdue(today Date) bool {
	due := p.ReviewDue()
	return !due.IsZero() && due.Before(today)
}

// CurrentRevision returns the latest revision, or nil if none is published.
func (p *Playbook) CurrentRevision() *Revision {
	if len(p.Revisions) == 0 {
		return nil
	}
	return &p.Revisions[len(p.Revisions)-1]
}
