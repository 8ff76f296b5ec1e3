package plan

// Ladder is one escalation ladder: its tiers in order, each with the time
// it fires measured from when the trigger began to hold.
type Ladder struct {
	Tiers []LadderTier
}

// LadderTier is one rule of a ladder with its absolute offset.
type LadderTier struct {
	Rule int      // index in Workspace.EscalationRules
	At   Duration // first tier's After plus every later tier's After
}

// Ladders groups the escalation rules into ladders by following Follows
// links from each first tier. A rule whose chain is broken (unknown or
// cyclic Follows, which validation reports) starts a ladder of its own, so
// every rule belongs to exactly one ladder.
func (w *Workspace) Ladders() []Ladder {
	if w == nil {
		return nil
	}
	rules := w.EscalationRules
	index := firstIndex(rules, func(r *EscalationRule) string { return r.ID })
	next := make(map[int][]int, len(rules)) // tier → the tiers that follow it
	head := make([]bool, len(rules))
	for i, r := range rules {
		j, ok := index[r.Follows]
		if r.Follows == "" || !ok || j == i {
			head[i] = true
			continue
		}
		next[j] = append(next[j], i)
	}
	placed := make([]bool, len(rules))
	var out []Ladder
	var walk func(l *Ladder, i int, at Duration)
	walk = func(l *Ladder, i int, at Duration) {
		placed[i] = true
		at = addDuration(at, rules[i].After)
		l.Tiers = append(l.Tiers, LadderTier{Rule: i, At: at})
		for _, n := range next[i] {
			if !placed[n] {
				walk(l, n, at)
			}
		}
	}
	for i := range rules {
		if head[i] {
			var l Ladder
			walk(&l, i, 0)
			out = append(out, l)
		}
	}
	// Rules only reachable through a cycle: each cycle becomes a ladder
	// starting at its first rule in plan order.
	for i := range rules {
		if !placed[i] {
			var l Ladder
			walk(&l, i, 0)
			out = append(out, l)
		}
	}
	return out
}

// EscalationOffsets returns, for each escalation rule, when it fires
// measured from the moment its ladder's trigger began to hold.
func (w *Workspace) EscalationOffsets() []Duration {
	if w == nil {
		return nil
	}
	out := make([]Duration, len(w.EscalationRules))
	for _, l := range w.Ladders() {
		for _, t := range l.Tiers {
			out[t.Rule] = t.At
		}
	}
	return out
}

// addDuration adds without overflowing: validation bounds each duration,
// but a long chain of bounded ones could still overflow.
func addDuration(a, b Duration) Duration {
	if b > 0 && a > maxDuration-b {
		return maxDuration
	}
	return a + b
}
