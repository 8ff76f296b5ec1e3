package plan

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
)

// decodeErr decodes doc and returns the error text, failing the test if
// the document was accepted.
func decodeErr(t *testing.T, doc string) string {
	t.Helper()
	ws, err := Decode([]byte(doc))
	if err == nil {
		t.Fatalf("Decode accepted %q: %+v", doc, ws.Organisation)
	}
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *FileError", err, err)
	}
	if fe.Line > 0 {
		return fmt.Sprintf("%d:%d: %v", fe.Line, fe.Col, fe.Err)
	}
	return fe.Err.Error()
}

func wantAll(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("error %q does not contain %q", got, w)
		}
	}
}

func TestDecodeRefusesTopLevelThatIsNotAnObject(t *testing.T) {
	cases := map[string]string{
		"null":                   "the file holds JSON null, not a workspace object",
		" null \n":               "the file holds JSON null, not a workspace object",
		"[]":                     "the file holds a JSON list, not a workspace object",
		`[{"schemaVersion": 1}]`: "a JSON list, not a workspace object",
		`"x"`:                    "the file holds JSON text, not a workspace object",
		"3":                      "the file holds a JSON number, not a workspace object",
		"true":                   "the file holds JSON true, not a workspace object",
	}
	for doc, want := range cases {
		wantAll(t, decodeErr(t, doc), want)
		if _, err := Load(writeFile(t, doc)); err == nil || !strings.Contains(err.Error(), "ws.json") || !strings.Contains(err.Error(), want) {
			t.Errorf("Load(%q) = %v, want an error naming the file and saying %q", doc, err, want)
		}
	}
	// A malformed non-object is a syntax error, not "holds JSON null".
	wantAll(t, decodeErr(t, "nul"), "ends before")
	wantAll(t, decodeErr(t, "[1,"), "ends before")
}

func TestMigrateRefusesNonObject(t *testing.T) {
	for _, doc := range []string{"null", "[]", "3"} {
		if _, err := migrate([]byte(doc), 0); err == nil {
			t.Errorf("migrate(%s) accepted a non-object", doc)
		}
	}
}

func TestDecodeEmptyFile(t *testing.T) {
	for _, doc := range []string{"", "  \n\t"} {
		wantAll(t, decodeErr(t, doc), "the file is empty")
	}
}

func TestUnknownFieldIsCheckedPerObject(t *testing.T) {
	cases := []struct{ doc, want string }{
		// "owner" is a field of playbooks, not of the organisation.
		{`{"schemaVersion": 1, "organisation": {"name": "X", "owner": "y"}}`, `1:52: organisation: unknown field "owner"`},
		// "deputy" belongs to people, not to their contacts.
		{"{\"schemaVersion\": 1,\n \"people\": [{\"id\": \"a\"}, {\"id\": \"b\", \"contacts\": [{\"channel\": \"phone\", \"deputy\": \"a\"}]}]}", `2:72: people[1].contacts[0]: unknown field "deputy"`},
		{`{"schemaVersion": 1, "organisaton": {}}`, `1:22: unknown field "organisaton"`},
		// Keys with escapes are compared after unescaping.
		{`{"schemaVersion": 1, "organisation": {"n\u0061mex": "A"}}`, `organisation: unknown field "namex"`},
		// Also after a migration (positions there refer to the migrated
		// document, so only the path is given).
		{`{"organisation": "x", "people": [{"id": "a", "owner": "b"}]}`, `people[0]: unknown field "owner"`},
	}
	for _, c := range cases {
		wantAll(t, decodeErr(t, c.doc), c.want)
	}
	ws, err := Decode([]byte(`{"schemaVersion": 1, "organisation": {"n\u0061me": "A"}}`))
	if err != nil || ws.Organisation.Name != "A" {
		t.Fatalf("escaped known key: %v", err)
	}
}

func TestDuplicateKeysRefused(t *testing.T) {
	cases := []struct{ doc, want string }{
		{`{"schemaVersion": 1, "schemaVersion": 999}`, `1:22: duplicate field "schemaVersion"`},
		{`{"schemaVersion": 0, "schemaVersion": 1}`, `1:22: duplicate field "schemaVersion"`},
		{"{\"schemaVersion\": 1,\n\"organisation\": {\"name\": \"A\", \"name\": \"B\"}}", `2:31: organisation: duplicate field "name"`},
		{`{"schemaVersion": 1, "targetLevels": {"people": 2, "people": 3}}`, `targetLevels: duplicate field "people"`},
		{`{"schemaVersion": 1, "organisation": {"name": "A", "n\u0061me": "B"}}`, `organisation: duplicate field "name"`},
		// Before a migration, in a document the Go types do not describe.
		{`{"organisation": "x", "organisation": "y"}`, `1:23: duplicate field "organisation"`},
		{`{"schemaVersion": 0, "severities": [{"level": 1, "ackMinutes": 5, "ackMinutes": 6}]}`, `1:67: severities[0]: duplicate field "ackMinutes"`},
	}
	for _, c := range cases {
		wantAll(t, decodeErr(t, c.doc), c.want)
	}
}

func TestCaseVariantKeysRefused(t *testing.T) {
	cases := []struct{ doc, want string }{
		{`{"schemaVersion": 1, "organisation": {"name": "a"}, "Organisation": {"name": "b"}}`, `1:53: field names are case-sensitive: "Organisation" should be "organisation"`},
		{`{"schemaVersion": 1, "Organisation": {"name": "b"}}`, `"Organisation" should be "organisation"`},
		{`{"SchemaVersion": 1}`, `1:2: field names are case-sensitive: "SchemaVersion" should be "schemaVersion"`},
		{`{"schemaVersion": 1, "people": [{"ID": "a"}]}`, `people[0]: field names are case-sensitive: "ID" should be "id"`},
	}
	for _, c := range cases {
		wantAll(t, decodeErr(t, c.doc), c.want)
	}
}

func TestSchemaVersionMustBeAWholeNumber(t *testing.T) {
	for _, doc := range []string{`{"schemaVersion": "1"}`, `{"schemaVersion": 1.5}`, `{"schemaVersion": null}`, `{"organisation": {}, "schemaVersion": true}`} {
		wantAll(t, decodeErr(t, doc), "schemaVersion must be a whole number")
	}
	// schemaVersion need not come first.
	ws, err := Decode([]byte(`{"organisation": {"name": "A"}, "schemaVersion": 1}`))
	if err != nil || ws.Organisation.Name != "A" {
		t.Fatalf("schemaVersion last: %v", err)
	}
}

func utf16Bytes(s string, order binary.AppendByteOrder, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		out = order.AppendUint16(out, u)
	}
	return out
}

func TestDecodeRefusesUTF16(t *testing.T) {
	doc := `{"schemaVersion": 1, "organisation": {"name": "A"}}`
	for _, order := range []binary.AppendByteOrder{binary.LittleEndian, binary.BigEndian} {
		for _, bom := range []bool{true, false} {
			_, err := Decode(utf16Bytes(doc, order, bom))
			if err == nil || !strings.Contains(err.Error(), "the file is UTF-16; save it as UTF-8") {
				t.Errorf("%v BOM=%v: got %v", order, bom, err)
			}
		}
	}
}

func TestDecodeAcceptsUTF8ByteOrderMark(t *testing.T) {
	ws, err := Decode([]byte("\uFEFF" + `{"schemaVersion": 1, "organisation": {"name": "A"}}`))
	if err != nil || ws.Organisation.Name != "A" {
		t.Fatalf("UTF-8 file with a byte-order mark: %v", err)
	}
	// Positions count from after the mark, as an editor shows them.
	wantAll(t, decodeErr(t, "\uFEFF"+`{"schemaVersion": 1, "x": 1}`), "1:22:")
}

func TestDecodeRefusesInvalidUTF8(t *testing.T) {
	// Latin-1 "Zürich": loading it would turn ü into U+FFFD for good.
	doc := "{\"schemaVersion\": 1,\n\"organisation\": {\"name\": \"Z\xfcrich\"}}"
	wantAll(t, decodeErr(t, doc), "2:28:", "organisation.name", "not valid UTF-8")
}

func TestColumnsCountCharacters(t *testing.T) {
	// "é" is two bytes but one column.
	wantAll(t, decodeErr(t, `{"schemaVersion": 1, "organisation": {"name": "é", "x": 1}}`), "1:52:")
}

func TestTypeErrorsNameFieldAndKindInWords(t *testing.T) {
	cases := []struct{ doc, want string }{
		{`{"schemaVersion": 1, "people": {}}`, `1:32: people: must be a list, not an object`},
		{`{"schemaVersion": 1, "organisation": []}`, `1:38: organisation: must be an object, not a list`},
		{"{\"schemaVersion\": 1,\n\"severities\": [{\"level\": \"one\"}]}", `2:26: severities[0].level: must be a number, not text`},
		{`{"schemaVersion": 1, "severities": [{"level": 1.5}]}`, `severities[0].level: must be a whole number (digits only), not 1.5`},
		{`{"schemaVersion": 1, "severities": [{"level": 1e2}]}`, `severities[0].level: must be a whole number (digits only), not 1e2`},
		{`{"schemaVersion": 1, "severities": [{"level": 99999999999999999999}]}`, `severities[0].level: 99999999999999999999 is out of range`},
		{`{"schemaVersion": 1, "people": [{"id": 5}]}`, `people[0].id: must be text, not a number`},
		{`{"schemaVersion": 1, "targetLevels": []}`, `targetLevels: must be an object, not a list`},
		{`{"schemaVersion": 1, "targetLevels": {"people": "x"}}`, `targetLevels.people: must be a number, not text`},
		{`{"schemaVersion": 1, "targetLevels": {"a b": "x"}}`, `targetLevels["a b"]: must be a number, not text`},
		{`{"schemaVersion": 1, "thirdParties": [{"contacts": [{"outOfHours": "yes"}]}]}`, `thirdParties[0].contacts[0].outOfHours: must be true or false, not text`},
		{`{"schemaVersion": 1, "runs": [{"started": "yesterday"}]}`, `runs[0].started: must be a date and time like "2026-01-31T09:30:00Z"`},
		{`{"schemaVersion": 1, "people": [{"contacts": 3}]}`, `people[0].contacts: must be a list, not a number`},
	}
	for _, c := range cases {
		msg := decodeErr(t, c.doc)
		wantAll(t, msg, c.want)
		for _, goish := range []string{"plan.", "struct", "[]", "map[", "int", "float", "string", "time.Time", "*"} {
			if strings.Contains(msg, goish) {
				t.Errorf("error %q shows Go type text %q", msg, goish)
			}
		}
	}
}

func TestDateAndDurationErrorsNameFieldAndPosition(t *testing.T) {
	doc := `{
  "schemaVersion": 1,
  "severities": [
    {"level": 1, "name": "Critical", "targets": {"acknowledge": "5m"}},
    {"level": 2, "name": "Major", "targets": {"acknowledge": "15m", "resolve": "soon"}}
  ],
  "playbooks": [
    {"id": "a", "title": "A", "role": "r"},
    {"id": "b", "title": "B", "role": "r", "revisions": [{"number": 1, "date": "2026-02-30"}]}
  ]
}`
	wantAll(t, decodeErr(t, doc), `5:80: severities[1].targets.resolve: invalid duration "soon"`)
	doc = strings.Replace(doc, `"soon"`, `"8h"`, 1)
	wantAll(t, decodeErr(t, doc), `9:80: playbooks[1].revisions[0].date: invalid date "2026-02-30"`)
	doc = strings.Replace(doc, `"2026-02-30"`, `20260228`, 1)
	wantAll(t, decodeErr(t, doc), `9:80: playbooks[1].revisions[0].date: date must be text like "2026-01-31"`)
	doc = strings.Replace(doc, `20260228`, `"2026-02-28"`, 1)
	if _, err := Decode([]byte(doc)); err != nil {
		t.Fatalf("corrected document: %v", err)
	}
	// An old file: the path, in the document as migrated.
	old := `{"organisation": "x", "playbooks": [{"id": "a", "lastReviewed": "soon"}]}`
	wantAll(t, decodeErr(t, old), `playbooks[0].lastReviewed: invalid date "soon" (want YYYY-MM-DD) (in the document as migrated from schema version 0)`)
}

func TestSyntaxErrors(t *testing.T) {
	cases := []struct{ doc, want string }{
		{`{"schemaVersion": 1,}`, `1:21: JSON syntax error: expected a field name in double quotes, found "}"`},
		{`{"schemaVersion": 1 "x": 2}`, `1:21: JSON syntax error: expected "," or "}" after a field, found "\""`},
		{`{"schemaVersion": 1, "playbooks": [{"references": ["a" "b"]}]}`, `1:56: playbooks[0].references: JSON syntax error: expected "," or "]" after a list item, found "\""`},
		{`{"schemaVersion": 01}`, `1:20: JSON syntax error: expected "," or "}" after a field, found "1"`},
		{`{"schemaVersion": 1, "organisation": {"name": "a\qb"}}`, `1:49: organisation.name: JSON syntax error: invalid escape "\q" in text`},
		{"{\"schemaVersion\": 1, \"organisation\": {\"name\": \"a\tb\"}}", `organisation.name: JSON syntax error: control character U+0009 inside text (write a tab as \t, a line break as \n)`},
		{`{"schemaVersion": 1, "organisation": {"name": tru}}`, `JSON syntax error: expected a value, found "tru"`},
		{`{"schemaVersion": 1, "organisation" {}}`, `1:37: JSON syntax error: expected ":" after the field name, found "{"`},
		{`{"schemaVersion": 1} {}`, `1:22: unexpected data after the workspace document`},
		{`{"schemaVersion": 1, "organisation": {"name": "A"`, `file ends before the workspace document is complete (truncated?)`},
		{"{\"schemaVersion\": 1, \"organisation\": {\"name\": \"A\x00\"}}", `control character`},
		{`{"schemaVersion": 1, "severities": [{"level": -}]}`, `severities[0].level: JSON syntax error: expected a digit`},
	}
	for _, c := range cases {
		wantAll(t, decodeErr(t, c.doc), c.want)
	}
}

func TestDeepNestingIsAnErrorNotACrash(t *testing.T) {
	// Past encoding/json's limit, in a document the types do not describe
	// (an old version, so the generic check walks it).
	doc := `{"schemaVersion": 0, "x": ` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "}"
	wantAll(t, decodeErr(t, doc), "nested too deeply")
}

func TestWorkspaceShapeCoversEveryType(t *testing.T) {
	if _, err := workspaceShape(); err != nil {
		t.Fatal(err)
	}
}

func TestDecodedWorkspaceMatchesEncodingJSON(t *testing.T) {
	// The scan must not change what json.Unmarshal makes of a document.
	data, err := Encode(validBase())
	if err != nil {
		t.Fatal(err)
	}
	ws, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Encode(ws)
	if !bytes.Equal(data, again) {
		t.Fatal("decode changed the workspace")
	}
}

func TestJSONErrorBackstopHasNoGoTypes(t *testing.T) {
	// What the scan pre-empts, worded if json.Unmarshal ever reports it.
	var ws Workspace
	err := jsonError(json.Unmarshal([]byte(`{"people": {}}`), &ws))
	if msg := err.Error(); msg != "people: must be a list, not JSON object" {
		t.Fatalf("got %q", msg)
	}
}
