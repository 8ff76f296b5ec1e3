package plan

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestParseDurationAccepts(t *testing.T) {
	tests := []struct {
		in   string
		want Duration
	}{
		{"0", 0},
		{"-0", 0},
		{"0s", 0},
		{"0d", 0},
		{"15m", 15 * Minute},
		{"1h30m", 90 * Minute},
		{"72h", 72 * Hour},
		{"90d", 90 * Day},
		{"2w", 2 * Week},
		{"1w2d", 9 * Day},
		{"1d12h", 36 * Hour},
		{"1d1h1m1s", Day + Hour + Minute + Duration(time.Second)},
		{"45s", 45 * Duration(time.Second)},
		{"1.5h", 90 * Minute},
		{"500ms", Duration(500 * time.Millisecond)},
		{"1s500ms", Duration(1500 * time.Millisecond)},
		{"  15m\t", 15 * Minute},
		{"-15m", -15 * Minute},
		{"-1d", -Day},
		{"-1w1d", -8 * Day},
		{"007d", 7 * Day},
		{"36500d", 36500 * Day},
	}
	for _, tc := range tests {
		got, err := ParseDuration(tc.in)
		if err != nil {
			t.Errorf("ParseDuration(%q): %v", tc.in, err)
			continue
		}
		if got != tc.want {
			t.Errorf("ParseDuration(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestParseDurationRejects(t *testing.T) {
	tests := []struct {
		in, msg string
	}{
		{"", "empty duration"},
		{"   ", "empty duration"},
		{"5", "invalid duration"},
		{"abc", "invalid duration"},
		{"d", "invalid duration"},
		{"1.5d", "invalid duration"},
		{"1h1d", "invalid duration"},
		{"1d 2h", "invalid duration"},
		{"15 m", "invalid duration"},
		{"1y", "invalid duration"},
		{"15M", "invalid duration"},
		{"1D", "invalid duration"},
		{"100001d", "out of range"},
		{"100001w", "out of range"},
		{"99999999999999999999d", "out of range"},
	}
	for _, tc := range tests {
		d, err := ParseDuration(tc.in)
		if err == nil {
			t.Errorf("ParseDuration(%q) = %v, want an error", tc.in, d)
			continue
		}
		if !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParseDuration(%q) error %q, want it to contain %q", tc.in, err, tc.msg)
		}
		if d != 0 {
			t.Errorf("ParseDuration(%q) returned %v with its error, want 0", tc.in, d)
		}
	}
}

func TestDurationString(t *testing.T) {
	tests := []struct {
		in   Duration
		want string
	}{
		{0, "0"},
		{Duration(time.Second), "1s"},
		{15 * Minute, "15m"},
		{90 * Minute, "1h30m"},
		{Hour, "1h"},
		{25 * Hour, "1d1h"},
		{72 * Hour, "3d"},
		{Week, "1w"},
		{2 * Week, "2w"},
		{10 * Day, "10d"}, // not 1w3d
		{Week + Hour, "7d1h"},
		{52 * Week, "52w"},
		{365 * Day, "365d"},
		{Day + Hour + Minute + Duration(time.Second), "1d1h1m1s"},
		{-15 * Minute, "-15m"},
		{-2 * Week, "-2w"},
		{Duration(500 * time.Millisecond), "500ms"},
		{Duration(1500 * time.Millisecond), "1s500ms"},
		{Duration(time.Nanosecond), "1ns"},
	}
	for _, tc := range tests {
		if got := tc.in.String(); got != tc.want {
			t.Errorf("Duration(%d).String() = %q, want %q", int64(tc.in), got, tc.want)
		}
	}
}

func TestDurationStringRoundTrips(t *testing.T) {
	values := []Duration{
		0, Minute, 15 * Minute, 90 * Minute, Hour, 36 * Hour, Day, 10 * Day, Week, 2 * Week,
		Week + Hour, 90 * Day, 365 * Day, -Minute, -Week - Minute,
		Duration(time.Second), Duration(1500 * time.Millisecond), Duration(time.Nanosecond),
		Duration(time.Microsecond), Day + Duration(time.Nanosecond), 36500 * Day,
	}
	for _, d := range values {
		s := d.String()
		back, err := ParseDuration(s)
		if err != nil {
			t.Errorf("ParseDuration(%q) (from %d): %v", s, int64(d), err)
			continue
		}
		if back != d {
			t.Errorf("round trip %d → %q → %d", int64(d), s, int64(back))
		}
	}
}

func TestDurationD(t *testing.T) {
	if got := (90 * Minute).D(); got != 90*time.Minute {
		t.Errorf("D() = %v, want 1h30m", got)
	}
	if Day != Duration(24*time.Hour) || Week != Duration(7*24*time.Hour) {
		t.Errorf("Day = %v, Week = %v", Day, Week)
	}
}

func TestDurationJSONRoundTrip(t *testing.T) {
	in := Targets{Acknowledge: 15 * Minute, FirstUpdate: 90 * Minute, UpdateCadence: 2 * Week, Resolve: 10 * Day}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"acknowledge":"15m","firstUpdate":"1h30m","updateCadence":"2w","resolve":"10d"}`; got != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
	var out Targets
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out != in {
		t.Errorf("round trip = %+v, want %+v", out, in)
	}

	// Zero targets mean "not set" and are omitted.
	if b, _ := json.Marshal(Targets{}); string(b) != "{}" {
		t.Errorf("Marshal(Targets{}) = %s, want {}", b)
	}
	// A required duration is written even when zero.
	if b, _ := json.Marshal(Cadence{Severity: 1}); string(b) != `{"severity":1,"every":"0"}` {
		t.Errorf("Marshal(Cadence{}) = %s", b)
	}
	if b, _ := json.Marshal(-15 * Minute); string(b) != `"-15m"` {
		t.Errorf("Marshal(-15m) = %s", b)
	}
}

func TestDurationUnmarshalJSON(t *testing.T) {
	tests := []struct {
		in   string
		want Duration
	}{
		{`"15m"`, 15 * Minute},
		{`"0"`, 0},
		{`"90d"`, 90 * Day},
		{`"2w"`, 2 * Week},
		{`" 1h "`, Hour},
		{`"\u0031h"`, Hour}, // escaped text takes the slow path
		{`"-1h30m"`, -90 * Minute},
		{`15`, 15 * Minute}, // a bare number is minutes
		{`0`, 0},
		{`1.5`, 90 * Duration(time.Second)},
		{`-5`, -5 * Minute},
		{`1440`, Day},
	}
	for _, tc := range tests {
		var d Duration
		if err := json.Unmarshal([]byte(tc.in), &d); err != nil {
			t.Errorf("Unmarshal(%s): %v", tc.in, err)
			continue
		}
		if d != tc.want {
			t.Errorf("Unmarshal(%s) = %v, want %v", tc.in, d, tc.want)
		}
	}

	bad := []struct {
		in, msg string
	}{
		{`""`, "empty duration"},
		{`"15"`, "invalid duration"},
		{`"soon"`, "invalid duration"},
		{`"1.5d"`, "invalid duration"},
		{`true`, "must be text"},
		{`{}`, "must be text"},
		{`[]`, "must be text"},
		{`2e9`, "out of range"},
		{`-2e9`, "out of range"},
	}
	for _, tc := range bad {
		var d Duration
		err := json.Unmarshal([]byte(tc.in), &d)
		if err == nil {
			t.Errorf("Unmarshal(%s) = %v, want an error", tc.in, d)
			continue
		}
		if !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("Unmarshal(%s) error %q, want it to contain %q", tc.in, err, tc.msg)
		}
	}

	// Inside a struct, the error surfaces from the decoder.
	var s struct {
		After Duration `json:"after"`
	}
	if err := json.Unmarshal([]byte(`{"after":"later"}`), &s); err == nil {
		t.Error("struct with bad duration: want an error")
	}
	if err := json.Unmarshal([]byte(`{"after":"1h"}`), &s); err != nil || s.After != Hour {
		t.Errorf("struct: after = %v, err = %v", s.After, err)
	}
}

func TestParseDateAccepts(t *testing.T) {
	tests := []struct {
		in   string
		want Date
	}{
		{"2026-01-31", NewDate(2026, time.January, 31)},
		{"2024-02-29", NewDate(2024, time.February, 29)},
		{"1999-12-31", NewDate(1999, time.December, 31)},
		{"0001-01-02", NewDate(1, time.January, 2)},
	}
	for _, tc := range tests {
		got, err := ParseDate(tc.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tc.in, err)
			continue
		}
		if !got.Time().Equal(tc.want.Time()) || got.String() != tc.in {
			t.Errorf("ParseDate(%q) = %v, want %v", tc.in, got, tc.want)
		}
		if got.IsZero() {
			t.Errorf("ParseDate(%q) is zero", tc.in)
		}
		if loc := got.Time().Location(); loc != time.UTC {
			t.Errorf("ParseDate(%q) location = %v, want UTC", tc.in, loc)
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, in := range []string{
		"", "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "26-01-31",
		"31/01/2026", "2026/01/31", "2026-01-31T00:00:00Z", " 2026-01-31", "2026-01-31 ", "today",
	} {
		d, err := ParseDate(in)
		if err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", in, d)
			continue
		}
		if !strings.Contains(err.Error(), "want YYYY-MM-DD") {
			t.Errorf("ParseDate(%q) error %q", in, err)
		}
		if !d.IsZero() {
			t.Errorf("ParseDate(%q) returned %v with its error", in, d)
		}
	}
}

func TestDateZeroValue(t *testing.T) {
	var d Date
	if !d.IsZero() || d.String() != "" {
		t.Errorf("zero Date: IsZero = %v, String = %q", d.IsZero(), d.String())
	}
	if NewDate(2026, 1, 1).IsZero() {
		t.Error("NewDate is zero")
	}
}

func TestDateOfUsesTheTimesOwnCalendarDay(t *testing.T) {
	auckland, err := time.LoadLocation("Pacific/Auckland")
	if err != nil {
		t.Fatal(err)
	}
	// 00:30 in Auckland is still the previous day in UTC.
	tm := time.Date(2026, time.March, 1, 0, 30, 0, 0, auckland)
	if got := DateOf(tm).String(); got != "2026-03-01" {
		t.Errorf("DateOf(%v) = %s, want 2026-03-01", tm, got)
	}
	late := time.Date(2026, time.March, 1, 23, 59, 59, 999, time.UTC)
	if got := DateOf(late); got.String() != "2026-03-01" || !got.Time().Equal(NewDate(2026, 3, 1).Time()) {
		t.Errorf("DateOf(%v) = %v, want midnight of 2026-03-01", late, got)
	}
	if NewDate(2026, 2, 29).String() != "2026-03-01" {
		t.Error("NewDate should normalise 29 Feb 2026 to 1 Mar")
	}
}

func TestDateAddAndBefore(t *testing.T) {
	d := NewDate(2026, time.January, 31)
	tests := []struct {
		add  Duration
		want string
	}{
		{0, "2026-01-31"},
		{Day, "2026-02-01"},
		{36 * Hour, "2026-02-01"}, // whole days only
		{23 * Hour, "2026-01-31"},
		{90 * Day, "2026-05-01"},
		{2 * Week, "2026-02-14"},
		{365 * Day, "2027-01-31"},
		{-Day, "2026-01-30"},
	}
	for _, tc := range tests {
		if got := d.Add(tc.add).String(); got != tc.want {
			t.Errorf("%s.Add(%v) = %s, want %s", d, tc.add, got, tc.want)
		}
	}
	if !NewDate(2026, 1, 30).Before(d) || d.Before(d) || d.Before(NewDate(2026, 1, 30)) {
		t.Error("Before is not strict day order")
	}
	if !(Date{}).Before(d) {
		t.Error("the zero date should sort before any set date")
	}
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		D Date `json:"d"`
	}
	b, err := json.Marshal(doc{NewDate(2026, 1, 31)})
	if err != nil || string(b) != `{"d":"2026-01-31"}` {
		t.Errorf("Marshal = %s, %v", b, err)
	}
	b, err = json.Marshal(doc{})
	if err != nil || string(b) != `{"d":""}` {
		t.Errorf("Marshal(zero) = %s, %v", b, err)
	}

	good := []struct {
		in   string
		want string
	}{
		{`{"d":"2026-01-31"}`, "2026-01-31"},
		{`{"d":"2024-02-29"}`, "2024-02-29"},
		{`{"d":"\u0032026-01-31"}`, "2026-01-31"},
		{`{"d":""}`, ""},
		{`{"d":null}`, ""},
		{`{}`, ""},
	}
	for _, tc := range good {
		var v doc
		if err := json.Unmarshal([]byte(tc.in), &v); err != nil {
			t.Errorf("Unmarshal(%s): %v", tc.in, err)
			continue
		}
		if v.D.String() != tc.want {
			t.Errorf("Unmarshal(%s) = %q, want %q", tc.in, v.D, tc.want)
		}
	}

	bad := []struct {
		in, msg string
	}{
		{`{"d":"2026-02-30"}`, "want YYYY-MM-DD"},
		{`{"d":"31/01/2026"}`, "want YYYY-MM-DD"},
		{`{"d":20260131}`, "date must be text"},
		{`{"d":true}`, "date must be text"},
		{`{"d":{}}`, "date must be text"},
	}
	for _, tc := range bad {
		var v doc
		err := json.Unmarshal([]byte(tc.in), &v)
		if err == nil {
			t.Errorf("Unmarshal(%s) = %v, want an error", tc.in, v.D)
			continue
		}
		if !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("Unmarshal(%s) error %q, want it to contain %q", tc.in, err, tc.msg)
		}
	}

	// Round trip through a revision.
	in := Revision{Number: 2, Date: NewDate(2025, 11, 3), Author: "A", Summary: "S"}
	b, err = json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out Revision
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out.Date.String() != "2025-11-03" || !out.Date.Time().Equal(in.Date.Time()) || out.Number != 2 {
		t.Errorf("round trip = %+v from %s", out, b)
	}
}

func TestParseClockAccepts(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"00:00", 0},
		{"00:01", 1},
		{"09:00", 540},
		{"17:30", 17*60 + 30},
		{"23:59", 23*60 + 59},
		{"24:00", 24 * 60},
	}
	for _, tc := range tests {
		got, err := ParseClock(tc.in)
		if err != nil {
			t.Errorf("ParseClock(%q): %v", tc.in, err)
			continue
		}
		if got != tc.want {
			t.Errorf("ParseClock(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestParseClockRejects(t *testing.T) {
	tests := []struct {
		in, msg string
	}{
		{"", "want HH:MM"},
		{"9:00", "want HH:MM"},
		{"09:0", "want HH:MM"},
		{"0900", "want HH:MM"},
		{"09.00", "want HH:MM"},
		{"09:00:00", "want HH:MM"},
		{" 9:00", "between 00:00 and 24:00"},
		{"ab:cd", "between 00:00 and 24:00"},
		{"24:01", "between 00:00 and 24:00"},
		{"24:30", "between 00:00 and 24:00"},
		{"25:00", "between 00:00 and 24:00"},
		{"23:60", "between 00:00 and 24:00"},
		{"-1:00", "between 00:00 and 24:00"},
		{"09:-1", "between 00:00 and 24:00"},
		{"9am", "want HH:MM"},
	}
	for _, tc := range tests {
		m, err := ParseClock(tc.in)
		if err == nil {
			t.Errorf("ParseClock(%q) = %d, want an error", tc.in, m)
			continue
		}
		if !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), tc.in) {
			t.Errorf("ParseClock(%q) error %q, want it to quote the input and contain %q", tc.in, err, tc.msg)
		}
	}
}

func TestDurationRejectsReviewedBadInputs(t *testing.T) {
	for _, s := range []string{"-", " - ", "--5m", "1d-5m", "1d+5m", "20000w", "100000w", "100000d100000d", "100000d2000000h", "+5m"} {
		if d, err := ParseDuration(s); err == nil {
			t.Errorf("ParseDuration(%q) = %v, want an error", s, d)
		}
	}
	for _, js := range []string{"200000000", "1e9", "-1e9"} {
		var d Duration
		if err := d.UnmarshalJSON([]byte(js)); err == nil {
			t.Errorf("UnmarshalJSON(%s) = %v, want out of range", js, d)
		}
	}
	d := 5 * Minute
	if err := d.UnmarshalJSON([]byte("null")); err != nil || d != 5*Minute {
		t.Errorf("null changed the value to %v (%v)", d, err)
	}
	if d, err := ParseDuration("-1d12h"); err != nil || d != -36*Hour {
		t.Errorf("-1d12h = %v, %v", d, err)
	}
}

func TestClockRejectsSigns(t *testing.T) {
	for _, s := range []string{"+1:00", "+9:+5", " 9:00", "09:-1"} {
		if _, err := ParseClock(s); err == nil {
			t.Errorf("ParseClock(%q) accepted", s)
		}
	}
}

func TestDateAddRoundsTowardsPast(t *testing.T) {
	d := NewDate(2026, 3, 10)
	if got := d.Add(-36 * Hour).String(); got != "2026-03-08" {
		t.Errorf("-36h: %s", got)
	}
	if got := d.Add(36 * Hour).String(); got != "2026-03-11" {
		t.Errorf("+36h: %s", got)
	}
}
