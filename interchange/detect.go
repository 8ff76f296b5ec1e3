package interchange

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// Parse reads one input file, telling its type by extension (.ics, .json,
// .csv) or, failing that, by content: BEGIN:VCALENDAR, a JSON object, or
// else a CSV header. The file name is only used for messages and the
// extension.
func Parse(file string, data []byte, opt Options) (*Source, error) {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".ics", ".ical", ".ifb":
		return ParseICS(file, data, opt)
	case ".json":
		return ParsePagerDuty(file, data, opt)
	case ".csv", ".tsv":
		return ParsePeopleCSV(file, data)
	}
	head := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff")))
	firstLine, _, _ := bytes.Cut(head, []byte("\n"))
	switch {
	case bytes.HasPrefix(bytes.ToUpper(head[:min(len(head), 15)]), []byte("BEGIN:VCALENDAR")):
		return ParseICS(file, data, opt)
	case bytes.HasPrefix(head, []byte("{")):
		return ParsePagerDuty(file, data, opt)
	case bytes.ContainsAny(firstLine, ",;\t"):
		return ParsePeopleCSV(file, data)
	}
	return nil, &Error{File: file, Msg: ErrUnknownFormat.Error() + ": want an iCalendar (.ics), PagerDuty JSON (.json) or people CSV (.csv) file"}
}

// ReadFile reads and parses one import file from disk, refusing folders
// and files over the parsers' size limit before reading them.
func ReadFile(path string, opt Options) (*Source, error) {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, err
	case info.IsDir():
		return nil, &Error{File: path, Msg: "a folder, not a file"}
	case info.Size() > maxSourceSize:
		return nil, &Error{File: path, Msg: "file is larger than 16 MB"}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, opt)
}
