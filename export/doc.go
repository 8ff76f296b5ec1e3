// Package export turns a workspace and its assessment into the reports
// people read and forward: a PDF report, an Excel workbook with the data
// behind it, and a folder of Markdown for wikis and version control. It is
// pure Go and needs no display, and links no Fyne: the PDF embeds the Noto
// Sans fonts kept in fonts/.
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
// executive summary, dimension details, exercise after-action reports
// (one per run), improvement plan, plan appendix. Every page carries the
// confidentiality marking (top and bottom) and "Page N of M"; sections,
// dimensions, runs and appendix parts are bookmarked in the outline.
// Charts (radar of levels, exercise timelines, trend arrow) are vector
// paths. Tables repeat their header row on every page they continue on,
// and a row too tall for the room left is split between lines, so no text
// is cut however long. Options.Deterministic fixes the dates, sorts the
// catalog and turns compression off for golden tests.
//
// Text is cleaned first (text_sanitize.go): characters the embedded font
// has no glyph for, control characters and NUL become U+FFFD (visible);
// bidirectional overrides and isolates are removed so they cannot reorder
// text; invalid UTF-8 cannot reach gofpdf.
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
