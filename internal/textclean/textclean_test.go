package textclean

import "testing"

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                        "plain",
		"nul\x00bel\x07esc\x1b":        "nul\uFFFDbel\uFFFDesc\uFFFD",
		"invoice\u202Egpj.exe":         "invoicegpj.exe",
		"a\u2066b\u2069c\u200fd":       "abcd",
		"crlf\r\nlone\rsep\u2028x":     "crlf\nlone\nsep\nx",
		"bad\xffutf8":                  "bad\uFFFDutf8",
		"tab\tkept\nnewline":           "tab\tkept\nnewline",
		"del\x7fc1\u0085nonchar\uFFFE": "del\uFFFDc1\uFFFDnonchar\uFFFD",
		"Ελληνικά 🚀":                   "Ελληνικά 🚀",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// Clean text comes back as the same string, not a copy; text with
// anything to clean never does.
func TestCleanKeepsCleanText(t *testing.T) {
	for _, s := range []string{"plain", "Ελληνικά 🚀 “quoted” — dash", "tab\tand\nnewline", "\uFFFD already"} {
		if n := testing.AllocsPerRun(10, func() { _ = Clean(s) }); n != 0 {
			t.Errorf("Clean(%q) allocated %.0f times", s, n)
		}
		if !isClean(s) {
			t.Errorf("isClean(%q) = false", s)
		}
	}
	for _, s := range []string{"bad\xff", "cr\r", "sep\u2028", "bidi\u202E", "nul\x00", "del\x7f", "c1\u0085", "non\uFFFE"} {
		if isClean(s) || Clean(s) == s {
			t.Errorf("%q passed as clean", s)
		}
	}
}
