package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os/signal"
	"strings"

	"drillbook/export"
	"drillbook/internal/atomicfile"
	"drillbook/plan"
	"drillbook/scoring"
)

// setupReport declares report's flags; its run writes the PDF, Excel,
// Word and Markdown exports of a workspace headlessly. Each output is written
// atomically, so a failed or interrupted run never leaves a half-written
// file: Ctrl-C, SIGTERM and SIGHUP cancel the export, which removes its
// temporary file or folder and leaves the target as it was (a second
// signal kills at once). Even a SIGKILL leaves only a temporary file of
// our naming, which the next write to that folder removes. A workspace
// with validation errors is still reported (the assessment copes with
// them, and the report is how the gaps get seen); the problems are
// counted on stderr and the exit code stays 0.
func setupReport(fs *flag.FlagSet) func(Env, string) error {
	var out reportOutputs
	var opts export.Options
	fs.StringVar(&out.pdf, "pdf", "", "write the PDF report to `FILE`")
	fs.StringVar(&out.xlsx, "xlsx", "", "write the Excel workbook to `FILE`")
	fs.StringVar(&out.docx, "docx", "", "write the after-action report and improvement plan as a Word document to `FILE`")
	fs.StringVar(&out.run, "run", "", "the exercise run `ID` the Word document reports (default the latest; \""+export.AllRuns+"\" for every run)")
	fs.StringVar(&out.md, "md", "", "write the plan and playbooks as Markdown into `DIR`")
	sections := fs.String("sections", "all", "PDF sections, a comma-separated `LIST` of "+sectionNames())
	fs.BoolVar(&opts.NonAttributable, "non-attributable", false, "leave the assessor's name out")
	fs.StringVar(&opts.Marking, "marking", "", "confidentiality marking `TEXT` printed on every page, e.g. \"CONFIDENTIAL — Client\"")
	fs.StringVar(&opts.Assessor, "assessor", "", "assessor's `NAME` for the cover")
	date := addDateFlag(fs, "report and assessment date")
	return func(env Env, path string) error {
		if out.pdf == "" && out.xlsx == "" && out.docx == "" && out.md == "" {
			return usagef("needs at least one of --pdf FILE, --xlsx FILE, --docx FILE or --md DIR")
		}
		if out.run != "" && out.docx == "" {
			return usagef("--run chooses the run of the Word document: it needs --docx FILE")
		}
		secs, err := export.ParseSections(*sections)
		if err != nil {
			return usagef("--sections: %v", err)
		}
		opts.Sections, opts.Date = secs, date.day()
		return writeReports(env, path, out, opts)
	}
}

// reportOutputs are the paths report writes to ("" for none) and the run
// the Word document reports.
type reportOutputs struct{ pdf, xlsx, docx, md, run string }

// writeReports writes each output that has a path, stopping at the first
// that fails or at a stop signal.
func writeReports(env Env, path string, out reportOutputs, opts export.Options) error {
	ws, err := plan.Load(path)
	if err != nil {
		return err
	}
	if out.docx != "" {
		if err := export.CheckRun(ws, out.run); err != nil {
			return fmt.Errorf("--run: %w", err)
		}
	}
	if n := ws.Validate().Errors(); n > 0 {
		fmt.Fprintf(env.Stderr, "drillbook: warning: %s has %d validation errors (run 'drillbook validate %s'); reporting it anyway\n", path, n, path)
	}
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	// Once cancelled, give the signals their default effect back, so a
	// second one stops a run that is slow to notice.
	context.AfterFunc(ctx, stop)
	in := export.Input{Workspace: ws, Assessment: scoring.Assess(ws, opts.Date)}
	outputs := []struct {
		path  string
		write func(io.Writer) error
	}{
		{out.pdf, func(w io.Writer) error { return export.PDF(ctx, w, in, opts, progressHook(ctx, out.pdf)) }},
		{out.xlsx, func(w io.Writer) error { return export.Excel(ctx, w, in, opts, progressHook(ctx, out.xlsx)) }},
		{out.docx, func(w io.Writer) error { return export.DOCX(ctx, w, in, opts, out.run, progressHook(ctx, out.docx)) }},
		{out.md, nil},
	}
	for _, o := range outputs {
		if o.path == "" {
			continue
		}
		var err error
		if o.write != nil {
			err = atomicfile.Write(o.path, o.write)
		} else {
			err = export.Markdown(ctx, o.path, in, opts, progressHook(ctx, o.path))
		}
		if err != nil && ctx.Err() != nil {
			return fmt.Errorf("%s: interrupted; left as it was", o.path)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", o.path, err)
		}
		fmt.Fprintf(env.Stdout, "wrote %s\n", o.path)
	}
	return nil
}

// testHookWriting, when set by a test, is called once an output has
// started to be written (its temporary file or folder exists), so a test
// can signal or kill the process at that point rather than at a guess.
var testHookWriting func(ctx context.Context, path string)

func progressHook(ctx context.Context, path string) export.Progress {
	if testHookWriting == nil {
		return nil
	}
	called := false
	return func(done, total int) {
		if !called {
			called = true
			testHookWriting(ctx, path)
		}
	}
}

func sectionNames() string {
	names := make([]string, len(export.Sections))
	for i, s := range export.Sections {
		names[i] = string(s)
	}
	return strings.Join(names, ",")
}
