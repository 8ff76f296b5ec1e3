// Package export turns a workspace and its assessment into the reports
// people read and forward: a PDF report, an Excel workbook with the data
// behind it, and a folder of Markdown for wikis and version control. It is
// pure Go and needs no display, and links no Fyne: the PDF embeds the Noto
// Sans fonts kept in fonts/ and draws other scripts with a font found on
// the system (see Scripts).
//
// # API
//
//	PDF(ctx, w, Input{Workspace, Assessment}, Options, progress) error
//	Excel(ctx, w, Input, Options, progress) error
//	Markdown(ctx, dir, Input, Options, progress) error
//	FindingMarkdown(finding, text, code) string     // one finding, as the app shows it
//
// All three check ctx regularly (between sections or sheets and every few
// hundred rows) and return its error when cancelled, and report progress
// as (done, total) so the GUI can show a bar with a cancel button. Callers
// write files through internal/atomicfile.Write (the writer every save
// uses), so a failed or cancelled export never leaves a half-written file. When Input.Assessment is nil it is computed with
// scoring.Assess at Options.Date.
//
// # PDF
//
// Sections (Options.Sections, always printed in this order): cover,
// executive summary, dimension details, framework coverage (per chosen
// framework each clause, its status and the findings behind it), exercise
// after-action reports (one per run), improvement plan, plan appendix. Every page carries the
// confidentiality marking (top and bottom) and "Page N of M"; sections,
// dimensions, runs and appendix parts are bookmarked in the outline.
// Charts (radar of levels, exercise timelines, trend arrow) are vector
// paths. Tables repeat their header row on every page they continue on,
// and a row too tall for the room left is split between lines, so no text
// is cut however long. Options.Deterministic fixes the dates, sorts the
// catalog and turns compression off for golden tests.
//
// Text is cleaned first (text_sanitize.go): characters no font of the
// report has a glyph for, control characters and NUL become U+FFFD
// (visible); bidirectional overrides and isolates are removed so they
// cannot reorder text; invalid UTF-8 cannot reach gofpdf.
//
// # Written for the client
//
// Nothing a reader sees is a machine form: durations go through
// internal/prose ("49 min", "3 min 36 s late"), runs are named by their
// scenario and day, plan keys (action kinds, statuses, cover, channels,
// functions) by words (words.go), and sentences the assessment writes
// pass through names.text, which turns run and action IDs, plan-notation
// durations and hyphenated keys into words. Findings are told in words;
// their IDs, criteria and plan paths are printed once, in the appendix's
// Traceability table. Scenario and note Markdown is flattened on
// goldmark's AST (pdf_markdown.go): the marks go, the words stay.
// readertext_test.go holds the patterns every output is checked against.
//
// # Non-attribution
//
// Options.NonAttributable names nobody: the report is made from a copy of
// the workspace (model_anonymous.go) in which every person's name is
// replaced by a label from their first role ("Incident Manager", or
// "Incident Manager 1" and "2" when two share it; "Participant 1…" without
// a role), their contact details by "withheld" and their IDs by
// "person-1…", in every text field, and the assessment is made again
// from it. The PDF, the workbook and the Markdown therefore show the same
// labels, and the PDF's properties name no one.
//
// # Scripts
//
// Chinese, Japanese, Korean and Hebrew names are drawn with a TrueType
// font found at run time (fonts_fallback.go): fontconfig's choice for the
// language (fc-match) where it is installed, then fonts Windows and macOS
// ship in known places. None is embedded, by choice: a CJK font is 4–16 MB
// per weight, more than the rest of the binary, for a few names; gofpdf
// reads only TrueType outlines, so the OpenType/CFF and .ttc CJK fonts
// most systems ship cannot be bundled or used anyway; and a font found on
// the consultant's machine carries that machine's licence. Text that needs
// a fallback is measured, wrapped and drawn run by run (pdf_fonts.go);
// Hebrew, whose letters do not join, is reversed for display, since gofpdf
// lays out left to right. Arabic needs shaping, which gofpdf cannot do, so
// it is never drawn: a person whose name is in Arabic script, or in a
// script no font on the machine has, is shown by their role label and the
// script ("Incident Manager 2 (name in Arabic script, see the
// workbook)"), and the appendix lists them once under "Names not
// typeset". The workbook and the Markdown keep every name exact.
//
// # Excel
//
// Sheets: Summary (tier, index, native radar and trend charts), Dimensions,
// Criteria, Findings (an Excel table with filters), Improvement plan
// (status drop-down, real due dates), Exercise log (every event of every
// run, streamed), Timers (deadline, met at, breached, margin in minutes),
// Responsibilities, Contacts, Playbooks and, only when needed, Long text.
// Header rows are frozen, columns sized, dates and durations are real
// Excel values with number formats, document properties and a print
// header with the marking are set.
//
// User text is always stored as a string cell, never a formula, whatever
// it starts with (=, +, -, @). A text longer than a cell holds (32,767
// UTF-16 units) is cut with a visible marker, "…[truncated: N more
// characters, see 'Long text'!D5]", and kept whole on the Long text sheet,
// split over rows; on the Improvement plan sheet the cell also links
// there. Control characters become U+FFFD and bidi overrides are removed,
// as in the PDF; all other characters are kept.
//
// # Markdown
//
// README.md, procedure.md, roles.md, escalation.md and playbooks/ (the
// playbook files of playbookmd.Export). Both halves put user text
// through one sanitiser (drillbook/internal/mdtext): names and
// descriptions cannot add Markdown structure, links, images or HTML, and
// playbook steps keep their Markdown with HTML disarmed and remote images
// replaced. The folder is built beside the old one and swapped in only
// when complete, so a failed export leaves the old folder as it was.
package export
