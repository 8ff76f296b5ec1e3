package picker

import (
	"net/url"
	"testing"
)

func TestFileURL(t *testing.T) {
	cases := map[string]string{
		"/home/ana/Reports":          "file:///home/ana/Reports",
		"/tmp/a b#c?d%e":             "file:///tmp/a%20b%23c%3Fd%25e",
		"C:/Users/Ana/My Reports":    "file:///C:/Users/Ana/My%20Reports", // filepath.ToSlash of C:\Users\Ana\My Reports
		"D:/":                        "file:///D:/",
		"//fileserver/share/reports": "file://fileserver/share/reports", // \\fileserver\share\reports
	}
	for in, want := range cases {
		u := FileURL(in)
		if got := u.String(); got != want {
			t.Errorf("FileURL(%q) = %s, want %s", in, got, want)
		}
		back, err := url.Parse(u.String())
		if err != nil {
			t.Fatal(err)
		}
		if in[0] != '/' && back.Host != "" {
			t.Errorf("%q: the drive became the host %q", in, back.Host)
		}
	}
}
