package playbookmd

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// block is one top-level block of a document, by source lines: lines
// [first, end) are its own (a leaf block also owns the blank lines after
// it). items are a list's items; node is nil for lines that belong to no
// block (link reference definitions after a list).
type block struct {
	node        ast.Node
	first, end  int
	items       [][2]int // per item: first line, end line
	headingText string
}

// blocks parses src (lines joined by "\n") with goldmark and returns its
// top-level blocks in order, covering every line.
func blocks(src string, lines []string) []block {
	starts := make([]int, len(lines)) // byte offset of each line
	for i, off := 1, 0; i < len(lines); i++ {
		off += len(lines[i-1]) + 1
		starts[i] = off
	}
	lineOf := func(offset int) int {
		i, found := slices.BinarySearch(starts, offset)
		if !found {
			i--
		}
		return i
	}
	rec := &blockLines{open: map[ast.Node]int{}, close: map[ast.Node]int{}}
	pc := parser.NewContext()
	pc.Set(blockLinesKey, rec)
	source := []byte(src)
	doc := lineParser.Parse(text.NewReader(source), parser.WithContext(pc))

	// A block starts where goldmark opened it, or at its first line of
	// text if that is earlier (a setext heading opens on its underline).
	start := func(n ast.Node) int {
		l := lineOf(rec.open[n])
		if ls := n.Lines(); ls.Len() > 0 {
			l = min(l, lineOf(ls.At(0).Start))
		}
		return l
	}
	// A container ends where goldmark closed it; the end of the input
	// closes what is still open.
	closed := func(n ast.Node) int {
		if off, ok := rec.close[n]; ok && off < len(src) {
			return lineOf(off)
		}
		return len(lines)
	}
	// Blocks goldmark made without opening them have no place of their
	// own: the empty text block left where link reference definitions
	// were is skipped, and its lines belong to no block.
	var nodes []ast.Node
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if _, opened := rec.open[n]; opened || n.Lines().Len() > 0 {
			nodes = append(nodes, n)
		}
	}
	var out []block
	next := 0 // the first line not yet in a block
	for i, n := range nodes {
		first := max(start(n), next)
		if first > next {
			out = append(out, block{first: next, end: first})
		}
		b := block{node: n, first: first, end: len(lines)}
		if i+1 < len(nodes) {
			b.end = max(start(nodes[i+1]), first+1)
		}
		switch n := n.(type) {
		case *ast.List:
			b.end = max(min(b.end, closed(n)), first+1)
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				f := max(lineOf(rec.open[it]), first)
				b.items = append(b.items, [2]int{f, max(min(closed(it), b.end), f+1)})
			}
		case *ast.Heading:
			var t strings.Builder
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				t.Write(seg.Value(source))
				t.WriteByte(' ')
			}
			b.headingText = strings.TrimSpace(t.String())
		}
		out = append(out, b)
		next = b.end
	}
	if next < len(lines) {
		out = append(out, block{first: next, end: len(lines)})
	}
	return out
}

// The parser is goldmark's CommonMark parser with every block parser
// watched, to note the offset of the line where each block opens and where
// a container closes: goldmark's nodes keep no positions of their own.

var blockLinesKey = parser.NewContextKey()

type blockLines struct {
	open, close map[ast.Node]int
}

type lineRecorder struct {
	parser.BlockParser
}

func (p lineRecorder) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	_, seg := reader.Position()
	n, state := p.BlockParser.Open(parent, reader, pc)
	if rec, _ := pc.Get(blockLinesKey).(*blockLines); rec != nil && n != nil {
		rec.open[n] = seg.Start
	}
	return n, state
}

// Close is called on the first line that is not the block's (or at the
// end of the input). That holds for containers, which never take the line
// they close on; a fenced code block closes on its own closing fence, so
// only containers' closes are used.
func (p lineRecorder) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	if rec, _ := pc.Get(blockLinesKey).(*blockLines); rec != nil {
		_, seg := reader.Position()
		rec.close[node] = seg.Start
	}
	p.BlockParser.Close(node, reader, pc)
}

var lineParser = func() parser.Parser {
	bps := parser.DefaultBlockParsers()
	for i := range bps {
		bps[i].Value = lineRecorder{bps[i].Value.(parser.BlockParser)}
	}
	return parser.NewParser(
		parser.WithBlockParsers(bps...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
}()
