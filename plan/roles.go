package plan

// Person is someone who takes part in incident response.
type Person struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Title    string    `json:"title,omitempty"`
	Contacts []Contact `json:"contacts,omitempty"`
	// Deputy is the person who covers when this one is unavailable.
	Deputy string `json:"deputy,omitempty"`
}

// Role is a named set of duties in incident response.
type Role struct {
	ID               string     `json:"id"`
	Name             string     `json:"name"`
	Description      string     `json:"description,omitempty"`
	Functions        []Function `json:"functions,omitempty"`
	Responsibilities []string   `json:"responsibilities,omitempty"`
	// Members can act in this role; the first is the primary holder (see
	// Primary), the others stand in, in order.
	Members []string `json:"members,omitempty"`
}

// Primary returns the ID of the role's primary holder: its first member,
// the one paged and named first; "" when the role has no members.
func (r *Role) Primary() string { return first(r.Members) }

func first(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// Responsibility assigns a RACI code to a role for an incident type.
type Responsibility struct {
	IncidentType string `json:"incidentType"`
	Role         string `json:"role"`
	RACI         RACI   `json:"raci"`
}

// EscalationRule is one tier of an escalation ladder: when an incident of
// these severities meets the trigger, escalate to a role.
//
// A ladder is a chain of rules linked by Follows. The first tier (Follows
// empty) fires After the trigger began to hold (from detection for
// "unacknowledged" and "unresolved", from the last update for "no-update");
// each later tier fires After the tier it follows, so a ladder reads like an
// on-call tool's policy: primary, then 15 minutes later secondary, then 15
// minutes later the engineering manager. Tiers of one ladder share the
// first tier's trigger and severities.
type EscalationRule struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Trigger    Trigger  `json:"trigger"`
	Severities []int    `json:"severities"`
	After      Duration `json:"after"`
	// Follows is the ID of the tier before this one in its ladder.
	Follows    string `json:"follows,omitempty"`
	EscalateTo string `json:"escalateTo"`
	// HandoverTo, when set, is the role that takes over as incident
	// manager at this escalation.
	HandoverTo string `json:"handoverTo,omitempty"`
	Notes      string `json:"notes,omitempty"`
}

// ReportingObligation is a duty to report incidents to a body (regulator,
// customer, contract partner) within a deadline from detection.
type ReportingObligation struct {
	ID   string `json:"id"`
	Body string `json:"body"`
	// IncidentTypes limits the obligation; empty means all types.
	IncidentTypes []string `json:"incidentTypes,omitempty"`
	Severities    []int    `json:"severities,omitempty"`
	Deadline      Duration `json:"deadline"`
	OwnerRole     string   `json:"ownerRole"`
	Method        string   `json:"method,omitempty"`
	Reference     string   `json:"reference,omitempty"`
	Stakeholder   string   `json:"stakeholder,omitempty"`
}
