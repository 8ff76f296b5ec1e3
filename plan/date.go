package plan

import (
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar day (no time of day), written as "2006-01-02".
// The zero Date means "not set".
type Date struct{ t time.Time }

// DateOf returns the calendar day of t.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// NewDate builds a Date from its parts.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ParseDate parses "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("invalid date %q (want YYYY-MM-DD)", s)
	}
	return Date{t}, nil
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return d.t }

// Add returns the date moved by whole days of dur, rounded towards the
// past (-36h moves back two days).
func (d Date) Add(dur Duration) Date {
	days := dur.D() / (24 * time.Hour)
	if dur < 0 && dur.D()%(24*time.Hour) != 0 {
		days--
	}
	return Date{d.t.AddDate(0, 0, int(days))}
}

// Before reports whether d is strictly before o.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }

// String renders the date, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// MarshalJSON writes the date as text; an unset date is written as "".
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads "2006-01-02" or "".
func (d *Date) UnmarshalJSON(b []byte) error {
	s, err := jsonString(b)
	if err != nil {
		return fmt.Errorf("date must be text like \"2026-01-31\"")
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
