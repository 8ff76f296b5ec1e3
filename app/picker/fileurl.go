package picker

import (
	"net/url"
	"strings"
)

// FileURL is the file URL of an absolute path written with forward
// slashes (filepath.ToSlash): file:///home/ana/x; file:///C:/Users/x for a
// Windows drive path, whose third slash keeps "C:" from being read as the
// host; file://server/share/x for a Windows share.
func FileURL(slashPath string) *url.URL {
	if rest, ok := strings.CutPrefix(slashPath, "//"); ok {
		host, p, _ := strings.Cut(rest, "/")
		return &url.URL{Scheme: "file", Host: host, Path: "/" + p}
	}
	if !strings.HasPrefix(slashPath, "/") {
		slashPath = "/" + slashPath
	}
	return &url.URL{Scheme: "file", Path: slashPath}
}
