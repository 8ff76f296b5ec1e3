package portfolio

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"drillbook/plan"
	"drillbook/scoring"
)

// calibrationDay is the day the calibration workspaces are written for
// (scoring/testdata/calibration/README.md).
var calibrationDay = plan.NewDate(2026, 12, 1)

// calibrationFiles are the calibration workspaces (expectations.json is
// not one).
func calibrationFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../scoring/testdata/calibration/*.json")
	if err != nil {
		t.Fatal(err)
	}
	files = slices.DeleteFunc(files, func(f string) bool { return filepath.Base(f) == "expectations.json" })
	if len(files) < 6 {
		t.Fatalf("only %d calibration workspaces", len(files))
	}
	return files
}

func TestQuartilesHandComputed(t *testing.T) {
	// Type 7 by hand: for n values the p-quantile is at rank (n-1)p.
	cases := []struct {
		in   []float64
		want Stats
	}{
		{[]float64{1, 2, 3, 4}, Stats{1.75, 2.5, 3.25}}, // ranks 0.75, 1.5, 2.25; Excel QUARTILE.INC gives the same
		{[]float64{3, 1, 2}, Stats{1.5, 2, 2.5}},        // unsorted input, ranks 0.5, 1, 1.5
		{[]float64{5}, Stats{5, 5, 5}},
		{[]float64{0, 0, 4, 4, 4}, Stats{0, 4, 4}},                 // ranks 1, 2, 3 fall on values
		{[]float64{10, 20, 30, 40, 50, 60}, Stats{22.5, 35, 47.5}}, // ranks 1.25, 2.5, 3.75
		{nil, Stats{}},
	}
	for _, c := range cases {
		if got := Quartiles(c.in); got != c.want {
			t.Errorf("Quartiles(%v) = %+v, want %+v", c.in, got, c.want)
		}
	}
	in := []float64{3, 1, 2}
	Quartiles(in)
	if !slices.Equal(in, []float64{3, 1, 2}) {
		t.Errorf("Quartiles reordered its input: %v", in)
	}
}

func TestPosition(t *testing.T) {
	if got := (Stats{2, 2, 2}).Position(2); got != 0 {
		t.Errorf("a sector of one: position %d, want 0 (at the median)", got)
	}
	s := Stats{1.75, 2.5, 3.25}
	for v, want := range map[float64]int{0: 1, 1.75: 1, 2: 2, 2.5: 0, 3: 3, 3.25: 4, 4: 4} {
		if got := s.Position(v); got != want {
			t.Errorf("Position(%v) = %d, want %d", v, got, want)
		}
	}
}

func TestClientName(t *testing.T) {
	for i, want := range map[int]string{0: "Client A", 1: "Client B", 25: "Client Z", 26: "Client AA", 27: "Client AB", 51: "Client AZ", 52: "Client BA", 701: "Client ZZ", 702: "Client AAA"} {
		if got := ClientName(i); got != want {
			t.Errorf("ClientName(%d) = %q, want %q", i, got, want)
		}
	}
}

// Each row holds what scoring.Assess (the call `drillbook assess` makes)
// gives for the file and day; cli's test checks the workbook against
// assess --json itself.
func TestRowsAreTheAssessment(t *testing.T) {
	files := calibrationFiles(t)
	p, err := Build(context.Background(), files, Options{Date: calibrationDay})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Clients) != len(files) || len(p.Errors) != 0 {
		t.Fatalf("%d clients, errors %v; want %d clients", len(p.Clients), p.Errors, len(files))
	}
	for i, c := range p.Clients {
		ws, err := plan.Load(files[i])
		if err != nil {
			t.Fatal(err)
		}
		a := scoring.Assess(ws, calibrationDay)
		if c.File != files[i] || c.Name != ws.Organisation.Name || c.Tier != a.Tier || c.Index != a.Index ||
			c.Validation.Status != a.Validation.Status || c.Validation.RunID != a.Validation.RunID {
			t.Errorf("%s: row %+v differs from the assessment (tier %s, index %v, %s %s)", files[i], c, a.Tier, a.Index, a.Validation.Status, a.Validation.RunID)
		}
		if len(c.Levels) != len(p.Dimensions) || len(c.Peers) != len(p.Dimensions) {
			t.Fatalf("%s: %d levels, %d peers for %d dimensions", files[i], len(c.Levels), len(c.Peers), len(p.Dimensions))
		}
		for d, dr := range a.Dimensions {
			if dr.Dimension.ID != p.Dimensions[d].ID || c.Levels[d] != dr.Level {
				t.Errorf("%s: dimension %d is %s level %d, the assessment %s level %d", files[i], d, p.Dimensions[d].ID, c.Levels[d], dr.Dimension.ID, dr.Level)
			}
		}
		open, overdue := 0, 0
		for _, act := range ws.Actions {
			if act.Status == plan.ActionOpen || act.Status == plan.ActionInProgress {
				open++
				if !act.Due.IsZero() && act.Due.Before(calibrationDay) {
					overdue++
				}
			}
		}
		if c.Open != open || c.Overdue != overdue {
			t.Errorf("%s: %d open, %d overdue; counted %d, %d", files[i], c.Open, c.Overdue, open, overdue)
		}
		if (c.Latest == nil) != (len(ws.Runs) == 0) {
			t.Errorf("%s: latest exercise %+v with %d runs", files[i], c.Latest, len(ws.Runs))
		}
	}
	// By hand from the file: an action due 2026-09-30 is still open.
	if c := client(t, p, "regulated-bank.json"); c.Overdue == 0 {
		t.Errorf("regulated-bank has an action due 2026-09-30 still open; overdue = 0")
	}
}

func client(t *testing.T, p *Portfolio, base string) *Client {
	t.Helper()
	for i := range p.Clients {
		if filepath.Base(p.Clients[i].File) == base {
			return &p.Clients[i]
		}
	}
	t.Fatalf("no client from %s", base)
	return nil
}

func TestSectorsAndPeers(t *testing.T) {
	p := &Portfolio{Dimensions: scoring.Dimensions()[:2]}
	for _, c := range []struct {
		sector string
		levels []int
		index  float64
	}{{"Finance", []int{1, 4}, 10}, {" finance ", []int{2, 3}, 20}, {"FINANCE", []int{3, 2}, 30}, {"Finance", []int{4, 1}, 40}, {"", []int{0, 0}, 5}} {
		p.Clients = append(p.Clients, Client{Sector: strings.TrimSpace(c.sector), Levels: c.levels, Index: c.index})
	}
	p.compare()
	if len(p.Sectors) != 2 {
		t.Fatalf("sectors %+v, want Finance and %q", p.Sectors, UnspecifiedSector)
	}
	fin := p.Sector("finance")
	if fin == nil || fin.Clients != 4 || fin.Levels[0] != (Stats{1.75, 2.5, 3.25}) || fin.Index != (Stats{17.5, 25, 32.5}) {
		t.Fatalf("finance %+v", fin)
	}
	c := p.Clients[0] // level 1 against median 2.5, lowest quartile; index 10 vs 25
	if c.Peers[0] != (Peer{-1.5, 1}) || c.Peers[1] != (Peer{1.5, 4}) || c.IndexPeers != (Peer{-15, 1}) || c.Sector != "Finance" {
		t.Errorf("client 0 peers %+v, index %+v, sector %q", c.Peers, c.IndexPeers, c.Sector)
	}
	if u := p.Clients[4]; u.Sector != UnspecifiedSector || u.Peers[0] != (Peer{0, 0}) {
		t.Errorf("client without sector: %+v", u)
	}
}

func TestLoadErrorsDoNotStopTheRest(t *testing.T) {
	dir := t.TempDir()
	good := calibrationFiles(t)[0]
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	write("a-good.json", string(data))
	write("b-corrupt.json", "{\n  \"schemaVersion\": 4,\n  \"organisation\": {\"name\": \"X\", \"bogus\": 1}\n}\n")
	write("notes.txt", "not a workspace")
	write(".hidden.json", "{")
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o700); err != nil {
		t.Fatal(err)
	}
	write(".git/c.json", "{")
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	write("sub/c-good.json", string(data))
	files, errs := Files([]string{dir, filepath.Join(dir, "missing.json"), filepath.Join(dir, "a-good.json")})
	want := []string{filepath.Join(dir, "a-good.json"), filepath.Join(dir, "b-corrupt.json"), filepath.Join(dir, "sub", "c-good.json")}
	if !slices.Equal(files, want) {
		t.Errorf("Files = %q, want %q", files, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].File, "missing.json") {
		t.Errorf("Files errors %+v, want the missing file", errs)
	}
	p, err := Build(context.Background(), files, Options{Date: calibrationDay, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Clients) != 2 || len(p.Errors) != 1 {
		t.Fatalf("%d clients, errors %+v", len(p.Clients), p.Errors)
	}
	e := p.Errors[0]
	if e.File != want[1] || !strings.Contains(e.Message, "b-corrupt.json:3:") || !strings.Contains(e.Message, "bogus") {
		t.Errorf("load error %+v: want the file, its line 3 and the field", e)
	}
}

func TestBuildCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, calibrationFiles(t), Options{Date: calibrationDay}); err != context.Canceled {
		t.Errorf("Build with a cancelled context: %v", err)
	}
}

func TestProgress(t *testing.T) {
	files := calibrationFiles(t)
	var seen []int
	_, err := Build(context.Background(), files, Options{Date: calibrationDay, Progress: func(done, total int) {
		if total != len(files) {
			t.Errorf("total %d", total)
		}
		seen = append(seen, done)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(files) || !slices.IsSorted(seen) || seen[len(seen)-1] != len(files) {
		t.Errorf("progress %v", seen)
	}
}

func TestAnonymise(t *testing.T) {
	files := calibrationFiles(t)
	p, err := Build(context.Background(), files, Options{Date: calibrationDay, Anonymise: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range p.Clients {
		if c.Name != ClientName(i) || c.File != "" {
			t.Errorf("client %d named %q, file %q", i, c.Name, c.File)
		}
	}
	if got := withhold("Drill at ACME health by Amira", []string{"Acme Health", "Acme", "amira"}); got != "Drill at [withheld] by [withheld]" {
		t.Errorf("withhold: %q", got)
	}
	if got := withhold("Ünïcode ÜNÏCODE", []string{"ünïcode"}); got != "[withheld] [withheld]" {
		t.Errorf("withhold non-ASCII: %q", got)
	}
}
