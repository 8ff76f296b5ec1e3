package scenarios

import (
	"bytes"
	"io/fs"
	"testing"

	"github.com/xuri/excelize/v2"
)

// roundTrips checks what loaded saves and loads again unchanged: the NaN
// time of the issue imported, but its saved YAML did not load.
func roundTrips(t *testing.T, s *Scenario) {
	t.Helper()
	if errs := s.Validate(); len(errs) > 0 {
		t.Fatalf("accepted an invalid scenario: %v", errs)
	}
	data, err := Marshal(s)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	again, err := Parse("again.yaml", data)
	if err != nil {
		t.Fatalf("saved scenario does not load again: %v\n%s", err, data)
	}
	data2, _ := Marshal(again)
	if !bytes.Equal(data, data2) {
		t.Fatalf("saving changed the scenario:\n%s\n---\n%s", data, data2)
	}
}

func FuzzParseScenario(f *testing.F) {
	f.Add([]byte(fixtureScenario))
	names, _ := fs.Glob(libraryFS, "library/*.yaml")
	for _, n := range names[:min(len(names), 5)] {
		data, _ := libraryFS.ReadFile(n)
		f.Add(data)
	}
	f.Add([]byte("id: x\ninjects: [{at: T+-1:00}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		roundTrips(t, s)
	})
}

var melSeeds = []string{
	"Time,From,Channel,Message,Expected action,Deadline\nT+00:00,monitoring,pager,Disk full,acknowledge,5m\n10:00,customer,phone,Slow,notify-stakeholder stakeholder:customer,20\n",
	"time,from,message,expected action,deadline\nNaN,x,y,acknowledge,NaN\n",
	"time,from,message,expected action,deadline\n25,press,Journalist,escalate executive,10m\n480,x,y,set-severity 1,1e3\n",
	"deadline,message,from,time\n,\"multi\nline\",x,1:05:00\n",
}

func FuzzImportMELCSV(f *testing.F) {
	for _, s := range melSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := csvRows("fuzz.csv", bytes.NewReader(data))
		if err != nil {
			return
		}
		if len(rows) > 50 {
			rows = rows[:50]
		}
		s, err := melScenario("fuzz.csv", rows, "fuzz", "Fuzz")
		if err != nil {
			return
		}
		roundTrips(t, s)
	})
}

// FuzzImportMELXLSX writes fuzzed cells into a real workbook and imports
// it, so the values pass through the Excel reader as a user's file would.
func FuzzImportMELXLSX(f *testing.F) {
	f.Add("T+00:00", "monitoring", "Disk full", "acknowledge", "5m")
	f.Add("NaN", "x", "y", "acknowledge", "NaN")
	f.Add("12.5", "customer", "Slow", "notify-stakeholder stakeholder:customer", "20")
	f.Add("1:05:00", "x", "y", "set-severity 2", "-5")
	f.Fuzz(func(t *testing.T, at, from, message, action, deadline string) {
		wb := excelize.NewFile()
		for i, row := range [][]any{
			{"Time", "From", "Message", "Expected action", "Deadline"},
			{at, from, message, action, deadline},
			{"T+01:00", "staff", "Second inject", "", ""},
		} {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := wb.SetSheetRow("Sheet1", cell, &row); err != nil {
				return // text Excel cannot hold (too long): not a MEL
			}
		}
		var buf bytes.Buffer
		if err := wb.Write(&buf); err != nil {
			return
		}
		rows, err := xlsxRows("fuzz.xlsx", &buf)
		if err != nil {
			t.Fatalf("a workbook just written does not read: %v", err)
		}
		s, err := melScenario("fuzz.xlsx", rows, "fuzz", "Fuzz")
		if err != nil {
			return
		}
		roundTrips(t, s)
	})
}

// FuzzReadXLSX feeds damaged workbooks to the reader: an error, never a
// panic.
func FuzzReadXLSX(f *testing.F) {
	wb := excelize.NewFile()
	wb.SetSheetRow("Sheet1", "A1", &[]any{"Time", "From", "Message"})
	wb.SetSheetRow("Sheet1", "A2", &[]any{"T+00:00", "x", "y"})
	var buf bytes.Buffer
	wb.Write(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04not a zip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := xlsxRows("fuzz.xlsx", bytes.NewReader(data))
		if err != nil || len(rows) > 50 {
			return
		}
		if s, err := melScenario("fuzz.xlsx", rows, "fuzz", "Fuzz"); err == nil {
			roundTrips(t, s)
		}
	})
}
