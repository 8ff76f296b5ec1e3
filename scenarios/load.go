package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxScenarioSize bounds a scenario file; real ones are a few kilobytes.
const maxScenarioSize = 1 << 20

// Error is a problem in a scenario file, located by line where known.
type Error struct {
	File string
	Line int
	// Column is where on the line, for editors; Error() names the line only.
	Column int
	Path   string // e.g. injects[2].expect[0].within
	Msg    string

	at fieldPath // Path as built, to place the error without parsing Path
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is a list of problems found in one or more files.
type Errors []*Error

func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Parse decodes and validates one scenario document. name is used in errors.
func Parse(name string, data []byte) (*Scenario, error) {
	if len(data) > maxScenarioSize {
		return nil, Errors{{File: name, Msg: fmt.Sprintf("file is larger than %d KB", maxScenarioSize>>10)}}
	}
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{{File: name, Msg: "file is empty"}}
		}
		return nil, syntaxError(name, err)
	}
	if len(root.Content) == 0 {
		return nil, Errors{{File: name, Msg: "file is empty"}}
	}
	var s Scenario
	if errs := decodeNode(name, &root, &s); len(errs) > 0 {
		return nil, errs
	}
	s.Source = name
	if errs := s.Validate(); len(errs) > 0 {
		for _, e := range errs {
			e.File = name
			e.Line, e.Column = positionOf(&root, e.at)
		}
		return nil, errs
	}
	return &s, nil
}

// syntaxError places a YAML syntax error. The library reports those only
// as text ("yaml: line 5: did not find expected key"): no node exists yet.
func syntaxError(name string, err error) Errors {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &Error{File: name, Msg: msg}
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		num, text, _ := strings.Cut(rest, ":")
		if line, err := strconv.Atoi(num); err == nil {
			e.Line, e.Msg = line, strings.TrimSpace(text)
		}
	}
	return Errors{e}
}

// LoadFile reads one scenario file.
func LoadFile(path string) (*Scenario, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxScenarioSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return Parse(path, data)
}

// LoadDir reads every .yaml/.yml file in a folder (not recursively). It
// returns the scenarios that loaded and the errors of those that did not,
// so one bad file does not hide the rest of a pack.
func LoadDir(dir string) ([]*Scenario, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	return loadAll(paths, LoadFile)
}

// loadAll loads each file with load and returns the scenarios that loaded,
// sorted by title, and the errors of the others (nil if none).
func loadAll(names []string, load func(name string) (*Scenario, error)) ([]*Scenario, error) {
	var out []*Scenario
	var errs Errors
	for _, n := range names {
		s, err := load(n)
		if err != nil {
			errs = append(errs, asErrors(n, err)...)
			continue
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Title < out[j].Title })
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

func asErrors(name string, err error) Errors {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	return Errors{{File: name, Msg: err.Error()}}
}

// Marshal renders a scenario as YAML, for "save to file".
func Marshal(s *Scenario) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// positionOf finds the line and column of the node a path points at (for
// a field, of its key), or of its nearest ancestor in the file.
func positionOf(root *yaml.Node, p fieldPath) (line, column int) {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line, column = n.Line, n.Column
	for _, seg := range p {
		for n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		var next *yaml.Node
		switch {
		case seg.index >= 0 && n.Kind == yaml.SequenceNode && seg.index < len(n.Content):
			next = n.Content[seg.index]
			line, column = next.Line, next.Column
		case seg.index < 0 && n.Kind == yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k := n.Content[i]; k.Value == seg.key {
					next = n.Content[i+1]
					line, column = k.Line, k.Column
				}
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	return line, column
}
