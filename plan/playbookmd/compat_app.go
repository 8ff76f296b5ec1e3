package playbookmd

import "drillbook/plan"

// Deprecated: kept until app/ switches; remove then (with plan/compat_app.go).
func init() {
	plan.PlaybookMarkdown = Markdown
	plan.ParsePlaybookMarkdown = Parse
	plan.ExportPlaybooks = Export
}
