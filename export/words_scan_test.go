package export

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"drillbook/plan"
)

var (
	// idToken is the token readable scans for, as a regular expression:
	// the reference its scanner is tested against, and how the reader
	// tests find IDs in an output.
	idToken = regexp.MustCompile(`[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?`)
	// planDuration is the plan file's duration notation, as isPlanDuration
	// must recognise it.
	planDuration = regexp.MustCompile(`^(?:\d+[wdhms])+$`)
)

// readableByRegexp is readable as it was written first, on idToken: the
// reference the scanner must agree with.
func readableByRegexp(s string, runs map[string]string) string {
	return idToken.ReplaceAllStringFunc(s, func(tok string) string {
		if t, ok := runs[tok]; ok {
			return t
		}
		if planDuration.MatchString(tok) {
			if d, err := plan.ParseDuration(tok); err == nil {
				return durText(d)
			}
		}
		if w, ok := plan.MachineWord(tok); ok && strings.Contains(tok, "-") {
			return w
		}
		return tok
	})
}

// randomSentence strings together pieces that exercise every edge of a
// token: IDs, durations, machine keys, full stops, hyphens at either end,
// non-ASCII letters and invalid UTF-8.
func randomSentence(r *rand.Rand) string {
	pieces := []string{"run-001", "act-cov-2.3", "15m", "1h30m", "72h", "3d", "0s", "m", "12", "h1",
		"no-update", "assign-incident-manager", "on-call", "Resolve-team", "report-deadline", "-", ".", "_",
		"x.", "-x", "a--b", "a..b", " ", " ", "\n", ", ", "é", "Ελληνικά", "\xff", "(", ")", "“", "”", "9w9", "1h30"}
	var b strings.Builder
	for n := r.IntN(12); n >= 0; n-- {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestReadableScansAsTheRegexpDid(t *testing.T) {
	runs := map[string]string{"run-001": "“DNS outage”", "act-cov-2.3": "“Add a deputy”", "h1": "“H1”"}
	r := rand.New(rand.NewPCG(16, 95))
	for range 20000 {
		s := randomSentence(r)
		if got, want := readable(s, runs), readableByRegexp(s, runs); got != want {
			t.Fatalf("readable(%q) = %q, the regexp gave %q", s, got, want)
		}
	}
}

func TestIsPlanDuration(t *testing.T) {
	for _, s := range []string{"", "15m", "1h30m", "3d", "2w", "m", "15", "15mm", "1h30", "h1", "0s", "1x", "١m", "15m "} {
		if got, want := isPlanDuration(s), planDuration.MatchString(s); got != want {
			t.Errorf("isPlanDuration(%q) = %v, want %v", s, got, want)
		}
	}
}

// A sentence with nothing to replace comes back as it is, not copied: the
// exercise log runs readable on every event.
func TestReadableDoesNotCopyPlainText(t *testing.T) {
	s := "Acknowledged the alert and paged the team. All good."
	if n := testing.AllocsPerRun(10, func() { _ = readable(s, nil) }); n != 0 {
		t.Errorf("readable allocated %.0f times for plain text", n)
	}
}

// BenchmarkReadable compares the scanner with the regexp it replaced on a
// typical exercise-log sentence.
func BenchmarkReadable(b *testing.B) {
	s := "Escalated to head-of-engineering after 15m; see run-001 and on-call notes."
	runs := map[string]string{"run-001": "“DNS outage”"}
	b.Run("scan", func(b *testing.B) {
		for range b.N {
			_ = readable(s, runs)
		}
	})
	b.Run("regexp", func(b *testing.B) {
		for range b.N {
			_ = readableByRegexp(s, runs)
		}
	})
}
