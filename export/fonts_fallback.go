package export

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/sfnt"
)

// Names in scripts Noto Sans lacks (Chinese, Japanese, Korean, Hebrew)
// are drawn with a fallback font found on the machine at run time:
// fontconfig's choice for the language where fontconfig is installed
// (fc-match), then the fonts Windows and macOS ship in known places. None
// is embedded in the binary: a CJK font is 4–16 MB per weight, larger
// than the rest of the program, for the few names that need it, and only
// TrueType outlines work with gofpdf, which rules out the CJK fonts most
// systems ship as OpenType/CFF or collections (.otf, .ttc). When no font
// is found, a name that cannot be drawn is printed as a placeholder (see
// pdf_scripts.go), never as rows of U+FFFD.
//
// Arabic script is never drawn from a fallback: its letters join and
// change shape by position, which gofpdf cannot do, and unshaped Arabic
// reads wrongly. Hebrew letters do not join, so reversing a run of them
// for display (gofpdf lays text out left to right) shows it correctly.

// fallbackFace is a font found on the system, used for the runes the
// embedded font lacks.
type fallbackFace struct {
	family  string // as registered with gofpdf
	data    []byte
	covered []bool // BMP runes it has a glyph for
}

// fallbackProbes are the scripts a fallback is looked for, each with a
// fontconfig language and a letter that shows the font has it.
var fallbackProbes = []struct {
	lang  string
	probe rune
}{
	{"zh-cn", '王'}, {"ja", 'あ'}, {"ko", '한'}, {"he", 'ד'},
}

// knownFontFiles are TrueType fonts that Windows, macOS and common Linux
// distributions ship with CJK or Hebrew letters.
func knownFontFiles() []string {
	var out []string
	if win := os.Getenv("WINDIR"); win != "" {
		for _, f := range []string{"simhei.ttf", "simsunb.ttf", "malgun.ttf", "arialuni.ttf", "arial.ttf", "david.ttf"} {
			out = append(out, filepath.Join(win, "Fonts", f))
		}
	}
	return append(out,
		"/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
		"/Library/Fonts/Arial Unicode.ttf",
		"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
		"/usr/share/fonts/truetype/arphic/uming.ttf",
		"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
		"/usr/share/fonts/TTF/DejaVuSans.ttf",
	)
}

// fontconfigFiles asks fontconfig for the fonts it would use for each
// probe language, best first; nothing when fc-match is not installed.
func fontconfigFiles() []string {
	tool, err := exec.LookPath("fc-match")
	if err != nil {
		return nil
	}
	var out []string
	for _, p := range fallbackProbes {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		b, err := exec.CommandContext(ctx, tool, "-s", "-f", "%{file}\n", ":lang="+p.lang).Output()
		cancel()
		if err != nil {
			continue
		}
		lines := strings.Split(string(b), "\n")
		out = append(out, lines[:min(len(lines), 12)]...)
	}
	return out
}

// maxFallbackSize bounds the font files read (the largest CJK TrueType
// fonts are about 30 MB).
const maxFallbackSize = 40 << 20

// fallbacks are the fallback faces, found once per process: for each
// probe script the first candidate file that has it, gofpdf can read and
// is TrueType.
var fallbacks = sync.OnceValue(func() []*fallbackFace {
	var out []*fallbackFace
	seen := map[string]bool{}
	have := func(r rune) bool {
		if hasGlyph(r) {
			return true
		}
		for _, f := range out {
			if f.covered[r] {
				return true
			}
		}
		return false
	}
	for _, path := range append(fontconfigFiles(), knownFontFiles()...) {
		missing := false
		for _, p := range fallbackProbes {
			missing = missing || !have(p.probe)
		}
		if !missing {
			break
		}
		path = strings.TrimSpace(path)
		if path == "" || seen[path] || !strings.EqualFold(filepath.Ext(path), ".ttf") {
			continue
		}
		seen[path] = true
		if face := loadFallback(path, len(out)); face != nil && addsProbe(face, have) {
			out = append(out, face)
		}
	}
	return out
})

func addsProbe(f *fallbackFace, have func(rune) bool) bool {
	for _, p := range fallbackProbes {
		if f.covered[p.probe] && !have(p.probe) {
			return true
		}
	}
	return false
}

// loadFallback reads a font file, or returns nil when it is too large,
// unreadable, not TrueType or refused by gofpdf.
func loadFallback(path string, n int) *fallbackFace {
	st, err := os.Stat(path)
	if err != nil || st.Size() > maxFallbackSize {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte{0, 1, 0, 0}) && !bytes.HasPrefix(data, []byte("true")) {
		return nil
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil
	}
	face := &fallbackFace{family: "Fallback" + string(rune('A'+n)), data: data, covered: coverage(f)}
	for r := range face.covered {
		if unicode.Is(unicode.Arabic, rune(r)) {
			face.covered[r] = false // see above: never drawn unshaped
		}
	}
	probe := gofpdf.New("P", "mm", "A4", "")
	probe.AddUTF8FontFromBytes(face.family, "", data)
	if probe.Err() {
		return nil
	}
	return face
}

// fallbackFor returns the fallback face that draws r, or nil.
func fallbackFor(r rune) *fallbackFace {
	if r < 0 || r >= 0x10000 {
		return nil
	}
	for _, f := range fallbacks() {
		if f.covered[r] {
			return f
		}
	}
	return nil
}

// canDraw reports whether the PDF can draw r: the embedded font or a
// fallback has it.
func canDraw(r rune) bool { return hasGlyph(r) || fallbackFor(r) != nil }
