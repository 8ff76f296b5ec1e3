package scenarios

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"drillbook/plan"
)

// Offset is an exercise time from the start of a run, written "T+05:00"
// (minutes:seconds) or "T+1:05:00" (hours:minutes:seconds).
type Offset time.Duration

// ParseOffset reads "T+mm:ss" or "T+h:mm:ss"; a plain duration ("5m") is
// accepted too.
func ParseOffset(s string) (Offset, error) {
	t := strings.TrimSpace(s)
	rest, ok := strings.CutPrefix(t, "T+")
	if !ok {
		d, err := plan.ParseDuration(t)
		if err != nil || d < 0 {
			return 0, fmt.Errorf("invalid offset %q (want T+mm:ss)", s)
		}
		return Offset(d), nil
	}
	parts := strings.Split(rest, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, fmt.Errorf("invalid offset %q (want T+mm:ss or T+h:mm:ss)", s)
	}
	var total time.Duration
	units := []time.Duration{time.Hour, time.Minute, time.Second}[3-len(parts):]
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || p == "" || (i > 0 && (n > 59 || len(p) != 2)) || n > 10000 {
			return 0, fmt.Errorf("invalid offset %q (want T+mm:ss or T+h:mm:ss)", s)
		}
		total += time.Duration(n) * units[i]
	}
	return Offset(total), nil
}

// D returns the offset as a time.Duration.
func (o Offset) D() time.Duration { return time.Duration(o) }

// String renders "T+mm:ss", or "T+h:mm:ss" from one hour on.
func (o Offset) String() string {
	d := time.Duration(o)
	sign := "+"
	if d < 0 {
		sign, d = "-", -d
	}
	h, m, s := int(d/time.Hour), int(d/time.Minute)%60, int(d/time.Second)%60
	if h > 0 {
		return fmt.Sprintf("T%s%d:%02d:%02d", sign, h, m, s)
	}
	return fmt.Sprintf("T%s%02d:%02d", sign, m, s)
}

// MarshalText writes the T+ form.
func (o Offset) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText reads the T+ form.
func (o *Offset) UnmarshalText(b []byte) error {
	v, err := ParseOffset(string(b))
	if err != nil {
		return err
	}
	*o = v
	return nil
}
