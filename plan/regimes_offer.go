package plan

import (
	"slices"
	"strings"
)

// RegimeMatch is a regime an obligation is about, and which of its duties
// the obligation stands for (Duty nil when the text names the regime but
// not one of its duties).
type RegimeMatch struct {
	Regime *Regime
	Duty   *RegimeObligation
}

// RegimesOf lists the regimes an obligation is about, judged from its ID,
// body and reference (the method is free advice and may mention any law).
func RegimesOf(o *ReportingObligation) []RegimeMatch {
	text := strings.ToLower(o.ID + " " + o.Body + " " + o.Reference)
	var out []RegimeMatch
	for i := range regimes {
		r := &regimes[i]
		if d, ok := r.duty(o.ID, text); ok {
			out = append(out, RegimeMatch{r, d})
		}
	}
	return out
}

// duty finds the duty an obligation with this ID and text stands for; ok
// is false when the text is not about the regime at all.
func (r *Regime) duty(id, text string) (*RegimeObligation, bool) {
	for _, x := range r.Excluding {
		text = strings.ReplaceAll(text, x, "")
	}
	if !slices.ContainsFunc(r.Names, func(n string) bool { return strings.Contains(text, n) }) {
		return nil, false
	}
	var fallback []*RegimeObligation
	for i := range r.Obligations {
		d := &r.Obligations[i]
		if d.ID == id {
			return d, true
		}
	}
	for i := range r.Obligations {
		d := &r.Obligations[i]
		if len(d.Keys) == 0 {
			fallback = append(fallback, d)
		}
		if slices.ContainsFunc(d.Keys, func(k string) bool { return strings.Contains(text, k) }) {
			return d, true
		}
	}
	if len(fallback) == 1 {
		return fallback[0], true
	}
	return nil, true
}

// DeclaredRegimes returns the known regimes the organisation declares, in
// its order, each once.
func (w *Workspace) DeclaredRegimes() []*Regime {
	var out []*Regime
	for _, id := range w.Organisation.Regimes {
		if r := RegimeByID(id); r != nil && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// RegimeFrameworks returns the framework IDs of the declared regimes, each
// once: they are assessed whatever frameworks the workspace names.
func (w *Workspace) RegimeFrameworks() []string {
	var out []string
	for _, r := range w.DeclaredRegimes() {
		if !slices.Contains(out, r.Framework) {
			out = append(out, r.Framework)
		}
	}
	return out
}

// RegimeOffer is one duty of a declared regime that the plan lacks: the
// obligation to add, or, for a duty without a fixed deadline (Duty.Untimed),
// only the duty, to be shown and not added.
type RegimeOffer struct {
	Regime     *Regime
	Duty       *RegimeObligation
	Obligation ReportingObligation
}

// OfferFromRegimes returns the duties of the declared regimes that no
// obligation of the plan already stands for (matched by ID, body and
// reference as RegimesOf does, so nothing is offered twice), timed duties
// first in deadline order within each regime. Each offered obligation's
// owner is the role carrying the regulatory reporting function (one that
// also carries data protection for a personal-data duty, one with people
// first), or empty when no role carries it, so that validation asks for
// one.
func (w *Workspace) OfferFromRegimes() []RegimeOffer {
	have := map[*RegimeObligation]bool{}
	for i := range w.ReportingObligations {
		for _, m := range RegimesOf(&w.ReportingObligations[i]) {
			have[m.Duty] = true
		}
	}
	var out []RegimeOffer
	for _, r := range w.DeclaredRegimes() {
		start := len(out)
		for i := range r.Obligations {
			d := &r.Obligations[i]
			if have[d] {
				continue
			}
			offer := RegimeOffer{Regime: r, Duty: d}
			if d.Untimed == "" {
				// Every duty's ID names its regime, so a plan obligation with
				// that ID already stands for the duty: the ID is free.
				offer.Obligation = ReportingObligation{
					ID: d.ID, Body: d.Body, IncidentTypes: w.typesIn(d.Categories), Deadline: d.Deadline,
					OwnerRole: w.regulatoryOwner(slices.Equal(d.Categories, dataBreach)),
					Method:    strings.TrimSpace(d.Method + " The rule's clock runs from " + d.ClockFrom + "; the deadline here is counted from detection."),
					Reference: d.Reference,
				}
			}
			out = append(out, offer)
		}
		mine := out[start:]
		slices.SortStableFunc(mine, func(a, b RegimeOffer) int { return untimedLast(a.Duty) - untimedLast(b.Duty) })
	}
	return out
}

// untimedLast orders timed duties by deadline and untimed ones after them.
func untimedLast(d *RegimeObligation) int {
	if d.Untimed != "" {
		return int(maxDuration / Hour)
	}
	return int(d.Deadline / Hour)
}

// RegimeObligations returns the obligations OfferFromRegimes would add:
// its timed offers.
func (w *Workspace) RegimeObligations() []ReportingObligation {
	var out []ReportingObligation
	for _, o := range w.OfferFromRegimes() {
		if o.Duty.Untimed == "" {
			out = append(out, o.Obligation)
		}
	}
	return out
}

// typesIn lists the plan's incident types in the categories; none means
// every type. A plan with no type in them gets none too, so the duty still
// times every drill rather than none.
func (w *Workspace) typesIn(cats []Category) []string {
	if len(cats) == 0 {
		return nil
	}
	var out []string
	for _, t := range w.IncidentTypes {
		if slices.Contains(cats, t.Category) {
			out = append(out, t.ID)
		}
	}
	return out
}

// regulatoryOwner picks the role to own an offered obligation: among the
// roles carrying the regulatory reporting function, one also carrying data
// protection when personal is set, then one with people, then the first.
func (w *Workspace) regulatoryOwner(personal bool) string {
	best, score := "", -1
	for _, r := range w.Roles {
		if !slices.Contains(r.Functions, FunctionRegulatory) {
			continue
		}
		s := 0
		if personal && slices.Contains(r.Functions, FunctionDataProtection) {
			s += 2
		}
		if len(r.Members) > 0 {
			s++
		}
		if s > score {
			best, score = r.ID, s
		}
	}
	return best
}

// regimes checks organisation.regimes: every ID is a known regime, listed
// once.
func (v *validator) regimes() {
	for i, id := range v.w.Organisation.Regimes {
		p := Root("organisation.regimes").Index(i)
		switch {
		case RegimeByID(id) == nil:
			ids := make([]string, len(regimes))
			for j, r := range regimes {
				ids[j] = r.ID
			}
			v.errorf(p, "unknown regime %q (known: %s)", id, strings.Join(ids, ", "))
		case slices.Index(v.w.Organisation.Regimes, id) < i:
			v.errorf(p, "regime %q is listed twice", id)
		}
	}
}
