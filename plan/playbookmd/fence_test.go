package playbookmd

import (
	"reflect"
	"strings"
	"testing"

	"drillbook/plan"
)

// Code in steps and summaries is written and read as code: "#" lines are
// neither escaped on export nor taken for titles or sections on import,
// list-like lines are not steps or attributes, and blank lines survive.
func TestPlaybookMarkdownFencedCodeRoundTrip(t *testing.T) {
	pb := plan.Playbook{
		ID: "fences", Title: "Fences",
		Summary: "Before the code:\n\n```sh\n# stop it\n## Steps\n1. not a step\n- Role: not metadata\n```\n\nAfter the code.",
		Steps: []plan.Step{
			{Text: "Stop the service:\n```sh\n# stop it\nsystemctl stop app\n\n\n- Expected duration: not an attribute\n```", ExpectedDuration: 5 * plan.Minute},
			{Text: "~~~\n# tilde fence\n  keeps its indent\n```\nstill code\n~~~~\nand text after it", References: []string{"other"}},
			{Text: "````\n# opens on the first line\n```\n````"},
			{Text: "A plain step\n# not code, so escaped"},
		},
	}
	md := Markdown(&pb, nil, plan.Date{})
	for _, bad := range []string{`\# stop it`, `\# tilde fence`, `\# opens`} {
		if strings.Contains(md, bad) {
			t.Errorf("code was escaped (%q):\n%s", bad, md)
		}
	}
	if !strings.Contains(md, `\# not code, so escaped`) {
		t.Errorf("a heading-like line outside code was not escaped:\n%s", md)
	}
	got, err := Parse(md)
	if err != nil {
		t.Fatalf("%v\n%s", err, md)
	}
	if !reflect.DeepEqual(*got, carried(pb)) {
		t.Errorf("round trip differs\n got %+v\nwant %+v\n%s", *got, carried(pb), md)
	}
}

func TestParseHandWrittenFencedCode(t *testing.T) {
	cases := []struct {
		name, md string
		want     plan.Playbook
	}{
		{"code in the prose", "# T\n\nIntro:\n\n```\n# comment\n## Steps\n- x\n```\n\n1. step\n",
			plan.Playbook{ID: "t", Title: "T", Summary: "Intro:\n\n```\n# comment\n## Steps\n- x\n```", Steps: steps("step")}},
		{"code right under a step, not indented", "# T\n1. Run:\n```\n# stop\n```\n2. next\n",
			plan.Playbook{ID: "t", Title: "T", Steps: steps("Run:\n```\n# stop\n```", "next")}},
		{"unclosed fence in a step is closed", "# T\n1. Run:\n   ```\n   # stop\n",
			plan.Playbook{ID: "t", Title: "T", Steps: steps("Run:\n```\n# stop\n```")}},
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
