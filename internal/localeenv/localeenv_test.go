//go:build !windows && !darwin && !js && !android

package localeenv

import "testing"

func TestLanguage(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want string // "" means leave LANGUAGE alone
	}{
		{map[string]string{}, ""},
		{map[string]string{"LANG": "C"}, ""},
		{map[string]string{"LANG": "POSIX"}, ""},
		{map[string]string{"LANG": "C", "LANGUAGE": "C.UTF-8"}, ""}, // go-locale ignores LANGUAGE in C
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
		{map[string]string{"LANG": "C.utf8"}, "en"},
		{map[string]string{"LANG": "POSIX.UTF-8"}, "en"},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}, "en"},
		{map[string]string{"LC_MESSAGES": "C.UTF-8"}, "en"},
		{map[string]string{"LANG": "en_GB.UTF-8"}, ""},
		{map[string]string{"LANG": "pt_BR"}, ""},
		{map[string]string{"LANG": "es_419.UTF-8"}, ""},
		{map[string]string{"LANG": "de_DE@euro"}, "de_DE"},
		{map[string]string{"LANG": "sr_RS.UTF-8@latin"}, "sr_RS"},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "fr:de"}, ""},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "fr_FR:C:de"}, "fr_FR:de"},
		{map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": ":"}, "en"},
		{map[string]string{"LANGUAGE": "C"}, "en"},
	}
	for _, c := range cases {
		got, set := Language(func(k string) string { return c.env[k] })
		if set != (c.want != "") || got != c.want {
			t.Errorf("%v: LANGUAGE %q (set %v), want %q", c.env, got, set, c.want)
		}
	}
}
