package scenarios

import "drillbook/plan"

// Words is the kind in words ("Assign an incident manager"), as timer
// labels, the console and the reports show it (plan.Words holds the one
// table); an unknown kind is returned as written.
func (k ExpectKind) Words() string {
	if w, ok := plan.MachineWord(string(k)); ok {
		return w
	}
	return string(k)
}
