// Package cli implements Drillbook's command line: the table of commands
// (commands.go), the one flag parser and usage errors they share
// (command.go), the help generated from the table (help.go) and the
// commands themselves: open the window (open.go), new and validate
// (workspace.go), assess (assess.go) and report (report.go). Opening the
// GUI is delegated to a function main passes in, so this package never
// imports Fyne and its commands run without a display.
package cli

import (
	"fmt"
	"io"
	"slices"
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

// Main runs the command line and returns the process exit code. The first
// argument names the command (or one of its aliases); anything else, or
// nothing, runs the default command, which opens the window.
func Main(args []string, env Env) int {
	cmds := commands()
	if len(args) > 0 {
		if c := lookup(cmds, args[0]); c != nil {
			return c.run(env, args[1:], false)
		}
	}
	for _, c := range cmds {
		if c.Default {
			return c.run(env, args, true)
		}
	}
	// Unreachable while the table has its default (a test checks it).
	fmt.Fprintf(env.Stderr, "drillbook: unknown command %q\n", args)
	return ExitUsage
}

// lookup returns the command called name (or with that alias), or nil.
func lookup(cmds []*command, name string) *command {
	for _, c := range cmds {
		if c.Name == name || slices.Contains(c.Aliases, name) {
			return c
		}
	}
	return nil
}
