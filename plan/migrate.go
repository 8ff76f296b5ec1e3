package plan

import (
	"encoding/json"
	"errors"
	"fmt"
)

// A migration rewrites a generic JSON document from version N to N+1.
// Migrations work on maps, not on the current Go types, so old files keep
// migrating even after the types move on.
type migration func(doc map[string]any) error

// migrations[n] migrates version n to n+1.
var migrations = []migration{
	0: migrateV0,
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
