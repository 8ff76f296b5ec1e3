package export

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"drillbook/internal/testtool"
)

// needTool returns the path of an external program a test needs (see
// testtool: skipped without it, failed when CI is set).
func needTool(t *testing.T, name, hint string) string { return testtool.Need(t, name, hint) }

// pdfToText extracts a PDF's text with poppler's pdftotext (scripts/setup.sh
// installs it; see needTool for when it is missing).
func pdfToText(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	tool := needTool(t, "pdftotext", "install poppler-utils (apt-get install poppler-utils) to read PDFs back")
	path := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(tool, append(append([]string{"-enc", "UTF-8"}, args...), path, "-")...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, stderr.String())
	}
	if s := stderr.String(); strings.Contains(s, "Error") {
		t.Errorf("pdftotext reported errors: %s", s)
	}
	return string(out)
}

// pageTexts splits pdftotext output into pages (form feeds).
func pageTexts(text string) []string {
	pages := strings.Split(text, "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// makePDF writes a PDF of ws in deterministic (uncompressed) form.
func makePDF(t testing.TB, in Input, opts Options) []byte {
	t.Helper()
	opts.Deterministic = true
	if opts.Date.IsZero() {
		opts.Date = reportDay
	}
	var buf bytes.Buffer
	if err := PDF(context.Background(), &buf, in, opts, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func makeXLSX(t testing.TB, in Input, opts Options) *excelize.File {
	t.Helper()
	if opts.Date.IsZero() {
		opts.Date = reportDay
	}
	var buf bytes.Buffer
	if err := Excel(context.Background(), &buf, in, opts, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("excelize cannot open its own output: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

var pageObj = regexp.MustCompile(`/Type /Page\n`)

// pdfPageCount counts page objects in an uncompressed PDF.
func pdfPageCount(pdf []byte) int { return len(pageObj.FindAll(pdf, -1)) }

// outlineTitles reads the bookmark titles from an uncompressed PDF: each
// outline item is "<</Title (…)" with a UTF-16BE literal string.
func outlineTitles(t *testing.T, pdf []byte) []string {
	t.Helper()
	if !bytes.Contains(pdf, []byte("/Outlines ")) {
		t.Fatal("the catalog has no /Outlines")
	}
	var titles []string
	rest := pdf
	for {
		i := bytes.Index(rest, []byte("<</Title ("))
		if i < 0 {
			return titles
		}
		rest = rest[i+len("<</Title ("):]
		raw, n := pdfLiteral(rest)
		rest = rest[n:]
		titles = append(titles, decodePDFText(raw))
	}
}

// pdfLiteral reads a PDF literal string body up to its closing
// parenthesis, undoing escapes; it returns the bytes and how many input
// bytes it used.
func pdfLiteral(b []byte) ([]byte, int) {
	var out []byte
	depth := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b):
			i++
			switch e := b[i]; e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			default:
				if e >= '0' && e <= '7' {
					j := i
					for j < len(b) && j < i+3 && b[j] >= '0' && b[j] <= '7' {
						j++
					}
					v, _ := strconv.ParseUint(string(b[i:j]), 8, 8)
					out = append(out, byte(v))
					i = j - 1
				} else {
					out = append(out, e)
				}
			}
		case c == '(':
			depth++
			out = append(out, c)
		case c == ')':
			if depth == 0 {
				return out, i + 1
			}
			depth--
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out, len(b)
}

// decodePDFText decodes a UTF-16BE string with BOM, or returns it as is.
func decodePDFText(b []byte) string {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		b = b[2:]
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
		return string(utf16.Decode(u))
	}
	return string(b)
}

// allCells calls fn for every cell of every sheet that has a value.
func allCells(t *testing.T, f *excelize.File, fn func(sheet, cell, value string)) {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fn(sheet, ref, v)
			}
		}
	}
}

// assertNoFormulas checks that no cell of the workbook has a formula.
func assertNoFormulas(t *testing.T, f *excelize.File) {
	t.Helper()
	n := 0
	allCells(t, f, func(sheet, cell, _ string) {
		n++
		if fm, err := f.GetCellFormula(sheet, cell); err != nil || fm != "" {
			t.Errorf("%s!%s has formula %q (err %v)", sheet, cell, fm, err)
		}
	})
	if n == 0 {
		t.Error("the workbook has no cells")
	}
}

// findCell returns the first cell whose value contains want.
func findCell(t *testing.T, f *excelize.File, sheet, want string) (string, string) {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			if strings.Contains(v, want) {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				return ref, v
			}
		}
	}
	return "", ""
}
