package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os/signal"
	"strings"

	"drillbook/export"
	"drillbook/internal/atomicfile"
	"drillbook/internal/prose"
	"drillbook/portfolio"
)

// setupPortfolio declares portfolio's flags; its run loads and assesses
// every workspace of FILE|DIR… and writes the comparison as a workbook
// (and a PDF). A file that fails to load is listed on stderr and in the
// outputs and the run goes on; it then exits 1 (errProblems) once the
// outputs are written, so a script notices. Outputs are written
// atomically and a stop signal leaves them as they were, like report.
func setupPortfolio(fs *flag.FlagSet) func(Env, []string) error {
	xlsx := fs.String("xlsx", "", "write the portfolio workbook to `FILE`")
	pdf := fs.String("pdf", "", "write the portfolio PDF to `FILE`")
	anonymise := fs.Bool("anonymise", false, `name the clients "Client A", "Client B"… and leave every person's and organisation's name out`)
	date := addDateFlag(fs, "assess as of this day")
	return func(env Env, args []string) error {
		if *xlsx == "" {
			return usagef("needs --xlsx FILE")
		}
		files, errs := portfolio.Files(args)
		if len(files) == 0 && len(errs) == 0 {
			return fmt.Errorf("no workspace files (*%s) in %q", portfolio.WorkspaceExt, args)
		}
		ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
		defer stop()
		context.AfterFunc(ctx, stop)
		p, err := portfolio.Build(ctx, files, portfolio.Options{Date: date.day(), Anonymise: *anonymise})
		if err != nil {
			return errors.New("interrupted; nothing written")
		}
		p.Errors = append(errs, p.Errors...)
		for _, e := range p.Errors {
			msg := e.Message
			if !strings.Contains(msg, e.File) {
				msg = e.File + ": " + msg
			}
			fmt.Fprintf(env.Stderr, "drillbook: %s\n", msg)
		}
		fmt.Fprintf(env.Stdout, "compared %s", prose.Count(len(p.Clients), "workspace", "workspaces"))
		if n := len(p.Errors); n > 0 {
			fmt.Fprintf(env.Stdout, "; %s could not be loaded", prose.Count(n, "file", "files"))
		}
		fmt.Fprintln(env.Stdout)
		outputs := []struct {
			path  string
			write func(io.Writer) error
		}{
			{*xlsx, func(w io.Writer) error { return export.PortfolioExcel(ctx, w, p, nil) }},
			{*pdf, func(w io.Writer) error { return export.PortfolioPDF(ctx, w, p, nil) }},
		}
		for _, o := range outputs {
			if o.path == "" {
				continue
			}
			err := atomicfile.Write(o.path, o.write)
			if err != nil && ctx.Err() != nil {
				return fmt.Errorf("%s: interrupted; left as it was", o.path)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", o.path, err)
			}
			fmt.Fprintf(env.Stdout, "wrote %s\n", o.path)
		}
		if len(p.Errors) > 0 {
			return errProblems
		}
		return nil
	}
}
