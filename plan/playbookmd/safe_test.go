package playbookmd

import (
	"reflect"
	"strings"
	"testing"

	"drillbook/plan"
)

// A playbook's user text cannot put HTML, remote images, links or control
// characters into its Markdown, whichever field it is in; text that only
// looks like markup ("a < b", "<kbd>") reads back exactly as written.
func TestPlaybookMarkdownIsSanitised(t *testing.T) {
	const hostile = "<script>alert(1)</script> ![t](http://example.invalid/t.png) \x00\x07\u202E"
	ws := plan.New("Org <b>bold</b>")
	ws.Roles = []plan.Role{{ID: "r", Name: hostile}}
	ws.People = []plan.Person{{ID: "p", Name: hostile}}
	ws.IncidentTypes = []plan.IncidentType{{ID: "it", Name: hostile}}
	ws.Playbooks = []plan.Playbook{
		{ID: "pb", Title: hostile, Role: "r", Owner: "p", IncidentTypes: []string{"it"}, References: []string{"other", "http://example.invalid/x"},
			Summary: hostile + "\n\n<img src=\"http://example.invalid/i.png\">",
			Steps: []plan.Step{
				{Text: "Step " + hostile + "\n<iframe src=\"http://example.invalid\"></iframe>", References: []string{"javascript:alert(1)"}},
			},
			Revisions: []plan.Revision{{Number: 1, Date: plan.NewDate(2026, 1, 1), Author: hostile, Summary: hostile}},
		},
		{ID: "other", Title: hostile},
	}
	docs := map[string]string{"index": IndexMarkdown(ws, plan.Date{})}
	for i := range ws.Playbooks {
		docs[ws.Playbooks[i].ID] = Markdown(&ws.Playbooks[i], ws, plan.Date{})
	}
	for name, md := range docs {
		lower := strings.ToLower(md)
		for _, bad := range []string{"<script", "<img", "<iframe", "<b>", "](http", "](javascript", "![", "\x00", "\x07", "\u202E"} {
			if strings.Contains(lower, bad) {
				t.Errorf("%s contains %q:\n%s", name, bad, md)
			}
		}
	}
	got, err := Parse(docs["pb"])
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "<script>alert(1)</script> ![t](http://example.invalid/t.png) \uFFFD\uFFFD" {
		t.Errorf("title read back as %q", got.Title)
	}

	benign := plan.Playbook{ID: "b", Title: "If a < b & c > d, press <kbd>Enter</kbd>",
		Summary:   "Use `a<b>` as code; &lt; is literal; a < b.",
		Steps:     []plan.Step{{Text: "Compare a < b & c\nthen type <kbd>q</kbd> and &amp;lt; literally\n```\n<b>code</b>\n```"}},
		Revisions: []plan.Revision{{Number: 1, Date: plan.NewDate(2026, 1, 1), Author: "A & B <team>", Summary: "Fixed <br> and | pipes"}},
	}
	md := Markdown(&benign, nil, plan.Date{})
	back, err := Parse(md)
	if err != nil {
		t.Fatalf("%v\n%s", err, md)
	}
	if !reflect.DeepEqual(*back, carried(benign)) {
		t.Errorf("round trip differs\n got %+v\nwant %+v\n%s", *back, carried(benign), md)
	}
}
