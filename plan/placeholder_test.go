package plan

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
)

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

// placeholderReference is Placeholder written the plain way, lower-casing
// and splitting the whole text; the allocation-free one must agree with it
// everywhere.
func placeholderReference(text string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	t = strings.TrimRight(t, ".!:;, ")
	if t == "" || placeholders[t] || strings.HasPrefix(t, "lorem ipsum") {
		return true
	}
	words := strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) > 0 && placeholderLead[words[0]] {
		return true
	}
	short := len(strings.TrimRight(strings.TrimSpace(text), ".!:;, ")) <= shortText
	if len(words) <= 3 && short && slices.ContainsFunc(words, func(w string) bool { return placeholderLead[w] }) {
		return true
	}
	n := 0
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
			if n >= 3 {
				return false
			}
		}
	}
	return true
}

// placeholderCorpus is every text of the demo plus the awkward cases:
// case, long texts, lead words after punctuation, non-ASCII letters and
// invalid UTF-8.
func placeholderCorpus() []string {
	corpus := []string{
		"TO BE CONFIRMED", "To Be Confirmed.", "Fill In Later!", "LOREM IPSUM", " lorem ipsumdolor", "Lorem", "loremipsum",
		"FIXME", "FixMe: later", "-- todo --", "(TBC) the on-call phone", "TBCs are fine", "todos", "xxxx", "ⅩⅩⅩ",
		strings.Repeat("-", 70) + " tbc", strings.Repeat("!", 59) + "todo and more", strings.Repeat("ab ", 40),
		"K", "İİ", "ǅ", "ſ ſ", "\xff\xfe", "tb\xffc", "TBC\xff", "ÀÉÎ", "Ωmega",
	}
	var collect func(v reflect.Value)
	collect = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			corpus = append(corpus, v.String())
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				collect(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					collect(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				collect(v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				collect(k)
				collect(v.MapIndex(k))
			}
		}
	}
	collect(reflect.ValueOf(Demo()))
	for p := range placeholders {
		corpus = append(corpus, p, strings.ToUpper(p), p+" and more")
	}
	return corpus
}

func TestPlaceholderAgreesWithReference(t *testing.T) {
	for _, s := range placeholderCorpus() {
		if got, want := Placeholder(s), placeholderReference(s); got != want {
			t.Errorf("Placeholder(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzPlaceholder(f *testing.F) {
	for _, s := range placeholderCorpus()[:40] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Placeholder(s), placeholderReference(s); got != want {
			t.Errorf("Placeholder(%q) = %v, want %v", s, got, want)
		}
	})
}

func BenchmarkPlaceholderStep(b *testing.B) {
	step := "Acknowledge the alert in Pagerline, open an incident in #incidents and post the first facts: what is failing, since when, who is affected."
	for b.Loop() {
		Placeholder(step)
	}
}
