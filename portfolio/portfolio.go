package portfolio

import (
	"context"
	"runtime"
	"strings"
	"sync"

	"drillbook/plan"
	"drillbook/scoring"
)

// Portfolio is the comparison of many clients on one day.
type Portfolio struct {
	Date plan.Date
	// Dimensions are the assessment's dimensions in display order; every
	// client's Levels and every sector's Levels follow this order.
	Dimensions []scoring.Dimension
	Clients    []Client // in file order
	Sectors    []Sector // by name
	Errors     []LoadError
	// Anonymised says the clients are named "Client A…" and no person's
	// or organisation's name is left in any text.
	Anonymised bool
}

// Client is one workspace's row: the values `drillbook assess --json`
// reports for the same file and day, plus its latest exercise and its
// improvement actions.
type Client struct {
	// File is the workspace file; empty when anonymised (file names are
	// often the client's name).
	File string
	// Name is the organisation's name, or "Client A…" when anonymised.
	Name   string
	Sector string
	Tier   scoring.Tier
	// Validation is the status and the run that decided it.
	Validation scoring.Validation
	Index      float64
	// Levels are the dimensions' levels (0–4), in Portfolio.Dimensions order.
	Levels []int
	// Latest is the most recent exercise run (any age), nil when none.
	Latest *Exercise
	// Open counts improvement actions open or in progress; Overdue those
	// of them past their due day (criterion IMP-3.1's rule).
	Open, Overdue int
	// Peers places the client in its sector: one per dimension, in
	// Portfolio.Dimensions order, and the index.
	Peers      []Peer
	IndexPeers Peer
}

// Exercise is a run as the portfolio shows it.
type Exercise struct {
	Scenario string
	Date     plan.Date
	// Rating is the run's overall rating ("" when no task was scored).
	Rating scoring.Rating
}

// LoadError is a file that could not be loaded: the file and the
// loader's message, which names the file, line and column where known.
type LoadError struct {
	File    string
	Message string
}

// Options choose the day and whether to anonymise.
type Options struct {
	// Date is the assessment day (like `assess --date`).
	Date      plan.Date
	Anonymise bool
	// Workers bounds the concurrent loads; 0 means runtime.GOMAXPROCS.
	Workers int
	// Progress, when set, is called (from worker goroutines, serially)
	// after each file with the count done and the total.
	Progress func(done, total int)
}

// loaded is one file's outcome, kept only as long as needed: the
// workspace itself is dropped as soon as its row is made.
type loaded struct {
	client Client
	names  []string // people and organisations named in the file
	err    error
}

// Build loads and assesses the files (each once) and compares them. A
// file that fails to load becomes a LoadError; only a cancelled ctx stops
// the rest, and then Build returns ctx's error.
func Build(ctx context.Context, files []string, opts Options) (*Portfolio, error) {
	results := make([]loaded, len(files))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, max(len(files), 1))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				results[i] = load(files[i], opts.Date)
				if opts.Progress != nil {
					mu.Lock()
					done++
					opts.Progress(done, len(files))
					mu.Unlock()
				}
			}
		})
	}
feed:
	for i := range files {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p := &Portfolio{Date: opts.Date, Dimensions: scoring.Dimensions()}
	var names []string
	for i, r := range results {
		if r.err != nil {
			p.Errors = append(p.Errors, LoadError{File: files[i], Message: r.err.Error()})
			continue
		}
		p.Clients = append(p.Clients, r.client)
		names = append(names, r.names...)
	}
	p.compare()
	if opts.Anonymise {
		p.anonymise(names)
	}
	return p, nil
}

// load reads and assesses one file into its row.
func load(file string, day plan.Date) loaded {
	ws, err := plan.Load(file)
	if err != nil {
		return loaded{err: err}
	}
	return loaded{client: row(file, ws, scoring.Assess(ws, day), day), names: namesIn(ws)}
}

// row is a client's row from its workspace and assessment.
func row(file string, ws *plan.Workspace, a *scoring.Assessment, day plan.Date) Client {
	c := Client{File: file, Name: orgName(ws), Sector: strings.TrimSpace(ws.Organisation.Sector),
		Tier: a.Tier, Validation: a.Validation, Index: a.Index, Latest: Latest(a)}
	c.Open, c.Overdue = scoring.ActionCounts(ws, day)
	for _, d := range a.Dimensions {
		c.Levels = append(c.Levels, d.Level)
	}
	return c
}

// Latest is the assessment's most recent exercise run, the later of two
// on the same day, or nil when there is none.
func Latest(a *scoring.Assessment) *Exercise {
	var best *scoring.RunResult
	for i := range a.Runs {
		if r := &a.Runs[i]; best == nil || !r.Date.Before(best.Date) {
			best = r
		}
	}
	if best == nil {
		return nil
	}
	return &Exercise{Scenario: best.ScenarioTitle, Date: best.Date, Rating: best.Rating}
}

// orgName is the organisation's name as lists show it.
func orgName(ws *plan.Workspace) string {
	if n := strings.TrimSpace(ws.Organisation.Name); n != "" {
		return n
	}
	return "Unnamed organisation"
}
