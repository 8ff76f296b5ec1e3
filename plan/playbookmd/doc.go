// Package playbookmd reads and writes playbooks as Markdown, so teams can
// keep them next to their code, read them in any viewer and write new ones
// by hand. Markdown writes one playbook, IndexMarkdown the index of a
// workspace's playbooks, Export a folder of both, and Parse reads a
// playbook back, from this package's files or from simple hand-written
// ones. The format:
//
//	# Title
//
//	- **Playbook:** `id`
//	- **Role:** Role name (`role-id`)
//	- **Incident types:** Name (`type-id`), …
//	- **Owner:** Name (`person-id`)
//	- **Review:** every 180d; last reviewed 2026-10-14; next due 2027-04-12; **overdue**
//	- **Related playbooks:** [Title](other-id.md), …
//
//	## Summary
//
//	Summary paragraphs.
//
//	## Steps
//
//	1. Step text (more lines indented under it).
//	   - Expected duration: 5m
//	   - See: [Title](other-id.md)
//
//	## Revision history
//
//	| Revision | Date | Author | Summary |
//	| --- | --- | --- | --- |
//	| 3 | 2026-10-14 | Name (`person-id`) | What changed |
//
// IDs ride along in backticks and link targets, so names can be shown
// without losing what they refer to. Revisions carry their number, date,
// author and summary but not their steps.
//
// User text goes through the sanitiser every exported Markdown file uses
// (drillbook/internal/mdtext): names, titles and table cells are written
// literally (HTML entities for Markdown's special characters), and steps
// and summaries keep their Markdown with raw HTML disarmed and remote
// images replaced. Fenced code in steps and summaries is written as it is,
// and read back as code.
//
// Reading is built on goldmark's CommonMark parser: its blocks decide the
// title, the sections, the lists and where each step starts and ends, and
// the text of summaries and steps is taken from the source as written.
package playbookmd
