package cli

import (
	"flag"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Layout of the generated help: a form's summary starts in column
// shortColumn, and summaries wrap before lineWidth.
const (
	shortColumn = 33
	lineWidth   = 80
)

const overviewHead = "Drillbook — incident-response readiness: plan, rehearse, assess, report.\n\nUsage:\n"

const overviewFoot = `
Flags may come before or after FILE; "--" ends them. The window's command
may be named ("drillbook open FILE") to open a FILE called like a command.
Run 'drillbook help COMMAND' for a command's flags.
Exit codes: 0 success, 1 problems found, 2 usage or file error.
Workspace files are JSON; they are saved atomically and readable only by you.
`

// overview is what "drillbook help" prints, and the README's usage block:
// every form of every command with its summary.
func overview() string {
	var b strings.Builder
	b.WriteString(overviewHead)
	for _, c := range commands() {
		for _, f := range c.Forms {
			line := c.formLine(f, "  ", "        ")
			// The summary goes beside a short form, else under it.
			if !strings.Contains(line, "\n") && utf8.RuneCountInString(line) < shortColumn-1 {
				fmt.Fprintf(&b, "%-*s", shortColumn, line)
			} else {
				fmt.Fprintf(&b, "%s\n%*s", line, shortColumn, "")
			}
			b.WriteString(strings.Join(wrap(strings.Fields(f.Short), lineWidth-shortColumn, ""), "\n"+strings.Repeat(" ", shortColumn)))
			b.WriteString("\n")
		}
	}
	b.WriteString(overviewFoot)
	return b.String()
}

// formLine is lead + "drillbook NAME ARGS" for one form (without NAME for
// the default command), wrapped before lineWidth between bracketed
// groups, continuation lines starting with indent.
func (c *command) formLine(f form, lead, indent string) string {
	words := []string{"drillbook"}
	if !c.Default {
		words = append(words, c.Name)
	}
	words = append(words, argGroups(f.Args)...)
	words[0] = lead + words[0]
	return strings.Join(wrap(words, lineWidth, indent), "\n")
}

// argGroups splits a usage line into the pieces it may be wrapped
// between: words outside brackets, and whole bracketed groups.
func argGroups(args string) []string {
	var groups []string
	depth := 0
	for _, w := range strings.Fields(args) {
		if depth > 0 {
			groups[len(groups)-1] += " " + w
		} else {
			groups = append(groups, w)
		}
		depth += strings.Count(w, "[") - strings.Count(w, "]")
	}
	return groups
}

// usage lists the command's forms, as printed under a usage error.
func (c *command) usage() string {
	var b strings.Builder
	for i, f := range c.Forms {
		lead := "usage: "
		if i > 0 {
			lead = "       "
		}
		b.WriteString(c.formLine(f, lead, "               ") + "\n")
	}
	return b.String()
}

// help is what "drillbook help NAME" and "drillbook NAME --help" print:
// the forms, the long description and every flag fs declares.
func (c *command) help(fs *flag.FlagSet) string {
	var b strings.Builder
	b.WriteString(c.usage())
	if c.Long != "" {
		b.WriteString("\n" + c.Long + "\n")
	}
	var flags strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(&flags, "  --%s", f.Name)
		if name != "" {
			fmt.Fprintf(&flags, " %s", name)
		}
		if f.DefValue != "" && f.DefValue != "false" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		for _, line := range wrap(strings.Fields(usage), lineWidth-8, "") {
			fmt.Fprintf(&flags, "\n        %s", line)
		}
		flags.WriteString("\n")
	})
	if flags.Len() > 0 {
		b.WriteString("\nFlags:\n" + flags.String())
	}
	return b.String()
}

// wrap joins words into lines of at most width runes, every line but the
// first starting with indent (a longer word gets a line of its own).
func wrap(words []string, width int, indent string) []string {
	var lines []string
	line := ""
	for _, w := range words {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = indent + w
		}
	}
	return append(lines, line)
}
