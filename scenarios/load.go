package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxScenarioSize bounds a scenario file; real ones are a few kilobytes.
const maxScenarioSize = 1 << 20

// Error is a problem in a scenario file, located by line where known.
type Error struct {
	File string
	Line int
	Path string // e.g. injects[2].expect[0].within
	Msg  string
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
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var s Scenario
	if err := dec.Decode(&s); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{{File: name, Msg: "file is empty"}}
		}
		return nil, yamlErrors(name, err)
	}
	s.Source = name
	if errs := s.Validate(); len(errs) > 0 {
		var root yaml.Node
		_ = yaml.Unmarshal(data, &root) // decoded above, so this parses
		for _, e := range errs {
			e.File = name
			e.Line = lineOf(&root, e.Path)
		}
		return nil, errs
	}
	return &s, nil
}

// yamlErrors turns yaml.v3 errors ("yaml: line 5: …") into located Errors.
func yamlErrors(name string, err error) Errors {
	var te *yaml.TypeError
	var msgs []string
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	out := make(Errors, 0, len(msgs))
	for _, m := range msgs {
		m = strings.TrimPrefix(m, "yaml: ")
		e := &Error{File: name, Msg: m}
		var line int
		if n, _ := fmt.Sscanf(m, "line %d:", &line); n == 1 {
			e.Line = line
			e.Msg = strings.TrimSpace(m[strings.Index(m, ":")+1:])
		}
		out = append(out, e)
	}
	return out
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
	var out []*Scenario
	var errs Errors
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		s, err := LoadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			errs = append(errs, asErrors(filepath.Join(dir, e.Name()), err)...)
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

// lineOf finds the line of the node a validation path such as
// "injects[2].expect[0].within" points at, or of its nearest ancestor.
func lineOf(root *yaml.Node, path string) int {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	for _, seg := range splitPath(path) {
		var next *yaml.Node
		switch {
		case seg.index >= 0 && n.Kind == yaml.SequenceNode && seg.index < len(n.Content):
			next = n.Content[seg.index]
		case seg.index < 0 && n.Kind == yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == seg.key {
					next = n.Content[i+1]
					line = n.Content[i].Line
				}
			}
		}
		if next == nil {
			break
		}
		n = next
		if seg.index >= 0 {
			line = n.Line
		}
	}
	return line
}

type pathSeg struct {
	key   string
	index int // -1 for a key
}

func splitPath(path string) []pathSeg {
	var out []pathSeg
	for _, part := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if key != "" {
			out = append(out, pathSeg{key: key, index: -1})
		}
		for rest != "" {
			num, after, _ := strings.Cut(rest, "]")
			var i int
			if _, err := fmt.Sscanf(num, "%d", &i); err == nil {
				out = append(out, pathSeg{index: i})
			}
			_, rest, _ = strings.Cut(after, "[")
		}
	}
	return out
}
