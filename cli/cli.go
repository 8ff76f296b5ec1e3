// Package cli implements Drillbook's command line: argument parsing and the
// headless commands. Opening the GUI is delegated to a function main passes
// in, so this package never imports Fyne and its commands run without a
// display.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"drillbook/plan"
)

// Exit codes scripts can rely on.
const (
	ExitOK       = 0
	ExitProblems = 1 // the command ran and found errors (e.g. validation)
	ExitUsage    = 2 // bad arguments, unreadable or unwritable files
)

// GUIOptions says what the GUI should open.
type GUIOptions struct {
	Path string // workspace file; "" means the last one used, else the demo
	Demo bool   // open the built-in demo regardless of history
	// Exercise, when set, starts that built-in scenario at once, with
	// each role played by its primary holder.
	Exercise  string
	Speed     float64
	Projector bool // also open the participants' window
}

// LaunchGUI starts the GUI and returns when it closes.
type LaunchGUI func(GUIOptions) error

// Env is what a command needs from the outside world.
type Env struct {
	Stdout, Stderr io.Writer
	GUI            LaunchGUI
	Version        string
}

const usage = `Drillbook — incident-response readiness: plan, rehearse, assess, report.

Usage:
  drillbook                      open the last workspace (or the built-in demo)
  drillbook FILE                 open a workspace file
  drillbook --demo               open the built-in demo workspace
  drillbook [FILE|--demo] --exercise SCENARIO [--speed N] [--projector]
                                 open and start an exercise at once (SCENARIO is a
                                 built-in scenario ID; speed ×1–×20)
  drillbook new [--demo] [--name NAME] [--force] FILE
                                 write a fresh workspace (blank, or the demo)
  drillbook validate FILE        print the plan's problems; exit 1 if any is an error
  drillbook assess FILE [--date YYYY-MM-DD] [--json] [--fail-below TIER]
                                 print the assessment: tier, validation status, index,
                                 levels and findings; exit 1 when the tier is below TIER
  drillbook report FILE [--pdf F] [--xlsx F] [--md DIR] [--sections LIST] [--marking TEXT]
        [--assessor NAME | --non-attributable] [--date YYYY-MM-DD]
                                 write the PDF report, Excel workbook and/or Markdown
  drillbook version              print the version
  drillbook help                 show this help

Exit codes: 0 success, 1 problems found, 2 usage or file error.
Workspace files are JSON; they are saved atomically and readable only by you.
`

// Main runs the command line and returns the process exit code.
func Main(args []string, env Env) int {
	if len(args) == 0 {
		return runGUI(env, GUIOptions{})
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(env.Stdout, usage)
		return ExitOK
	case "version", "--version":
		fmt.Fprintln(env.Stdout, "drillbook", env.Version)
		return ExitOK
	case "validate":
		return validate(args[1:], env)
	case "new":
		return newWorkspace(args[1:], env)
	case "assess":
		return assess(args[1:], env)
	case "report":
		return report(args[1:], env)
	}
	return gui(args, env)
}

// gui parses the arguments that open the window.
func gui(args []string, env Env) int {
	fs := flag.NewFlagSet("drillbook", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var o GUIOptions
	fs.BoolVar(&o.Demo, "demo", false, "open the built-in demo workspace")
	fs.StringVar(&o.Exercise, "exercise", "", "start this built-in scenario")
	fs.Float64Var(&o.Speed, "speed", 1, "exercise clock speed (1–20)")
	fs.BoolVar(&o.Projector, "projector", false, "open the participants' window")
	// Allow "drillbook FILE --exercise x" as well as flags first.
	var rest []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return ExitUsage
		}
		args = fs.Args()
		if len(args) > 0 {
			if strings.HasPrefix(args[0], "-") {
				return usageError(env, fmt.Sprintf("unknown option %q", args[0]))
			}
			rest = append(rest, args[0])
			args = args[1:]
		}
	}
	switch {
	case len(rest) > 1:
		return usageError(env, fmt.Sprintf("unknown command %q", rest[0]))
	case len(rest) == 1 && o.Demo:
		return usageError(env, "--demo takes no file")
	case len(rest) == 1:
		o.Path = rest[0]
	}
	if o.Speed < 1 || o.Speed > 20 {
		return usageError(env, "--speed must be between 1 and 20")
	}
	if o.Exercise == "" && (o.Projector || o.Speed != 1) {
		return usageError(env, "--speed and --projector need --exercise")
	}
	return runGUI(env, o)
}

func usageError(env Env, msg string) int {
	fmt.Fprintf(env.Stderr, "drillbook: %s\nRun 'drillbook help' for usage.\n", msg)
	return ExitUsage
}

func runGUI(env Env, opts GUIOptions) int {
	if env.GUI == nil {
		return usageError(env, "this build has no GUI")
	}
	if err := env.GUI(opts); err != nil {
		fmt.Fprintf(env.Stderr, "drillbook: %v\n", err)
		return ExitUsage
	}
	return ExitOK
}

func validate(args []string, env Env) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if fs.NArg() != 1 {
		return usageError(env, "validate needs exactly one FILE")
	}
	path := fs.Arg(0)
	ws, err := plan.Load(path)
	if err != nil {
		fmt.Fprintf(env.Stderr, "drillbook: %v\n", err)
		return ExitUsage
	}
	problems := ws.Validate()
	for _, p := range problems {
		fmt.Fprintf(env.Stdout, "%s: %s: %s\n", path, p.Level, p)
	}
	errs := problems.Errors()
	fmt.Fprintf(env.Stdout, "%s: %d errors, %d warnings\n", path, errs, len(problems)-errs)
	if errs > 0 {
		return ExitProblems
	}
	return ExitOK
}

func newWorkspace(args []string, env Env) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	demo := fs.Bool("demo", false, "start from the built-in demo workspace")
	name := fs.String("name", "", "organisation name")
	force := fs.Bool("force", false, "overwrite an existing file")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if fs.NArg() != 1 {
		return usageError(env, "new needs exactly one FILE (flags go before it)")
	}
	path := fs.Arg(0)
	if _, err := os.Stat(path); err == nil && !*force {
		fmt.Fprintf(env.Stderr, "drillbook: %s already exists; use --force to overwrite it\n", path)
		return ExitUsage
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(env.Stderr, "drillbook: %v\n", err)
		return ExitUsage
	}
	ws := plan.New("New organisation")
	if *demo {
		ws = plan.Demo()
	}
	if *name != "" {
		ws.Organisation.Name = *name
	}
	if err := plan.Save(path, ws); err != nil {
		fmt.Fprintf(env.Stderr, "drillbook: %v\n", err)
		return ExitUsage
	}
	fmt.Fprintf(env.Stdout, "wrote %s\n", path)
	return ExitOK
}
