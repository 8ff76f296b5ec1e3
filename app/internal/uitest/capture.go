package uitest

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// ShotsEnv names a folder that receives a PNG of the windows tests
// capture, for looking at; unset, Capture writes nothing.
const ShotsEnv = "DRILLBOOK_SHOTS"

// Capture saves w's canvas as name (".png" added, spaces and slashes
// made dashes) in the folder ShotsEnv names. The picture is for looking,
// not for the verdict: Fyne's software test painter can fail on strokes
// it clips, which is logged rather than failing the test.
func Capture(t testing.TB, w fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv(ShotsEnv)
	if dir == "" {
		return
	}
	name = strings.NewReplacer(" ", "-", "›", "", "/", "-").Replace(strings.TrimSuffix(name, ".png"))
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	defer func() {
		if r := recover(); r != nil {
			t.Logf("%s: no picture: %v", name, r)
		}
	}()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
