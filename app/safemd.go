package app

import "drillbook/plan"

// safeMarkdown prepares user Markdown for rendering: remote images are
// stripped, so showing a scenario, playbook or finding never makes a
// network request.
func safeMarkdown(s string) string { return plan.StripRemoteImages(s) }
