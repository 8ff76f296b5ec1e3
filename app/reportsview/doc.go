// Package reportsview is the reports screen: which sections and labels
// the report has, a preview of its first page, and exports to PDF, Excel
// and Markdown (package export) that run in the background with progress
// and cancel.
package reportsview
