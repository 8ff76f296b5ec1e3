// Package prose writes numbers for readers: durations as "3 min 35 s"
// rather than Go's "3m35.781s", and counts with the right plural. Reports
// and the GUI share it so a figure reads the same everywhere.
package prose

import (
	"strconv"
	"strings"
	"time"
)

// Duration writes a span for a reader, rounded to the second and kept to
// its two largest units: "35 s", "3 min 35 s", "49 min", "2 h 5 min",
// "3 days 4 h". Zero is "0 s"; a negative span keeps its minus sign, so
// callers that mean "late" should say so in words and pass the magnitude.
func Duration(d time.Duration) string {
	if d < 0 {
		return "-" + Duration(-d)
	}
	d = d.Round(time.Second)
	if d == 0 {
		return "0 s"
	}
	units := []struct {
		size       time.Duration
		one, other string
	}{
		{24 * time.Hour, " day", " days"},
		{time.Hour, " h", " h"},
		{time.Minute, " min", " min"},
		{time.Second, " s", " s"},
	}
	var parts []string
	for i, u := range units {
		n := d / u.size
		if n == 0 {
			if len(parts) > 0 {
				// The second unit must follow the first directly: "2 days 30 s"
				// would be a misleading precision.
				break
			}
			continue
		}
		d -= n * u.size
		parts = append(parts, Count(int(n), strings.TrimSpace(u.one), strings.TrimSpace(u.other)))
		if len(parts) == 2 || i == len(units)-1 {
			break
		}
	}
	return strings.Join(parts, " ")
}

// Margin writes how a deadline went: "3 min 35 s to spare", "3 min 35 s
// late", or "on the deadline".
func Margin(spare time.Duration) string {
	spare = spare.Round(time.Second)
	switch {
	case spare > 0:
		return Duration(spare) + " to spare"
	case spare < 0:
		return Duration(-spare) + " late"
	}
	return "on the deadline"
}

// Count writes n with the singular or plural noun: "1 exercise",
// "2 exercises", "0 exercises".
func Count(n int, one, many string) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Plural returns one or many for n, for sentences that place the number
// themselves ("1 person is", "2 people are").
func Plural(n int, one, many string) string {
	if n == 1 || n == -1 {
		return one
	}
	return many
}
