package export

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// textRuns reduces an uncompressed PDF to what a reviewer can read in a
// diff: page by page, every text run with its position (points from the
// bottom left, as in the content stream), face, size, colour and whether
// it is rotated, then a count of the drawing operators on the page. It
// reads the content streams gofpdf writes, so unlike pdftotext it needs no
// external tool and does not change with one's version.
func textRuns(t *testing.T, pdf []byte) string {
	t.Helper()
	doc := string(pdf)
	faces := fontFaces(doc)
	streams := map[string]string{}
	for _, m := range streamRe.FindAllStringSubmatchIndex(doc, -1) {
		n, _ := strconv.Atoi(doc[m[4]:m[5]])
		if m[1]+n > len(doc) {
			t.Fatalf("object %s: stream runs past the end of the file", doc[m[2]:m[3]])
		}
		streams[doc[m[2]:m[3]]] = doc[m[1] : m[1]+n]
	}
	var b strings.Builder
	for i, m := range pageContentsRe.FindAllStringSubmatch(doc, -1) {
		content, ok := streams[m[1]]
		if !ok {
			t.Fatalf("page %d: no content stream %s", i+1, m[1])
		}
		fmt.Fprintf(&b, "=== page %d\n", i+1)
		pageRuns(&b, content, faces)
	}
	if b.Len() == 0 {
		t.Fatal("the PDF has no pages")
	}
	return b.String()
}

var (
	streamRe       = regexp.MustCompile(`(?m)^(\d+) 0 obj\n<</Length (\d+)>>\nstream\n`)
	pageContentsRe = regexp.MustCompile(`/Type /Page\n(?:/[^\n]*\n)*?/Contents (\d+) 0 R`)
	fontRefRe      = regexp.MustCompile(`(?m)^/(F[0-9a-f]+) (\d+) 0 R$`)
	fontObjRe      = regexp.MustCompile(`(?m)^(\d+) 0 obj\n<</Type /Font\n/Subtype /Type0\n/BaseFont /(\S+)`)
)

// fontFaces maps font resource names (gofpdf uses hashes) to base font
// names, which say which face a run uses.
func fontFaces(doc string) map[string]string {
	base := map[string]string{}
	for _, m := range fontObjRe.FindAllStringSubmatch(doc, -1) {
		base[m[1]] = strings.TrimPrefix(m[2], "utf8")
	}
	faces := map[string]string{}
	for _, m := range fontRefRe.FindAllStringSubmatch(doc, -1) {
		if name, ok := base[m[2]]; ok {
			faces[m[1]] = name
		}
	}
	return faces
}

// pageRuns interprets the operators of one content stream that matter for
// text: the graphics state stack (q/Q), fill colour (rg/g), transforms
// (cm), font (Tf), position (Td) and shown strings (Tj, TJ).
func pageRuns(b *strings.Builder, content string, faces map[string]string) {
	type state struct {
		fill    string
		rotated bool
	}
	st := state{fill: "0.000"}
	var stack []state
	var operands []string
	font, size := "", ""
	var x, y string
	drawing := map[string]int{}
	for tok := range pdfTokens(content) {
		if tok[0] == '(' || tok[0] == '/' || tok[0] == '[' || tok[0] == ']' || isNumber(tok) {
			operands = append(operands, tok)
			continue
		}
		arg := func(i int) string { // the i-th operand from the end
			if len(operands) > i {
				return operands[len(operands)-1-i]
			}
			return ""
		}
		switch tok {
		case "q":
			stack = append(stack, st)
		case "Q":
			if len(stack) > 0 {
				st, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "rg":
			st.fill = arg(2) + " " + arg(1) + " " + arg(0)
		case "g":
			st.fill = arg(0)
		case "cm":
			st.rotated = st.rotated || arg(4) != "0.00000" || arg(3) != "0.00000"
		case "Tf":
			font, size = faces[strings.TrimPrefix(arg(1), "/")], arg(0)
			if font == "" {
				font = arg(1)
			}
		case "Td":
			x, y = arg(1), arg(0)
		case "Tj", "TJ":
			var text strings.Builder
			for _, o := range operands {
				if o[0] == '(' {
					raw, _ := pdfLiteral([]byte(o[1:]))
					text.WriteString(utf16BE(raw))
				}
			}
			rot := ""
			if st.rotated {
				rot = " rotated"
			}
			fmt.Fprintf(b, "%s %s %s %s [%s]%s %s\n", x, y, font, size, st.fill, rot, text.String())
		case "re", "l", "c", "m", "f", "S", "B", "b", "s", "n", "w", "Do":
			drawing[tok]++
		}
		operands = operands[:0]
	}
	if len(drawing) > 0 {
		var ops []string
		for _, op := range []string{"m", "l", "c", "re", "f", "S", "B", "b", "s", "n", "w", "Do"} {
			if drawing[op] > 0 {
				ops = append(ops, fmt.Sprintf("%s×%d", op, drawing[op]))
			}
		}
		fmt.Fprintf(b, "drawing: %s\n", strings.Join(ops, " "))
	}
}

// pdfTokens splits a content stream into operands and operators; a
// literal string token keeps its parentheses.
func pdfTokens(s string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for i := 0; i < len(s); {
			c := s[i]
			switch {
			case c == ' ' || c == '\n' || c == '\r' || c == '\t':
				i++
				continue
			case c == '(':
				j, depth := i+1, 0
				for ; j < len(s); j++ {
					if s[j] == '\\' {
						j++
					} else if s[j] == '(' {
						depth++
					} else if s[j] == ')' {
						if depth == 0 {
							break
						}
						depth--
					}
				}
				if !yield(s[i:min(j+1, len(s))]) {
					return
				}
				i = j + 1
				continue
			case c == '[' || c == ']':
				if !yield(s[i : i+1]) {
					return
				}
				i++
				continue
			}
			j := i + 1
			for j < len(s) && !strings.ContainsRune(" \n\r\t()[]/", rune(s[j])) {
				j++
			}
			if !yield(s[i:j]) {
				return
			}
			i = j
		}
	}
}

func isNumber(tok string) bool {
	_, err := strconv.ParseFloat(tok, 64)
	return err == nil
}

// utf16BE decodes the big-endian UTF-16 gofpdf writes for UTF-8 fonts.
func utf16BE(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// The cover's facts sit on the white page below the title band, so they
// must not keep the band's white text colour.
func TestCoverTextIsVisible(t *testing.T) {
	pdf := makePDF(t, Input{Workspace: demoWorkspace(t)}, demoOpts)
	runs := textRuns(t, pdf)
	cover, _, _ := strings.Cut(strings.TrimPrefix(runs, "=== page 1\n"), "=== page 2")
	found := 0
	for _, line := range strings.Split(cover, "\n") {
		for _, label := range []string{"Product", "Report date", "Assessment date", "Assessor", "Alex Reviewer"} {
			if strings.HasSuffix(line, "] "+label) {
				found++
				if strings.Contains(line, "[1.000]") {
					t.Errorf("cover text %q is printed white on white: %s", label, line)
				}
			}
		}
	}
	if found != 5 {
		t.Errorf("found %d of the 5 cover facts:\n%s", found, cover)
	}
}
