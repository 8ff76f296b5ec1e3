package plan

// Category is the kind of an incident type.
type Category string

// Incident categories named by the seed article.
const (
	CategorySecurity     Category = "security"
	CategoryAvailability Category = "availability"
	CategoryInfoGov      Category = "information-governance"
	CategoryClinical     Category = "clinical-safety"
	CategoryOther        Category = "other"
)

// Categories lists the valid categories in display order.
var Categories = []Category{CategorySecurity, CategoryAvailability, CategoryInfoGov, CategoryClinical, CategoryOther}

// Channel is a way to reach someone.
type Channel string

// Contact channels.
const (
	ChannelPhone  Channel = "phone"
	ChannelSMS    Channel = "sms"
	ChannelEmail  Channel = "email"
	ChannelChat   Channel = "chat"
	ChannelPager  Channel = "pager"
	ChannelPortal Channel = "portal"
	ChannelStatus Channel = "status-page"
	ChannelForm   Channel = "form"
	ChannelOther  Channel = "other"
)

// Channels lists the valid contact channels.
var Channels = []Channel{ChannelPhone, ChannelSMS, ChannelEmail, ChannelChat, ChannelPager, ChannelPortal, ChannelStatus, ChannelForm, ChannelOther}

// ServiceClass is what a third party provides.
type ServiceClass string

// Common third-party service classes for a web product.
const (
	ServiceCloud      ServiceClass = "cloud"
	ServiceDatabase   ServiceClass = "database"
	ServiceDNS        ServiceClass = "dns"
	ServiceCDN        ServiceClass = "cdn"
	ServiceEmail      ServiceClass = "email"
	ServiceSMS        ServiceClass = "sms"
	ServiceIdentity   ServiceClass = "identity"
	ServicePayments   ServiceClass = "payments"
	ServiceMonitoring ServiceClass = "monitoring"
	ServiceSaaS       ServiceClass = "saas"
	ServiceSecurity   ServiceClass = "security"
	ServiceOther      ServiceClass = "other"
)

// ServiceClasses lists the valid service classes.
var ServiceClasses = []ServiceClass{ServiceCloud, ServiceDatabase, ServiceDNS, ServiceCDN, ServiceEmail, ServiceSMS, ServiceIdentity, ServicePayments, ServiceMonitoring, ServiceSaaS, ServiceSecurity, ServiceOther}

// Criticality ranks how much the product depends on a third party.
type Criticality string

// Criticality levels.
const (
	CriticalityCritical Criticality = "critical"
	CriticalityHigh     Criticality = "high"
	CriticalityMedium   Criticality = "medium"
	CriticalityLow      Criticality = "low"
)

// Criticalities lists the valid criticality levels, most critical first.
var Criticalities = []Criticality{CriticalityCritical, CriticalityHigh, CriticalityMedium, CriticalityLow}

// CoverageMode says when incidents are responded to.
type CoverageMode string

// Coverage modes.
const (
	CoverageBusinessHours CoverageMode = "business-hours"
	Coverage24x7          CoverageMode = "24x7"
)

// StakeholderKind groups stakeholders.
type StakeholderKind string

// Stakeholder kinds.
const (
	StakeholderInternal  StakeholderKind = "internal"
	StakeholderCustomer  StakeholderKind = "customer"
	StakeholderExecutive StakeholderKind = "executive"
	StakeholderRegulator StakeholderKind = "regulator"
	StakeholderPartner   StakeholderKind = "partner"
	StakeholderPublic    StakeholderKind = "public"
)

// StakeholderKinds lists the valid stakeholder kinds.
var StakeholderKinds = []StakeholderKind{StakeholderInternal, StakeholderCustomer, StakeholderExecutive, StakeholderRegulator, StakeholderPartner, StakeholderPublic}

// Function is a standard incident-response function a role can perform.
// Scenarios name functions ("the incident manager") and are bound to the
// roles that carry them.
type Function string

// Standard functions.
const (
	FunctionIncidentManager Function = "incident-manager"
	FunctionTriage          Function = "triage"
	FunctionOnCall          Function = "on-call"
	FunctionInternalComms   Function = "internal-comms"
	FunctionCustomerComms   Function = "customer-comms"
	FunctionRegulatory      Function = "regulatory-reporting"
	FunctionTechnicalLead   Function = "technical-lead"
	FunctionSecurityLead    Function = "security-lead"
	FunctionDataProtection  Function = "data-protection"
	FunctionClinicalSafety  Function = "clinical-safety"
	FunctionExecutive       Function = "executive"
	FunctionSupplierManager Function = "supplier-liaison"
)

// Functions lists the valid functions.
var Functions = []Function{FunctionIncidentManager, FunctionTriage, FunctionOnCall, FunctionInternalComms, FunctionCustomerComms, FunctionRegulatory, FunctionTechnicalLead, FunctionSecurityLead, FunctionDataProtection, FunctionClinicalSafety, FunctionExecutive, FunctionSupplierManager}

// RACI is a responsibility assignment code.
type RACI string

// RACI codes.
const (
	Responsible RACI = "R"
	Accountable RACI = "A"
	Consulted   RACI = "C"
	Informed    RACI = "I"
)

// RACIs lists the valid codes.
var RACIs = []RACI{Responsible, Accountable, Consulted, Informed}

// Trigger is what starts an escalation timer.
type Trigger string

// Escalation triggers.
const (
	TriggerUnacknowledged Trigger = "unacknowledged"
	TriggerUnresolved     Trigger = "unresolved"
	TriggerNoUpdate       Trigger = "no-update"
)

// Triggers lists the valid triggers.
var Triggers = []Trigger{TriggerUnacknowledged, TriggerUnresolved, TriggerNoUpdate}

// Weekday is a three-letter lower-case day name used in rotas.
type Weekday string

// Days of the week, Monday first as rotas are usually drawn.
const (
	Mon Weekday = "mon"
	Tue Weekday = "tue"
	Wed Weekday = "wed"
	Thu Weekday = "thu"
	Fri Weekday = "fri"
	Sat Weekday = "sat"
	Sun Weekday = "sun"
)

// Weekdays lists the days Monday first.
var Weekdays = []Weekday{Mon, Tue, Wed, Thu, Fri, Sat, Sun}

// Index returns 0 for Monday … 6 for Sunday, or -1 if w is not a day.
func (w Weekday) Index() int {
	for i, d := range Weekdays {
		if d == w {
			return i
		}
	}
	return -1
}
