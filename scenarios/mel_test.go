package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"drillbook/plan"
)

func writeCSV(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "mel.csv")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportMELFromCSV(t *testing.T) {
	p := writeCSV(t, "Time,From,Channel,Message,Expected action,Deadline\n"+
		"T+00:00,monitoring,pager,Disk full on db-1,acknowledge,5m\n"+
		"10:00,customer,phone,\"Trust says \"\"slow\"\"\",notify-stakeholder stakeholder:customer,20\n"+
		"25,press,email,Journalist asks,escalate executive,10m\n"+
		",,,,,\n")
	s, err := ImportMEL(p, "imported", "Imported drill")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Injects) != 3 || s.Injects[1].Text != `Trust says "slow"` || s.Injects[2].At.String() != "T+25:00" {
		t.Fatalf("injects %+v", s.Injects)
	}
	x := s.Injects[1].Expect[0]
	if x.Kind != ExpectNotify || x.Target != "stakeholder:customer" || x.Within != 20*plan.Minute {
		t.Fatalf("expectation %+v", x)
	}
	if s.Duration != 55*plan.Minute {
		t.Errorf("duration %s", s.Duration)
	}
	// The imported scenario is a normal one: it saves and parses back.
	data, _ := Marshal(s)
	if _, err := Parse("imported.yaml", data); err != nil {
		t.Fatalf("imported scenario does not round-trip: %v", err)
	}
}

func TestImportMELErrorsNameRows(t *testing.T) {
	cases := []struct{ content, want string }{
		{"When,Who\n1,2\n", "row 1: missing column(s) time, from, message"},
		{"time,from,message,expected action,deadline\nsoon,x,y,,\n", "row 2: time"},
		{"time,from,message,expected action,deadline\n5,x,y,panic,5m\n", `row 2: expected action "panic": unknown kind`},
		{"time,from,message,expected action,deadline\n5,x,y,acknowledge,\n7,x,,,\n", "row 2: expected action \"acknowledge\" has no deadline"},
		{"time,from,message,expected action,deadline\n5,x,y,acknowledge,\n7,x,,,\n", "row 3: message is empty"},
		{"time,from,message,expected action,deadline\n5,x,y,escalate cto,5m\n", `unknown role function "cto"`},
		{"time,from,message\n", "no inject rows"},
	}
	for _, c := range cases {
		_, err := ImportMEL(writeCSV(t, c.content), "x", "X")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.content, err, c.want)
		}
	}
	if _, err := ImportMEL(filepath.Join(t.TempDir(), "mel.txt"), "x", "X"); err == nil {
		t.Error("a .txt file was accepted")
	}
}

func TestImportMELFromXLSX(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"Deadline", "Message", "From", "Time", "Expected action"},
		{"10m", "Ransom note on file share", "staff", "T+00:00", "declare-incident"},
		{"15", "Backups also encrypted", "technical", "T+20:00", "escalate security-lead"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	p := filepath.Join(t.TempDir(), "mel.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	s, err := ImportMEL(p, "ransom", "Ransom")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Injects) != 2 || s.Injects[1].Expect[0].Target != "security-lead" || s.Injects[1].Expect[0].Within != 15*plan.Minute {
		t.Fatalf("%+v", s.Injects)
	}
	os.WriteFile(p, []byte("not a zip"), 0o600)
	if _, err := ImportMEL(p, "x", "X"); err == nil || !strings.Contains(err.Error(), "not a readable Excel workbook") {
		t.Fatalf("corrupt xlsx: %v", err)
	}
}
