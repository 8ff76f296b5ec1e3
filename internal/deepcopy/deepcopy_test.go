package deepcopy

import (
	"reflect"
	"testing"
	"time"
)

// The plan's own types are tested through plan.Workspace.Clone (plan
// imports this package, so its test data cannot be used here); these
// shapes cover every kind the copy visits.
type leaf struct {
	Name string
	Tags []string
	At   time.Time
}

type tree struct {
	Leaves []leaf
	ByName map[string]*leaf
	Any    any
	Fixed  [2][]int
	Flat   []int
	Ptr    *tree
}

func TestCopyIsEqualAndIndependent(t *testing.T) {
	l := &leaf{Name: "a", Tags: []string{"x"}, At: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)}
	v := tree{Leaves: []leaf{*l}, ByName: map[string]*leaf{"a": l}, Any: []string{"i"}, Fixed: [2][]int{{1}, {2}}, Flat: []int{3},
		Ptr: &tree{Flat: []int{4}}}
	c := Of(v)
	if !reflect.DeepEqual(c, v) {
		t.Fatal("copy differs")
	}
	c.Leaves[0].Tags[0] = "changed"
	c.ByName["a"].Name = "changed"
	c.Any.([]string)[0] = "changed"
	c.Fixed[0][0] = 9
	c.Flat[0] = 9
	c.Ptr.Flat[0] = 9
	if v.Leaves[0].Tags[0] != "x" || l.Name != "a" || v.Any.([]string)[0] != "i" || v.Fixed[0][0] != 1 || v.Flat[0] != 3 || v.Ptr.Flat[0] != 4 {
		t.Fatalf("the original changed with the copy: %+v", v)
	}
}
