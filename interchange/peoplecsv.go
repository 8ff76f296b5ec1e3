package interchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"drillbook/plan"
)

// csvColumns maps each field to the header names that mean it, compared
// with case, spaces, dots, dashes and underscores ignored ("E-mail
// address" = "email address" = "emailaddress").
var csvColumns = []struct {
	field string
	names []string
}{
	{"name", []string{"name", "fullname", "displayname", "person", "employee", "employeename"}},
	{"first name", []string{"firstname", "givenname", "forename"}},
	{"last name", []string{"lastname", "surname", "familyname"}},
	{"title", []string{"title", "jobtitle", "position", "job", "designation"}},
	{"e-mail", []string{"email", "emailaddress", "mail", "workemail", "primaryemail"}},
	{"phone", []string{"phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "cell", "workphone"}},
	{"deputy", []string{"deputy", "backup", "cover", "delegate", "standin", "deputyemail", "deputyname"}},
}

func headerKey(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(" .-_\t", r) {
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// ParsePeopleCSV reads people from a directory or HR export: a header row
// naming the columns in any order (name, or first and last name; title,
// e-mail, phone, deputy, with common synonyms), then one person a line.
// Commas, semicolons or tabs separate fields, as the header shows. The
// deputy is named by name or e-mail and may be in the file or the plan.
func ParsePeopleCSV(file string, data []byte) (*Source, error) {
	if len(data) > maxSourceSize {
		return nil, &Error{File: file, Msg: "file is larger than 16 MB"}
	}
	if !utf8.Valid(data) {
		return nil, &Error{File: file, Msg: "the file is not UTF-8 text (save it from the spreadsheet as CSV UTF-8)"}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	first, _, _ := bytes.Cut(data, []byte("\n"))
	switch {
	case bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")):
		r.Comma = ';'
	case bytes.Count(first, []byte("\t")) > bytes.Count(first, []byte(",")):
		r.Comma = '\t'
	}
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, csvError(file, err, "the file has no header row")
	}
	col := map[string]int{}
	var ignored []string
	for i, h := range header {
		field := ""
		for _, c := range csvColumns {
			for _, n := range c.names {
				if headerKey(h) == n {
					field = c.field
				}
			}
		}
		if field == "" {
			if strings.TrimSpace(h) != "" {
				ignored = append(ignored, strings.TrimSpace(h))
			}
			continue
		}
		if j, dup := col[field]; dup {
			return nil, &Error{File: file, Line: 1, Field: h, Msg: fmt.Sprintf("column %d means %s as column %d %q does", i+1, field, j+1, header[j])}
		}
		col[field] = i
	}
	_, hasName := col["name"]
	_, hasFirst := col["first name"]
	if !hasName && !hasFirst {
		return nil, &Error{File: file, Line: 1, Msg: fmt.Sprintf("the header %q has no name column (name, full name, or first name and last name)", strings.Join(header, ","))}
	}
	src := &Source{File: file, Kind: KindPeopleCSV}
	if len(ignored) > 0 {
		src.Notes = append(src.Notes, fmt.Sprintf("%s: columns not imported: %s", file, strings.Join(ignored, ", ")))
	}
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(file, err, "")
		}
		line, _ := r.FieldPos(0)
		get := func(field string) string {
			if i, ok := col[field]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue // a blank line, as spreadsheets leave at the end
		}
		in := PersonIn{Ref: Ref{Name: get("name"), Email: get("e-mail")}, Title: get("title"), Deputy: get("deputy"), Line: line}
		if in.Name == "" {
			in.Name = strings.TrimSpace(get("first name") + " " + get("last name"))
		}
		bad := func(field, msg string) error {
			return &Error{File: file, Line: line, Field: field, Msg: msg}
		}
		switch {
		case in.Name == "":
			return nil, bad("name", "the name is empty")
		case utf8.RuneCountInString(in.Name) > 200:
			return nil, bad("name", "the name is longer than 200 characters")
		case in.Email != "" && (!strings.Contains(in.Email, "@") || strings.ContainsAny(in.Email, " <>,;")):
			return nil, bad("e-mail", fmt.Sprintf("%q is not an e-mail address", in.Email))
		}
		// Two lines for one person would merge into one person; say so.
		for _, k := range []struct{ field, key string }{{"e-mail", normal(in.Email)}, {"name", normal(in.Name)}} {
			if k.key == "" {
				continue
			}
			if l, dup := seen[k.field+":"+k.key]; dup {
				return nil, bad(k.field, fmt.Sprintf("%s is also on line %d", in.label(), l))
			}
			seen[k.field+":"+k.key] = line
		}
		if in.Email != "" {
			in.Contacts = append(in.Contacts, plan.Contact{Channel: plan.ChannelEmail, Value: in.Email})
		}
		if ph := get("phone"); ph != "" {
			in.Contacts = append(in.Contacts, plan.Contact{Channel: plan.ChannelPhone, Value: ph})
		}
		src.People = append(src.People, in)
	}
	if len(src.People) == 0 {
		return nil, &Error{File: file, Msg: "the file has a header but nobody under it"}
	}
	return src, nil
}

func csvError(file string, err error, eof string) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: file, Line: pe.Line, Msg: fmt.Sprintf("column %d: %v", pe.Column, pe.Err)}
	}
	if errors.Is(err, io.EOF) && eof != "" {
		return &Error{File: file, Msg: eof}
	}
	return &Error{File: file, Msg: err.Error()}
}
