package export

import (
	"testing"
	"time"
	"unicode"

	"drillbook/plan"
)

func TestWrappedLines(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width float64
		want  int
	}{
		{"short", 20, 1},
		{"one two three four five six seven eight nine ten", 12, 5},
		{"first\nsecond", 40, 2},
		{"王小明王小明王小明王小明", 12, 3},
		{"x-very-long-identifier-that-does-not-fit", 10, 5},
	} {
		if got := wrappedLines(tc.text, tc.width); got != tc.want {
			t.Errorf("wrappedLines(%q, %v) = %d, want %d", tc.text, tc.width, got, tc.want)
		}
	}
}

func TestFitWidth(t *testing.T) {
	// Short content: as wide as it is; long: the cap; a long word (an ID)
	// widens the column past the cap, up to keepCap.
	if got := fitWidth(8, 8, 30); got > 8*1.1+colPad+0.01 {
		t.Errorf("short column %v", got)
	}
	if got := fitWidth(200, 10, 30); got != 30+colPad {
		t.Errorf("long text column %v, want the cap", got)
	}
	if got := fitWidth(40, 40, 20); got != 44+colPad {
		t.Errorf("ID column %v, want the ID's width", got)
	}
	if got := fitWidth(400, 400, 20); got != keepCap+colPad {
		t.Errorf("huge word column %v, want keepCap", got)
	}
}

func TestTextReplacesWholeIDs(t *testing.T) {
	ws := &plan.Workspace{Runs: []plan.Run{{ID: "dns-1030", ScenarioTitle: "DNS down", Started: time.Date(2026, 10, 30, 19, 0, 0, 0, time.UTC)}},
		Roles: []plan.Role{{ID: "incident-manager", Name: "Incident Manager"}, {ID: "triage", Name: "Triage desk"}}}
	got := newNames(ws).text("Missed in exercise dns-1030 by incident-manager; triage is open; dns-1030x too.")
	want := "Missed in exercise “DNS down” by Incident Manager; triage is open; dns-1030x too."
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// runeWidth skips the script tables below wideFrom: no wide character
// may lie there.
func TestNoWideCharacterBelowWideFrom(t *testing.T) {
	for r := rune(0); r < wideFrom; r++ {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			t.Fatalf("%U is wide but below wideFrom", r)
		}
	}
}

// The shortcut for short lines gives what measuring them word by word
// gives, at every width around the text's own.
func TestWrappedLinesShortcutAgrees(t *testing.T) {
	for _, text := range []string{"Done as the playbook says.", "漢字かなカナ한글 mixed text", "a  b   c", "x", "", "éèê ÿ 𝄞 𝄞"} {
		for w := 0.0; w < 40; w += 0.05 {
			if got, want := wrappedLines(text, w), measuredLines(text, max(1, w-colPad)); got != want {
				t.Fatalf("wrappedLines(%q, %v) = %d, measured %d", text, w, got, want)
			}
		}
	}
}
