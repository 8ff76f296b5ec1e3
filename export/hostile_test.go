package export

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"drillbook/plan"
)

// Hostile text put through both exports.
var (
	formulaNames = []string{"=1+1", "+cmd|' /C calc'!A0", "-2", "@SUM(A1)"}
	rtlName      = "invoice\u202Egpj.exe"
	emojiName    = "Žofie Dvořák 🚀"
	greekName    = "Ελένη Παπαδοπούλου"
	cyrillicName = "Дмитрий Иванов"
	controlName  = "nul\x00byte\x07bell\x1bescape"
	// long fits in a cell (10,000 characters); huge does not (40,000).
	long = sized("BEGIN-LONG ", "lorem ipsum ", "END-LONG", 10000)
	huge = sized("BEGIN-HUGE ", "dolor sit amet ", "END-HUGE", 40000)
)

// sized repeats word between head and tail to exactly n bytes.
func sized(head, word, tail string, n int) string {
	body := strings.Repeat(word, (n-len(head)-len(tail))/len(word)+1)[:n-len(head)-len(tail)]
	return head + body + tail
}

// hostileWorkspace is the demo with hostile names and notes in the people,
// a supplier, the organisation, an action, a run's log and its hot-wash.
func hostileWorkspace(t testing.TB) *plan.Workspace {
	t.Helper()
	ws := demoWorkspace(t)
	ws.Organisation.Name = "Ελληνική Δοκιμή & Co. 🚀 =1+1"
	names := append(append([]string{}, formulaNames...), rtlName, emojiName, greekName, cyrillicName, controlName)
	for i, n := range names {
		ws.People[i].Name = n
	}
	ws.ThirdParties[0].Name = "-2 Cloud"
	ws.Playbooks[0].Title = "@SUM(A1) playbook"
	ws.Actions[0].Text = long
	ws.Actions[0].Notes = huge
	run := &ws.Runs[0]
	for i := range run.Events {
		if run.Events[i].Kind == plan.EventAction {
			run.Events[i].Note = huge
			run.Events[i].Text = "=HYPERLINK(\"http://example.invalid\",\"click\")"
			break
		}
	}
	run.Hotwash = append(run.Hotwash, plan.HotwashNote{Question: "@SUM(A1)?", Answer: long})
	if len(long) != 10000 || utf8.RuneCountInString(huge) <= cellLimit {
		t.Fatalf("test text sizes are off: %d, %d", len(long), len(huge))
	}
	return ws
}

func TestHostileInputPDF(t *testing.T) {
	ws := hostileWorkspace(t)
	pdf := makePDF(t, Input{Workspace: ws}, Options{Marking: "CONFIDENTIAL\x00 — \u202Eclient"})
	text := pdfToText(t, pdf)
	for _, want := range append(append([]string{}, formulaNames...),
		"invoicegpj.exe", "Žofie Dvořák \uFFFD", greekName, cyrillicName, "nul\uFFFDbyte\uFFFD",
		"Ελληνική Δοκιμή & Co. \uFFFD =1+1", "-2 Cloud", "@SUM(A1) playbook", "BEGIN-LONG", "END-LONG", "BEGIN-HUGE", "END-HUGE",
		"CONFIDENTIAL\uFFFD — client", "=HYPERLINK(") {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	for _, bad := range []string{"\u202E", "\x00", "🚀", "\x07"} {
		if strings.Contains(text, bad) {
			t.Errorf("PDF text contains %q", bad)
		}
	}
	// The 10,000-character texts flow on across pages rather than being
	// cut: every word of them is there.
	flat := strings.Join(strings.Fields(text), " ")
	if n := strings.Count(flat, "lorem ipsum"); n < 2*832-30 {
		t.Errorf("only %d of %d repeats of the long text survive", n, 2*832)
	}
}

func TestHostileInputExcel(t *testing.T) {
	ws := hostileWorkspace(t)
	f := makeXLSX(t, Input{Workspace: ws}, Options{Marking: "CONFIDENTIAL & client"})
	assertNoFormulas(t, f)

	for _, want := range append(append([]string{}, formulaNames...), emojiName, greekName, cyrillicName, "nul\uFFFDbyte\uFFFDbell\uFFFDescape", "invoicegpj.exe") {
		cell, got := findCell(t, f, sheetContacts, want)
		if got != want {
			t.Errorf("Contacts: %q stored as %q (%s)", want, got, cell)
			continue
		}
		if typ, _ := f.GetCellType(sheetContacts, cell); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
			t.Errorf("Contacts!%s (%q) has type %v, want a string", cell, want, typ)
		}
	}
	allCells(t, f, func(sheet, cell, v string) {
		if strings.ContainsAny(v, "\u202E\x00\x07") {
			t.Errorf("%s!%s keeps a control or override character: %q", sheet, cell, v)
		}
		if utf16Len(v) > cellLimit {
			t.Errorf("%s!%s holds %d characters, more than a cell can", sheet, cell, utf16Len(v))
		}
	})
	if _, got := findCell(t, f, sheetImprovement, "BEGIN-LONG"); got != long {
		t.Errorf("the 10,000-character action text was not kept whole (%d characters)", len(got))
	}

	// The 40,000-character texts: cut with a marker naming how much is
	// missing and where, and whole on the Long text sheet.
	long := longTexts(t, f)
	for _, sheet := range []string{sheetImprovement, sheetExerciseLog} {
		cell, got := findCell(t, f, sheet, "BEGIN-HUGE")
		if cell == "" {
			t.Fatalf("%s: the huge text is missing", sheet)
		}
		i := strings.Index(got, "…[truncated: ")
		if i < 0 || !strings.HasPrefix(huge, got[:i]) {
			t.Fatalf("%s!%s: no truncation marker after a prefix of the text: …%q", sheet, cell, got[max(0, len(got)-80):])
		}
		var cut, row int
		rest := got[i+len("…[truncated: "):]
		if _, err := sscanf(rest, &cut, &row); err != nil {
			t.Fatalf("%s!%s: marker %q: %v", sheet, cell, rest, err)
		}
		if want := utf8.RuneCountInString(huge) - utf8.RuneCountInString(got[:i]); cut != want {
			t.Errorf("%s!%s: marker says %d characters cut, %d were", sheet, cell, cut, want)
		}
		if long[row] != huge {
			t.Errorf("%s!%s: 'Long text'!D%d does not hold the whole text (%d of %d characters)", sheet, cell, row, len(long[row]), len(huge))
		}
		if sheet == sheetImprovement {
			if ok, target, _ := f.GetCellHyperLink(sheet, cell); !ok || !strings.Contains(target, "Long text") {
				t.Errorf("%s!%s does not link to the long text (%v %q)", sheet, cell, ok, target)
			}
		}
	}
	props, err := f.GetDocProps()
	if err != nil || props.Description != "CONFIDENTIAL & client" {
		t.Errorf("doc properties %+v, %v", props, err)
	}
}

// sscanf reads "N more characters, see 'Long text'!DR]".
func sscanf(s string, cut, row *int) (int, error) {
	var err error
	a, b, _ := strings.Cut(s, " more characters, see 'Long text'!D")
	if *cut, err = strconv.Atoi(a); err != nil {
		return 0, err
	}
	b, _, _ = strings.Cut(b, "]")
	*row, err = strconv.Atoi(b)
	return 2, err
}

// longTexts joins the parts on the Long text sheet by their first row.
func longTexts(t *testing.T, f *excelize.File) map[int]string {
	t.Helper()
	rows, err := f.GetRows(sheetLongText)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]string{}
	first := 0
	for i, r := range rows[1:] {
		row := i + 2
		if len(r) < 4 {
			t.Fatalf("Long text row %d: %q", row, r)
		}
		if strings.HasPrefix(r[2], "1 of ") {
			first = row
		}
		out[first] += r[3]
	}
	return out
}

func TestHostileInputMarkdown(t *testing.T) {
	ws := hostileWorkspace(t)
	ws.Roles[0].Description = "<script>alert(1)</script> [link](http://example.invalid) | pipe"
	dir := t.TempDir()
	if err := Markdown(context.Background(), dir, Input{Workspace: ws}, Options{Date: reportDay}, nil); err != nil {
		t.Fatal(err)
	}
	b := readFile(t, dir, "roles.md")
	if strings.Contains(b, "<script>") || strings.Contains(b, "[link](") {
		t.Errorf("user text became Markdown or HTML:\n%s", b)
	}
	if strings.ContainsAny(b, "\u202E\x00") || !strings.Contains(b, "invoicegpj.exe") || !strings.Contains(b, greekName) {
		t.Error("names are not cleaned or not kept in roles.md")
	}
}

// hostileMarkup is script, a remote image and a live link, with NUL, BEL
// and a right-to-left override. hostileSteps is the same without the link:
// steps are Markdown the user writes, where a link to a status page is a
// feature (a reader has to click it; nothing is fetched), so links there
// are kept, while images and HTML are not.
const (
	hostileMarkup = "<script>alert(1)</script> ![t](http://example.invalid/t.png) [x](http://example.invalid) \x00\x07\u202E"
	hostileSteps  = "<script>alert(1)</script> ![t](http://example.invalid/t.png) \x00\x07\u202E"
)

// Both halves of the Markdown export, the plan and the playbooks, get the
// same treatment: no file may carry HTML, a remote image, a link built
// from a name, or a control character, wherever the hostile text was put.
func TestHostileInputEveryMarkdownFile(t *testing.T) {
	ws := hostileWorkspace(t)
	ws.Organisation.Name = hostileMarkup
	ws.Organisation.Description = hostileMarkup + "\n# heading\n- list"
	ws.IncidentTypes[0].Name = hostileMarkup
	ws.Severities[0].Name = hostileMarkup
	ws.Roles[0].Name = hostileMarkup
	ws.People[0].Name = hostileMarkup
	ws.ThirdParties[0].Name = hostileMarkup
	ws.Stakeholders[0].Name = hostileMarkup
	ws.EscalationRules[0].Name = hostileMarkup
	for i := range ws.Playbooks {
		pb := &ws.Playbooks[i]
		pb.Title = hostileMarkup
		pb.Summary = hostileSteps + "\n\n<img src=\"http://example.invalid/i.png\">"
		pb.Steps[0].Text = "Open the runbook. " + hostileSteps + "\n<iframe src=\"http://example.invalid\"></iframe>"
		if len(pb.Revisions) > 0 {
			pb.Revisions[0].Summary = hostileMarkup
			pb.Revisions[0].Author = hostileMarkup
		}
	}
	ws.Playbooks[0].Role = ws.Roles[0].ID
	ws.Playbooks[0].Owner = ws.People[0].ID
	dir := t.TempDir()
	if err := Markdown(context.Background(), dir, Input{Workspace: ws}, Options{Date: reportDay}, nil); err != nil {
		t.Fatal(err)
	}
	files := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		name, _ := filepath.Rel(dir, path)
		if bad := unsafeMarkdown(string(b)); bad != "" {
			t.Errorf("%s: %s", name, bad)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files != 4+len(ws.Playbooks)+1 {
		t.Errorf("checked %d files", files)
	}
	// The text is still there, readable.
	if b := readFile(t, filepath.Join(dir, "playbooks"), ws.Playbooks[0].ID+".md"); !strings.Contains(b, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(b, "Open the runbook.") {
		t.Errorf("the playbook lost its text:\n%s", b)
	}
}

// unsafeMarkdown names the first unsafe thing in md: a raw "<script", a
// live link or image to a remote address, a control or bidi-override
// character, or anything a CommonMark renderer takes for HTML (other than
// the exporter's own <br> in table cells) or an image.
func unsafeMarkdown(md string) string {
	lower := strings.ToLower(md)
	switch {
	case strings.Contains(lower, "<script"), strings.Contains(lower, "<img"), strings.Contains(lower, "<iframe"):
		return "raw HTML tag"
	case strings.Contains(md, "](http"):
		return "a link or image to a remote address"
	case strings.Contains(md, "!["):
		return "an image"
	case strings.ContainsAny(md, "\x00\x07\u202E"):
		return "NUL, BEL or RLO written raw"
	}
	bad := ""
	src := []byte(md)
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.RawHTML); ok && h.Segments.Len() == 1 && string(src[h.Segments.At(0).Start:h.Segments.At(0).Stop]) == "<br>" {
			return ast.WalkContinue, nil // the exporter's own line break in a table cell
		}
		switch n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock, *ast.Image, *ast.AutoLink:
			bad = "renders as " + n.Kind().String()
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return bad
}
