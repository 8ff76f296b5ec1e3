package form

import (
	"fmt"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// Option is one choice of a select: the value stored and the text shown.
type Option struct{ Value, Label string }

// OptionLabels returns the labels, clipped to fit a check box beside a
// form and made unique by adding the value where two options show the
// same label (two roles with the same name).
func OptionLabels(opts []Option) []string {
	count := map[string]int{}
	for _, o := range opts {
		count[widgets.Clip(o.Label, widgets.ShortRunes)]++
	}
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = widgets.Clip(o.Label, widgets.ShortRunes)
		if count[out[i]] > 1 || o.Label == "" {
			out[i] = fmt.Sprintf("%s (%s)", out[i], o.Value)
		}
	}
	return out
}

// EnumOptions turns a fixed vocabulary into options.
func EnumOptions[E ~string](values []E) []Option {
	out := make([]Option, len(values))
	for i, v := range values {
		out[i] = Option{string(v), plan.Words(string(v))}
	}
	return out
}

// Options for references to the plan's own items, read afresh each time a
// form loads so new and renamed items appear.

// optionsOf maps a plan list to options.
func optionsOf[T any](items []T, f func(T) Option) []Option {
	out := make([]Option, len(items))
	for i, it := range items {
		out[i] = f(it)
	}
	return out
}

// RoleOptions are the plan's roles.
func RoleOptions(ws *plan.Workspace) []Option {
	return optionsOf(ws.Roles, func(r plan.Role) Option { return Option{r.ID, widgets.OrDash(r.Name)} })
}

// PersonOptions are the plan's people.
func PersonOptions(ws *plan.Workspace) []Option {
	return optionsOf(ws.People, func(p plan.Person) Option { return Option{p.ID, widgets.OrDash(p.Name)} })
}

// TypeOptions are the plan's incident types.
func TypeOptions(ws *plan.Workspace) []Option {
	return optionsOf(ws.IncidentTypes, func(t plan.IncidentType) Option { return Option{t.ID, widgets.OrDash(t.Name)} })
}

// PlaybookOptions are the plan's playbooks.
func PlaybookOptions(ws *plan.Workspace) []Option {
	return optionsOf(ws.Playbooks, func(p plan.Playbook) Option { return Option{p.ID, widgets.OrDash(p.Title)} })
}

// StakeholderOptions are the plan's stakeholder groups.
func StakeholderOptions(ws *plan.Workspace) []Option {
	return optionsOf(ws.Stakeholders, func(s plan.Stakeholder) Option { return Option{s.ID, widgets.OrDash(s.Name)} })
}

// SeverityOptions are the plan's severity levels, by level.
func SeverityOptions(ws *plan.Workspace) []Option {
	return optionsOf(ws.Severities, func(s plan.Severity) Option {
		return Option{fmt.Sprint(s.Level), fmt.Sprintf("%d %s", s.Level, s.Name)}
	})
}
