package plan

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Duration is a time span written in workspace files as text such as "15m",
// "1h30m", "72h", "90d" or "2w". Days and weeks are accepted because review
// intervals and regulatory deadlines are naturally stated in them.
type Duration time.Duration

// Common durations used by the demo, the defaults and tests.
const (
	Minute = Duration(time.Minute)
	Hour   = Duration(time.Hour)
	Day    = 24 * Hour
	Week   = 7 * Day
)

// D returns d as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// String renders d in the shortest exact form using w, d, h, m and s units.
func (d Duration) String() string {
	if d == 0 {
		return "0"
	}
	neg := d < 0
	if neg {
		d = -d
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	rest := time.Duration(d)
	units := []struct {
		suffix string
		size   time.Duration
	}{{"w", 7 * 24 * time.Hour}, {"d", 24 * time.Hour}, {"h", time.Hour}, {"m", time.Minute}, {"s", time.Second}}
	// Weeks are only used when the whole value is a number of weeks, so
	// "10d" stays "10d" rather than becoming "1w3d".
	for i, u := range units {
		if i == 0 && rest%u.size != 0 {
			continue
		}
		if n := rest / u.size; n > 0 {
			b.WriteString(strconv.FormatInt(int64(n), 10))
			b.WriteString(u.suffix)
			rest -= n * u.size
		}
	}
	if rest > 0 {
		// Sub-second remainders are never produced by the app but must
		// still round-trip.
		b.WriteString(rest.String())
	}
	return b.String()
}

// maxDuration bounds parsed durations well inside int64 nanoseconds, so
// overflow can never turn a huge value into a negative one.
const maxDuration = 100 * 365 * Day

// ParseDuration parses text like "90d", "2w", "1h30m" or "45s". Units may
// repeat ("1d12h"); one leading minus sign is allowed.
func ParseDuration(s string) (Duration, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, fmt.Errorf("empty duration")
	}
	if t == "0" {
		return 0, nil
	}
	neg := false
	if t[0] == '-' {
		neg = true
		t = t[1:]
	}
	// Every component must start with a digit: this rejects "-", "--5m"
	// and signs in the middle ("1d-5m"), which time.ParseDuration would
	// otherwise accept for the remainder.
	if t == "" || t[0] < '0' || t[0] > '9' || strings.ContainsAny(t, "+-") {
		return 0, fmt.Errorf("invalid duration %q (use forms like 15m, 1h30m, 90d)", s)
	}
	var total time.Duration
	// Split off leading day/week components; hand the rest to time.ParseDuration.
	for t != "" {
		i := 0
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i == 0 || i == len(t) || (t[i] != 'd' && t[i] != 'w') {
			break
		}
		unit := 24 * time.Hour
		if t[i] == 'w' {
			unit *= 7
		}
		n, err := strconv.ParseInt(t[:i], 10, 64)
		if err != nil || n > int64(time.Duration(maxDuration)/unit) {
			return 0, fmt.Errorf("duration %q is out of range", s)
		}
		total += time.Duration(n) * unit
		if total > time.Duration(maxDuration) {
			return 0, fmt.Errorf("duration %q is out of range", s)
		}
		t = t[i+1:]
	}
	if t != "" {
		d, err := time.ParseDuration(t)
		if err != nil {
			return 0, fmt.Errorf("invalid duration %q (use forms like 15m, 1h30m, 90d)", s)
		}
		if d > time.Duration(maxDuration) {
			return 0, fmt.Errorf("duration %q is out of range", s)
		}
		total += d
	}
	if total > time.Duration(maxDuration) {
		return 0, fmt.Errorf("duration %q is out of range", s)
	}
	if neg {
		total = -total
	}
	return Duration(total), nil
}

// MarshalJSON writes the duration as text.
func (d Duration) MarshalJSON() ([]byte, error) {
	return json.Marshal(d.String())
}

// UnmarshalJSON reads text durations; a bare number is taken as minutes,
// the unit people most often mean when they type one.
func (d *Duration) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil // encoding/json convention: null leaves the value alone
	}
	if len(b) > 0 && b[0] != '"' {
		var n float64
		if err := json.Unmarshal(b, &n); err != nil {
			return fmt.Errorf("duration must be text like \"15m\"")
		}
		if max := float64(maxDuration / Minute); n > max || n < -max {
			return fmt.Errorf("duration %v minutes is out of range", n)
		}
		*d = Duration(n * float64(time.Minute))
		return nil
	}
	s, err := jsonString(b)
	if err != nil {
		return err
	}
	v, err := ParseDuration(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// jsonString decodes a JSON string. Durations and dates are plain ASCII in
// practice, so the common case slices the quotes off instead of running a
// full json.Unmarshal per field (a large workspace has ~100,000 of them).
func jsonString(b []byte) (string, error) {
	if n := len(b); n >= 2 && b[0] == '"' && b[n-1] == '"' {
		plain := true
		for _, c := range b[1 : n-1] {
			if c == '\\' || c == '"' || c < 0x20 || c >= 0x80 {
				plain = false
				break
			}
		}
		if plain {
			return string(b[1 : n-1]), nil
		}
	}
	var s string
	err := json.Unmarshal(b, &s)
	return s, err
}

// MarshalText lets text formats (YAML scenario files) write durations.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText lets text formats (YAML scenario files) read durations.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
