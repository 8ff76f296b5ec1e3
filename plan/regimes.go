package plan

// Regimes: the laws and rules an organisation declares it answers to
// (Organisation.Regimes) and the reporting obligations each one sets. The
// table is the starting point the plan is offered (OfferFromRegimes) and
// what the assessment checks obligations against.
//
// How a deadline from detection is read. A ReportingObligation's Deadline
// runs from detection, and exercises time it from T+0. Several rules run
// from a later event: DORA's initial notification from classifying the
// incident as major, its later reports and NIS2's final report from the
// report before them, SEC Item 1.05 from the materiality determination.
// Each template therefore carries two figures:
//
//   - Deadline, what the plan is offered and drills time: the deadline from
//     detection when the event the clock runs from happens at detection and
//     each earlier report goes out at its own deadline (a month counted as
//     30 days). It is the strict reading a drill should practise.
//   - Limit, the latest from detection the rule can ever allow (a month
//     counted as 31 days); 0 when no fixed ceiling from detection exists
//     (SEC: the materiality determination has none; DORA's final report
//     follows the latest of any number of intermediate updates). An
//     obligation slower than Limit is slower than the regime allows.
//
// ClockFrom says in words what the rule's own clock runs from, so the
// preview and the README can say it. Duties the rule sets without a fixed
// deadline ("without undue delay") are listed with Deadline 0: they are
// shown and explained, never offered with an invented deadline.

// Regime IDs, as organisation.regimes holds them.
const (
	RegimeNIS2   = "nis2"
	RegimeDORA   = "dora"
	RegimeGDPR   = "gdpr"
	RegimeUKGDPR = "uk-gdpr"
	RegimeHIPAA  = "hipaa"
	RegimeSEC    = "sec"
)

// Regime is one law or rule set with reporting duties.
type Regime struct {
	ID string
	// Name is what the organisation is under it; Short names the rules.
	Name, Short string
	// Framework is the ID of the framework catalogue entry this regime
	// belongs to (frameworks package), for joining the two.
	Framework string
	// Names are lower-case marks that show an obligation's ID, body or
	// reference is about this regime ("gdpr", "2016/679").
	Names []string
	// Excluding are marks removed from the text first, so GDPR is not
	// read into "UK GDPR".
	Excluding []string
	// Obligations, in the order an obligation's text is matched against
	// them (the most specific first; see RegimeObligation.Keys).
	Obligations []RegimeObligation
}

// RegimeObligation is a reporting duty a regime sets, as a template for a
// ReportingObligation.
type RegimeObligation struct {
	// ID is the ID the offered obligation takes (unique across regimes).
	ID        string
	Body      string
	Deadline  Duration // see the comment at the top of this file
	Limit     Duration
	ClockFrom string
	Reference string
	Method    string
	// Untimed says why the duty has no fixed deadline; it is not offered.
	Untimed string
	// Categories are the incident categories the duty covers; empty means
	// every incident.
	Categories []Category
	// Keys are lower-case marks telling this duty apart from the regime's
	// others in an obligation's text. A regime's one duty without keys
	// takes any obligation about the regime that no other duty claims.
	Keys []string
}

// month is a calendar month for Deadline (30 days) and for Limit (31 days,
// the longest, so a limit is never earlier than the rule allows).
const (
	month     = 30 * Day
	longMonth = 31 * Day
)

// dataBreach is what a personal data breach can be filed as: a security
// incident (ransomware, intrusion) or an information-governance one
// (misdirected email, lost laptop).
var dataBreach = []Category{CategorySecurity, CategoryInfoGov}

// regimes is the table. Each figure is checked against the primary text
// cited beside it and in TestRegimeDeadlines.
var regimes = []Regime{
	{
		ID: RegimeNIS2, Name: "NIS2 essential or important entity", Short: "NIS2", Framework: "nis2",
		Names: []string{"nis2", "nis 2", "2022/2555"},
		// Directive (EU) 2022/2555 Art. 23(4): (a) early warning without
		// undue delay and in any event within 24 hours of becoming aware of
		// the significant incident; (b) incident notification within 72
		// hours of becoming aware; (d) final report not later than one
		// month after the submission of the incident notification. The
		// deadlines are the same for essential and important entities.
		Obligations: []RegimeObligation{
			{ID: "nis2-early-warning", Body: "CSIRT or competent authority (NIS2 early warning)",
				Deadline: 24 * Hour, Limit: 24 * Hour, ClockFrom: "becoming aware of a significant incident",
				Reference: "Directive (EU) 2022/2555 (NIS2) Art. 23(4)(a)",
				Method:    "The national CSIRT's or competent authority's reporting channel (the single point of entry where the Member State has one); say whether the incident is suspected to be unlawful or malicious and whether it could have a cross-border impact.",
				Keys:      []string{"early warning", "early-warning", "23(4)(a)"}},
			{ID: "nis2-final-report", Body: "CSIRT or competent authority (NIS2 final report)",
				Deadline: 72*Hour + month, Limit: 72*Hour + longMonth, ClockFrom: "the submission of the incident notification (one month after it)",
				Reference: "Directive (EU) 2022/2555 (NIS2) Art. 23(4)(d)",
				Method:    "The same channel; a detailed description, the type of threat or root cause, the mitigation applied and any cross-border impact (a progress report instead if the incident is still ongoing, Art. 23(4)(e)).",
				Keys:      []string{"final", "23(4)(d)"}},
			{ID: "nis2-notification", Body: "CSIRT or competent authority (NIS2 incident notification)",
				Deadline: 72 * Hour, Limit: 72 * Hour, ClockFrom: "becoming aware of a significant incident",
				Reference: "Directive (EU) 2022/2555 (NIS2) Art. 23(4)(b)",
				Method:    "The same channel; update the early warning with an initial assessment of severity and impact and any indicators of compromise.",
				Keys:      []string{"incident notification", "notification", "23(4)(b)"}},
		},
	},
	{
		ID: RegimeDORA, Name: "DORA financial entity", Short: "DORA", Framework: "dora",
		Names: []string{"dora", "2022/2554"},
		// Regulation (EU) 2022/2554 Art. 19(4) with Commission Delegated
		// Regulation (EU) 2025/301 Art. 5: initial notification within 4
		// hours of classifying the incident as major and no later than 24
		// hours from becoming aware of it; intermediate report within 72
		// hours of the initial notification; final report within one month
		// of the latest updated intermediate report. Art. 19(3): clients
		// without undue delay.
		Obligations: []RegimeObligation{
			{ID: "dora-final", Body: "Competent authority (DORA final report)",
				Deadline: 4*Hour + 72*Hour + month, ClockFrom: "the latest updated intermediate report (one month after it)",
				Reference: "Regulation (EU) 2022/2554 (DORA) Art. 19(4)(c); Delegated Regulation (EU) 2025/301 Art. 5",
				Method:    "The competent authority's reporting channel, final report template of Implementing Regulation (EU) 2025/302, with the root cause and the actual impact.",
				Keys:      []string{"final", "19(4)(c)"}},
			{ID: "dora-intermediate", Body: "Competent authority (DORA intermediate report)",
				Deadline: 4*Hour + 72*Hour, Limit: 24*Hour + 72*Hour, ClockFrom: "the initial notification (72 hours after it)",
				Reference: "Regulation (EU) 2022/2554 (DORA) Art. 19(4)(b); Delegated Regulation (EU) 2025/301 Art. 5",
				Method:    "The same channel, intermediate report template; send an update whenever the status changes significantly.",
				Keys:      []string{"intermediate", "19(4)(b)"}},
			{ID: "dora-initial", Body: "Competent authority (DORA initial notification)",
				Deadline: 4 * Hour, Limit: 24 * Hour, ClockFrom: "classifying the incident as major (4 hours), and at most 24 hours from becoming aware of it",
				Reference: "Regulation (EU) 2022/2554 (DORA) Art. 19(4)(a); Delegated Regulation (EU) 2025/301 Art. 5",
				Method:    "The same channel, initial notification template of Implementing Regulation (EU) 2025/302.",
				Keys:      []string{"initial", "19(4)(a)"}},
			{ID: "dora-clients", Body: "Clients whose financial interests are affected",
				Untimed:   "DORA Art. 19(3) asks for it without undue delay; it sets no number of hours.",
				Reference: "Regulation (EU) 2022/2554 (DORA) Art. 19(3)",
				Keys:      []string{"19(3)", "client"}},
		},
	},
	withExcluding(gdprRegime(RegimeGDPR, "GDPR controller", "gdpr", "Regulation (EU) 2016/679 (GDPR)", "Data protection supervisory authority (GDPR)",
		"The lead supervisory authority's breach notification form; information may be given in phases (Art. 33(4)). Not needed when the breach is unlikely to result in a risk to individuals; record that decision either way (Art. 33(5)).",
		"gdpr", "2016/679"), "uk gdpr", "uk-gdpr"),
	gdprRegime(RegimeUKGDPR, "UK GDPR controller", "uk-gdpr", "UK GDPR", "Information Commissioner's Office (UK GDPR)",
		"The ICO's personal data breach report form, or its helpline in office hours. Not needed when the breach is unlikely to result in a risk to individuals; record that decision either way (Art. 33(5)).",
		"uk gdpr", "uk-gdpr", "information commissioner"),
	{
		ID: RegimeHIPAA, Name: "HIPAA covered entity", Short: "HIPAA", Framework: "hipaa-breach",
		Names: []string{"hipaa", "45 cfr", "164.40"},
		// 45 CFR 164.404(b): individuals without unreasonable delay and in
		// no case later than 60 calendar days after discovery; 164.406(b):
		// prominent media outlets, same limit, when more than 500 residents
		// of a State are affected; 164.408(b): the Secretary, same limit,
		// for 500 or more individuals; 164.408(c): fewer than 500, a log to
		// the Secretary within 60 days of the end of each calendar year.
		Obligations: []RegimeObligation{
			{ID: "hipaa-media", Body: "Prominent media outlets (HIPAA, more than 500 residents of a State)",
				Deadline: 60 * Day, Limit: 60 * Day, ClockFrom: "discovery of the breach",
				Reference: "45 CFR 164.406", Method: "A press release or statement to prominent media outlets serving the State or jurisdiction.",
				Categories: dataBreach, Keys: []string{"media", "164.406"}},
			{ID: "hipaa-hhs-annual", Body: "HHS Secretary (HIPAA, breaches of fewer than 500 individuals)",
				Untimed:   "45 CFR 164.408(c) asks for a yearly log within 60 days of the end of each calendar year, not a deadline from detection.",
				Reference: "45 CFR 164.408(c)", Categories: dataBreach,
				Keys: []string{"fewer than 500", "annual", "164.408(c)"}},
			{ID: "hipaa-hhs", Body: "HHS Secretary (HIPAA, 500 or more individuals)",
				Deadline: 60 * Day, Limit: 60 * Day, ClockFrom: "discovery of the breach",
				Reference: "45 CFR 164.408(b)", Method: "The breach report form on the HHS Office for Civil Rights web site.",
				Categories: dataBreach, Keys: []string{"hhs", "secretary", "164.408"}},
			{ID: "hipaa-individuals", Body: "Affected individuals (HIPAA breach notice)",
				Deadline: 60 * Day, Limit: 60 * Day, ClockFrom: "discovery of the breach (without unreasonable delay, in no case later than 60 calendar days)",
				Reference: "45 CFR 164.404", Method: "Written notice by first-class mail, or by email where the individual agreed to it (164.404(d)).",
				Categories: dataBreach, Keys: []string{"individual", "164.404"}},
		},
	},
	{
		ID: RegimeSEC, Name: "SEC registrant", Short: "SEC Form 8-K Item 1.05", Framework: "sec-8k-1.05",
		Names: []string{"8-k", "item 1.05", "sec-8k"},
		// Form 8-K General Instruction B.1 and Item 1.05: within four
		// business days after the registrant determines the incident is
		// material; the determination is to be made without unreasonable
		// delay after discovery (Instruction 1 to Item 1.05), so there is no
		// fixed ceiling from detection. Four business days are taken as
		// four days on the drill clock, which has no calendar.
		Obligations: []RegimeObligation{
			{ID: "sec-8k-1-05", Body: "SEC (Form 8-K Item 1.05)",
				Deadline: 4 * Day, ClockFrom: "the determination that the incident is material (four business days after it)",
				Reference: "SEC Form 8-K Item 1.05 and General Instruction B.1",
				Method:    "File Form 8-K on EDGAR describing the nature, scope and timing of the incident and its material impact; determine materiality without unreasonable delay after discovery."},
		},
	},
}

// gdprRegime is GDPR or UK GDPR: the two set the same duties (UK GDPR
// keeps the EU text's Articles 33 and 34). Art. 33(1): the supervisory
// authority without undue delay and, where feasible, not later than 72
// hours after becoming aware; Art. 34(1): the data subjects without undue
// delay when the breach is likely to result in a high risk, no fixed hours.
func gdprRegime(id, name, framework, law, authority, method string, names ...string) Regime {
	return Regime{ID: id, Name: name, Short: lawShort(id), Framework: framework, Names: names, Obligations: []RegimeObligation{
		{ID: id + "-data-subjects", Body: "Data subjects affected by a high-risk personal data breach (" + lawShort(id) + ")",
			Untimed:   "Art. 34 asks for it without undue delay when the breach is likely to result in a high risk; it sets no number of hours.",
			Reference: law + " Art. 34", Categories: dataBreach,
			Keys: []string{"art. 34", "art 34", "article 34", "data subject"}},
		{ID: id + "-art33", Body: authority,
			Deadline: 72 * Hour, Limit: 72 * Hour, ClockFrom: "becoming aware of the personal data breach",
			Reference: law + " Art. 33(1)", Method: method, Categories: dataBreach},
	}}
}

func withExcluding(r Regime, marks ...string) Regime {
	r.Excluding = marks
	return r
}

func lawShort(id string) string {
	if id == RegimeUKGDPR {
		return "UK GDPR"
	}
	return "GDPR"
}

// Regimes lists the regimes a plan can declare, in the order the
// organisation editor shows them.
func Regimes() []Regime { return regimes }

// RegimeByID returns the regime with an ID, or nil.
func RegimeByID(id string) *Regime {
	for i := range regimes {
		if regimes[i].ID == id {
			return &regimes[i]
		}
	}
	return nil
}
