package picker

import (
	"path/filepath"
	"strings"
)

// SuggestedName turns an organisation's name into a workspace file name:
// letters, digits, "-" and "_", spaces as dashes, lower case, ".json".
func SuggestedName(org string) string {
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		case r == ' ':
			return '-'
		}
		return -1
	}, org)
	if name == "" {
		name = "workspace"
	}
	return filepath.Base(strings.ToLower(name)) + ".json"
}
