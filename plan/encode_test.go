package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

// encodeWhole is how Encode worked before EncodeTo: encoding/json's
// indenting encoder over the whole document. It is the reference the
// streamed output must equal byte for byte, and the same-run baseline of
// BenchmarkSaveLargeBaseline.
func encodeWhole(ws *Workspace) ([]byte, error) {
	out := *ws
	out.SchemaVersion = SchemaVersion
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// EncodeWhole exposes encodeWhole to the external benchmarks and tests.
func EncodeWhole(ws *Workspace) ([]byte, error) { return encodeWhole(ws) }

func TestEncodeToEqualsWholeDocumentEncoding(t *testing.T) {
	withEverything := Demo()
	withEverything.Organisation.Description = `<script> & "quotes" \ ` + "\u2028 tab\t"
	withEverything.Runs = []Run{{ID: "r1", Events: []Event{}}}
	withEverything.NotApplicable = []NotApplicable{{Criterion: "COV-2.1", Reason: "no rota"}}
	withEverything.Actions = []Action{{ID: "a1", Text: "Fix <it> & that"}}
	withEverything.Assessments = []AssessmentRecord{{Failing: []string{}}}
	withEverything.TargetLevels = map[string]int{"roles": 4, "cover": 2}
	emptySlices := New("Empty slices")
	emptySlices.People, emptySlices.Roles, emptySlices.Runs = []Person{}, []Role{}, []Run{}
	for name, ws := range map[string]*Workspace{
		"demo":              Demo(),
		"new":               New("Acme"),
		"zero":              {},
		"every field":       withEverything,
		"empty slices":      emptySlices,
		"old schemaVersion": {SchemaVersion: 1},
	} {
		want, err := encodeWhole(ws)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Encode(ws)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got, want) {
			i := 0
			for i < min(len(got), len(want)) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s: streamed encoding differs at byte %d:\n got …%q…\nwant …%q…", name, i, got[max(0, i-40):min(len(got), i+40)], want[max(0, i-40):min(len(want), i+40)])
		}
	}
}

// A field option EncodeTo does not implement is an error, not different
// output; the ones it does behave as encoding/json's.
func TestJSONFieldOptions(t *testing.T) {
	type odd struct {
		N int             `json:"n,string"`
		m int             // unexported: jsonField must skip it
		S string          `json:"-"`
		D string          `json:",omitempty"`
		Z Date            `json:"z,omitzero"`
		B struct{ X int } `json:"b,omitzero,omitempty"`
	}
	ty := reflect.TypeFor[odd]()
	_ = odd{}.m
	if _, _, _, err := jsonField(ty.Field(0)); err == nil {
		t.Error("the string option was accepted")
	}
	if _, _, ok, err := jsonField(ty.Field(1)); ok || err != nil {
		t.Error("an unexported field is written")
	}
	if _, _, ok, err := jsonField(ty.Field(2)); ok || err != nil {
		t.Error(`a "-" field is written`)
	}
	name, omit, ok, err := jsonField(ty.Field(3))
	if name != "D" || !ok || err != nil || !omit(reflect.ValueOf("")) || omit(reflect.ValueOf("x")) {
		t.Errorf("untagged name, omitempty: %q %v %v", name, ok, err)
	}
	_, omit, _, _ = jsonField(ty.Field(4))
	if !omit(reflect.ValueOf(Date{})) || omit(reflect.ValueOf(NewDate(2026, 1, 2))) {
		t.Error("omitzero does not use Date.IsZero")
	}
	_, omit, _, _ = jsonField(ty.Field(5))
	if !omit(reflect.ValueOf(struct{ X int }{})) || omit(reflect.ValueOf(struct{ X int }{1})) {
		t.Error("omitzero on a struct")
	}
}

type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestEncodeToReportsWriteErrors(t *testing.T) {
	for _, n := range []int{0, 100, 70 << 10} {
		if err := EncodeTo(&failingWriter{n: n}, Demo()); err == nil || err.Error() != "disk full" {
			t.Errorf("after %d bytes: %v", n, err)
		}
	}
}
