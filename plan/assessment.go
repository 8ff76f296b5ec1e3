package plan

// This file holds what the assessment stores in the workspace: criteria
// marked not applicable, the improvement plan, and a compact snapshot of
// every assessment made, for trends. The scoring itself lives in package
// scoring; only its results are kept here.

// NotApplicable marks an assessment criterion (by its ID, e.g. "REG-1.1")
// as not applicable to this organisation. The reason is required and is
// shown in reports; an N/A criterion leaves the denominators and never
// lowers a score.
type NotApplicable struct {
	Criterion string `json:"criterion"`
	Reason    string `json:"reason"`
	// By is who decided (a person ID or a free-text name).
	By   string `json:"by,omitempty"`
	Date Date   `json:"date,omitzero"`
}

// ActionStatus is the state of an improvement action.
type ActionStatus string

// Improvement action statuses (HSEEP improvement plan).
const (
	ActionOpen       ActionStatus = "open"
	ActionInProgress ActionStatus = "in-progress"
	ActionDone       ActionStatus = "done"
	ActionCancelled  ActionStatus = "cancelled"
)

// ActionStatuses lists the valid statuses in workflow order.
var ActionStatuses = []ActionStatus{ActionOpen, ActionInProgress, ActionDone, ActionCancelled}

// Closed reports whether the status ends the action (done or cancelled).
func (s ActionStatus) Closed() bool { return s == ActionDone || s == ActionCancelled }

// Action is one line of the improvement plan: what will be done, by whom,
// by when, and which assessment finding it answers. When it is linked to a
// playbook, AddressedByRevision records the playbook revision that
// implemented it (0 while none has).
type Action struct {
	ID string `json:"id"`
	// Finding is the assessment finding ID the action answers, e.g.
	// "TP-2.3" or "RUN-run-7-ack".
	Finding string `json:"finding,omitempty"`
	// Findings lists every finding the action answers when findings share
	// a remedy (Finding is the first of them).
	Findings []string `json:"findings,omitempty"`
	Text     string   `json:"text"`
	// DoneWhen is the measurable test of completion, e.g. "The
	// assessment no longer reports SEV-2.4: severity targets are
	// plausible".
	DoneWhen    string       `json:"doneWhen,omitempty"`
	OwnerRole   string       `json:"ownerRole,omitempty"`
	OwnerPerson string       `json:"ownerPerson,omitempty"`
	Due         Date         `json:"due,omitzero"`
	Status      ActionStatus `json:"status"`
	Playbook    string       `json:"playbook,omitempty"`
	// AddressedByRevision is the number of the playbook revision that
	// addressed the action.
	AddressedByRevision int    `json:"addressedByRevision,omitempty"`
	Created             Date   `json:"created,omitzero"`
	Notes               string `json:"notes,omitempty"`
}

// AssessmentRecord is the compact snapshot of one assessment kept in the
// workspace so trends can be shown and two assessments compared.
type AssessmentRecord struct {
	Date Date `json:"date"`
	// Tier is the readiness tier: None, Basic, Intermediate or Advanced.
	Tier string `json:"tier"`
	// Index is the 0–100 trend index.
	Index      float64           `json:"index"`
	Dimensions []DimensionRecord `json:"dimensions,omitempty"`
	// Failing lists the IDs of the criteria that failed.
	Failing []string `json:"failing,omitempty"`
	// NotApplicable lists the IDs of the criteria marked N/A at the time.
	NotApplicable []string `json:"notApplicable,omitempty"`
}

// DimensionRecord is one dimension's result in an AssessmentRecord.
type DimensionRecord struct {
	ID       string  `json:"id"`
	Level    int     `json:"level"`
	Progress float64 `json:"progress"`
}
