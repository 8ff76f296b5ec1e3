package plan

import "testing"

func TestReferenced(t *testing.T) {
	w := Demo()
	im := w.Roles[0]
	if len(im.Members) == 0 {
		t.Fatal("the demo's first role has no members")
	}
	member := im.Members[0]
	if !w.Referenced(member) {
		t.Errorf("%s is a member of %s but not referenced", member, im.ID)
	}
	if !w.Referenced(im.ID) {
		t.Errorf("role %s is not referenced", im.ID)
	}
	w.People = append(w.People, Person{ID: "nobody-refers", Name: "Nobody Refers"})
	if w.Referenced("nobody-refers") {
		t.Error("a person nothing refers to counts as referenced (its own ID must not count)")
	}
	w.People[0].Deputy = "nobody-refers"
	if !w.Referenced("nobody-refers") {
		t.Error("a deputy does not count as a reference")
	}
	if len(w.Playbooks) < 2 {
		t.Fatal("the demo needs two playbooks")
	}
	pb := w.Playbooks[len(w.Playbooks)-1].ID
	for i := range w.Playbooks {
		w.Playbooks[i].References = nil
		for j := range w.Playbooks[i].Steps {
			w.Playbooks[i].Steps[j].References = nil
		}
	}
	before := w.Referenced(pb)
	w.Playbooks[0].References = []string{pb}
	if !w.Referenced(pb) {
		t.Errorf("a playbook reference to %s does not count (before: %v)", pb, before)
	}
}
