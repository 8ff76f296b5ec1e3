package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"drillbook/plan"
)

func TestCommandTable(t *testing.T) {
	defaults := 0
	seen := map[string]bool{}
	for _, c := range commands() {
		if c.Default {
			defaults++
		}
		for _, name := range append([]string{c.Name}, c.Aliases...) {
			if name == "" || seen[name] {
				t.Errorf("command name %q is empty or taken twice", name)
			}
			seen[name] = true
		}
		if len(c.Forms) == 0 || (c.Setup == nil) == (c.SetupMany == nil) {
			t.Errorf("%s: no forms, or not exactly one of Setup and SetupMany", c.Name)
		}
		for _, f := range c.Forms {
			if f.Short == "" {
				t.Errorf("%s %s: no summary", c.Name, f.Args)
			}
		}
	}
	if defaults != 1 {
		t.Errorf("%d default commands, want 1", defaults)
	}
}

// The help fits a terminal: no line of the overview or of any command's
// help is wider than lineWidth.
func TestHelpFitsTheWidth(t *testing.T) {
	texts := map[string]string{"overview": overview()}
	for _, c := range commands() {
		fs, _ := c.flags()
		texts[c.Name] = c.help(fs)
	}
	for name, text := range texts {
		for i, line := range strings.Split(text, "\n") {
			if n := utf8.RuneCountInString(line); n > lineWidth {
				t.Errorf("%s help line %d is %d wide: %q", name, i+1, n, line)
			}
		}
	}
}

// "drillbook help NAME" and "drillbook NAME --help" print the same: every
// form of the command and every flag it declares.
func TestHelpForEveryCommand(t *testing.T) {
	for _, c := range commands() {
		code, out, errs, _ := run(t, "help", c.Name)
		if code != ExitOK || errs != "" {
			t.Errorf("help %s: exit %d, stderr %q", c.Name, code, errs)
		}
		if _, same, _, gui := run(t, c.Name, "--help"); same != out || gui != nil {
			t.Errorf("%s --help printed\n%s\nbut help %s printed\n%s", c.Name, same, c.Name, out)
		}
		for _, f := range c.Forms {
			for _, g := range argGroups(f.Args) {
				if !strings.Contains(out, g) {
					t.Errorf("help %s lacks %q of the form %q:\n%s", c.Name, g, f.Args, out)
				}
			}
		}
		fs, _ := c.flags()
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(out, "  --"+f.Name) {
				t.Errorf("help %s lacks --%s:\n%s", c.Name, f.Name, out)
			}
		})
	}
}

func TestHelpUnknownCommand(t *testing.T) {
	code, out, errs, _ := run(t, "help", "unknown")
	if code != ExitUsage || out != "" || !strings.Contains(errs, `drillbook: help: unknown command "unknown"`) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// orderCase is one command run with its flags in several places: setup
// makes the flags and positional argument for one run (fresh files each
// time) and the check that the flags took effect.
type orderCase struct {
	cmd   string
	setup func(t *testing.T) (flags []string, arg string, check func(code int, stdout string, gui *GUIOptions) error)
}

// Every command accepts its flags before its FILE, after it, on both
// sides, and before "--".
func TestFlagsBeforeOrAfterFile(t *testing.T) {
	ws := demoFile(t)
	cases := []orderCase{
		{"open", func(t *testing.T) ([]string, string, func(int, string, *GUIOptions) error) {
			want := GUIOptions{Path: "client.json", Exercise: "ransomware", Speed: 5, Projector: true}
			return []string{"--exercise=ransomware", "--speed=5", "--projector"}, "client.json", func(code int, _ string, gui *GUIOptions) error {
				if code != ExitOK || gui == nil || *gui != want {
					return fmt.Errorf("exit %d, gui %+v, want %+v", code, gui, want)
				}
				return nil
			}
		}},
		{"new", func(t *testing.T) ([]string, string, func(int, string, *GUIOptions) error) {
			path := filepath.Join(t.TempDir(), "new.json")
			return []string{"--demo", "--name=Acme Care"}, path, func(code int, out string, _ *GUIOptions) error {
				ws, err := plan.Load(path)
				if code != ExitOK || err != nil || ws.Organisation.Name != "Acme Care" || len(ws.People) == 0 {
					return fmt.Errorf("exit %d, %q, load %v", code, out, err)
				}
				return nil
			}
		}},
		{"validate", func(t *testing.T) ([]string, string, func(int, string, *GUIOptions) error) {
			return nil, ws, func(code int, out string, _ *GUIOptions) error {
				if code != ExitOK || !strings.HasSuffix(out, ws+": 0 errors, 0 warnings\n") {
					return fmt.Errorf("exit %d, %q", code, out)
				}
				return nil
			}
		}},
		{"assess", func(t *testing.T) ([]string, string, func(int, string, *GUIOptions) error) {
			return []string{"--json", "--date=2026-11-24", "--fail-below=Intermediate"}, ws, func(code int, out string, _ *GUIOptions) error {
				var got struct{ Date, Tier string }
				if err := json.Unmarshal([]byte(out), &got); err != nil || code != ExitProblems || got.Date != "2026-11-24" || got.Tier != "Basic" {
					return fmt.Errorf("exit %d (want 1: Basic is below Intermediate), %+v, %v", code, got, err)
				}
				return nil
			}
		}},
		{"report", func(t *testing.T) ([]string, string, func(int, string, *GUIOptions) error) {
			out := filepath.Join(t.TempDir(), "r.xlsx")
			return []string{"--xlsx=" + out, "--date=2026-11-24"}, ws, func(code int, stdout string, _ *GUIOptions) error {
				if code != ExitOK || stdout != "wrote "+out+"\n" {
					return fmt.Errorf("exit %d, %q", code, stdout)
				}
				return nil
			}
		}},
		{"export", func(t *testing.T) ([]string, string, func(int, string, *GUIOptions) error) {
			out := filepath.Join(t.TempDir(), "actions.md")
			return []string{"--actions-md=" + out, "--date=2026-11-24"}, ws, func(code int, stdout string, _ *GUIOptions) error {
				if code != ExitOK || stdout != "wrote "+out+"\n" {
					return fmt.Errorf("exit %d, %q", code, stdout)
				}
				return nil
			}
		}},
		{"portfolio", func(t *testing.T) ([]string, string, func(int, string, *GUIOptions) error) {
			out := filepath.Join(t.TempDir(), "p.xlsx")
			return []string{"--xlsx=" + out, "--date=2026-11-24", "--anonymise"}, ws, func(code int, stdout string, _ *GUIOptions) error {
				if code != ExitOK || stdout != "compared 1 workspace\nwrote "+out+"\n" {
					return fmt.Errorf("exit %d, %q", code, stdout)
				}
				return nil
			}
		}},
		{"help", func(t *testing.T) ([]string, string, func(int, string, *GUIOptions) error) {
			return nil, "report", func(code int, out string, _ *GUIOptions) error {
				if code != ExitOK || !strings.HasPrefix(out, "usage: drillbook report FILE") {
					return fmt.Errorf("exit %d, %q", code, out)
				}
				return nil
			}
		}},
		{"version", func(t *testing.T) ([]string, string, func(int, string, *GUIOptions) error) {
			return nil, "", func(code int, out string, _ *GUIOptions) error {
				if code != ExitOK || out != "drillbook v-test\n" {
					return fmt.Errorf("exit %d, %q", code, out)
				}
				return nil
			}
		}},
	}
	var covered []string
	for _, c := range cases {
		covered = append(covered, c.cmd)
		orders := map[string]func(flags []string, arg string) []string{
			"flags first": func(f []string, a string) []string { return append(f, a) },
			"flags last":  func(f []string, a string) []string { return append([]string{a}, f...) },
			"around": func(f []string, a string) []string {
				return append(append(slices.Clone(f[:len(f)/2]), a), f[len(f)/2:]...)
			},
			"before --": func(f []string, a string) []string { return append(append(f, "--"), a) },
		}
		for order, arrange := range orders {
			flags, arg, check := c.setup(t)
			args := arrange(flags, arg)
			if arg == "" {
				args = slices.DeleteFunc(args, func(s string) bool { return s == "" })
			}
			var out, errb strings.Builder
			var gui *GUIOptions
			code := Main(append([]string{c.cmd}, args...), Env{Stdout: &out, Stderr: &errb, Version: "v-test",
				GUI: func(o GUIOptions) error { gui = &o; return nil }})
			if err := check(code, out.String(), gui); err != nil {
				t.Errorf("%s, %s %q: %v; stderr %q", c.cmd, order, args, err, errb.String())
			}
		}
	}
	for _, c := range commands() {
		// Commands taking several arguments have their own order test
		// (TestImportFlagsAnywhere).
		if !slices.Contains(covered, c.Name) && c.More == "" {
			t.Errorf("command %s has no case here", c.Name)
		}
	}
}

// The example: new took no flags after its FILE.
func TestNewFlagsAfterFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "client.json")
	if code, out, errs, _ := run(t, "new", path, "--demo"); code != ExitOK || out != "wrote "+path+"\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if ws, err := plan.Load(path); err != nil || len(ws.People) == 0 {
		t.Fatalf("not the demo: %v", err)
	}
}

// Unknown flags and missing or extra arguments are usage errors: exit 2,
// the command named, its usage shown, nothing run.
func TestUsageErrorsNameTheCommand(t *testing.T) {
	for _, c := range commands() {
		bad := [][]string{{c.Name, "--no-such-flag"}, {c.Name, "one", "two"}}
		if c.More != "" {
			bad = [][]string{{c.Name, "--no-such-flag"}, {c.Name}, {c.Name, "one"}}
		} else if c.Arg == "" {
			bad = append(bad, []string{c.Name, "extra"})
		} else if !c.ArgOptional {
			bad = append(bad, []string{c.Name})
		}
		for _, args := range bad {
			code, out, errs, gui := run(t, args...)
			if code != ExitUsage || out != "" || gui != nil ||
				!strings.HasPrefix(errs, "drillbook: "+c.Name+": ") || !strings.Contains(errs, c.usage()) {
				t.Errorf("%q: exit %d, gui %v, stdout %q, stderr\n%s", args, code, gui, out, errs)
			}
		}
	}
}

func TestOpenByName(t *testing.T) {
	// A file named like a command opens with the command's name.
	if code, _, errs, gui := run(t, "open", "report"); code != ExitOK || gui == nil || gui.Path != "report" {
		t.Errorf("open report: exit %d, gui %+v, %s", code, gui, errs)
	}
	if code, _, _, gui := run(t, "--", "-odd.json"); code != ExitOK || gui == nil || gui.Path != "-odd.json" {
		t.Errorf("-- -odd.json: exit %d, gui %+v", code, gui)
	}
	var errb strings.Builder
	if code := Main([]string{"x.json"}, Env{Stderr: &errb, GUI: func(GUIOptions) error { return fmt.Errorf("no display") }}); code != ExitUsage || errb.String() != "drillbook: no display\n" {
		t.Errorf("a failing GUI: exit %d, %q", code, errb.String())
	}
	if code, _, errs, _ := run(t, "validate", "--no-gui", "x"); code != ExitUsage || !strings.Contains(errs, "-no-gui") {
		t.Errorf("unknown flag: exit %d, %q", code, errs)
	}
}

func TestNoGUIBuild(t *testing.T) {
	var errb strings.Builder
	if code := Main(nil, Env{Stderr: &errb}); code != ExitUsage || !strings.Contains(errb.String(), "no GUI") {
		t.Errorf("exit %d, %q", code, errb.String())
	}
}

func TestParseFlags(t *testing.T) {
	cases := []struct {
		args []string
		pos  []string
		name string
		demo bool
	}{
		{[]string{"a", "--demo", "b"}, []string{"a", "b"}, "", true},
		{[]string{"--name", "x", "a"}, []string{"a"}, "x", false},
		{[]string{"a", "--name=x"}, []string{"a"}, "x", false},
		{[]string{"--", "--demo", "a"}, []string{"--demo", "a"}, "", false},
		{[]string{"a", "--", "--name", "x"}, []string{"a", "--name", "x"}, "", false},
		// "--" as a flag's value does not end the flags.
		{[]string{"--name", "--", "a", "--demo"}, []string{"a"}, "--", true},
		{[]string{"--name=--", "--", "--demo"}, []string{"--demo"}, "--", false},
		{[]string{"--demo=true", "--", "-"}, []string{"-"}, "", true},
		{[]string{"-", "--demo"}, []string{"-"}, "", true},
		{nil, nil, "", false},
	}
	for _, c := range cases {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		name := fs.String("name", "", "")
		demo := fs.Bool("demo", false, "")
		pos, err := parseFlags(fs, c.args)
		if err != nil || !slices.Equal(pos, c.pos) || *name != c.name || *demo != c.demo {
			t.Errorf("%q: positional %q, name %q, demo %v, err %v; want %q %q %v", c.args, pos, *name, *demo, err, c.pos, c.name, c.demo)
		}
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(new(strings.Builder))
	fs.String("name", "", "")
	if _, err := parseFlags(fs, []string{"a", "--name"}); err == nil || !strings.Contains(err.Error(), "needs an argument") {
		t.Errorf("a flag without its value: %v", err)
	}
}
