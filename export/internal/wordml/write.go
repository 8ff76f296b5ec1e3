package wordml

import (
	"archive/zip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// Namespaces of the parts (ECMA-376 Part 1, transitional).
const (
	nsW    = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRels = "http://schemas.openxmlformats.org/package/2006/relationships"
	relDoc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctWML  = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

// Write writes the document to w as a .docx (a ZIP package). Entries carry
// Created as their time, so the same document gives the same bytes.
func (d *Doc) Write(w io.Writer) error {
	z := zip.NewWriter(w)
	stamp := d.Props.Created
	if stamp.IsZero() || stamp.Year() < 1980 {
		stamp = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC) // the ZIP format's epoch
	}
	part := func(name, content string) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, content)
		return err
	}
	parts := []struct{ name, content string }{
		{"[Content_Types].xml", contentTypes()},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", d.core()},
		{"docProps/app.xml", appProps},
		{"word/document.xml", d.document()},
		{"word/_rels/document.xml.rels", d.documentRels()},
		{"word/styles.xml", styles},
		{"word/numbering.xml", numbering},
		{"word/settings.xml", settings},
		{"word/header1.xml", headerFooter("hdr", `<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>`+runXML(Run{Text: d.Header, Bold: true, Color: "B00020"})+`</w:p>`)},
		{"word/footer1.xml", headerFooter("ftr", `<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>`+runXML(Plain(d.Footer))+
			`<w:r><w:tab/><w:t xml:space="preserve">Page </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>`)},
	}
	for _, p := range parts {
		if err := part(p.name, p.content); err != nil {
			return fmt.Errorf("docx part %s: %w", p.name, err)
		}
	}
	for _, img := range d.images {
		f, err := z.CreateHeader(&zip.FileHeader{Name: "word/media/" + img.name, Method: zip.Store, Modified: stamp})
		if err != nil {
			return err
		}
		if _, err := f.Write(img.data); err != nil {
			return fmt.Errorf("docx image %s: %w", img.name, err)
		}
	}
	return z.Close()
}

func runXML(r Run) string {
	var b strings.Builder
	writeRun(&b, r)
	return b.String()
}

func contentTypes() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>`)
	for _, o := range [][2]string{
		{"/word/document.xml", ctWML + "document.main+xml"},
		{"/word/styles.xml", ctWML + "styles+xml"},
		{"/word/numbering.xml", ctWML + "numbering+xml"},
		{"/word/settings.xml", ctWML + "settings+xml"},
		{"/word/header1.xml", ctWML + "header+xml"},
		{"/word/footer1.xml", ctWML + "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	} {
		b.WriteString(`<Override PartName="` + o[0] + `" ContentType="` + o[1] + `"/>`)
	}
	b.WriteString("</Types>")
	return b.String()
}

const packageRels = xmlHeader + `<Relationships xmlns="` + nsRels + `">` +
	`<Relationship Id="rId1" Type="` + relDoc + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relDoc + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appProps = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Drillbook</Application></Properties>`

func (d *Doc) core() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, e := range [][2]string{{"dc:title", d.Props.Title}, {"dc:subject", d.Props.Subject}, {"dc:creator", d.Props.Creator}, {"cp:keywords", d.Props.Keywords}} {
		if e[1] == "" {
			continue
		}
		b.WriteString("<" + e[0] + ">")
		escape(&b, e[1])
		b.WriteString("</" + e[0] + ">")
	}
	if !d.Props.Created.IsZero() {
		t := d.Props.Created.UTC().Format(time.RFC3339)
		b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + t + `</dcterms:created>`)
		b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + t + `</dcterms:modified>`)
	}
	b.WriteString("</cp:coreProperties>")
	return b.String()
}

func (d *Doc) document() string {
	var b strings.Builder
	b.Grow(d.body.Len() + 2048)
	b.WriteString(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"`)
	b.WriteString(` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`)
	b.WriteString(` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`)
	b.WriteString(` xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>`)
	b.WriteString(d.body.String())
	b.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rId4"/><w:footerReference w:type="default" r:id="rId5"/>`)
	b.WriteString(`<w:pgSz w:w="` + strconv.Itoa(pageW) + `" w:h="` + strconv.Itoa(pageH) + `"/>`)
	m := strconv.Itoa(margin)
	b.WriteString(`<w:pgMar w:top="` + m + `" w:right="` + m + `" w:bottom="` + m + `" w:left="` + m + `" w:header="567" w:footer="567" w:gutter="0"/>`)
	b.WriteString(`</w:sectPr></w:body></w:document>`)
	return b.String()
}

func (d *Doc) documentRels() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="` + nsRels + `">`)
	for _, r := range [][3]string{
		{"rId1", "styles", "styles.xml"},
		{"rId2", "numbering", "numbering.xml"},
		{"rId3", "settings", "settings.xml"},
		{"rId4", "header", "header1.xml"},
		{"rId5", "footer", "footer1.xml"},
	} {
		b.WriteString(`<Relationship Id="` + r[0] + `" Type="` + relDoc + r[1] + `" Target="` + r[2] + `"/>`)
	}
	for i, img := range d.images {
		b.WriteString(`<Relationship Id="` + imageRel(i+1) + `" Type="` + relDoc + `image" Target="media/` + img.name + `"/>`)
	}
	b.WriteString("</Relationships>")
	return b.String()
}

// headerFooter is a header ("hdr") or footer ("ftr") part holding body.
func headerFooter(kind, body string) string {
	return xmlHeader + `<w:` + kind + ` xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` + body + `</w:` + kind + `>`
}
