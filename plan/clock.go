package plan

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseClock parses a time of day "HH:MM" (00:00–24:00) into minutes after
// midnight. "24:00" is allowed so a shift can end at midnight.
func ParseClock(s string) (int, error) {
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) != 2 || len(m) != 2 || !digits(h) || !digits(m) {
		return 0, fmt.Errorf("invalid time %q (want HH:MM between 00:00 and 24:00)", s)
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 24 || mm < 0 || mm > 59 || (hh == 24 && mm != 0) {
		return 0, fmt.Errorf("invalid time %q (want HH:MM between 00:00 and 24:00)", s)
	}
	return hh*60 + mm, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
