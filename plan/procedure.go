package plan

// IncidentType is a kind of incident the organisation responds to, with the
// criteria that make an event an incident of that type.
type IncidentType struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Category    Category `json:"category"`
	Description string   `json:"description,omitempty"`
	// Criteria are the declaration criteria: any one met means the
	// incident procedure is invoked.
	Criteria []string `json:"criteria,omitempty"`
	Examples []string `json:"examples,omitempty"`
}

// Reporting is how incidents come to the team's attention.
type Reporting struct {
	Channels []ReportingChannel `json:"channels,omitempty"`
	// Guidance tells staff what to include in a report.
	Guidance string `json:"guidance,omitempty"`
}

// ReportingChannel is one route by which an incident can be reported.
type ReportingChannel struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Channel Channel `json:"channel"`
	// Address is the number, mailbox, chat channel or URL.
	Address string `json:"address,omitempty"`
	// Monitored says when reports on this channel are read.
	Monitored string `json:"monitored,omitempty"`
}

// Triage is who assesses new reports and how.
type Triage struct {
	Role        string   `json:"role,omitempty"`
	Method      string   `json:"method,omitempty"`
	Steps       []string `json:"steps,omitempty"`
	TargetTime  Duration `json:"targetTime,omitempty"`
	Description string   `json:"description,omitempty"`
}

// Severity is one criticality level; level 1 is the most severe.
type Severity struct {
	Level      int      `json:"level"`
	Name       string   `json:"name"`
	Definition string   `json:"definition,omitempty"`
	Examples   []string `json:"examples,omitempty"`
	Targets    Targets  `json:"targets"`
}

// Targets are the response times for a severity, measured from detection.
// A zero target means "not set".
type Targets struct {
	Acknowledge   Duration `json:"acknowledge,omitempty"`
	FirstUpdate   Duration `json:"firstUpdate,omitempty"`
	UpdateCadence Duration `json:"updateCadence,omitempty"`
	Resolve       Duration `json:"resolve,omitempty"`
}

// ThirdParty is a supplier the team may need during an incident.
type ThirdParty struct {
	ID           string       `json:"id"`
	Name         string       `json:"name"`
	ServiceClass ServiceClass `json:"serviceClass"`
	Criticality  Criticality  `json:"criticality"`
	Service      string       `json:"service,omitempty"`
	Contacts     []Contact    `json:"contacts,omitempty"`
	SupportPlan  string       `json:"supportPlan,omitempty"`
	StatusPage   string       `json:"statusPage,omitempty"`
	AccountRef   string       `json:"accountRef,omitempty"`
	Notes        string       `json:"notes,omitempty"`
}

// Contact is one way to reach a person or supplier.
type Contact struct {
	Channel Channel `json:"channel"`
	Value   string  `json:"value"`
	Label   string  `json:"label,omitempty"`
	// OutOfHours is true when this route is answered outside business hours.
	OutOfHours bool `json:"outOfHours,omitempty"`
}

// Coverage says when the team responds and who is on call.
type Coverage struct {
	Mode CoverageMode `json:"mode"`
	// TimeZone is an IANA zone name such as "Europe/London".
	TimeZone      string        `json:"timeZone,omitempty"`
	BusinessHours BusinessHours `json:"businessHours"`
	Rota          Rota          `json:"rota"`
}

// BusinessHours is the staffed working week.
type BusinessHours struct {
	Days  []Weekday `json:"days,omitempty"`
	Start string    `json:"start,omitempty"` // "09:00"
	End   string    `json:"end,omitempty"`   // "17:30"
}

// Rota is the on-call schedule.
type Rota struct {
	Name string `json:"name,omitempty"`
	// Handover describes how shifts hand over (time, ritual, notes).
	Handover string  `json:"handover,omitempty"`
	Shifts   []Shift `json:"shifts,omitempty"`
}

// Shift is a recurring on-call window. End before Start means the shift
// runs past midnight into the next day; "24:00" ends at midnight.
type Shift struct {
	ID    string    `json:"id"`
	Name  string    `json:"name"`
	Role  string    `json:"role"`
	Days  []Weekday `json:"days"`
	Start string    `json:"start"`
	End   string    `json:"end"`
	// Members rotate through the shift in order; the first is primary
	// (see Primary).
	Members  []string `json:"members,omitempty"`
	Handover string   `json:"handover,omitempty"`
}

// Primary returns the ID of the shift's primary: its first member, on call
// first; "" when nobody is on the shift.
func (s *Shift) Primary() string { return first(s.Members) }

// Stakeholder is a group that is kept informed during incidents.
type Stakeholder struct {
	ID        string          `json:"id"`
	Name      string          `json:"name"`
	Kind      StakeholderKind `json:"kind"`
	Channel   Channel         `json:"channel"`
	Address   string          `json:"address,omitempty"`
	OwnerRole string          `json:"ownerRole"`
	// Cadence says how often this stakeholder is updated at each
	// severity; a severity with no entry means they are not told.
	Cadence  []Cadence `json:"cadence,omitempty"`
	Template string    `json:"template,omitempty"`
}

// Cadence is an update interval at one severity.
type Cadence struct {
	Severity int      `json:"severity"`
	Every    Duration `json:"every"`
}
