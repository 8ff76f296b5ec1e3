package plan

import "testing"

func TestPlaceholder(t *testing.T) {
	for _, s := range []string{"", "  ", "TBC", "tbd.", "TODO: write this", "n/a", "-", "?", "...", "…", "Lorem ipsum dolor sit amet", "x", "ab", "TBC - ask Sam", "None", "Regulator (TBC)"} {
		if !Placeholder(s) {
			t.Errorf("Placeholder(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"999", "Pager", "ops@example.com", "Customer-facing API error rate above 5% for 10 minutes", "私たちの", "Sev 1", "To be escalated to the CISO"} {
		if Placeholder(s) {
			t.Errorf("Placeholder(%q) = true, want false", s)
		}
	}
}
