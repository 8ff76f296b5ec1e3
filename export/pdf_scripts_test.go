package export

import (
	"strings"
	"testing"

	"drillbook/plan"
)

// scriptsWorkspace is the demo with four people renamed into Chinese,
// Hebrew and Arabic script.
func scriptsWorkspace(t *testing.T) *plan.Workspace {
	ws := demoWorkspace(t)
	for i, name := range []string{"王小明", "李小红", "דוד כהן", "محمد علي"} {
		ws.People[i].Name = name
	}
	return ws
}

func TestNamesInOtherScripts(t *testing.T) {
	ws := scriptsWorkspace(t)
	pdf := makePDF(t, Input{Workspace: ws}, demoOpts)
	text := pdfToText(t, pdf, "-raw")
	if fallbackFor('王') != nil {
		for _, name := range []string{"王小明", "李小红"} {
			if !strings.Contains(text, name) {
				t.Errorf("the PDF does not show %s", name)
			}
		}
	} else if !strings.Contains(text, "name in Chinese characters") {
		t.Error("no font for Chinese, and the PDF does not say so")
	}
	if fallbackFor('ד') != nil {
		// pdftotext reads the drawn (visual) order back as logical
		// order, word by word, with embedding marks around the words.
		if !strings.Contains(text, "דוד") || !strings.Contains(text, "כהן") {
			t.Error("the PDF does not show דוד כהן")
		}
	} else if !strings.Contains(text, "name in Hebrew script") {
		t.Error("no font for Hebrew, and the PDF does not say so")
	}
	if strings.Contains(text, "محمد") {
		t.Error("the PDF draws Arabic unshaped")
	}
	labels := personLabels(ws)
	note := labels[ws.People[3].ID] + ": name in Arabic script"
	if strings.Count(text, note) != 1 {
		t.Errorf("the appendix should say once %q", note)
	}
	if strings.Contains(text, string(replacement)) {
		t.Error("the PDF prints U+FFFD for a name")
	}
}

func TestVisualOrderReversesHebrewOnly(t *testing.T) {
	for in, want := range map[string]string{
		"דוד כהן":           "ןהכ דוד",
		"Manager: דוד כהן.": "Manager: ןהכ דוד.",
		"王小明 and Ann":       "王小明 and Ann",
		// shin with qamats and shin dot, lamed, vav with holam, final mem:
		// each letter keeps its marks
		"\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd": "\u05dd\u05d5\u05b9\u05dc\u05e9\u05b8\u05c1",
	} {
		if got := visualOrder(in); got != want {
			t.Errorf("visualOrder(%q) = %q, want %q", in, got, want)
		}
	}
}
