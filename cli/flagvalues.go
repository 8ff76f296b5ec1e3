package cli

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"drillbook/plan"
	"drillbook/scoring"
)

// dateFlag is a --date flag: a day written YYYY-MM-DD, today if not given.
// Its unset value prints as "", so the help does not change every day.
type dateFlag struct{ d plan.Date }

func (f *dateFlag) String() string { return f.d.String() }

func (f *dateFlag) Set(s string) error {
	d, err := plan.ParseDate(s)
	if err != nil {
		return err
	}
	f.d = d
	return nil
}

// day is the date given, or today.
func (f *dateFlag) day() plan.Date {
	if f.d.IsZero() {
		return plan.DateOf(time.Now())
	}
	return f.d
}

// addDateFlag declares --date on fs; usage says what the day is for.
func addDateFlag(fs *flag.FlagSet, usage string) *dateFlag {
	f := new(dateFlag)
	fs.Var(f, "date", usage+", `YYYY-MM-DD` (default today)")
	return f
}

// tierFlag is --fail-below: a readiness tier named in any case; rank 0
// means none was given.
type tierFlag struct {
	tier scoring.Tier
	rank int
}

func (f *tierFlag) String() string { return string(f.tier) }

func (f *tierFlag) Set(s string) error {
	if r := tierRank(s); r > 0 {
		f.tier, f.rank = scoring.Tiers[r-1].Tier, r
		return nil
	}
	return fmt.Errorf("unknown tier %q (Basic, Intermediate or Advanced)", s)
}

// tierRank is 1 for the lowest tier of scoring.Tiers upwards, 0 for
// a name that is none of them (e.g. "None"); names match in any case.
func tierRank(name string) int {
	for i, t := range scoring.Tiers {
		if strings.EqualFold(string(t.Tier), name) {
			return i + 1
		}
	}
	return 0
}
