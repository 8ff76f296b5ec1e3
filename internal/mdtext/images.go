package mdtext

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// StripRemoteImages removes images whose source is remote from Markdown,
// so rendering user text never fetches anything from the network (the app
// works offline, and a fetched image would tell a third party that a
// playbook was opened). The images are the ones CommonMark finds, as the
// parser the app renders with (goldmark) reads them: inline ![alt](url),
// reference-style ![alt][label] and shortcut ![label] with a remote
// definition. HTML <img> and <source> tags with a remote src or srcset are
// removed too, wherever a browser would read them. Each is replaced by a
// visible "[image: alt]" (a <source> by nothing). Remote means any URL with
// a scheme other than data: or a host-less file:, a protocol-relative
// "//host/…" or a Windows share "\\host\…", after entities and backslash
// escapes are decoded as a renderer decodes them. Local and data: images
// are kept, and code is left as written.
//
// The result is parsed again: if the parser still finds a remote image, or
// the input is built to confuse parsers (many "![" that are not images, or
// HTML tags too tangled to read in linear time), every image is disarmed
// instead ("![" becomes "&#33;[", image tags are escaped), which shows the
// text but loads nothing.
func StripRemoteImages(md string) string {
	if !strings.Contains(md, "![") && !containsFold(md, "<img") && !containsFold(md, "<source") {
		return md // the common case costs a scan
	}
	r := newImageRewrite(md)
	if r.confusing() {
		return disarmImages(md)
	}
	var b strings.Builder
	b.Grow(len(md))
	r.render(&b, 0, len(md))
	out := b.String()
	// Removing a tag can join the text around it into a new image.
	if again := newImageRewrite(out); again.confusing() || slices.ContainsFunc(again.spans, func(s span) bool { return s.remote || s.tag }) {
		return disarmImages(md)
	}
	return out
}

// confusing reports input StripRemoteImages does not rewrite: HTML it gave
// up reading, or many "![" that are not images.
func (r *imageRewrite) confusing() bool {
	return r.budget < 0 || strings.Count(r.src, "![")-r.images-r.inCodeOrEscaped("![") > maxStrayOpeners
}

// maxStrayOpeners bounds the "![" left in the result that are no image:
// text never has many, and beyond that other renderers may read images
// where goldmark reads none.
const maxStrayOpeners = 16

// span is a part of the source to replace: an image (alt is the range of
// its description) or an HTML image tag (with its replacement).
type span struct {
	start, end         int
	altStart, altEnd   int
	image, remote, tag bool
	replacement        string
}

// imageRewrite holds one input's images, tags and code, in source order.
type imageRewrite struct {
	src    string
	spans  []span
	next   int // the first span render has not reached
	code   ranges
	images int // images found, remote or not
	budget int // bytes the HTML scan may still read
}

func newImageRewrite(md string) *imageRewrite {
	r := &imageRewrite{src: md, budget: 16*len(md) + 4096}
	st := &imageScan{}
	pc := parser.NewContext()
	pc.Set(imageScanKey, st)
	doc := imageParser.Parse(text.NewReader([]byte(md)), parser.WithContext(pc))
	r.code = codeIn(doc)
	for _, s := range st.spans {
		r.images++
		r.spans = append(r.spans, span{start: s.start, end: s.end, altStart: s.start + 2, altEnd: s.altEnd,
			image: true, remote: remoteURL(string(s.node.Destination))})
	}
	r.spans = append(r.spans, r.htmlTags()...)
	slices.SortStableFunc(r.spans, func(a, b span) int { return a.start - b.start })
	return r
}

// render writes src[lo:hi] with the spans inside it replaced: a remote
// image by its placeholder, a local one as written (with images inside its
// description replaced), a remote tag by its replacement. A span that
// starts inside one already written, or runs past hi, is left as it is
// (the final parse decides whether that is safe).
func (r *imageRewrite) render(b *strings.Builder, lo, hi int) {
	pos := lo
	for r.next < len(r.spans) && r.spans[r.next].start < hi {
		s := r.spans[r.next]
		r.next++
		if s.start < pos || s.end > hi {
			continue
		}
		b.WriteString(r.src[pos:s.start])
		switch {
		case s.tag:
			b.WriteString(s.replacement)
		case s.remote:
			var alt strings.Builder
			r.render(&alt, s.altStart, s.altEnd)
			b.WriteString(placeholder(alt.String()))
		default:
			b.WriteString(r.src[s.start:s.altStart])
			r.render(b, s.altStart, s.altEnd)
			b.WriteString(r.src[s.altEnd:s.end])
		}
		pos = s.end
	}
	b.WriteString(r.src[pos:hi])
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

// inCodeOrEscaped counts the occurrences of s that are code or escaped.
func (r *imageRewrite) inCodeOrEscaped(s string) int {
	n := 0
	for i := 0; ; {
		j := strings.Index(r.src[i:], s)
		if j < 0 {
			return n
		}
		i += j
		if r.code.has(i) || escaped(r.src, i) {
			n++
		}
		i += len(s)
	}
}

// escaped reports whether src[i] follows an odd run of backslashes.
func escaped(src string, i int) bool {
	n := 0
	for i > 0 && src[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
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

func containsFold(s, sub string) bool { return strings.Contains(strings.ToLower(s), sub) }

// htmlTags finds the <img> and <source> tags outside code and escapes
// whose src or srcset is remote: an image becomes "[image: alt]", a source
// nothing. It reads HTML as a browser would, not only where CommonMark
// sees HTML ("<img/src=…>" loads in a browser).
func (r *imageRewrite) htmlTags() []span {
	var out []span
	s := r.src
	for i := 0; i < len(s); i++ {
		switch {
		case r.budget < 0:
			return out
		case s[i] == '\\':
			i++ // an escaped character is text
		case s[i] == '<' && !r.code.has(i):
			if end, repl, ok := r.htmlImage(i); ok {
				out = append(out, span{start: i, end: end, tag: true, replacement: repl})
				i = end - 1
			}
		}
	}
	return out
}

var htmlAttrRe = regexp.MustCompile(`(?is)([a-z_:][-a-z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+)`)

// htmlImage reads the <img> or <source> tag at src[i]: where it ends and
// what replaces it. ok is false for any other tag and for a local image.
func (r *imageRewrite) htmlImage(i int) (end int, out string, ok bool) {
	s := r.src
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
	end = r.tagEnd(i + 1 + len(name))
	if end < 0 {
		return 0, "", false
	}
	alt, remote := "", false
	for _, a := range htmlAttrRe.FindAllStringSubmatch(s[i:end], -1) {
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
// attributes start at src[i], skipping quoted values (alt="a>b"), or -1.
// What it reads is charged to the budget, so input such as "<img '"
// repeated costs linear time before StripRemoteImages gives up.
func (r *imageRewrite) tagEnd(i int) int {
	s := r.src
	for ; i < len(s); i++ {
		if r.budget--; r.budget < 0 {
			return -1
		}
		switch s[i] {
		case '"', '\'':
			k := strings.IndexByte(s[i+1:], s[i])
			if k < 0 {
				r.budget -= len(s) - i
				return -1
			}
			r.budget -= k
			i += k + 1
		case '>':
			return i + 1
		}
	}
	return -1
}

// remoteURL reports whether loading url could reach the network. Both the
// text as written and as a renderer decodes it are checked.
func remoteURL(url string) bool {
	return isRemote(url) || isRemote(html.UnescapeString(unescapeBackslashes(url)))
}

func isRemote(url string) bool {
	u := strings.Trim(strings.TrimSpace(url), "<>")
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
	scheme, rest, found := strings.Cut(lower, ":")
	if !found || scheme == "" || strings.ContainsAny(scheme, "/?#") {
		return false // a relative path
	}
	switch {
	case len(scheme) == 1:
		return false // a Windows drive letter, C:\…
	case scheme == "data":
		return false
	case scheme == "file":
		// file:///path and file:/path are local; file://host/… is a share.
		return strings.HasPrefix(rest, "//") && !strings.HasPrefix(rest, "///") && !strings.HasPrefix(rest, "//localhost/")
	}
	return true
}

// The parser below is goldmark's CommonMark parser with its link parser
// wrapped to note where each image starts and ends in the source, which
// goldmark's nodes do not record.

var imageScanKey = parser.NewContextKey()

// imageScan is one parse's record: the openers ("![" or "[") goldmark has
// not closed yet, innermost last, and the images found.
type imageScan struct {
	open  []int
	spans []imageAt
}

type imageAt struct {
	start, altEnd, end int
	node               *ast.Image
}

// spanLinkParser is goldmark's link parser, watched. goldmark pushes an
// opener whenever its Parse returns a node at "[" or "![", and at "]"
// takes the last one whatever comes of it, so a stack kept alongside
// stays in step.
type spanLinkParser struct {
	parser.InlineParser
}

func (p spanLinkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	st, _ := pc.Get(imageScanKey).(*imageScan)
	line, seg := block.PeekLine()
	n := p.InlineParser.Parse(parent, block, pc)
	if st == nil || len(line) == 0 {
		return n
	}
	if line[0] != ']' {
		if n != nil {
			st.open = append(st.open, seg.Start)
		}
		return n
	}
	if len(st.open) == 0 {
		return n
	}
	start := st.open[len(st.open)-1]
	st.open = st.open[:len(st.open)-1]
	if img, ok := n.(*ast.Image); ok {
		_, pos := block.Position()
		st.spans = append(st.spans, imageAt{start: start, altEnd: seg.Start, end: pos.Start, node: img})
	}
	return n
}

// CloseBlock ends a paragraph: goldmark drops its open labels, and so does
// the stack.
func (p spanLinkParser) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	if st, _ := pc.Get(imageScanKey).(*imageScan); st != nil {
		st.open = st.open[:0]
	}
	if cb, ok := p.InlineParser.(parser.CloseBlocker); ok {
		cb.CloseBlock(parent, block, pc)
	}
}

var imageParser = func() parser.Parser {
	inlines := parser.DefaultInlineParsers()
	for i, v := range inlines {
		if ip, ok := v.Value.(parser.InlineParser); ok && bytes.Equal(ip.Trigger(), []byte("![]")) {
			inlines[i].Value = spanLinkParser{ip}
		}
	}
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(inlines...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
}()
