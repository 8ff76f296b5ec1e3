package cli

import (
	"flag"
	"fmt"
)

// commands is the table of drillbook's commands, in the order help lists
// them. It is built on each call (help reads it, and is in it).
func commands() []*command {
	return []*command{
		{
			Name: "open", Default: true, Arg: "FILE", ArgOptional: true, Setup: setupOpen,
			Forms: []form{
				{"", "open the last workspace (or the built-in demo)"},
				{"FILE", "open a workspace file"},
				{"--demo", "open the built-in demo workspace"},
				{"[FILE|--demo] --exercise SCENARIO [--speed N] [--projector]",
					"open and start an exercise at once (SCENARIO is a built-in scenario ID; speed ×1–×20)"},
			},
			Long: `Opens the window on FILE, or on the built-in demo with --demo, or else
on the workspace used last (the demo the first time). With --exercise it
starts that built-in scenario at once, each role played by its primary
holder; --projector also opens the participants' window.

"open" is the default command: its name may be left out, and is needed
only for a FILE named like a command ("drillbook open report").`,
		},
		{
			Name: "new", Arg: "FILE", Setup: setupNew,
			Forms: []form{{"[--demo] [--name NAME] [--force] FILE", "write a fresh workspace (blank, or the demo)"}},
			Long: `Writes a new workspace file: a blank plan, or the built-in demo with
--demo. An existing FILE is left alone unless --force is given.`,
		},
		{
			Name: "validate", Arg: "FILE", Setup: setupValidate,
			Forms: []form{{"FILE", "print the plan's problems; exit 1 on an error"}},
			Long: `Prints every validation problem of FILE with its place in the plan
(e.g. escalationRules[2].escalateTo: unknown role "cto") and a count of
errors and warnings. Exits 1 if any problem is an error.`,
		},
		{
			Name: "assess", Arg: "FILE", Setup: setupAssess,
			Forms: []form{{"FILE [--date YYYY-MM-DD] [--json] [--fail-below TIER]",
				"print the assessment: tier, validation status, index, levels and findings; exit 1 when the tier is below TIER (a gate for CI)"}},
			Long: `Prints the assessment the Assessment screen shows: the plan tier and
validation status, the index, every dimension's level and every finding,
as text or as one JSON object.`,
		},
		{
			Name: "report", Arg: "FILE", Setup: setupReport,
			Forms: []form{{"FILE [--pdf F] [--xlsx F] [--docx F [--run ID|all]] [--md DIR] [--sections LIST] [--marking TEXT] [--assessor NAME | --non-attributable] [--date YYYY-MM-DD]",
				"write the PDF report, Excel workbook, Word after-action report and/or Markdown without opening a window"}},
			Long: `Writes the chosen reports of FILE. Each output is written atomically:
a failed or interrupted run (Ctrl-C, SIGTERM, SIGHUP) leaves the target as
it was. A plan with validation errors is still reported; the errors are
counted on stderr.

--docx writes the after-action report and improvement plan of one
exercise run as a Word document to finish in Word: the latest run, the
run --run ID names, or with --run all every run and the whole
assessment's findings and actions.`,
		},
		{
			Name: "import", Arg: "WORKSPACE", More: "SOURCE", SetupMany: setupImport,
			Forms: []form{{"WORKSPACE SOURCE... [--dry-run] [--week YYYY-MM-DD]",
				"bring in an on-call rota (.ics), PagerDuty schedules, escalation policies or users (.json) and people (.csv)"}},
			Long: `Reads each SOURCE (its type told by extension or content), prints what
would be added, changed (old -> new) and left alone, which members match
nobody in the plan and the rota's holes afterwards, then saves WORKSPACE
with the import applied, atomically. --dry-run prints and writes nothing.

Recurring events and PagerDuty rotations are expanded over one week
(--week, default the next full week) in the plan's time zone, or the
source's when the plan names none. If any SOURCE fails, every failure is
printed with its file, line or JSON path and field, nothing is written and
the exit code is 1.`,
		},
		{
			Name: "export", Arg: "WORKSPACE", Setup: setupExport,
			Forms: []form{{"WORKSPACE [--ics F] [--actions-csv F] [--actions-md F] [--week YYYY-MM-DD] [--date YYYY-MM-DD]",
				"write the rota as iCalendar and the improvement plan as tracker CSV or a Markdown checklist"}},
			Long: `Writes the on-call rota as an iCalendar file (one weekly event per shift,
its members as attendees) and the improvement plan as CSV with the columns
trackers import (Summary, Description, Assignee, Due date, Labels,
Priority, Status) or as a Markdown checklist. Each file is written
atomically.`,
		},
		{
			Name: "portfolio", Arg: "FILE|DIR", SetupMany: setupPortfolio,
			Forms: []form{{"FILE|DIR... --xlsx F [--pdf F] [--anonymise] [--date YYYY-MM-DD]",
				"compare many clients' workspaces side by side: a workbook (and PDF) with a row per client and each sector's quartiles"}},
			Long: `Loads and assesses every workspace given (a folder contributes every
*.json file below it, hidden ones left out) and writes one row per client
(tier, validation, index, every dimension's level, the latest exercise,
open and overdue actions: the values 'drillbook assess --json' gives for
the same file and --date), each sector's median and quartiles and each
client against its peers. --anonymise names the clients "Client A",
"Client B"... in file order and leaves out file names and every person's
and organisation's name.

A file that fails to load is listed with its error (on stderr and in the
outputs) and the others are still compared; the exit code is then 1,
after the outputs are written. Usage errors exit 2. Outputs are written
atomically.`,
		},
		{
			Name: "version", Aliases: []string{"--version"}, Setup: setupVersion,
			Forms: []form{{"", "print the version"}},
		},
		{
			Name: "help", Aliases: []string{"-h", "-help", "--help"}, Arg: "COMMAND", ArgOptional: true, Setup: setupHelp,
			Forms: []form{{"[COMMAND]", "show this help, or a command's in full"}},
		},
	}
}

func setupVersion(*flag.FlagSet) func(Env, string) error {
	return func(env Env, _ string) error {
		fmt.Fprintln(env.Stdout, "drillbook", env.Version)
		return nil
	}
}

func setupHelp(*flag.FlagSet) func(Env, string) error {
	return func(env Env, name string) error {
		if name == "" {
			fmt.Fprint(env.Stdout, overview())
			return nil
		}
		c := lookup(commands(), name)
		if c == nil {
			return usagef("unknown command %q", name)
		}
		fs, _ := c.flags()
		fmt.Fprint(env.Stdout, c.help(fs))
		return nil
	}
}
