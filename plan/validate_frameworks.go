package plan

import (
	"strings"

	"drillbook/frameworks"
)

// frameworks checks the chosen frameworks against the catalogue: an unknown
// ID would silently drop a framework from every assessment.
func (v *validator) frameworks() {
	seen := map[string]bool{}
	for i, id := range v.w.Frameworks {
		p := Root("frameworks").At(i, "")
		switch {
		case seen[id]:
			v.warnf(p, "framework %q is chosen twice", id)
		case len(frameworks.Unknown([]string{id})) > 0:
			v.errorf(p, "unknown framework %q (known: %s)", id, strings.Join(frameworks.IDs(), ", "))
		}
		seen[id] = true
	}
}
