package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"drillbook/plan"
)

// The tests run this test binary again as a child, which links everything
// the real drillbook links (Fyne included) and runs main with the given
// arguments, so what the child prints is what drillbook prints.
const childArgs = "DRILLBOOK_MAIN_CHILD_ARGS"

func TestMainChild(t *testing.T) {
	args := os.Getenv(childArgs)
	switch args {
	case "":
		t.Skip("only run as the child of the locale tests")
	case "locale":
		// What the GUI would use: the language Fyne settled on and one of
		// its own translated strings.
		os.Stdout.WriteString(string(lang.SystemLocale()) + " " + lang.L("Cancel") + "\n")
		os.Exit(0)
	}
	os.Args = append([]string{"drillbook"}, strings.Split(args, "\n")...)
	main()
}

// runMain runs drillbook with env (on top of a clean locale) and args.
func runMain(t *testing.T, env []string, args ...string) (stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestMainChild$")
	cmd.Env = []string{childArgs + "=" + strings.Join(args, "\n")}
	for _, kv := range os.Environ() {
		switch name, _, _ := strings.Cut(kv, "="); name {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "GODEBUG":
		default:
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("drillbook %s (%v): %v\nstderr:\n%s", strings.Join(args, " "), env, err, errOut.String())
	}
	return out.String(), errOut.String()
}

var locales = [][]string{{"LANG=C.UTF-8"}, {"LANG=C"}, {"LANG=POSIX"}, nil, {"LC_ALL=C.UTF-8"}, {"LANG=de_DE@euro"}, {"LANG=en_GB.UTF-8", "LANGUAGE=C:"}}

// Under any locale, the headless commands print their own output and
// nothing else: no "Fyne error: Error parsing user locale C" from the GUI
// toolkit's initialisation.
func TestCommandsPrintOnlyTheirOwnOutput(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "demo.json")
	if err := plan.Save(ws, plan.Demo()); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "x.pdf")
	for _, env := range locales {
		stdout, stderr := runMain(t, env, "report", ws, "--pdf", pdf, "--date", "2026-11-24")
		if stdout != "wrote "+pdf+"\n" || stderr != "" {
			t.Errorf("%v: report printed\nstdout %q\nstderr %q", env, stdout, stderr)
		}
		stdout, stderr = runMain(t, env, "validate", ws)
		if !strings.HasSuffix(stdout, "0 errors, 0 warnings\n") && !strings.Contains(stdout, ws+": ") || stderr != "" {
			t.Errorf("%v: validate printed\nstdout %q\nstderr %q", env, stdout, stderr)
		}
		if stdout, stderr = runMain(t, env, "help"); !strings.HasPrefix(stdout, "Drillbook") || stderr != "" {
			t.Errorf("%v: help printed stderr %q", env, stderr)
		}
	}
}

// The GUI still gets a language: English for the C locales, the user's
// language otherwise (German here, from a locale with a modifier).
func TestGUILanguageUnderEveryLocale(t *testing.T) {
	for _, c := range []struct {
		env  []string
		want string
	}{
		{[]string{"LANG=C.UTF-8"}, "en Cancel\n"},
		{[]string{"LANG=C"}, "en Cancel\n"},
		{nil, "en Cancel\n"},
		{[]string{"LANG=de_DE@euro"}, "de-DE Abbrechen\n"},
		{[]string{"LANG=de_DE.UTF-8"}, "de-DE Abbrechen\n"},
	} {
		stdout, stderr := runMain(t, c.env, "locale")
		if stdout != c.want || stderr != "" {
			t.Errorf("%v: %q (stderr %q), want %q", c.env, stdout, stderr, c.want)
		}
	}
}

// internal/localeenv must run before Fyne's lang package reads the
// locale; Go initialises packages in import-path order once their imports
// are done, which puts drillbook/internal/localeenv first. GODEBUG's
// inittrace lists package initialisations as they happen.
func TestLocaleFixRunsBeforeFyne(t *testing.T) {
	_, stderr := runMain(t, []string{"LANG=C", "GODEBUG=inittrace=1"}, "help")
	fix := strings.Index(stderr, "init drillbook/internal/localeenv ")
	fyne := strings.Index(stderr, "init fyne.io/fyne/v2/lang ")
	if fix < 0 || fyne < 0 || fix > fyne {
		t.Errorf("localeenv initialised at %d, fyne.io/fyne/v2/lang at %d (want both, localeenv first):\n%s", fix, fyne, stderr)
	}
}
