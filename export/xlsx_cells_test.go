package export

import (
	"slices"
	"strings"
	"testing"
)

// TestSplitUnitsCountsUTF16 checks the cuts Excel's cell limit needs:
// characters outside the BMP count two units and are never split.
func TestSplitUnitsCountsUTF16(t *testing.T) {
	s := "ab\U0001F600cd\U0001F600" // 1+1+2+1+1+2 units
	if n := utf16Len(s); n != 8 {
		t.Errorf("utf16Len = %d, want 8", n)
	}
	for n, want := range map[int]int{0: 0, 1: 1, 2: 2, 3: 2, 4: 6, 7: 8, 8: len(s), 99: len(s)} {
		if got := unitsPrefix(s, n); got != want {
			t.Errorf("unitsPrefix(%d) = %d bytes, want %d", n, got, want)
		}
	}
	if got, want := splitUnits(s, 3), []string{"ab", "\U0001F600c", "d\U0001F600"}; !slices.Equal(got, want) {
		t.Errorf("splitUnits(3) = %q, want %q", got, want)
	}
	// A limit smaller than one character still makes progress.
	if got, want := splitUnits("\U0001F600\U0001F600", 1), []string{"\U0001F600", "\U0001F600"}; !slices.Equal(got, want) {
		t.Errorf("splitUnits(1) = %q, want %q", got, want)
	}
	if got := splitUnits("", 5); !slices.Equal(got, []string{""}) {
		t.Errorf("splitUnits of nothing = %q", got)
	}
	long := strings.Repeat("x\U0001F600", 20000)
	for i, p := range splitUnits(long, longPart) {
		if utf16Len(p) > longPart {
			t.Errorf("part %d has %d units", i, utf16Len(p))
		}
	}
	if strings.Join(splitUnits(long, longPart), "") != long {
		t.Error("parts do not join back to the text")
	}
}
