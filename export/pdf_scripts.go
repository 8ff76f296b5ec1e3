package export

import (
	"fmt"
	"strings"
	"unicode"

	"drillbook/internal/textclean"
	"drillbook/scoring"
)

// untypeset is a person whose name the PDF cannot draw: Arabic script
// (gofpdf cannot join its letters) or a script no font on the machine has.
// The PDF shows their label and the script instead, so different people
// stay different; the workbook and the Markdown keep the name exact.
type untypeset struct {
	label, script string
}

// scriptOf names the script of the first letter of name the PDF cannot
// draw, or returns "" when it can draw them all.
func scriptOf(name string) string {
	for _, r := range textclean.Clean(name) {
		switch {
		case unicode.Is(unicode.Arabic, r):
			return "Arabic script"
		case canDraw(r) || !unicode.IsLetter(r):
			continue
		case unicode.Is(unicode.Han, r):
			return "Chinese characters"
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			return "Japanese script"
		case unicode.Is(unicode.Hangul, r):
			return "Korean script"
		case unicode.Is(unicode.Hebrew, r):
			return "Hebrew script"
		default:
			return "a script this PDF has no font for"
		}
	}
	return ""
}

// typesetNames replaces, for the PDF, every name it cannot draw by the
// person's label and script ("Incident Manager 2 (name in Arabic script,
// see the workbook)") throughout the report, and remembers them for the
// appendix's note. The assessment is made again from that copy, on the
// same day, since its sentences name people.
func (r *report) typesetNames() error {
	labels := personLabels(r.ws)
	var swaps []swap
	for _, p := range r.ws.People {
		script := scriptOf(p.Name)
		if script == "" {
			continue
		}
		u := untypeset{label: labels[p.ID], script: script}
		r.untypeset = append(r.untypeset, u)
		swaps = append(swaps, swap{strings.TrimSpace(p.Name), fmt.Sprintf("%s (name in %s, see the workbook)", u.label, u.script)})
	}
	if len(swaps) == 0 {
		return nil
	}
	ws, err := rewrite(r.ws, swaps, nil)
	if err != nil {
		return fmt.Errorf("PDF names: %w", err)
	}
	r.ws, r.a = ws, scoring.Assess(ws, r.a.Date)
	r.derive()
	return nil
}

// untypesetNote says once, in the appendix, whose names are not drawn.
func (d *pdfDoc) untypesetNote() {
	us := d.r.untypeset
	if len(us) == 0 {
		return
	}
	d.subTitle("Names not typeset", true, 12)
	d.muted("This PDF cannot draw these names in their own script; it shows the person's role instead. The Excel workbook and the Markdown export have them exactly.")
	for _, u := range us {
		d.bullet(u.label + ": name in " + u.script)
	}
}
