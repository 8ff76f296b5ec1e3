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
  drillbook new [--demo] [--name NAME] [--force] FILE
                                 write a fresh workspace (blank, or the demo)
  drillbook validate FILE        print the plan's problems; exit 1 if any is an error
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
	case "--demo", "-demo":
		if len(args) > 1 {
			return usageError(env, "--demo takes no file")
		}
		return runGUI(env, GUIOptions{Demo: true})
	case "validate":
		return validate(args[1:], env)
	case "new":
		return newWorkspace(args[1:], env)
	}
	if strings.HasPrefix(args[0], "-") {
		return usageError(env, fmt.Sprintf("unknown option %q", args[0]))
	}
	if len(args) > 1 {
		return usageError(env, fmt.Sprintf("unknown command %q", args[0]))
	}
	return runGUI(env, GUIOptions{Path: args[0]})
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
