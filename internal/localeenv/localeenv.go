// Package localeenv makes the locale environment readable by the GUI
// toolkit before the toolkit reads it. Imported (for its side effect) by
// main; it must stay free of any import outside the standard library.
//
// Fyne's lang package parses the system locale in its init, through
// github.com/jeandeaual/go-locale, which on Linux and the BSDs takes the
// first of LC_ALL, LC_MESSAGES and LANG and, unless that is exactly "C" or
// "POSIX", prefers LANGUAGE (a colon-separated list). Each entry loses its
// codeset (".UTF-8") and becomes "language-territory". "C.UTF-8", the
// default of Debian and most containers, thus becomes "C", which is no
// language: Fyne logs "Fyne error: Error parsing user locale C" from every
// binary that links it, before main runs and whatever the command. Entries
// with a modifier ("de_DE@euro") fail the same way.
//
// The fix: when an entry go-locale would read is not a language tag, set
// LANGUAGE to the entries that are (modifiers dropped), or to "en" when
// none is, which is what a C locale means. Only LANGUAGE changes; gettext
// programs started from Drillbook read it only for their message language,
// and ignore it in the C locale.
//
// Order: since Go 1.21 packages are initialised in import-path order among
// those whose imports are initialised. This package imports only os and
// strings, which Fyne's lang package also (indirectly) imports, so it is
// ready no later than lang, and "drillbook/…" sorts before "fyne.io/…":
// its init runs first. main_test.go checks the order with GODEBUG=inittrace.
package localeenv

import (
	"os"
	"strings"
)

func init() {
	if value, ok := Language(os.Getenv); ok {
		os.Setenv("LANGUAGE", value)
	}
}

// Language returns the LANGUAGE value to set, and whether to set it, for
// the environment getenv reads (see the package comment).
func Language(getenv func(string) string) (string, bool) {
	if !readsLocaleFromEnv {
		return "", false
	}
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(name); locale != "" {
			break
		}
	}
	if locale == "C" || locale == "POSIX" {
		return "", false // go-locale reports no locale; Fyne uses English quietly
	}
	list := getenv("LANGUAGE")
	if list == "" {
		list = locale
	}
	if list == "" {
		return "", false
	}
	var good []string
	changed := false
	for _, entry := range strings.Split(list, ":") {
		tag, ok := languageTag(entry)
		changed = changed || !ok || tag != entry
		if tag != "" {
			good = append(good, tag)
		}
	}
	if !changed {
		return "", false
	}
	if len(good) == 0 {
		good = []string{"en"}
	}
	return strings.Join(good, ":"), true
}

// languageTag returns entry as go-locale can read it (codeset and
// modifier dropped: "de_DE.UTF-8@euro" → "de_DE"), "" when it names no
// language ("C.UTF-8", "POSIX", ""), and whether entry was already in a
// form that parses as is (with a codeset or not).
func languageTag(entry string) (string, bool) {
	base, _, hasMod := strings.Cut(entry, "@")
	base, codeset, _ := strings.Cut(base, ".")
	lang, territory, _ := strings.Cut(strings.ReplaceAll(base, "-", "_"), "_")
	if !letters(lang, 2, 3) {
		return "", false
	}
	if territory != "" && !letters(territory, 2, 2) && !digits(territory, 3) {
		return lang, false
	}
	if hasMod {
		return base, false
	}
	if codeset != "" {
		return entry, true // go-locale drops the codeset itself
	}
	return base, true
}

func letters(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
