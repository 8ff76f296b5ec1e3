package export

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"drillbook/plan"
)

// Non-attributable reports name roles, not people (as after-action
// reports do under non-attribution): every person is shown by a label
// made from their first role ("Incident Manager"; "Incident Manager 1"
// and "Incident Manager 2" when two share it) or "Participant 1…" when
// they hold none. The rule is personLabels; anonymous applies it to a copy
// of the workspace, so every writer (PDF, workbook, Markdown) and every
// text in it (exercise logs, notes, findings, metadata) gets the same
// labels through the same names methods.

// personLabels maps each person's ID to their label, in the order the
// workspace lists people, so the same workspace always gets the same
// labels.
func personLabels(ws *plan.Workspace) map[string]string {
	first := map[string]string{}
	for _, r := range ws.Roles {
		for _, m := range r.Members {
			if _, ok := first[m]; !ok {
				first[m] = strings.TrimSpace(plan.OrID(r.Name, r.ID))
			}
		}
	}
	base := make([]string, len(ws.People))
	count := map[string]int{}
	for i, p := range ws.People {
		base[i] = first[p.ID]
		if base[i] == "" {
			base[i] = "Participant"
		}
		count[base[i]]++
	}
	labels := make(map[string]string, len(ws.People))
	seen := map[string]int{}
	for i, p := range ws.People {
		b := base[i]
		seen[b]++
		if count[b] > 1 || b == "Participant" {
			b = fmt.Sprintf("%s %d", b, seen[b])
		}
		if _, dup := labels[p.ID]; !dup {
			labels[p.ID] = b
		}
	}
	return labels
}

// anonymous returns a copy of ws in which no person is named: their names
// become their labels wherever they occur (names, notes, logs, revision
// summaries), their contact details "withheld", and their IDs, which are
// often made from the name, "person-1…". The copy is made through JSON
// so that no text field is missed.
func anonymous(ws *plan.Workspace) (*plan.Workspace, error) {
	labels := personLabels(ws)
	var names, ids []swap
	for i, p := range ws.People {
		if n := strings.TrimSpace(p.Name); n != "" {
			names = append(names, swap{n, labels[p.ID]})
		}
		for _, c := range p.Contacts {
			if v := strings.TrimSpace(c.Value); v != "" {
				names = append(names, swap{v, "withheld"})
			}
		}
		if p.ID != "" {
			ids = append(ids, swap{p.ID, fmt.Sprintf("person-%d", i+1)})
		}
	}
	out, err := rewrite(ws, names, ids)
	if err != nil {
		return nil, fmt.Errorf("non-attributable copy: %w", err)
	}
	return out, nil
}

// rewrite returns a copy of ws with every whole occurrence of the names'
// and IDs' old strings replaced, in every text field.
func rewrite(ws *plan.Workspace, names, ids []swap) (*plan.Workspace, error) {
	b, err := json.Marshal(ws)
	if err != nil {
		return nil, err
	}
	s := replaceWhole(string(b), names, isNameChar)
	s = replaceWhole(s, ids, isIDChar)
	out := new(plan.Workspace)
	if err := json.Unmarshal([]byte(s), out); err != nil {
		return nil, err
	}
	return out, nil
}

// swap is one replacement: old by new.
type swap struct{ old, new string }

func isNameChar(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func isIDChar(b byte) bool { return isNameChar(b) || b == '-' || b == '_' }

// replaceWhole replaces each old string of swaps in s (JSON text: both
// sides are written JSON-escaped) where it stands as a whole word: the
// bytes either side must not be word characters (by word), so "Sam" is
// not replaced inside "Sample". A name in a script without ASCII letters
// (王小明) has no such boundary and is replaced wherever it occurs. Longer
// strings are tried first, so "Amira Khan" wins over "Amira".
func replaceWhole(s string, swaps []swap, word func(byte) bool) string {
	if len(swaps) == 0 {
		return s
	}
	swaps = slices.Clone(swaps)
	for i := range swaps {
		swaps[i].old, swaps[i].new = jsonInner(swaps[i].old), jsonInner(swaps[i].new)
	}
	slices.SortStableFunc(swaps, func(a, b swap) int { return len(b.old) - len(a.old) })
	alts := make([]string, len(swaps))
	to := make(map[string]string, len(swaps))
	for i, w := range swaps {
		alts[i] = regexp.QuoteMeta(w.old)
		if _, ok := to[w.old]; !ok {
			to[w.old] = w.new
		}
	}
	re := regexp.MustCompile(strings.Join(alts, "|"))
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		i, j := m[0], m[1]
		if (i > 0 && word(s[i-1]) && word(s[i])) || (j < len(s) && word(s[j]) && word(s[j-1])) {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(to[s[i:j]])
		last = j
	}
	b.WriteString(s[last:])
	return b.String()
}

// jsonInner is s as it appears inside a JSON string.
func jsonInner(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}
