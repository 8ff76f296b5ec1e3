package plan

import "drillbook/internal/deepcopy"

// Clone returns a deep copy of the workspace that shares no slice, map or
// pointer with it, so a save can encode the copy on another goroutine
// while the editor goes on changing the original. It costs a fraction of
// an encode (BenchmarkCloneLarge): taking it is the only part of a save
// that must happen where the workspace is edited.
func (w *Workspace) Clone() *Workspace {
	if w == nil {
		return nil
	}
	c := deepcopy.Of(*w)
	return &c
}
