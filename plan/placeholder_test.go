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

func TestPlausibleContact(t *testing.T) {
	cases := []struct {
		c    Contact
		want bool
	}{
		{Contact{Channel: ChannelEmail, Value: "oncall@example.com"}, true},
		{Contact{Channel: ChannelEmail, Value: "oncall"}, false},
		{Contact{Channel: ChannelEmail, Value: "oncall@localhost"}, false},
		{Contact{Channel: ChannelEmail, Value: "TBC"}, false},
		{Contact{Channel: ChannelPhone, Value: "+44 20 7946 0000"}, true},
		{Contact{Channel: ChannelPhone, Value: "call Sam"}, false},
		{Contact{Channel: ChannelSMS, Value: "12345"}, false},
		{Contact{Channel: ChannelPortal, Value: "https://support.example.com"}, true},
		{Contact{Channel: ChannelStatus, Value: "the status page"}, false},
		{Contact{Channel: ChannelPager, Value: "PagerDuty: platform-primary"}, true},
		{Contact{Channel: ChannelChat, Value: "-"}, false},
	}
	for _, c := range cases {
		if got := PlausibleContact(c.c); got != c.want {
			t.Errorf("PlausibleContact(%s %q) = %v, want %v", c.c.Channel, c.c.Value, got, c.want)
		}
	}
}
