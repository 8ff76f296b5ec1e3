// Package interchange brings a plan in from the tools teams already use and
// sends the work back out. Import parses iCalendar rotas (.ics), PagerDuty
// REST API JSON (schedules, escalation policies, users) and people CSV
// files into Sources, and Plan merges them into a copy of a workspace as a
// Preview: what is added, what changes (old -> new), what is left alone
// and which members matched nobody. Export writes the rota as .ics and the
// improvement plan as tracker CSV or a Markdown checklist.
//
// It is pure Go and imports only plan (and the libraries for iCalendar and
// recurrence rules); the CLI and the GUI call it.
package interchange
