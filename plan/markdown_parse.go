package plan

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"drillbook/internal/mdtext"
	"drillbook/internal/textclean"
)

// MarkdownError is a problem in a Markdown playbook, located by line so
// the import dialog can point at it.
type MarkdownError struct {
	Line int // 1-based; 0 when the problem is the document as a whole
	Err  error
}

func (e *MarkdownError) Error() string {
	if e.Line == 0 {
		return e.Err.Error()
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

func (e *MarkdownError) Unwrap() error { return e.Err }

// ParsePlaybookMarkdown reads a playbook written by PlaybookMarkdown, or a
// simple hand-written one: a "# Title" heading, an optional "Role:" line
// (and the other metadata lines) and a numbered or bulleted list of steps.
// Steps are the list under a "## Steps" heading, or else the first list in
// the document; other text becomes the summary. Names without an ID in
// backticks are turned into IDs ("On-call Engineer" → "on-call-engineer"),
// so check the result with Validate before adding it to a plan. Errors are
// *MarkdownError naming the line.
func ParsePlaybookMarkdown(md string) (*Playbook, error) {
	// Cleaned as the writer cleans (and CR LF made LF), so what is read is
	// what would be written.
	md = textclean.Clean(strings.TrimPrefix(md, "\ufeff"))
	p := &mdParser{lines: strings.Split(md, "\n"), pb: &Playbook{}}
	var f fence
	for _, l := range p.lines {
		if f.code(expandTabs(l)) {
			continue
		}
		if lvl, text := heading(l); lvl >= 2 && isStepsHeading(text) {
			p.hasStepsHeading = true
			break
		}
	}
	for i, l := range p.lines {
		if err := p.line(i+1, l); err != nil {
			return nil, err
		}
	}
	if err := p.endStep(); err != nil {
		return nil, err
	}
	if p.pb.Title == "" {
		return nil, &MarkdownError{Err: errors.New(`no "# Title" heading: a playbook starts with its title`)}
	}
	if p.pb.ID == "" {
		p.pb.ID = asID(p.pb.Title)
	}
	p.pb.Summary = readUserMarkdown(p.summary, p.summaryEsc, false)
	// The writer lists revisions newest first; keep them oldest first as
	// the plan does (reversing, not sorting, keeps the order of any
	// duplicate numbers, which validation reports).
	revs := p.pb.Revisions
	if slices.IsSortedFunc(revs, func(a, b Revision) int { return b.Number - a.Number }) {
		slices.Reverse(revs)
	} else {
		slices.SortStableFunc(revs, func(a, b Revision) int { return a.Number - b.Number })
	}
	return p.pb, nil
}

type section int

const (
	secHead section = iota // before any "##" heading
	secSteps
	secRevisions
	secSummary // text taken as written
	secOther
)

type mdParser struct {
	lines           []string
	pb              *Playbook
	summary         []string
	summaryEsc      []bool // summary[i] is written by escapeLine
	hasStepsHeading bool
	sec             section
	listDone        bool  // without a "## Steps" heading, the first list has been read
	docFence        fence // fenced code outside steps

	// The step being read.
	cur        *Step
	curLine    int
	curText    []string
	curEsc     []bool // curText[i] is written by escapeLine
	indent     int    // column where the step's text starts
	blankRun   int    // blank lines seen inside the step
	inList     bool
	stepFence  fence // fenced code inside the step
	codeIndent int   // columns removed from the lines of that code
}

func (p *mdParser) addText(l string, escaped bool) {
	p.curText = append(p.curText, l)
	p.curEsc = append(p.curEsc, escaped)
}

func (p *mdParser) addSummary(l string, escaped bool) {
	p.summary = append(p.summary, l)
	p.summaryEsc = append(p.summaryEsc, escaped)
}

func (p *mdParser) line(n int, raw string) error {
	l := expandTabs(raw)
	ind := indentOf(l)
	trimmed := strings.TrimSpace(l)

	if p.inList {
		if p.stepFence.open() {
			// Code inside the step runs to its closing fence, or (as in
			// CommonMark) ends with the step at a line indented less.
			if trimmed == "" || ind >= p.codeIndent {
				code := strings.TrimRight(l[min(ind, p.codeIndent):], " ")
				p.stepFence.code(code)
				p.addText(code, false)
				return nil
			}
			p.stepFence = fence{}
		}
		switch {
		case trimmed == "":
			p.blankRun++
			return nil
		case ind >= p.indent && p.cur != nil:
			return p.stepDetail(n, l[p.indent:], trimmed)
		case p.blankRun == 0 && p.cur != nil && !isListItem(l) && !isHeading(l):
			// Lazy continuation; a fence opened here (code written
			// right under the step, not indented) belongs to the step.
			if p.stepFence.code(trimmed) {
				p.codeIndent = ind
			}
			p.addText(trimmed, false)
			return nil
		case isListItem(l):
			if err := p.endStep(); err != nil {
				return err
			}
			return p.startStep(n, l)
		}
		if err := p.endStep(); err != nil {
			return err
		}
		p.inList = false
		if !p.hasStepsHeading {
			p.listDone = true
		}
	}

	if p.sec != secRevisions && p.docFence.code(l) {
		p.addSummary(strings.TrimRight(l, " "), false) // code: never structure
		return nil
	}
	if lvl, text := heading(l); lvl > 0 {
		return p.heading(n, l, lvl, text)
	}
	switch p.sec {
	case secRevisions:
		return p.revisionRow(n, trimmed)
	case secSummary:
		p.addSummary(strings.TrimRight(l, " "), true)
		return nil
	}
	if p.sec != secSteps {
		if key, value, ok := metaLine(trimmed, docKeys); ok {
			return p.meta(n, key, value)
		}
	}
	if isListItem(l) && (p.sec == secSteps || !p.hasStepsHeading && !p.listDone) {
		p.inList = true
		return p.startStep(n, l)
	}
	p.addSummary(strings.TrimRight(l, " "), false)
	return nil
}

func (p *mdParser) heading(n int, l string, lvl int, text string) error {
	if lvl == 1 {
		if p.pb.Title != "" {
			return &MarkdownError{Line: n, Err: fmt.Errorf("second title %q: a playbook has one \"# Title\" heading", text)}
		}
		if text == "" {
			return &MarkdownError{Line: n, Err: errors.New("the title is empty")}
		}
		p.pb.Title = strings.Join(strings.Fields(mdtext.Unescape(text)), " ")
		return nil
	}
	switch {
	case isStepsHeading(text):
		p.sec = secSteps
	case isRevisionsHeading(text):
		p.sec = secRevisions
	case strings.EqualFold(stripEmphasis(text), "summary"):
		p.sec = secSummary
	default:
		p.sec = secOther
		p.addSummary(strings.TrimSpace(l), false)
	}
	return nil
}

func (p *mdParser) startStep(n int, l string) error {
	m := listItemRe.FindStringSubmatchIndex(l)
	p.cur = &Step{}
	p.curLine = n
	p.indent = m[3] // end of the marker and its spaces
	p.curText, p.curEsc = nil, nil
	if first := strings.TrimSpace(l[m[3]:]); first == "" {
		p.indent = m[2] + 1 // an empty item: its text starts on the next line
	} else {
		if p.stepFence.code(first) {
			p.codeIndent = p.indent
		}
		p.addText(first, false)
	}
	p.blankRun = 0
	return nil
}

// stepDetail reads an indented line under a step: an attribute line
// ("- Expected duration: 5m", "- See: …") or more of the step's text.
func (p *mdParser) stepDetail(n int, rest, trimmed string) error {
	if strings.HasPrefix(trimmed, "- ") || strings.HasPrefix(trimmed, "* ") || strings.HasPrefix(trimmed, "+ ") {
		if key, value, ok := metaLine(trimmed, stepKeys); ok {
			switch key {
			case "duration":
				d, err := ParseDuration(stripEmphasis(value))
				if err != nil {
					return &MarkdownError{Line: n, Err: fmt.Errorf("expected duration: %w", err)}
				}
				p.cur.ExpectedDuration = d
				p.blankRun = 0
				return nil
			case "references":
				p.cur.References = append(p.cur.References, playbookRefs(value)...)
				p.blankRun = 0
				return nil
			}
		}
	}
	for ; p.blankRun > 0; p.blankRun-- {
		p.addText("", false)
	}
	rest = strings.TrimRight(rest, " ")
	if p.stepFence.code(rest) { // a fence opens
		p.codeIndent = p.indent
		p.addText(rest, false)
		return nil
	}
	p.addText(rest, true)
	return nil
}

func (p *mdParser) endStep() error {
	if p.cur == nil {
		return nil
	}
	p.cur.Text = readUserMarkdown(p.curText, p.curEsc, true)
	if p.cur.Text == "" {
		return &MarkdownError{Line: p.curLine, Err: fmt.Errorf("step %d has no text", len(p.pb.Steps)+1)}
	}
	p.pb.Steps = append(p.pb.Steps, *p.cur)
	p.cur, p.curText, p.curEsc, p.blankRun, p.stepFence = nil, nil, nil, 0, fence{}
	return nil
}

// readUserMarkdown reverses userMarkdown on the lines of a step or the
// summary: HTML disarming first, then the escapes of the lines marked as
// escaped. Hand-written text may still hold remote images the writer would
// replace; they are replaced as the writer would, so a playbook read from
// a file is written back unchanged.
func readUserMarkdown(lines []string, escaped []bool, step bool) string {
	text := unwritten(lines, escaped, step)
	if written := writtenForm(text, step); mdtext.StripRemoteImages(written) != written {
		lines = strings.Split(mdtext.StripRemoteImages(written), "\n")
		text = unwritten(lines, writerEscapes(lines, step), step)
	}
	return text
}

// unwritten undoes writtenForm on lines read from a file.
func unwritten(lines []string, escaped []bool, step bool) string {
	if len(lines) == 0 {
		return ""
	}
	lines = strings.Split(mdtext.Unmarkdown(strings.Join(lines, "\n")), "\n")
	for i := range lines {
		if escaped[i] {
			lines[i] = unescapeLine(lines[i])
		}
	}
	if step {
		return stepText(strings.Join(lines, "\n"))
	}
	return tidyText(lines)
}

func (p *mdParser) meta(n int, key, value string) error {
	pb := p.pb
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
		d, err := ParseDuration(stripEmphasis(value))
		if err != nil {
			return &MarkdownError{Line: n, Err: fmt.Errorf("review interval: %w", err)}
		}
		pb.ReviewInterval = d
	case "reviewed":
		d, err := ParseDate(stripEmphasis(value))
		if err != nil {
			return &MarkdownError{Line: n, Err: fmt.Errorf("last reviewed: %w", err)}
		}
		pb.LastReviewed = d
	case "review":
		for _, part := range strings.Split(value, ";") {
			part = stripEmphasis(part)
			lower := strings.ToLower(part)
			switch {
			case strings.HasPrefix(lower, "every "):
				d, err := ParseDuration(part[len("every "):])
				if err != nil {
					return &MarkdownError{Line: n, Err: fmt.Errorf("review interval: %w", err)}
				}
				pb.ReviewInterval = d
			case strings.HasPrefix(lower, "last reviewed "):
				d, err := ParseDate(strings.TrimSpace(part[len("last reviewed "):]))
				if err != nil {
					return &MarkdownError{Line: n, Err: fmt.Errorf("last reviewed: %w", err)}
				}
				pb.LastReviewed = d
			}
			// "next due …", "overdue" and "never reviewed" are derived.
		}
	}
	return nil
}

// revisionRow reads one row of the revision history table.
func (p *mdParser) revisionRow(n int, trimmed string) error {
	if trimmed == "" {
		return nil
	}
	if !strings.HasPrefix(trimmed, "|") {
		return &MarkdownError{Line: n, Err: errors.New("expected a table row (| revision | date | author | summary |) in the revision history")}
	}
	if tableRuleRe.MatchString(trimmed) {
		return nil // separator
	}
	cells := splitRow(trimmed)
	if len(cells) > 0 && strings.EqualFold(stripEmphasis(cells[0]), "revision") {
		return nil // header
	}
	if len(cells) != 4 {
		return &MarkdownError{Line: n, Err: fmt.Errorf("a revision row has 4 cells (revision, date, author, summary), not %d", len(cells))}
	}
	num, err := strconv.Atoi(strings.TrimSpace(cells[0]))
	if err != nil {
		return &MarkdownError{Line: n, Err: fmt.Errorf("revision number %q is not a whole number", cells[0])}
	}
	var date Date // an empty cell is a missing date, which validation reports
	if d := strings.TrimSpace(cells[1]); d != "" {
		if date, err = ParseDate(d); err != nil {
			return &MarkdownError{Line: n, Err: fmt.Errorf("revision %d: %w", num, err)}
		}
	}
	author := unescapeCell(cells[2])
	for _, id := range codeSpans(cells[2]) {
		if ValidID(id) { // "Name (`person-id`)"; other text is kept as written
			author = id
			break
		}
	}
	p.pb.Revisions = append(p.pb.Revisions, Revision{Number: num, Date: date, Author: author, Summary: unescapeCell(cells[3])})
	return nil
}

var (
	listItemRe   = regexp.MustCompile(`^ {0,3}(?:\d{1,9}[.)]|[-*+])([ \t]+|$)`)
	tableRuleRe  = regexp.MustCompile(`^\|?[\s:|-]+\|?$`)
	codeSpanRe   = regexp.MustCompile("`([^`]+)`")
	mdLinkDestRe = regexp.MustCompile(`\]\(<?([^)>\s]+)>?\)`)
)

func isListItem(l string) bool { return listItemRe.MatchString(l) }

func isHeading(l string) bool { lvl, _ := heading(l); return lvl > 0 }

// heading returns the level and text of an ATX heading ("## Steps"), or 0.
func heading(l string) (int, string) {
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 {
		return 0, ""
	}
	lvl := 0
	for lvl < len(t) && t[lvl] == '#' {
		lvl++
	}
	if lvl == 0 || lvl > 6 || (lvl < len(t) && t[lvl] != ' ') {
		return 0, ""
	}
	text := strings.TrimSpace(t[lvl:])
	// A closing run of '#' counts only after a space: "# C#" keeps its '#'.
	if trimmed := strings.TrimRight(text, "#"); trimmed == "" || strings.HasSuffix(trimmed, " ") {
		text = strings.TrimSpace(trimmed)
	}
	return lvl, text
}

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
	if ValidID(s) {
		return s
	}
	return slug(s)
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

var brRe = regexp.MustCompile(`<br ?/?>`)

// escapeLine escapes a line the reader would otherwise take for a heading
// or a list item, or whose escape the reader would remove, so text
// written by PlaybookMarkdown is read back as written: "\# x", "\- x",
// "1\. x". Markdown renders the escaped line as the original.
func escapeLine(l string) string {
	t := strings.TrimLeft(l, " ")
	lead := l[:len(l)-len(t)]
	if t == "" {
		return l
	}
	if m := numberEscRe.FindStringSubmatchIndex(t); m != nil && (m[3] > m[2] || isListItem(t)) {
		return lead + t[:m[2]] + `\` + t[m[2]:] // "1. x" → "1\. x", "1\. x" → "1\\. x"
	}
	if t[0] == '#' || t[0] == '\\' || isListItem(t) {
		return lead + `\` + t
	}
	return l
}

// numberEscRe matches the start of an ordered-list marker, with any
// backslashes before its '.' or ')' as group 1.
var numberEscRe = regexp.MustCompile(`^\d{1,9}(\\*)[.)]`)

// unescapeLine reverses escapeLine.
func unescapeLine(l string) string {
	t := strings.TrimLeft(l, " ")
	lead := l[:len(l)-len(t)]
	if m := numberEscRe.FindStringSubmatchIndex(t); m != nil && m[3] > m[2] {
		return lead + t[:m[2]] + t[m[2]+1:]
	}
	if len(t) >= 2 && t[0] == '\\' && strings.IndexByte(`#\-*+`, t[1]) >= 0 {
		return lead + t[1:]
	}
	return l
}

// stepText normalises a step's text the same way on writing and reading.
func stepText(s string) string { return tidyText(strings.Split(strings.TrimSpace(s), "\n")) }

func expandTabs(l string) string {
	t := strings.TrimLeft(l, " \t")
	lead := l[:len(l)-len(t)]
	if !strings.Contains(lead, "\t") {
		return l
	}
	col := 0
	for _, c := range lead {
		if c == '\t' {
			col += 4 - col%4
		} else {
			col++
		}
	}
	return strings.Repeat(" ", col) + t
}

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// tidyText joins lines without trailing white space, dropping blank lines
// at either end and keeping at most one between paragraphs; inside fenced
// code, blank lines are kept as they are, and a fence left open is closed
// (it would otherwise take in everything after it in the file). The
// writer and the reader both apply it, so text survives a round trip.
func tidyText(lines []string) string {
	var out []string
	blankRun := 0
	var f fence
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if f.open() {
			f.code(l)
			out = append(out, l)
			continue
		}
		if strings.TrimSpace(l) == "" {
			blankRun++
			continue
		}
		if blankRun > 0 && len(out) > 0 {
			out = append(out, "")
		}
		blankRun = 0
		f.code(l)
		out = append(out, l)
	}
	if f.open() {
		for out[len(out)-1] == "" {
			out = out[:len(out)-1] // the opening line is never blank
		}
		out = append(out, f.closing())
	}
	return strings.Join(out, "\n")
}

// fence follows fenced code line by line (CommonMark: a run of three or
// more backticks or tildes opens it; a run of the same character at least
// as long, alone on its line, closes it).
type fence struct {
	run    string // the opening run while inside code, else ""
	indent string // the opening line's indentation
}

// code reports whether l is code (a fence line or a line inside one) and
// moves past it.
func (f *fence) code(l string) bool {
	r := fenceOf(l)
	if f.run == "" {
		if r == "" {
			return false
		}
		f.run, f.indent = r, l[:indentOf(l)]
		return true
	}
	if r != "" && r[0] == f.run[0] && len(r) >= len(f.run) && strings.TrimLeft(strings.TrimSpace(l), r[:1]) == "" {
		f.run = ""
	}
	return true
}

func (f *fence) open() bool { return f.run != "" }

// closing is a line that closes the open fence.
func (f *fence) closing() string { return f.indent + f.run }

// fenceOf returns the opening run of a code fence line ("```", "~~~~"),
// or "".
func fenceOf(l string) string {
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || (t[0] == '`' && strings.Contains(t[n:], "`")) {
		return ""
	}
	return t[:n]
}
