package widgets

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestPlainFirstLine(t *testing.T) {
	test.NewTempApp(t)
	for md, want := range map[string]string{
		"**PAGE** — Endpoint: *Ransomware detected*": "PAGE — Endpoint: Ransomware detected",
		"> A quote\n\nAfter":                         "A quote …",
		"`svchost_.exe` is *running*":                "svchost_.exe is running",
		"- first item\n- second":                     "first item …",
		"```\nhost: fs_corp_02\nprocess: x\n```\n":   "host: fs_corp_02 …",
		"":                                       "",
		"![tracker](https://x.test/p.png) looks": "[image] looks",
		"A support analyst posts: *\"Can't open S:\"*\n\nx": "A support analyst posts: \"Can't open S:\" …",
	} {
		if got := PlainFirstLine(md); got != want {
			t.Errorf("PlainFirstLine(%q) = %q, want %q", md, got, want)
		}
	}
}
