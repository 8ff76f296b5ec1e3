package export

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"drillbook/plan"
)

// personSecrets are what identifies each person: name, e-mail, phone and
// every other contact value, and the ID (often made from the name).
func personSecrets(ws *plan.Workspace) []string {
	var out []string
	for _, p := range ws.People {
		out = append(out, p.Name)
		if strings.ContainsAny(p.ID, "-_") {
			out = append(out, p.ID)
		}
		for _, c := range p.Contacts {
			out = append(out, c.Value)
		}
	}
	return out
}

// pdfInfo decodes the document-information strings of a PDF.
func pdfInfo(pdf []byte) string {
	var b strings.Builder
	for _, key := range []string{"/Title (", "/Subject (", "/Author (", "/Keywords (", "/Creator ("} {
		if i := bytes.Index(pdf, []byte(key)); i >= 0 {
			lit, _ := pdfLiteral(pdf[i+len(key):])
			b.WriteString(key + decodePDFText(lit) + ")\n")
		}
	}
	return b.String()
}

func TestNonAttributableNamesNobody(t *testing.T) {
	for name, ws := range exercisedAndDemo(t) {
		t.Run(name, func(t *testing.T) {
			opts := demoOpts
			opts.NonAttributable = true
			pdf := makePDF(t, Input{Workspace: ws}, opts)
			outputs := map[string]string{
				"PDF text":       pdfToText(t, pdf, "-raw"),
				"PDF text runs":  textRuns(t, pdf),
				"PDF properties": pdfInfo(pdf),
			}
			dir := filepath.Join(t.TempDir(), "md")
			if err := Markdown(context.Background(), dir, Input{Workspace: ws}, opts, nil); err != nil {
				t.Fatal(err)
			}
			for path, body := range treeOf(t, dir) {
				outputs["Markdown "+path] = body
			}
			for what, text := range outputs {
				for _, s := range personSecrets(ws) {
					if s != "" && strings.Contains(text, s) {
						t.Errorf("%s names %q", what, s)
					}
				}
			}
			if !strings.Contains(outputs["PDF text"], "Incident Manager") {
				t.Error("the PDF does not show people by role")
			}
		})
	}
}

func TestPersonLabels(t *testing.T) {
	ws := &plan.Workspace{
		People: []plan.Person{{ID: "a", Name: "Ann"}, {ID: "b", Name: "Bob"}, {ID: "c", Name: "Cy"}, {ID: "d", Name: "Di"}},
		Roles: []plan.Role{
			{ID: "im", Name: "Incident Manager", Members: []string{"a", "b"}},
			{ID: "comms", Name: "Comms Lead", Members: []string{"c", "a"}},
		},
	}
	got := personLabels(ws)
	want := map[string]string{"a": "Incident Manager 1", "b": "Incident Manager 2", "c": "Comms Lead", "d": "Participant 1"}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: label %q, want %q", id, got[id], w)
		}
	}
}

func TestAnonymousReplacesWholeNamesOnly(t *testing.T) {
	ws := &plan.Workspace{
		People:       []plan.Person{{ID: "sam-lee", Name: "Sam", Contacts: []plan.Contact{{Channel: plan.ChannelEmail, Value: "sam@example.org"}}}, {ID: "wang", Name: "王小明"}},
		Roles:        []plan.Role{{ID: "im", Name: "Incident Manager", Members: []string{"sam-lee"}}},
		Organisation: plan.Organisation{Description: "Sample text: Sam asked 王小明的 team; write to sam@example.org."},
	}
	got, err := anonymous(ws)
	if err != nil {
		t.Fatal(err)
	}
	want := "Sample text: Incident Manager asked Participant 1的 team; write to withheld."
	if got.Organisation.Description != want {
		t.Errorf("description %q, want %q", got.Organisation.Description, want)
	}
	if got.People[0].ID != "person-1" || got.Roles[0].Members[0] != "person-1" {
		t.Errorf("IDs not replaced consistently: %q, %q", got.People[0].ID, got.Roles[0].Members)
	}
	if ws.People[0].Name != "Sam" {
		t.Error("the original workspace was changed")
	}
}
