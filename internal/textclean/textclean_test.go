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
