package playbookmd

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

// carried is the part of a playbook the Markdown format carries: all of it
// except the steps kept in revisions.
func carried(p plan.Playbook) plan.Playbook {
	p.Revisions = append([]plan.Revision(nil), p.Revisions...)
	for i := range p.Revisions {
		p.Revisions[i].Steps = nil
	}
	return p
}

func TestPlaybookMarkdownRoundTripDemo(t *testing.T) {
	ws := plan.Demo()
	today := plan.NewDate(2026, time.November, 20)
	for i := range ws.Playbooks {
		want := carried(ws.Playbooks[i])
		md := Markdown(&ws.Playbooks[i], ws, today)
		got, err := Parse(md)
		if err != nil {
			t.Fatalf("%s: %v\n%s", want.ID, err, md)
		}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("%s: round trip differs\n got %+v\nwant %+v\n%s", want.ID, *got, want, md)
		}
	}
}

func TestPlaybookMarkdownRoundTripTricky(t *testing.T) {
	pb := plan.Playbook{
		ID: "tricky.one", Title: "Pipes | and *stars* and C#", Role: "unknown-role",
		IncidentTypes: []string{"a", "b"},
		Summary:       "First paragraph.\nSame paragraph.\n\nSecond paragraph with `code`.",
		Steps: []plan.Step{
			{Text: "Two lines\n  indented second line", ExpectedDuration: 90 * plan.Minute},
			{Text: "Has a blank line\n\ninside it", References: []string{"x", "y"}},
			{Text: "- looks like a bullet"},
			{Text: "10. looks like a number"},
			{Text: "Ends with (5m)"},
			{Text: "s6"}, {Text: "s7"}, {Text: "s8"}, {Text: "s9"},
			{Text: "Step ten\nwith a continuation at width four", ExpectedDuration: plan.Day},
		},
		References:     []string{"x"},
		Owner:          "nobody-known",
		ReviewInterval: 2 * plan.Week,
		Revisions: []plan.Revision{
			{Number: 1, Date: plan.NewDate(2025, 1, 2), Author: "Jane Doe", Summary: `Pipes | and \ backslash`},
			{Number: 2, Date: plan.NewDate(2025, 2, 3), Author: "jane", Summary: "Two\nlines"},
		},
	}
	md := Markdown(&pb, nil, plan.Date{})
	got, err := Parse(md)
	if err != nil {
		t.Fatalf("%v\n%s", err, md)
	}
	if !reflect.DeepEqual(*got, carried(pb)) {
		t.Errorf("round trip differs\n got %+v\nwant %+v\n%s", *got, carried(pb), md)
	}
	if !strings.Contains(md, "never reviewed") || strings.Contains(md, "next due") {
		t.Errorf("review line wrong:\n%s", md)
	}
}

func TestPlaybookMarkdownExport(t *testing.T) {
	ws := plan.Demo()
	pb := ws.Playbook("oncall-dns-failover")
	md := Markdown(pb, ws, plan.NewDate(2026, time.November, 20))
	for _, want := range []string{
		"# On-call Engineer: DNS provider failure\n",
		"- **Role:** On-call Engineer (`on-call-engineer`)\n",
		"- **Owner:** Chloe Bennett (`chloe-bennett`)\n",
		"- **Review:** every 180d; last reviewed 2025-09-01; next due 2026-02-28; **overdue**\n",
		"- **Related playbooks:** [Platform Lead: escalate to a critical supplier](platform-supplier-escalation.md)\n",
		"\n## Steps\n\n1. ",
		"   - Expected duration: ",
		"## Revision history\n\n| Revision | Date | Author | Summary |\n| --- | --- | --- | --- |\n| 2 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if !strings.Contains(Markdown(pb, ws, plan.NewDate(2026, 1, 1)), "next due 2026-02-28\n") {
		t.Error("not overdue before the due date")
	}
	if Markdown(nil, ws, plan.Date{}) != "" {
		t.Error("nil playbook rendered")
	}
}

func TestParseHandWritten(t *testing.T) {
	cases := []struct {
		name string
		md   string
		want plan.Playbook
	}{
		{"numbered list with a role line", "# Restart the API\n\nRole: On-call Engineer\n\n1. Check the dashboard\n2. Restart the pods\n   with kubectl\n3. Tell the channel\n",
			plan.Playbook{ID: "restart-the-api", Title: "Restart the API", Role: "on-call-engineer",
				Steps: steps("Check the dashboard", "Restart the pods\nwith kubectl", "Tell the channel")}},
		{"bulleted list, CRLF, BOM, tabs and a summary", "\ufeff# Fail over DNS\r\n\r\nUse when the DNS provider is down.\r\n\r\n* Confirm the outage\r\n*\tChange the delegation\r\n+ Watch propagation\r\n",
			plan.Playbook{ID: "fail-over-dns", Title: "Fail over DNS", Summary: "Use when the DNS provider is down.",
				Steps: steps("Confirm the outage", "Change the delegation", "Watch propagation")}},
		{"lazy continuation and loose list", "# T\n1) one\ncontinued lazily\n\n2) two\n\n   more of two\n\nAfter the list.\n\n- not a step\n",
			plan.Playbook{ID: "t", Title: "T", Summary: "After the list.\n\n- not a step", Steps: steps("one\ncontinued lazily", "two\n\nmore of two")}},
		{"steps heading: other lists are summary", "# T\n\n- a point about the playbook\n\n## Steps\n\n- do it\n\n## Notes\n\nremember\n",
			plan.Playbook{ID: "t", Title: "T", Summary: "- a point about the playbook\n\n## Notes\n\nremember", Steps: steps("do it")}},
		{"metadata variants", "# T\n**Role**: `triage-lead`\n* Owner: Jamie Chen\nIncident type: Service outage, Data breach\nReview interval: 90d\nLast reviewed: 2026-01-31\nReferences: a, b\nID: my-id\n\n1. x\n   * Duration: _10m_\n   + See also: [A](../a.md#top), [site](https://example.com), `c`\n",
			plan.Playbook{ID: "my-id", Title: "T", Role: "triage-lead", Owner: "jamie-chen", IncidentTypes: []string{"service-outage", "data-breach"},
				ReviewInterval: 90 * plan.Day, LastReviewed: plan.NewDate(2026, 1, 31), References: []string{"a", "b"},
				Steps: []plan.Step{{Text: "x", ExpectedDuration: 10 * plan.Minute, References: []string{"a"}}}}},
		{"empty item with text below it", "# T\n1.\n   the text\n",
			plan.Playbook{ID: "t", Title: "T", Steps: steps("the text")}},
		{"closing hashes and no steps", "# Title ##\n\nJust prose.\n",
			plan.Playbook{ID: "title", Title: "Title", Summary: "Just prose."}},
		{"revision table newest first, no closing pipes", "# T\n1. x\n## Revision history\n| Revision | Date | Author | Summary\n|---|---|---|---\n| 2 | 2026-02-01 | b | second\n| 1 | 2026-01-01 | a | first |\n",
			plan.Playbook{ID: "t", Title: "T", Steps: steps("x"), Revisions: []plan.Revision{
				{Number: 1, Date: plan.NewDate(2026, 1, 1), Author: "a", Summary: "first"},
				{Number: 2, Date: plan.NewDate(2026, 2, 1), Author: "b", Summary: "second"}}}},
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

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, md string
		line     int
		msg      string
	}{
		{"no title", "1. a step\n", 0, `no "# Title" heading`},
		{"empty", "", 0, "no"},
		{"two titles", "# One\n\n1. a\n\n# Two\n", 5, "second title"},
		{"empty title", "#\n", 1, "title is empty"},
		{"bad duration", "# T\n\n1. a\n   - Expected duration: soon\n", 4, "expected duration"},
		{"bad interval", "# T\n- **Review:** every fortnight; last reviewed 2026-01-01\n", 2, "review interval"},
		{"bad review date", "# T\nReview: last reviewed 31/01/2026\n", 2, "last reviewed"},
		{"bad last reviewed", "# T\nLast reviewed: yesterday\n", 2, "last reviewed"},
		{"bad review interval line", "# T\nReview interval: -\n", 2, "review interval"},
		{"empty step", "# T\n\n1. a\n2.\n3. c\n", 4, "step 2 has no text"},
		{"step with only a duration", "# T\n- \n  - Expected: 5m\n", 2, "step 1 has no text"},
		{"bad revision number", "# T\n## Revision history\n| Revision | Date | Author | Summary |\n| --- | --- | --- | --- |\n| two | 2026-01-01 | a | b |\n", 5, "not a whole number"},
		{"bad revision date", "# T\n## Revisions\n| 1 | Jan 1 | a | b |\n", 3, "revision 1"},
		{"short revision row", "# T\n## History\n| 1 | 2026-01-01 |\n", 3, "4 cells"},
		{"prose in the revision table", "# T\n## Revision history\nSee the wiki.\n", 3, "table row"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.md)
			var me *Error
			if !errors.As(err, &me) {
				t.Fatalf("error = %v, want a *MarkdownError", err)
			}
			if me.Line != c.line || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error = %q (line %d), want line %d containing %q", err, me.Line, c.line, c.msg)
			}
			if c.line > 0 && !strings.HasPrefix(err.Error(), "line ") {
				t.Errorf("error %q does not name the line", err)
			}
		})
	}
}

// FuzzParsePlaybookMarkdown checks the reader never panics and that what
// it reads survives a trip through the writer unchanged.
func FuzzParsePlaybookMarkdown(f *testing.F) {
	ws := plan.Demo()
	for i := range ws.Playbooks {
		f.Add(Markdown(&ws.Playbooks[i], ws, plan.Date{}))
	}
	for _, seed := range []string{
		"# T\n1. a\n   - See: [x](x.md)\n## Revisions\n| 1 | 2026-01-01 | a | b |\n",
		"# T\n\n- a\n\n\tb\n",
		"# 0`0",
		"# # #",
		"# a #\n",
		"# 0\n\t#",
		"# T\n\nSummary\n\n- x\n  - See: y\n  12\\. not a list\n",
		"# T\n1. a <b>`x`</b> &lt; &amp;lt;\n   ```\n   # c <i>\n",
		"# T\n\n<div>\n`a &lt; b`\n</div>\n\n~~~\n## Steps\n~~~\n- s ![i](http://x/i.png)\n",
		"# <a title='`'>x</a> `<script>`\n1. <a title='`'>x</a> `<script>`\n",
		// Inputs the fuzzer found.
		"# 0\n## historY\n|0|0000-01-01||0\n|0|0000-01-01|0|0",
		"# 0  0",
		"# 0\n*\n\t0",
		"# 0\n0\\)",
		"# 0\n## historY\n|0|0001-01-01||0",
		"# 0\n0)\n   0\v\n0",
		"# 0\nRelAted plAYBooks:](](.md)0",
		"# 00\n## historY\n|000|||0  0",
		"# &#01",
		"# &#01",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, md string) {
		p, err := Parse(md)
		if err != nil {
			return
		}
		out := Markdown(p, nil, plan.Date{})
		again, err := Parse(out)
		if err != nil {
			t.Fatalf("re-reading the export of a parsed playbook: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(again, p) {
			t.Fatalf("second trip changed the playbook\n got %#v\nwant %#v\n%s", again, p, out)
		}
	})
}

func steps(texts ...string) []plan.Step {
	out := make([]plan.Step, len(texts))
	for i, t := range texts {
		out[i] = plan.Step{Text: t}
	}
	return out
}
