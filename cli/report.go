package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os/signal"
	"strings"
	"time"

	"drillbook/export"
	"drillbook/plan"
	"drillbook/scoring"
)

// reportOptions are the parsed arguments of "drillbook report".
type reportOptions struct {
	workspace, pdf, xlsx, md string
	opts                     export.Options
}

// report writes the PDF, Excel and Markdown exports of a workspace
// headlessly. Each output is written atomically, so a failed or
// interrupted run never leaves a half-written file: Ctrl-C, SIGTERM and
// SIGHUP cancel the export, which removes its temporary file or folder
// and leaves the target as it was (a second signal kills at once). Even a
// SIGKILL leaves only a temporary file of our naming, which the next write
// to that folder removes. A workspace with validation errors is still
// reported (the assessment copes with them, and the report is how the
// gaps get seen); the problems are counted on stderr and the exit code
// stays 0.
func report(args []string, env Env) int {
	ro, code := parseReport(args, env)
	if code != ExitOK {
		return code
	}
	ws, err := plan.Load(ro.workspace)
	if err != nil {
		fmt.Fprintf(env.Stderr, "drillbook: %v\n", err)
		return ExitUsage
	}
	if n := ws.Validate().Errors(); n > 0 {
		fmt.Fprintf(env.Stderr, "drillbook: warning: %s has %d validation errors (run 'drillbook validate %s'); reporting it anyway\n", ro.workspace, n, ro.workspace)
	}
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	// Once cancelled, give the signals their default effect back, so a
	// second one stops a run that is slow to notice.
	context.AfterFunc(ctx, stop)
	in := export.Input{Workspace: ws, Assessment: scoring.Assess(ws, ro.opts.Date)}
	outputs := []struct {
		path  string
		write func(io.Writer) error
	}{
		{ro.pdf, func(w io.Writer) error { return export.PDF(ctx, w, in, ro.opts, progressHook(ctx, ro.pdf)) }},
		{ro.xlsx, func(w io.Writer) error { return export.Excel(ctx, w, in, ro.opts, progressHook(ctx, ro.xlsx)) }},
		{ro.md, nil},
	}
	for _, o := range outputs {
		if o.path == "" {
			continue
		}
		var err error
		if o.write != nil {
			err = export.WriteFile(o.path, o.write)
		} else {
			err = export.Markdown(ctx, o.path, in, ro.opts, progressHook(ctx, o.path))
		}
		if err != nil && ctx.Err() != nil {
			fmt.Fprintf(env.Stderr, "drillbook: %s: interrupted; left as it was\n", o.path)
			return ExitUsage
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "drillbook: %s: %v\n", o.path, err)
			return ExitUsage
		}
		fmt.Fprintf(env.Stdout, "wrote %s\n", o.path)
	}
	return ExitOK
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

func parseReport(args []string, env Env) (reportOptions, int) {
	var ro reportOptions
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.StringVar(&ro.pdf, "pdf", "", "write the PDF report to `FILE`")
	fs.StringVar(&ro.xlsx, "xlsx", "", "write the Excel workbook to `FILE`")
	fs.StringVar(&ro.md, "md", "", "write the plan and playbooks as Markdown into `DIR`")
	sections := fs.String("sections", "all", "PDF sections, comma-separated: "+sectionNames())
	fs.BoolVar(&ro.opts.NonAttributable, "non-attributable", false, "leave the assessor's name out")
	fs.StringVar(&ro.opts.Marking, "marking", "", "confidentiality marking printed on every page, e.g. \"CONFIDENTIAL — Client\"")
	fs.StringVar(&ro.opts.Assessor, "assessor", "", "assessor's name for the cover")
	date := fs.String("date", "", "report and assessment date, `YYYY-MM-DD` (default today)")
	// Flags may come before or after WORKSPACE.
	var rest []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return ro, ExitUsage
		}
		args = fs.Args()
		if len(args) > 0 {
			rest = append(rest, args[0])
			args = args[1:]
		}
	}
	if len(rest) != 1 {
		return ro, usageError(env, "report needs exactly one WORKSPACE file")
	}
	ro.workspace = rest[0]
	if ro.pdf == "" && ro.xlsx == "" && ro.md == "" {
		return ro, usageError(env, "report needs at least one of --pdf FILE, --xlsx FILE or --md DIR")
	}
	secs, err := export.ParseSections(*sections)
	if err != nil {
		return ro, usageError(env, "--sections: "+err.Error())
	}
	ro.opts.Sections = secs
	if *date != "" {
		d, err := plan.ParseDate(*date)
		if err != nil {
			return ro, usageError(env, "--date: "+err.Error())
		}
		ro.opts.Date = d
	} else {
		ro.opts.Date = plan.DateOf(time.Now())
	}
	return ro, ExitOK
}

func sectionNames() string {
	names := make([]string, len(export.Sections))
	for i, s := range export.Sections {
		names[i] = string(s)
	}
	return strings.Join(names, ",")
}
