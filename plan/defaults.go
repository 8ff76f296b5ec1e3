package plan

import (
	"fmt"
	"slices"
)

// The defaults are starting points the guided editor offers on an empty
// page: a team accepts them and then edits, which is faster and less
// daunting than a blank form. ApplyDefaults is their way into a plan; each
// function below returns fresh values.

// defaultSeverities returns a four-level scale with typical targets for a
// web product, from "Critical" (acknowledge in 5 minutes, resolve in 4
// hours) to "Minor".
func defaultSeverities() []Severity {
	return []Severity{
		{Level: 1, Name: "Critical",
			Definition: "The service is down or unusable for most users, people are at immediate risk of harm, or a confirmed security or personal data breach is in progress.",
			Targets:    Targets{Acknowledge: 5 * Minute, FirstUpdate: 15 * Minute, UpdateCadence: 30 * Minute, Resolve: 4 * Hour}},
		{Level: 2, Name: "Major",
			Definition: "A core user journey is failing or badly degraded for a large group of users, or a suspected breach or safety risk is being investigated.",
			Targets:    Targets{Acknowledge: 15 * Minute, FirstUpdate: 30 * Minute, UpdateCadence: Hour, Resolve: 8 * Hour}},
		{Level: 3, Name: "Moderate",
			Definition: "A non-core feature is degraded, or few users are affected, with a workaround and no safety or data protection risk.",
			Targets:    Targets{Acknowledge: Hour, FirstUpdate: 2 * Hour, UpdateCadence: 4 * Hour, Resolve: 2 * Day}},
		{Level: 4, Name: "Minor",
			Definition: "A cosmetic or low-impact fault, a single user affected, or a near miss with no impact.",
			Targets:    Targets{Acknowledge: 4 * Hour, FirstUpdate: Day, UpdateCadence: Day, Resolve: 10 * Day}},
	}
}

// defaultIncidentTypes returns one incident type per category the seed
// article names (security, availability, information governance, clinical
// safety), each with declaration criteria to adapt.
func defaultIncidentTypes() []IncidentType {
	return []IncidentType{
		{ID: "security-incident", Name: "Security incident", Category: CategorySecurity,
			Description: "Unauthorised access to, or an attack on, our systems, accounts or code.",
			Criteria: []string{
				"Evidence or a credible alert of unauthorised access to production systems, data or admin accounts.",
				"Malware or ransomware found on a device or system that can reach production.",
				"Credentials or secrets with production access exposed publicly or to an unknown party.",
				"An attack such as denial of service is degrading the service.",
			}},
		{ID: "service-outage", Name: "Service outage or degradation", Category: CategoryAvailability,
			Description: "The product, or a core journey in it, is unavailable or too slow to use.",
			Criteria: []string{
				"A core user journey fails for more than 5% of requests for 5 minutes or more.",
				"Pages are too slow to use (p95 above 8 seconds) for 10 minutes or more.",
				"A critical supplier reports an incident affecting a service we depend on.",
			}},
		{ID: "personal-data-breach", Name: "Personal data breach", Category: CategoryInfoGov,
			Description: "Personal data lost, altered, disclosed or accessed without authorisation.",
			Criteria: []string{
				"Personal data has been, or may have been, seen by, sent to or accessed by someone not entitled to it.",
				"Personal data has been lost, deleted or altered without authorisation, including by a software fault.",
				"A device, export or paper record holding personal data is lost or stolen.",
			}},
		{ID: "clinical-safety", Name: "Clinical safety incident", Category: CategoryClinical,
			Description: "The product caused, or could have caused, harm to a patient.",
			Criteria: []string{
				"Clinical information is shown or sent wrong, incomplete or out of date.",
				"A clinical request or message is lost, duplicated or significantly delayed.",
				"A clinician reports that the product contributed, or could have contributed, to patient harm.",
			}},
	}
}

// placeholderNote marks a third party the user has not filled in yet.
const placeholderNote = "Placeholder: rename to your supplier and add how to reach them, including out of hours."

// commonThirdParties returns placeholders for the suppliers most web
// products depend on (cloud, database, DNS, CDN, email, SMS), with no
// contacts: the guide keeps asking until the user adds how to reach them.
func commonThirdParties() []ThirdParty {
	tp := func(id, name string, class ServiceClass, crit Criticality) ThirdParty {
		return ThirdParty{ID: id, Name: name, ServiceClass: class, Criticality: crit, Notes: placeholderNote}
	}
	return []ThirdParty{
		tp("cloud-provider", "Cloud provider", ServiceCloud, CriticalityCritical),
		tp("database-provider", "Database provider", ServiceDatabase, CriticalityCritical),
		tp("dns-provider", "DNS provider", ServiceDNS, CriticalityCritical),
		tp("cdn-provider", "CDN provider", ServiceCDN, CriticalityHigh),
		tp("email-provider", "Email delivery provider", ServiceEmail, CriticalityHigh),
		tp("sms-provider", "SMS provider", ServiceSMS, CriticalityMedium),
	}
}

// defaultStakeholders pairs each default stakeholder with the function of
// the role that should own its updates.
var defaultStakeholders = []struct {
	s     Stakeholder
	owner Function
}{
	{Stakeholder{ID: "internal-staff", Name: "All staff", Kind: StakeholderInternal, Channel: ChannelChat,
		Cadence: []Cadence{{1, 30 * Minute}, {2, Hour}, {3, 4 * Hour}}}, FunctionInternalComms},
	{Stakeholder{ID: "executive-team", Name: "Executive team", Kind: StakeholderExecutive, Channel: ChannelSMS,
		Cadence: []Cadence{{1, Hour}, {2, 4 * Hour}}}, FunctionIncidentManager},
	{Stakeholder{ID: "customers", Name: "Customers", Kind: StakeholderCustomer, Channel: ChannelEmail,
		Cadence: []Cadence{{1, Hour}, {2, 2 * Hour}, {3, Day}}}, FunctionCustomerComms},
	{Stakeholder{ID: "status-page", Name: "Public status page", Kind: StakeholderPublic, Channel: ChannelStatus,
		Cadence: []Cadence{{1, 30 * Minute}, {2, Hour}}}, FunctionCustomerComms},
}

// stakeholderDefaults returns a basic communication plan (all staff,
// executives, customers, the public status page) fitted to the plan: only
// cadences for severity levels it has, and as owner the role carrying the
// matching comms function (left empty for the user to choose when there is
// none).
func (w *Workspace) stakeholderDefaults() []Stakeholder {
	out := make([]Stakeholder, len(defaultStakeholders))
	for i, d := range defaultStakeholders {
		out[i] = d.s
		out[i].Cadence = slices.DeleteFunc(slices.Clone(d.s.Cadence), func(c Cadence) bool { return w.Severity(c.Severity) == nil })
		if rs := w.RolesWithFunction(d.owner); len(rs) > 0 {
			out[i].OwnerRole = rs[0].ID
		}
	}
	return out
}

// defaultRoles returns the core incident-response roles, each carrying the
// functions scenarios bind to, with nobody in them yet.
func defaultRoles() []Role {
	return []Role{
		{ID: "incident-manager", Name: "Incident Manager", Functions: []Function{FunctionIncidentManager},
			Description: "Takes command of an incident: declares it, assigns roles, keeps the rhythm of updates and escalates on time."},
		{ID: "on-call-engineer", Name: "On-call Engineer", Functions: []Function{FunctionOnCall},
			Description: "Answers pages, investigates and restores service."},
		{ID: "triage-lead", Name: "Triage Lead", Functions: []Function{FunctionTriage},
			Description: "Assesses new reports against the incident criteria and sets a provisional severity."},
		{ID: "comms-lead", Name: "Communications Lead", Functions: []Function{FunctionInternalComms, FunctionCustomerComms},
			Description: "Keeps staff, customers and the status page informed at the agreed cadence."},
		{ID: "senior-escalation", Name: "Senior escalation contact", Functions: []Function{FunctionExecutive},
			Description: "Receives escalations of severe incidents that are not resolved in time, and can take over command."},
	}
}

// DefaultKind names a part of the plan that has defaults; the values are
// the workspace's JSON names for those parts.
type DefaultKind string

// The parts ApplyDefaults can fill.
const (
	DefaultsSeverities    DefaultKind = "severities"
	DefaultsIncidentTypes DefaultKind = "incidentTypes"
	DefaultsThirdParties  DefaultKind = "thirdParties"
	DefaultsStakeholders  DefaultKind = "stakeholders"
	DefaultsRoles         DefaultKind = "roles"
)

// DefaultKinds lists the kinds ApplyDefaults accepts.
var DefaultKinds = []DefaultKind{DefaultsSeverities, DefaultsIncidentTypes, DefaultsThirdParties, DefaultsStakeholders, DefaultsRoles}

// ApplyDefaults adds the defaults of one kind that the plan is missing and
// returns how many items it added; what the user already has is never
// changed. "Missing" is judged by meaning, not by ID: a severity level
// already defined, an incident category, third-party service class or
// stakeholder kind already present, or a role function already carried
// means that default is skipped. Added items get IDs unique in the plan.
// Default stakeholders keep only cadences for severity levels the plan
// has, and get as owner the role carrying the matching comms function
// (left empty for the user to choose when there is none).
func (w *Workspace) ApplyDefaults(kind DefaultKind) (int, error) {
	switch kind {
	case DefaultsSeverities:
		n := 0
		for _, s := range defaultSeverities() {
			if w.Severity(s.Level) == nil {
				w.Severities = append(w.Severities, s)
				n++
			}
		}
		slices.SortStableFunc(w.Severities, func(a, b Severity) int { return a.Level - b.Level })
		return n, nil
	case DefaultsIncidentTypes:
		return addMissing(w, &w.IncidentTypes, defaultIncidentTypes(), "incidentTypes",
			func(have, d IncidentType) bool { return have.Category == d.Category }, func(t *IncidentType) *string { return &t.ID }), nil
	case DefaultsThirdParties:
		return addMissing(w, &w.ThirdParties, commonThirdParties(), "thirdParties",
			func(have, d ThirdParty) bool { return have.ServiceClass == d.ServiceClass }, func(t *ThirdParty) *string { return &t.ID }), nil
	case DefaultsStakeholders:
		return addMissing(w, &w.Stakeholders, w.stakeholderDefaults(), "stakeholders",
			func(have, d Stakeholder) bool { return have.Kind == d.Kind }, func(s *Stakeholder) *string { return &s.ID }), nil
	case DefaultsRoles:
		carries := func(have, d Role) bool {
			return slices.ContainsFunc(d.Functions, func(f Function) bool { return slices.Contains(have.Functions, f) })
		}
		return addMissing(w, &w.Roles, defaultRoles(), "roles", carries, func(r *Role) *string { return &r.ID }), nil
	}
	return 0, fmt.Errorf("no defaults for %q (want one of %v)", kind, DefaultKinds)
}

// addMissing appends to list each default that nothing in it (defaults
// added before included) already covers, with an ID unique in part, and
// returns how many it added.
func addMissing[T any](w *Workspace, list *[]T, defaults []T, part string, covers func(have, d T) bool, id func(*T) *string) int {
	n := 0
	for _, d := range defaults {
		if slices.ContainsFunc(*list, func(have T) bool { return covers(have, d) }) {
			continue
		}
		*id(&d) = MakeID(*id(&d), w.idTaken(part))
		*list = append(*list, d)
		n++
	}
	return n
}
