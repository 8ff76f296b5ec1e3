// Package reportsview is the reports screen: which sections and labels
// the report has, a preview of its first page, and exports to PDF, Excel,
// Word (the after-action report of a chosen run) and Markdown (package
// export) that run in the background with progress and cancel.
package reportsview
