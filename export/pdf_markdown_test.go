package export

import "testing"

func TestPlainMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"The caller says: *\"Is the portal hacked??\"*":        "The caller says: \"Is the portal hacked??\"",
		"> Thank you for your appeal.\n> Our team will reply.": "Thank you for your appeal. Our team will reply.",
		"Check the **`offers`** record and __now__.":           "Check the offers record and now.",
		"- one\n- two *items*":                                 "• one\n• two items",
		"1. first\n2. second":                                  "1. first\n2. second",
		"2 * 3 = 6, no marks here":                             "2 * 3 = 6, no marks here",
		"See [the status page](https://status.example).":       "See the status page.",
		"```\ndig NS example.org\n```":                         "dig NS example.org",
		"plain text":                                           "plain text",
	} {
		if got := plainMarkdown(in); got != want {
			t.Errorf("plainMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}
