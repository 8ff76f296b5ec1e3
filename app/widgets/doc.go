// Package widgets holds the GUI's reusable widgets and text helpers, none
// of which knows the workspace: the radar and trend charts, the on-call
// week grid, the countdown bar, the report's page preview, lists that
// select with Enter, the clipping of long plan text, and the one safe way
// to render Markdown and user text (safemd.go).
package widgets
