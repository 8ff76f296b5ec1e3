package scenarios

import (
	"fmt"
	"slices"
	"strings"

	"drillbook/plan"
)

// A Ref names a plan thing generically so a scenario works against any
// organisation's plan:
//
//	incident-manager, on-call, customer-comms, …  a role, by plan.Function
//	third-party:dns, third-party:cloud, …          a third party, by service class
//	stakeholder:customer, stakeholder:executive, … a stakeholder, by kind
//	regulator:information-governance, …            a reporting obligation that
//	                                                covers incidents of a category
//
// Starting a run binds each Ref to the workspace's own roles, people, third
// parties, stakeholders and obligations.
type Ref string

// Ref kinds.
const (
	RefRole        = "role"
	RefThirdParty  = "third-party"
	RefStakeholder = "stakeholder"
	RefRegulator   = "regulator"
)

// Kind returns the kind of thing the Ref names and its key (function,
// service class, stakeholder kind or category).
func (r Ref) Kind() (kind, key string) {
	if k, v, ok := strings.Cut(string(r), ":"); ok {
		return k, v
	}
	return RefRole, string(r)
}

// Check reports whether the Ref is well formed.
func (r Ref) Check() error {
	kind, key := r.Kind()
	switch kind {
	case RefRole:
		if !slices.Contains(plan.Functions, plan.Function(key)) {
			return fmt.Errorf("unknown role function %q (want one of %s)", key, joinNames(plan.Functions))
		}
	case RefThirdParty:
		if !slices.Contains(plan.ServiceClasses, plan.ServiceClass(key)) {
			return fmt.Errorf("unknown third-party service class %q", key)
		}
	case RefStakeholder:
		if !slices.Contains(plan.StakeholderKinds, plan.StakeholderKind(key)) {
			return fmt.Errorf("unknown stakeholder kind %q", key)
		}
	case RefRegulator:
		if !slices.Contains(plan.Categories, plan.Category(key)) {
			return fmt.Errorf("unknown regulator category %q", key)
		}
	default:
		return fmt.Errorf("unknown reference kind %q in %q (use a role function, third-party:, stakeholder: or regulator:)", kind, r)
	}
	return nil
}

// joinNames lists a vocabulary for messages.
func joinNames[T ~string](list []T) string {
	s := make([]string, len(list))
	for i, v := range list {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
