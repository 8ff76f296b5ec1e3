package playbookmd

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"drillbook/internal/mdtext"
	"drillbook/plan"
)

// isStepsHeading and isRevisionsHeading recognise the sections' headings.
func isStepsHeading(text string) bool {
	return strings.EqualFold(stripEmphasis(text), "steps")
}

func isRevisionsHeading(text string) bool {
	switch strings.ToLower(stripEmphasis(text)) {
	case "revision history", "revisions", "history":
		return true
	}
	return false
}

// docKeys maps the metadata labels the reader accepts at document level
// to their meaning; stepKeys those accepted under a step.
var (
	docKeys = map[string]string{
		"playbook": "id", "id": "id",
		"role":          "role",
		"owner":         "owner",
		"incident type": "types", "incident types": "types",
		"related playbooks": "references", "references": "references",
		"review":          "review",
		"review interval": "interval",
		"last reviewed":   "reviewed",
	}
	stepKeys = map[string]string{
		"expected duration": "duration", "expected": "duration", "duration": "duration",
		"see": "references", "see also": "references", "references": "references",
	}
)

// metaLine recognises "Role: x", "- **Role:** x" and "**Role**: x" with a
// label in keys.
func metaLine(t string, keys map[string]string) (key, value string, ok bool) {
	for _, b := range []string{"- ", "* ", "+ "} {
		t = strings.TrimPrefix(t, b)
	}
	label, value, found := strings.Cut(strings.TrimSpace(t), ":")
	if !found {
		return "", "", false
	}
	value = strings.TrimSpace(value)
	if strings.HasPrefix(label, "**") && !strings.HasSuffix(label, "**") {
		value = strings.TrimSpace(strings.TrimPrefix(value, "**")) // "**Role:** x"
	}
	label = strings.TrimSpace(strings.Trim(label, "*_ "))
	key, ok = keys[strings.ToLower(label)]
	return key, value, ok
}

// meta reads a metadata line on line n.
func (r *reader) meta(n int, key, value string) error {
	pb := r.pb
	switch key {
	case "id":
		pb.ID = oneID(value)
	case "role":
		pb.Role = oneID(value)
	case "owner":
		pb.Owner = oneID(value)
	case "types":
		pb.IncidentTypes = manyIDs(value)
	case "references":
		pb.References = playbookRefs(value)
	case "interval":
		d, err := plan.ParseDuration(stripEmphasis(value))
		if err != nil {
			return &Error{Line: n, Err: fmt.Errorf("review interval: %w", err)}
		}
		pb.ReviewInterval = d
	case "reviewed":
		d, err := plan.ParseDate(stripEmphasis(value))
		if err != nil {
			return &Error{Line: n, Err: fmt.Errorf("last reviewed: %w", err)}
		}
		pb.LastReviewed = d
	case "review":
		for _, part := range strings.Split(value, ";") {
			part = stripEmphasis(part)
			lower := strings.ToLower(part)
			switch {
			case strings.HasPrefix(lower, "every "):
				d, err := plan.ParseDuration(part[len("every "):])
				if err != nil {
					return &Error{Line: n, Err: fmt.Errorf("review interval: %w", err)}
				}
				pb.ReviewInterval = d
			case strings.HasPrefix(lower, "last reviewed "):
				d, err := plan.ParseDate(strings.TrimSpace(part[len("last reviewed "):]))
				if err != nil {
					return &Error{Line: n, Err: fmt.Errorf("last reviewed: %w", err)}
				}
				pb.LastReviewed = d
			}
			// "next due …", "overdue" and "never reviewed" are derived.
		}
	}
	return nil
}

// revisionRow reads one row of the revision history table.
func (r *reader) revisionRow(n int, trimmed string) error {
	if trimmed == "" {
		return nil
	}
	if !strings.HasPrefix(trimmed, "|") {
		return &Error{Line: n, Err: errors.New("expected a table row (| revision | date | author | summary |) in the revision history")}
	}
	if tableRuleRe.MatchString(trimmed) {
		return nil // separator
	}
	cells := splitRow(trimmed)
	if len(cells) > 0 && strings.EqualFold(stripEmphasis(cells[0]), "revision") {
		return nil // header
	}
	if len(cells) != 4 {
		return &Error{Line: n, Err: fmt.Errorf("a revision row has 4 cells (revision, date, author, summary), not %d", len(cells))}
	}
	num, err := strconv.Atoi(strings.TrimSpace(cells[0]))
	if err != nil {
		return &Error{Line: n, Err: fmt.Errorf("revision number %q is not a whole number", cells[0])}
	}
	var date plan.Date // an empty cell is a missing date, which validation reports
	if d := strings.TrimSpace(cells[1]); d != "" {
		if date, err = plan.ParseDate(d); err != nil {
			return &Error{Line: n, Err: fmt.Errorf("revision %d: %w", num, err)}
		}
	}
	author := unescapeCell(cells[2])
	for _, id := range codeSpans(cells[2]) {
		if plan.ValidID(id) { // "Name (`person-id`)"; other text is kept as written
			author = id
			break
		}
	}
	r.pb.Revisions = append(r.pb.Revisions, plan.Revision{Number: num, Date: date, Author: author, Summary: unescapeCell(cells[3])})
	return nil
}

// stripEmphasis removes surrounding "**", "__", "_" and "*" and spaces.
func stripEmphasis(s string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*_"))
}

func codeSpans(s string) []string {
	var out []string
	for _, m := range codeSpanRe.FindAllStringSubmatch(s, -1) {
		out = append(out, strings.TrimSpace(m[1]))
	}
	return out
}

// asID keeps a valid ID and makes anything else into one, so the reader
// only ever produces IDs: "On-call Engineer" becomes "on-call-engineer".
func asID(s string) string {
	if plan.ValidID(s) {
		return s
	}
	return plan.MakeID(s, nil)
}

// oneID reads "Name (`id`)", "`id`" or a bare name (made into an ID).
func oneID(v string) string {
	if ids := codeSpans(v); len(ids) > 0 {
		return asID(ids[0])
	}
	if v = stripEmphasis(mdtext.Unescape(v)); v == "" {
		return ""
	}
	return asID(v)
}

// manyIDs reads a comma-separated list of names and IDs.
func manyIDs(v string) []string {
	ids := codeSpans(v)
	if len(ids) == 0 {
		for _, part := range strings.Split(mdtext.Unescape(v), ",") {
			if part = stripEmphasis(part); part != "" {
				ids = append(ids, part)
			}
		}
	}
	for i, id := range ids {
		ids[i] = asID(id)
	}
	return ids
}

// playbookRefs reads links to playbook files ("[Title](id.md)"), IDs in
// backticks, or a comma-separated list of IDs or titles.
func playbookRefs(v string) []string {
	links := mdLinkDestRe.FindAllStringSubmatch(v, -1)
	if len(links) == 0 {
		return manyIDs(v)
	}
	var out []string
	for _, m := range links {
		dest := m[1]
		if i := strings.IndexAny(dest, "?#"); i >= 0 {
			dest = dest[:i]
		}
		if strings.HasSuffix(dest, ".md") { // links elsewhere are not playbooks
			out = append(out, asID(strings.TrimSuffix(path.Base(dest), ".md")))
		}
	}
	return out
}

// splitRow splits a table row on unescaped pipes, dropping the outer ones.
func splitRow(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row):
			cur.WriteByte(row[i])
			cur.WriteByte(row[i+1])
			i++
		case row[i] == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	if rest := strings.TrimSpace(cur.String()); rest != "" {
		cells = append(cells, rest) // a row without a closing pipe
	}
	return cells
}

// unescapeCell reverses cell: "<br>" to line breaks, entities and
// backslash escapes to the characters, runs of spaces to one (as cell
// writes them).
func unescapeCell(s string) string {
	parts := brRe.Split(strings.TrimSpace(s), -1)
	for i, part := range parts {
		parts[i] = strings.Join(strings.Fields(mdtext.Unescape(part)), " ")
	}
	return strings.Join(parts, "\n")
}

var (
	brRe         = regexp.MustCompile(`<br ?/?>`)
	tableRuleRe  = regexp.MustCompile(`^\|?[\s:|-]+\|?$`)
	codeSpanRe   = regexp.MustCompile("`([^`]+)`")
	mdLinkDestRe = regexp.MustCompile(`\]\(<?([^)>\s]+)>?\)`)
)
