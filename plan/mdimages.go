package plan

import (
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// StripRemoteImages removes images whose source is remote from Markdown,
// so rendering user text never makes the app fetch anything from the
// network (the app works offline, and a fetched image would tell a third
// party that a playbook was opened). Markdown images — inline
// ![alt](url), reference-style ![alt][label] with a remote definition,
// shortcut ![label] — and HTML <img>/<source> tags with a remote src or
// srcset are replaced by a visible "[image: alt]". Remote means any URL
// with a scheme other than data: or a host-less file:, a
// protocol-relative "//host/…" or a Windows share "\\host\…"; entity- and
// backslash-escaped spellings are decoded first, as a renderer would.
// Local and data: images are kept, and code is left as written.
//
// The result is checked with the CommonMark parser the GUI renders with
// (goldmark): if that parser still finds a remote image — input built to
// confuse the rewriter, or so convoluted that rewriting it would take too
// long — every image is disarmed instead ("![" becomes "&#33;[", HTML
// image tags are escaped), which shows the text but loads nothing.
func StripRemoteImages(md string) string {
	if !strings.Contains(md, "![") && !containsFold(md, "<img") && !containsFold(md, "<source") {
		return md // the common case costs a scan
	}
	st := &imgStripper{defs: linkDefinitions(md), budget: 16*len(md) + 4096}
	out := st.strip(md)
	if st.budget < 0 || hasRemoteImage(out) {
		return disarmImages(md)
	}
	return out
}

// imgStripper rewrites images. budget bounds the bytes its scans may
// read, so pathological input ("![" repeated 50,000 times) costs linear
// time before falling back to disarmImages.
type imgStripper struct {
	defs   map[string]string
	budget int
}

func (st *imgStripper) strip(md string) string {
	var b strings.Builder
	b.Grow(len(md))
	lines := strings.SplitAfter(md, "\n")
	var chunk strings.Builder // text between fences, stripped as one so images may span lines
	fence := ""
	for _, l := range lines {
		if f := fenceOf(l); fence == "" && f != "" {
			b.WriteString(st.chunk(chunk.String(), 0))
			chunk.Reset()
			fence = f
			b.WriteString(l)
			continue
		} else if fence != "" {
			b.WriteString(l)
			if f != "" && f[0] == fence[0] && len(f) >= len(fence) && strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), f[:1])) == "" {
				fence = ""
			}
			continue
		}
		chunk.WriteString(l)
	}
	b.WriteString(st.chunk(chunk.String(), 0))
	return b.String()
}

// hasRemoteImage parses md as the GUI's renderer does and reports whether
// it would load any image from the network.
func hasRemoteImage(md string) bool {
	found := false
	doc := goldmark.DefaultParser().Parse(text.NewReader([]byte(md)))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering && remoteURL(string(img.Destination)) {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// disarmImages makes every image in md plain text: "![" can no longer
// start an image once its '!' is an entity, and "<img"/"<source" tags are
// escaped. Nothing is removed, so the reader still sees what was there.
func disarmImages(md string) string {
	md = strings.ReplaceAll(md, "![", "&#33;[")
	var b strings.Builder
	for i := 0; i < len(md); i++ {
		if md[i] == '<' && (hasPrefixFold(md[i+1:], "img") || hasPrefixFold(md[i+1:], "source")) {
			b.WriteString("&lt;")
			continue
		}
		b.WriteByte(md[i])
	}
	return b.String()
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

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

// linkDefRe finds "[label]: url" definitions, also inside block quotes
// and list items (the prefix is loose on purpose: an extra definition only
// makes stripping stricter).
var linkDefRe = regexp.MustCompile(`(?m)^[ \t>*+\-0-9.)]*\[((?:[^\]\\]|\\.)+)\]:[ \t]*\n?[ \t>]*(<[^>\n]*>|\S+)`)

// linkDefinitions collects "[label]: url" definitions by normalised label.
func linkDefinitions(md string) map[string]string {
	defs := map[string]string{}
	for _, m := range linkDefRe.FindAllStringSubmatch(md, -1) {
		label := normLabel(m[1])
		if _, dup := defs[label]; !dup { // the first definition wins
			defs[label] = strings.Trim(m[2], "<>")
		}
	}
	return defs
}

func normLabel(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// maxImageNesting bounds recursion into image descriptions; anything
// deeper is replaced outright.
const maxImageNesting = 16

// chunk replaces remote images in text outside fenced code.
func (st *imgStripper) chunk(s string, depth int) string {
	if !strings.Contains(s, "![") && !containsFold(s, "<img") && !containsFold(s, "<source") {
		return s // the common case costs one scan
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if st.budget < 0 {
			return s // given up: the caller disarms the whole text
		}
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			b.WriteString(s[i : i+2])
			i += 2
			continue
		case c == '`':
			if end := st.codeSpanEnd(s, i); end > i {
				b.WriteString(s[i:end])
				i = end
				continue
			}
			n := runLen(s, i, '`')
			b.WriteString(s[i : i+n])
			i += n
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if end, out, ok := st.image(s, i, depth); ok {
				b.WriteString(out)
				i = end
				continue
			}
		case c == '<':
			if end, out, ok := st.htmlImage(s, i); ok {
				b.WriteString(out)
				i = end
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

func containsFold(s, sub string) bool { return strings.Contains(strings.ToLower(s), sub) }

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// codeSpanEnd returns the end of the code span opening at i, or -1.
func (st *imgStripper) codeSpanEnd(s string, i int) int {
	n := runLen(s, i, '`')
	for j := i + n; j < len(s); {
		st.budget--
		if s[j] != '`' {
			j++
			continue
		}
		m := runLen(s, j, '`')
		if m == n {
			return j + m
		}
		j += m
	}
	return -1
}

// image parses the image starting at s[i] ("![") and returns where it
// ends and what to write instead: the image with its description
// stripped too when it is local, "[image: alt]" when it is remote.
// ok is false when s[i:] is not an image.
func (st *imgStripper) image(s string, i int, depth int) (end int, out string, ok bool) {
	closeAt := st.matchBracket(s, i+1)
	if closeAt < 0 {
		return 0, "", false
	}
	alt := s[i+2 : closeAt]
	j := closeAt + 1
	var dest string
	switch {
	case j < len(s) && s[j] == '(':
		d, e, found := st.inlineDest(s, j)
		if !found {
			return 0, "", false
		}
		dest, end = d, e
	case j < len(s) && s[j] == '[':
		k := st.matchBracket(s, j)
		if k < 0 {
			return 0, "", false
		}
		label := s[j+1 : k]
		if strings.TrimSpace(label) == "" {
			label = alt // collapsed: ![alt][]
		}
		d, found := st.defs[normLabel(label)]
		if !found {
			return 0, "", false
		}
		dest, end = d, k+1
	default:
		d, found := st.defs[normLabel(alt)] // shortcut: ![label]
		if !found {
			return 0, "", false
		}
		dest, end = d, closeAt+1
	}
	if depth >= maxImageNesting {
		return end, `\[image\]`, true
	}
	inner := st.chunk(alt, depth+1)
	if remoteURL(dest) {
		return end, placeholder(inner), true
	}
	return end, "![" + inner + "]" + s[closeAt+1:end], true
}

// placeholder is the visible stand-in for a removed image. Brackets are
// escaped so it cannot become a link.
func placeholder(alt string) string {
	alt = strings.Join(strings.Fields(alt), " ")
	if alt == "" {
		return `\[image\]`
	}
	return `\[image: ` + alt + `\]`
}

// matchBracket returns the index of the ']' closing the '[' at s[i],
// honouring escapes, nesting and code spans, or -1.
func (st *imgStripper) matchBracket(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		if st.budget--; st.budget < 0 {
			return -1
		}
		switch s[j] {
		case '\\':
			j++
		case '`':
			if e := st.codeSpanEnd(s, j); e > j {
				j = e - 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// inlineDest parses "(dest "title")" starting at s[i] == '('.
func (st *imgStripper) inlineDest(s string, i int) (dest string, end int, ok bool) {
	j := skipSpace(s, i+1)
	if j < len(s) && s[j] == '<' {
		k := strings.IndexAny(s[j+1:], ">\n")
		if k < 0 || s[j+1+k] != '>' {
			st.budget -= len(s) - j
			return "", 0, false
		}
		dest = s[j+1 : j+1+k]
		j += k + 2
	} else {
		start, depth := j, 0
	scan:
		for ; j < len(s); j++ {
			switch c := s[j]; c {
			case '\\':
				j++
			case '(':
				depth++
			case ')':
				if depth == 0 {
					break scan
				}
				depth--
			case ' ', '\t', '\n', '\r':
				break scan // CommonMark also stops at control characters; goldmark does not
			}
		}
		dest = s[start:min(j, len(s))]
	}
	st.budget -= j - i
	j = skipSpace(s, j)
	if j < len(s) && (s[j] == '"' || s[j] == '\'' || s[j] == '(') {
		closer := s[j]
		if closer == '(' {
			closer = ')'
		}
		k := j + 1
		for ; k < len(s) && s[k] != closer; k++ {
			if s[k] == '\\' {
				k++
			}
		}
		st.budget -= k - j
		if k >= len(s) {
			return "", 0, false
		}
		j = skipSpace(s, k+1)
	}
	if j >= len(s) || s[j] != ')' {
		return "", 0, false
	}
	return dest, j + 1, true
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

var htmlAttrRe = regexp.MustCompile(`(?is)([a-z_:][-a-z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+)`)

// htmlImage replaces an <img> or <source> tag at s[i] whose src or srcset
// names a remote URL: "[image: alt]" for an image, nothing for a source.
func (st *imgStripper) htmlImage(s string, i int) (end int, out string, ok bool) {
	name := ""
	for _, n := range []string{"img", "source"} {
		j := i + 1 + len(n)
		if j < len(s) && strings.EqualFold(s[i+1:j], n) && strings.IndexByte(" \t\n\r/>", s[j]) >= 0 {
			name = n
			break
		}
	}
	if name == "" {
		return 0, "", false
	}
	end = st.tagEnd(s, i+1+len(name))
	if end < 0 {
		return 0, "", false
	}
	tag := s[i:end]
	alt, remote := "", false
	for _, a := range htmlAttrRe.FindAllStringSubmatch(tag, -1) {
		val := a[2]
		if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') {
			val = val[1 : len(val)-1]
		}
		val = html.UnescapeString(val)
		switch strings.ToLower(a[1]) {
		case "alt":
			alt = val
		case "src":
			remote = remote || remoteURL(val)
		case "srcset":
			for _, cand := range strings.Split(val, ",") {
				if f := strings.Fields(cand); len(f) > 0 && remoteURL(f[0]) {
					remote = true
				}
			}
		}
	}
	switch {
	case !remote:
		return 0, "", false
	case name == "source":
		return end, "", true
	}
	return end, placeholder(alt), true
}

// tagEnd returns the index just past the '>' closing an HTML tag whose
// attributes start at s[i], skipping quoted values (alt="a>b"), or -1.
func (st *imgStripper) tagEnd(s string, i int) int {
	for ; i < len(s); i++ {
		if st.budget--; st.budget < 0 {
			return -1
		}
		switch s[i] {
		case '"', '\'':
			k := strings.IndexByte(s[i+1:], s[i])
			if k < 0 {
				st.budget -= len(s) - i
				return -1
			}
			st.budget -= k
			i += k + 1
		case '>':
			return i + 1
		}
	}
	return -1
}

// remoteURL reports whether loading url could reach the network.
// Both the text as written and as a renderer decodes it are checked.
func remoteURL(url string) bool {
	return isRemote(url) || isRemote(html.UnescapeString(unescapeBackslashes(url)))
}

func isRemote(url string) bool {
	u := strings.TrimSpace(url)
	u = strings.Trim(u, "<>")
	u = strings.Map(func(r rune) rune { // browsers ignore these inside URLs
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	lower := strings.ToLower(u)
	switch {
	case strings.HasPrefix(lower, "//"), strings.HasPrefix(lower, `\\`), strings.HasPrefix(lower, `/\`), strings.HasPrefix(lower, `\/`):
		return true
	}
	colon := strings.IndexByte(lower, ':')
	if colon <= 0 || strings.ContainsAny(lower[:colon], "/?#") {
		return false // a relative path
	}
	scheme := lower[:colon]
	switch {
	case len(scheme) == 1:
		return false // a Windows drive letter, C:\…
	case scheme == "data":
		return false
	case scheme == "file":
		rest := lower[colon+1:]
		// file:///path and file:/path are local; file://host/… is a share.
		return strings.HasPrefix(rest, "//") && !strings.HasPrefix(rest, "///") && !strings.HasPrefix(rest, "//localhost/")
	}
	return true
}

// unescapeBackslashes drops Markdown's backslash escapes ("https\://").
func unescapeBackslashes(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
