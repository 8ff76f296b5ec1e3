package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

func makeDOCX(t testing.TB, in Input, opts Options, run string) []byte {
	t.Helper()
	if opts.Date.IsZero() {
		opts.Date = reportDay
	}
	if opts.Created.IsZero() {
		opts.Created = time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC)
	}
	var buf bytes.Buffer
	if err := DOCX(context.Background(), &buf, in, opts, run, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docxParts unzips a .docx into its parts by name.
func docxParts(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a ZIP package: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts[f.Name] = b
	}
	return parts
}

type xmlRels struct {
	Rels []struct {
		ID         string `xml:"Id,attr"`
		Type       string `xml:"Type,attr"`
		Target     string `xml:"Target,attr"`
		TargetMode string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

type xmlPara struct {
	Style struct {
		Val string `xml:"val,attr"`
	} `xml:"pPr>pStyle"`
	Runs []struct {
		T []string `xml:"t"`
	} `xml:"r"`
}

func (p xmlPara) text() string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(strings.Join(r.T, ""))
	}
	return b.String()
}

// checkDOCX checks a package's structure as a strict reader would: every
// XML part well-formed, every part typed in [Content_Types].xml, every
// relationship resolving to a part, every r:id and r:embed in the
// document naming a relationship. It returns the body's top-level
// paragraphs.
func checkDOCX(t *testing.T, data []byte) []xmlPara {
	t.Helper()
	parts := docxParts(t, data)
	for name, b := range parts {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", name, err)
			}
		}
	}
	var types struct {
		Defaults []struct {
			Ext string `xml:"Extension,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &types); err != nil {
		t.Fatalf("[Content_Types].xml: %v", err)
	}
	for name := range parts {
		if name == "[Content_Types].xml" {
			continue
		}
		typed := slices.ContainsFunc(types.Overrides, func(o struct {
			Part string `xml:"PartName,attr"`
		}) bool {
			return o.Part == "/"+name
		}) || slices.ContainsFunc(types.Defaults, func(d struct {
			Ext string `xml:"Extension,attr"`
		}) bool {
			return strings.HasSuffix(name, "."+d.Ext)
		})
		if !typed {
			t.Errorf("part %s has no content type", name)
		}
	}
	docRels := map[string]bool{}
	for relsName, source := range map[string]string{"_rels/.rels": "", "word/_rels/document.xml.rels": "word"} {
		var rels xmlRels
		if err := xml.Unmarshal(parts[relsName], &rels); err != nil {
			t.Fatalf("%s: %v", relsName, err)
		}
		if len(rels.Rels) == 0 {
			t.Errorf("%s has no relationships", relsName)
		}
		for _, r := range rels.Rels {
			if r.TargetMode == "External" {
				continue
			}
			if _, ok := parts[path.Join(source, r.Target)]; !ok {
				t.Errorf("%s: %s points at %s, which is not in the package", relsName, r.ID, r.Target)
			}
			if source == "word" {
				docRels[r.ID] = true
			}
		}
	}
	for _, name := range []string{"word/document.xml", "word/header1.xml", "word/footer1.xml"} {
		dec := xml.NewDecoder(bytes.NewReader(parts[name]))
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			if se, ok := tok.(xml.StartElement); ok {
				for _, a := range se.Attr {
					if a.Name.Space == "http://schemas.openxmlformats.org/officeDocument/2006/relationships" && !docRels[a.Value] {
						t.Errorf("%s: <%s> names relationship %q, which document.xml.rels does not have", name, se.Name.Local, a.Value)
					}
				}
			}
		}
	}
	var doc struct {
		Paras []xmlPara `xml:"body>p"`
	}
	if err := xml.Unmarshal(parts["word/document.xml"], &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Paras
}

// headings lists the text of the body's paragraphs styled Heading n.
func headings(paras []xmlPara, style string) []string {
	var out []string
	for _, p := range paras {
		if p.Style.Val == style {
			out = append(out, p.text())
		}
	}
	return out
}

func TestDOCXStructure(t *testing.T) {
	ws := demoWorkspace(t)
	data := makeDOCX(t, Input{Workspace: ws}, Options{Assessor: "Jo Assessor", Marking: "CONFIDENTIAL — client"}, "")
	paras := checkDOCX(t, data)
	parts := docxParts(t, data)
	latest := &ws.Runs[len(ws.Runs)-1]

	if got := headings(paras, "Title"); len(got) != 1 || got[0] != "After-action report and improvement plan" {
		t.Errorf("Title paragraphs %q", got)
	}
	h1 := headings(paras, "Heading1")
	for _, want := range []string{"Summary", "Timeline", "Critical tasks and timer deadlines", "Decisions", "Findings", "Improvement plan"} {
		if !slices.Contains(h1, want) {
			t.Errorf("no Heading 1 %q in %q", want, h1)
		}
	}
	if h2 := headings(paras, "Heading2"); !slices.Contains(h2, "Strengths") || !slices.Contains(h2, "Areas for improvement") {
		t.Errorf("Heading 2s %q", h2)
	}
	if sub := headings(paras, "Subtitle"); len(sub) != 1 || !strings.Contains(sub[0], runTitle(latest)) {
		t.Errorf("the report is not of the latest run %q: subtitle %q", runTitle(latest), sub)
	}
	styles := string(parts["word/styles.xml"])
	for i, id := range []string{"Heading1", "Heading2", "Heading3"} {
		start := strings.Index(styles, `w:styleId="`+id+`"`)
		end := strings.Index(styles[max(start, 0):], "</w:style>")
		if start < 0 || end < 0 || !strings.Contains(styles[start:start+end], `<w:outlineLvl w:val="`+string(rune('0'+i))+`"/>`) {
			t.Errorf("style %s is missing or has no outline level %d", id, i)
		}
	}
	if !strings.Contains(styles, `w:type="table" w:styleId="ReportTable"`) {
		t.Error("no table style")
	}
	doc := string(parts["word/document.xml"])
	if n := strings.Count(doc, "<w:tbl>"); n < 4 {
		t.Errorf("%d tables, want facts, tasks, findings, plan and more", n)
	}
	if !strings.Contains(doc, `<w:tblHeader/>`) {
		t.Error("no table repeats its header row")
	}
	png := parts["word/media/image1.png"]
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatal("no timeline picture")
	}
	if !strings.Contains(doc, `descr="Timeline of the exercise over`) {
		t.Error("the timeline has no alternative text")
	}
	core := string(parts["docProps/core.xml"])
	for _, want := range []string{"<dc:creator>Jo Assessor</dc:creator>", "<dc:title>After-action report and improvement plan: ", "2026-11-24T09:00:00Z"} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %q:\n%s", want, core)
		}
	}
	if !strings.Contains(string(parts["word/header1.xml"]), "CONFIDENTIAL — client") {
		t.Error("the marking is not in the page header")
	}
	// The same input gives the same bytes (fixed Created).
	if again := makeDOCX(t, Input{Workspace: ws}, Options{Assessor: "Jo Assessor", Marking: "CONFIDENTIAL — client"}, ""); !bytes.Equal(again, data) {
		t.Error("two writes of one report differ")
	}
}

func TestDOCXRunChoice(t *testing.T) {
	ws := demoWorkspace(t)
	first := ws.Runs[0]
	paras := checkDOCX(t, makeDOCX(t, Input{Workspace: ws}, Options{}, first.ID))
	if sub := headings(paras, "Subtitle"); len(sub) != 1 || !strings.Contains(sub[0], runTitle(&first)) {
		t.Errorf("--run %s: subtitle %q", first.ID, sub)
	}
	all := checkDOCX(t, makeDOCX(t, Input{Workspace: ws}, Options{}, AllRuns))
	h1 := headings(all, "Heading1")
	for _, r := range ws.Runs {
		if !slices.Contains(h1, runTitle(&r)) {
			t.Errorf("all runs: no Heading 1 for %q in %q", runTitle(&r), h1)
		}
	}
	if h2 := headings(all, "Heading2"); !slices.Contains(h2, "Timeline") {
		t.Errorf("all runs: a run's sections should be Heading 2, got %q", h2)
	}
	var buf bytes.Buffer
	err := DOCX(context.Background(), &buf, Input{Workspace: ws}, Options{Date: reportDay}, "no-such-run", nil)
	if err == nil || !strings.Contains(err.Error(), `"no-such-run"`) || !strings.Contains(err.Error(), first.ID) {
		t.Errorf("unknown run: err %v, want one naming it and the runs there are", err)
	}
	empty := plan.Demo()
	paras = checkDOCX(t, makeDOCX(t, Input{Workspace: empty}, Options{}, ""))
	if !slices.ContainsFunc(paras, func(p xmlPara) bool { return strings.HasPrefix(p.text(), "No exercise has been run yet") }) {
		t.Error("a workspace without runs should say so")
	}
}

func TestDOCXNonAttributable(t *testing.T) {
	ws := demoWorkspace(t)
	data := makeDOCX(t, Input{Workspace: ws}, Options{Assessor: "Jo Assessor", NonAttributable: true}, AllRuns)
	parts := docxParts(t, data)
	all := string(parts["word/document.xml"]) + string(parts["docProps/core.xml"])
	for _, p := range append(ws.People, plan.Person{Name: "Jo Assessor"}) {
		if p.Name != "" && strings.Contains(all, p.Name) {
			t.Errorf("non-attributable report names %q", p.Name)
		}
	}
	if !strings.Contains(string(parts["docProps/core.xml"]), "<dc:creator>Drillbook</dc:creator>") {
		t.Error("creator should be Drillbook when nobody is named")
	}
}

// TestDOCXHostile writes the hostile workspace (10,000-character text,
// XML specials, control characters XML 1.0 forbids, RTL and bidi
// overrides) and checks the package is still well-formed and keeps the
// text.
func TestDOCXHostile(t *testing.T) {
	ws := hostileDOCXWorkspace(t)
	data := makeDOCX(t, Input{Workspace: ws}, Options{Marking: "CONFIDENTIAL\x00 — \u202Eclient", Assessor: "<b>&"}, ws.Runs[0].ID)
	checkDOCX(t, data)
	doc := string(docxParts(t, data)["word/document.xml"])
	for _, want := range []string{"&lt;w:p&gt;&amp;amp; &quot;quoted&quot; &apos;single&apos; ]]&gt;", "nul\uFFFD bel\uFFFD esc\uFFFD \uFFFD end, then שלום עולם, eviltxt.exe", "BEGIN-LONG", "END-LONG"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
	for _, bad := range []string{"\x00", "\x07", "\u202E", "\uFFFE"} {
		if strings.Contains(doc, bad) {
			t.Errorf("document.xml holds %q", bad)
		}
	}
}

// hostileDOCXWorkspace is the hostile workspace with a decision in its
// first run whose words are XML, control characters, Hebrew and a bidi
// override.
func hostileDOCXWorkspace(t testing.TB) *plan.Workspace {
	ws := hostileWorkspace(t)
	ws.Runs[0].Decisions = append(ws.Runs[0].Decisions, plan.DecisionRecord{Prompt: hostileXML, Choice: "nul\x00 bel\x07 esc\x1b \uFFFE end, then שלום עולם, evil\u202Etxt.exe", Grade: "poor"})
	return ws
}

const hostileXML = `<w:p>&amp; "quoted" 'single' ]]>`
