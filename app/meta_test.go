package app

import (
	"os"
	"regexp"
	"testing"
)

// FyneApp.toml is what the fyne packaging tool reads; Metadata is what a
// plain go build uses. They must not drift apart.
func TestMetadataMatchesFyneAppToml(t *testing.T) {
	data, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	toml := string(data)
	m := Metadata()
	for key, want := range map[string]string{"ID": m.ID, "Name": m.Name, "Version": m.Version} {
		re := regexp.MustCompile(`(?m)^` + key + ` = "([^"]*)"`)
		got := re.FindStringSubmatch(toml)
		if got == nil || got[1] != want {
			t.Errorf("FyneApp.toml %s = %v, code has %q", key, got, want)
		}
	}
	if !regexp.MustCompile(`(?m)^\[Migrations\]\s*\nfyneDo = true`).MatchString(toml) || !m.Migrations["fyneDo"] {
		t.Error("fyneDo migration must be on in both FyneApp.toml and Metadata")
	}
	if len(iconPNG) < 8 || string(iconPNG[1:4]) != "PNG" {
		t.Error("embedded icon is not a PNG")
	}
}
