package prose

import (
	"testing"
	"time"
)

func TestDuration(t *testing.T) {
	for _, c := range []struct {
		in   time.Duration
		want string
	}{
		{0, "0 s"},
		{400 * time.Millisecond, "0 s"},
		{35 * time.Second, "35 s"},
		{3*time.Minute + 35*time.Second + 781790320, "3 min 36 s"},
		{49*time.Minute + 28*time.Second + 175*time.Millisecond, "49 min 28 s"},
		{49 * time.Minute, "49 min"},
		{2*time.Hour + 5*time.Minute + 10*time.Second, "2 h 5 min"},
		{2*time.Hour + 10*time.Second, "2 h"},
		{24 * time.Hour, "1 day"},
		{3*24*time.Hour + 4*time.Hour + 59*time.Minute, "3 days 4 h"},
		{-(3*time.Minute + 35*time.Second), "-3 min 35 s"},
	} {
		if got := Duration(c.in); got != c.want {
			t.Errorf("Duration(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMargin(t *testing.T) {
	for _, c := range []struct {
		in   time.Duration
		want string
	}{
		{6*time.Minute + 24*time.Second + 218*time.Millisecond, "6 min 24 s to spare"},
		{-(3*time.Minute + 35*time.Second + 781*time.Millisecond), "3 min 36 s late"},
		{200 * time.Millisecond, "on the deadline"},
	} {
		if got := Margin(c.in); got != c.want {
			t.Errorf("Margin(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCount(t *testing.T) {
	if got := Count(1, "exercise", "exercises"); got != "1 exercise" {
		t.Error(got)
	}
	if got := Count(0, "exercise", "exercises"); got != "0 exercises" {
		t.Error(got)
	}
	if got := Count(2, "person", "people"); got != "2 people" {
		t.Error(got)
	}
	if Plural(1, "is", "are") != "is" || Plural(3, "is", "are") != "are" {
		t.Error("Plural")
	}
}
