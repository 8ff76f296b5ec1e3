package export

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"io"
	"strings"
	"testing"

	"drillbook/plan"
)

// countColour counts the pixels of exactly colour c.
func countColour(img image.Image, c rgb) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if int(r>>8) == c.r && int(g>>8) == c.g && int(bl>>8) == c.b {
				n++
			}
		}
	}
	return n
}

func decodeTimeline(t *testing.T, run *plan.Run) (image.Image, string) {
	t.Helper()
	data, w, h, alt, err := timelinePNG(run)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
		t.Fatalf("picture %v, said %d×%d", b, w, h)
	}
	return img, alt
}

// The picture marks met tasks in the PDF's green and breached ones in its
// red, and only then; its size stays bounded however many tasks.
func TestTimelinePicture(t *testing.T) {
	met := plan.Duration(4 * plan.Minute)
	run := &plan.Run{Length: 30 * plan.Minute, Tasks: []plan.Task{
		{Label: "Acknowledge", Start: 0, Deadline: 5 * plan.Minute, MetAt: &met, Status: plan.TaskMet},
	}}
	img, alt := decodeTimeline(t, run)
	// The legend draws one green and one red mark of its own.
	legendGreen, legendRed := countColour(img, colMet), countColour(img, colBreach)
	if legendGreen == 0 || legendRed == 0 {
		t.Fatal("no legend marks")
	}
	if !strings.Contains(alt, "1 critical task (1 met on time, 0 late, 0 missed, 0 pending)") || !strings.Contains(alt, "30 min") {
		t.Errorf("alt text %q", alt)
	}
	run.Tasks = append(run.Tasks, plan.Task{Label: "Escalate", Start: 0, Deadline: 10 * plan.Minute, Status: plan.TaskMissed})
	img2, _ := decodeTimeline(t, run)
	if countColour(img2, colBreach) <= legendRed {
		t.Error("a missed task drew no red cross")
	}
	if countColour(img2, colMet) < legendGreen {
		t.Error("the met task lost its green mark")
	}

	many := &plan.Run{Length: plan.Hour}
	for i := range 400 {
		many.Tasks = append(many.Tasks, plan.Task{Label: strings.Repeat("long label ", 30), Start: plan.Duration(i) * plan.Minute / 10, Deadline: plan.Hour * 80, Status: plan.TaskPending})
	}
	img, _ = decodeTimeline(t, many)
	if h := img.Bounds().Dy(); h > 2800 {
		t.Errorf("400 tasks give a picture %d pixels tall", h)
	}
	decodeTimeline(t, &plan.Run{}) // nothing at all: still a picture
}

// BenchmarkDOCXvsPDF writes the Word document of every run of the
// benchmark workspace (Large with 100 runs) and the PDF's exercise
// section of the same runs, alternating, so their ratio can be read from
// one run on a shared machine.
func BenchmarkDOCXvsPDF(b *testing.B) {
	in := largeInput()
	b.Run("docx", func(b *testing.B) {
		for b.Loop() {
			if err := DOCX(context.Background(), io.Discard, in, benchOpts, AllRuns, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("docx-latest-run", func(b *testing.B) {
		for b.Loop() {
			if err := DOCX(context.Background(), io.Discard, in, benchOpts, "", nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pdf-exercises", func(b *testing.B) {
		opts := benchOpts
		opts.Sections = []Section{SectionExercises, SectionImprovement}
		for b.Loop() {
			if err := PDF(context.Background(), io.Discard, in, opts, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
