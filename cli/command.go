package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// A command is one thing drillbook does. Everything the user reads about
// it (the help overview, "drillbook help NAME", its usage errors and so
// the README's usage block) is generated from these fields, so the
// description cannot drift from the command.
type command struct {
	// Name is the word after "drillbook"; Aliases are other spellings
	// accepted there (e.g. "--help").
	Name    string
	Aliases []string
	// Default marks the command that runs when the first argument names
	// none; its forms leave its name out.
	Default bool
	// Forms are the ways to call the command, each with what it does;
	// most commands have one.
	Forms []form
	// Long is what "drillbook help NAME" prints between the usage and
	// the flags: paragraphs separated by blank lines.
	Long string
	// Arg names the command's positional argument ("FILE"); "" means it
	// takes none. Every command takes at most one, except one with
	// SetupMany, which takes any number; ArgOptional lets it be
	// left out.
	Arg         string
	ArgOptional bool
	// Setup declares the command's flags on fs and returns what runs the
	// command once they are parsed, given the positional argument ("" if
	// there is none). A fresh flag set each time keeps no state between
	// runs.
	Setup func(fs *flag.FlagSet) func(env Env, arg string) error
	// SetupMany is Setup for a command taking several positional
	// arguments: Arg any number of times (FILE|DIR…), or, with More, one
	// Arg followed by one or more More ("WORKSPACE SOURCE…"). Its run gets
	// them all, in order. A command has one of Setup and SetupMany.
	SetupMany func(fs *flag.FlagSet) func(env Env, args []string) error
	More      string
}

// A form is one way to call a command: its arguments after the command's
// name, and a one-line summary of what it does.
type form struct {
	Args  string
	Short string
}

// errProblems is returned by a command that ran and found problems (it
// has printed them): exit 1 without another message.
var errProblems = errors.New("problems found")

// usageError is a mistake in the command line: it is printed with the
// command's usage and exits 2.
type usageError string

func (e usageError) Error() string { return string(e) }

// usagef returns a usageError with the formatted message.
func usagef(format string, a ...any) error { return usageError(fmt.Sprintf(format, a...)) }

// run parses args, checks the positional argument, runs the command and
// turns its result into an exit code. implied is true when the user did
// not type the command's name (the default command), so the first
// positional argument may be a misspelt command.
func (c *command) run(env Env, args []string, implied bool) int {
	fs, do := c.flags()
	pos, err := parseFlags(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, c.help(fs))
		return ExitOK
	case err != nil:
		return c.exit(env, usageError(err.Error()))
	}
	if c.More != "" {
		if len(pos) < 2 {
			return c.exit(env, usagef("needs a %s and at least one %s", c.Arg, c.More))
		}
		return c.exit(env, do(env, pos))
	}
	pos, err = c.positional(pos, implied)
	if err != nil {
		return c.exit(env, err)
	}
	return c.exit(env, do(env, pos))
}

// flags returns a fresh flag set with the command's flags and what runs
// the command with them.
func (c *command) flags() (*flag.FlagSet, func(Env, []string) error) {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	// The flag package's own messages and usage list single-dash flags and
	// go to the flag set's output; ours come from the command instead.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if c.SetupMany != nil {
		return fs, c.SetupMany(fs)
	}
	do := c.Setup(fs)
	// positional has checked there is at most one argument.
	return fs, func(env Env, args []string) error { return do(env, strings.Join(args, "")) }
}

// exit prints err the way its kind asks for and returns the exit code.
func (c *command) exit(env Env, err error) int {
	var usage usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errProblems):
		return ExitProblems
	case errors.As(err, &usage):
		fmt.Fprintf(env.Stderr, "drillbook: %s: %s\n%sRun 'drillbook help %s' for more.\n", c.Name, usage, c.usage(), c.Name)
		return ExitUsage
	}
	fmt.Fprintf(env.Stderr, "drillbook: %v\n", err)
	return ExitUsage
}

// positional checks the arguments left after the flags against c.Arg and
// returns them.
func (c *command) positional(pos []string, implied bool) ([]string, error) {
	switch {
	case c.Arg == "" && len(pos) > 0:
		return nil, usagef("takes no arguments, got %q", pos)
	case len(pos) == 0 && c.Arg != "" && !c.ArgOptional:
		return nil, usagef("needs a %s", c.Arg)
	case c.SetupMany != nil:
		return pos, nil
	case len(pos) > 1 && implied:
		return nil, usagef("unknown command %q, or more than one %s", pos[0], c.Arg)
	case len(pos) > 1:
		return nil, usagef("takes one %s, got %d: %q", c.Arg, len(pos), pos)
	}
	return pos, nil
}

// parseFlags parses fs's flags wherever they stand among args and returns
// the positional arguments in order, so "report FILE --pdf X" and
// "report --pdf X FILE" are the same. "--" ends the flags: everything
// after it is positional, even if it starts with "-".
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		switch {
		case len(rest) == 0:
			return pos, nil
		case endedByDashes(fs, args[:len(args)-len(rest)]):
			return append(pos, rest...), nil
		}
		// fs.Parse stopped at a positional argument: keep it and go on
		// with the flags after it.
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// endedByDashes reports whether fs.Parse, having read the arguments used,
// stopped because of a "--" among them rather than at a positional
// argument. It has to follow flags and their values, since "--" can also
// be a flag's value ("--name --").
func endedByDashes(fs *flag.FlagSet, used []string) bool {
	for i := 0; i < len(used); i++ {
		if used[i] == "--" {
			return true
		}
		if takesNextArg(fs, used[i]) {
			i++
		}
	}
	return false
}

// takesNextArg reports whether arg is one of fs's flags that reads its
// value from the next argument: not a boolean, and with no "=value".
func takesNextArg(fs *flag.FlagSet, arg string) bool {
	name, ok := strings.CutPrefix(arg, "-")
	if !ok || strings.Contains(name, "=") {
		return false
	}
	f := fs.Lookup(strings.TrimPrefix(name, "-"))
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}
