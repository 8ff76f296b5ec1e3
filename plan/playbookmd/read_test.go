package playbookmd

import (
	"reflect"
	"strings"
	"testing"

	"drillbook/plan"
)

// Structure comes from CommonMark's blocks: what a renderer shows as a
// heading, a list or code is read as one.
func TestParseReadsCommonMarkBlocks(t *testing.T) {
	cases := []struct {
		name, md string
		want     plan.Playbook
	}{
		{"setext title", "Restart the API\n===============\n\n1. a\n",
			plan.Playbook{ID: "restart-the-api", Title: "Restart the API", Steps: steps("a")}},
		{"a heading inside a step is text", "# T\n\n1. # not a section\n2. b\n",
			plan.Playbook{ID: "t", Title: "T", Steps: steps("# not a section", "b")}},
		{"a link definition after the steps is summary", "# T\n\n1. a\n\n[x]: https://example.invalid/\n",
			plan.Playbook{ID: "t", Title: "T", Summary: "[x]: https://example.invalid/", Steps: steps("a")}},
		{"a steps heading inside a quote is no section", "# T\n\n> ## Steps\n\n- a\n",
			plan.Playbook{ID: "t", Title: "T", Summary: "> ## Steps", Steps: steps("a")}},
		{"a quote right under a step", "# T\n1. Say:\n> all clear\n2. b\n",
			plan.Playbook{ID: "t", Title: "T", Steps: steps("Say:\n> all clear", "b")}},
		{"a thematic break ends nothing", "# T\n\nIntro\n\n***\n\n- a\n",
			plan.Playbook{ID: "t", Title: "T", Summary: "Intro\n\n***", Steps: steps("a")}},
		{"metadata list, then steps", "# T\n\n- Role: triage\n- Owner: Sam Lee\n\n1. a\n",
			plan.Playbook{ID: "t", Title: "T", Role: "triage", Owner: "sam-lee", Steps: steps("a")}},
		{"metadata items before steps in one list", "# T\n\n- Role: triage\n- do a\n- do b\n",
			plan.Playbook{ID: "t", Title: "T", Role: "triage", Steps: steps("do a", "do b")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Parse(c.md)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, c.want) {
				t.Errorf("\n got %+v\nwant %+v", *got, c.want)
			}
		})
	}
}

// Lines that CommonMark would read as a heading's underline are escaped,
// so a summary or step with "---" or "===" under a line reads back as
// written instead of becoming a section or a second title.
func TestPlaybookMarkdownSetextLinesRoundTrip(t *testing.T) {
	pb := plan.Playbook{ID: "s", Title: "S",
		Summary: "Heading-like\n---\n\\# then this\n\nAnother\n===",
		Steps:   []plan.Step{{Text: "Step\n===\nmore\n--"}, {Text: "two"}},
	}
	md := Markdown(&pb, nil, plan.Date{})
	if !strings.Contains(md, "\n\\---\n") || !strings.Contains(md, "\n\\===\n") {
		t.Errorf("underlines not escaped:\n%s", md)
	}
	got, err := Parse(md)
	if err != nil {
		t.Fatalf("%v\n%s", err, md)
	}
	if !reflect.DeepEqual(*got, carried(pb)) {
		t.Errorf("round trip differs\n got %+v\nwant %+v\n%s", *got, carried(pb), md)
	}
}

// Remote images are judged on the text as it stands in the file: behind
// raw HTML that the writer disarms, an image is live and must go.
func TestPlaybookMarkdownImagesJudgedAsWritten(t *testing.T) {
	pb := plan.Playbook{ID: "i", Title: "I", Summary: "<div>\n![x](https://example.invalid/x.png)\n</div>",
		Steps: []plan.Step{{Text: "<script>\n![y](//example.invalid/y.png)"}}}
	md := Markdown(&pb, nil, plan.Date{})
	if strings.Contains(md, "](http") || strings.Contains(md, "](//") {
		t.Fatalf("remote image left:\n%s", md)
	}
	got, err := Parse(md)
	if err != nil {
		t.Fatal(err)
	}
	if again := Markdown(got, nil, plan.Date{}); again != md {
		t.Errorf("not stable:\n%s\n---\n%s", md, again)
	}
	// Read from a hand-written file, the same images are replaced.
	hand, err := Parse("# I\n\n<div>\n![x](https://example.invalid/x.png)\n</div>\n")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(hand.Summary, "https://") || !strings.Contains(hand.Summary, "[image: x") {
		t.Errorf("summary read as %q", hand.Summary)
	}
}
