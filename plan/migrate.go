package plan

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
)

// A migration rewrites a generic JSON document from version N to N+1.
// Migrations work on maps, not on the current Go types, so old files keep
// migrating even after the types move on.
type migration func(doc map[string]any) error

// migrations[n] migrates version n to n+1.
var migrations = []migration{
	0: migrateV0,
	1: migrateV1,
	2: migrateV2,
	3: migrateV3,
	4: migrateV4,
}

func migrate(data []byte, from int) ([]byte, error) {
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("reading version %d document: %w", from, err)
	}
	if doc == nil {
		// JSON null unmarshals into a nil map, which the migrations
		// would write to. Decode refuses it sooner; this is the backstop.
		return nil, errors.New("the file holds JSON null, not a workspace object")
	}
	for v := from; v < SchemaVersion; v++ {
		if err := migrations[v](doc); err != nil {
			return nil, fmt.Errorf("migrating schema version %d to %d: %w", v, v+1, err)
		}
		doc["schemaVersion"] = v + 1
	}
	return json.Marshal(doc)
}

// migrateV0 upgrades the pre-release format (no schemaVersion), in which the
// organisation was a bare name and severity targets were whole minutes
// ("ackMinutes", "updateMinutes", "resolveMinutes").
func migrateV0(doc map[string]any) error {
	if name, ok := doc["organisation"].(string); ok {
		doc["organisation"] = map[string]any{"name": name}
	}
	sevs, _ := doc["severities"].([]any)
	for i, s := range sevs {
		sev, ok := s.(map[string]any)
		if !ok {
			return fmt.Errorf("severities[%d] is not an object", i)
		}
		targets := map[string]any{}
		for old, now := range map[string]string{"ackMinutes": "acknowledge", "updateMinutes": "updateCadence", "resolveMinutes": "resolve"} {
			v, present := sev[old]
			if !present {
				continue
			}
			n, ok := v.(float64)
			if !ok || n < 0 {
				return fmt.Errorf("severities[%d].%s must be a non-negative number", i, old)
			}
			targets[now] = Duration(int64(n) * int64(Minute)).String()
			delete(sev, old)
		}
		sev["targets"] = targets
	}
	return nil
}

// migrateV1 turns version 1's flat escalation rules, each timed from when
// its trigger began to hold, into ladders (version 2): rules with the same
// trigger and severities are tiers of one ladder in the order they fire,
// each later tier following the one before with the difference in time.
// Every rule keeps the absolute time it fired at.
func migrateV1(doc map[string]any) error {
	rules, _ := doc["escalationRules"].([]any)
	type tier struct {
		rule  map[string]any
		after Duration
		order int
	}
	groups := map[string][]tier{}
	var keys []string
	for i, x := range rules {
		r, ok := x.(map[string]any)
		if !ok {
			return fmt.Errorf("escalationRules[%d] is not an object", i)
		}
		var after Duration
		if s, ok := r["after"].(string); ok {
			d, err := ParseDuration(s)
			if err != nil {
				return fmt.Errorf("escalationRules[%d].after: %w", i, err)
			}
			after = d
		}
		sev, _ := json.Marshal(sortedInts(r["severities"]))
		key := fmt.Sprint(r["trigger"], string(sev))
		if _, seen := groups[key]; !seen {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], tier{r, after, i})
	}
	for _, k := range keys {
		g := groups[k]
		slices.SortStableFunc(g, func(a, b tier) int { return cmp.Compare(a.after, b.after) })
		for i := 1; i < len(g); i++ {
			prevID, _ := g[i-1].rule["id"].(string)
			if prevID == "" {
				continue // an invalid rule without ID cannot be followed
			}
			g[i].rule["follows"] = prevID
			g[i].rule["after"] = (g[i].after - g[i-1].after).String()
		}
	}
	return nil
}

// sortedInts reads a JSON list of numbers for grouping; anything else
// groups as empty, leaving the file's own problems to validation.
func sortedInts(v any) []float64 {
	list, _ := v.([]any)
	out := make([]float64, 0, len(list))
	for _, x := range list {
		if n, ok := x.(float64); ok {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// migrateV2 gives the playbook steps ticked in stored runs the structured
// reference of version 3 (Event.Step). Version 2 kept the step only in the
// action's note, "<playbook ID> step <n>: <step text>"; the note stays.
func migrateV2(doc map[string]any) error {
	runs, _ := doc["runs"].([]any)
	for _, r := range runs {
		run, _ := r.(map[string]any)
		events, _ := run["events"].([]any)
		for _, x := range events {
			ev, _ := x.(map[string]any)
			// The kind names as version 2 wrote them, not today's constants.
			if ev["kind"] != "action" || ev["action"] != "complete-playbook-step" || ev["step"] != nil {
				continue
			}
			note, _ := ev["note"].(string)
			if ref, ok := LegacyStepNote(note); ok {
				ev["step"] = map[string]any{"playbook": ref.Playbook, "step": ref.Step}
			}
		}
	}
	return nil
}

// migrateV3 has nothing to rewrite: version 4 added corrections to run
// logs (EventCorrection with Corrects, Reason and Replacement), which
// older files do not have. The version changes so that an older Drillbook
// refuses a file with corrections as newer instead of as damaged, and
// never saves it back without them.
func migrateV3(map[string]any) error { return nil }

// migrateV4 has nothing to rewrite: version 5 added two optional fields,
// the chosen frameworks ("frameworks") and the organisation's regimes
// ("organisation.regimes"). An older Drillbook would refuse them as
// unknown fields, calling the file damaged; the version makes it say the
// file is newer instead.
func migrateV4(map[string]any) error { return nil }
