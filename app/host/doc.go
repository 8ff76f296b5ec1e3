// Package host is the seam between the GUI's screens and the main window
// that shows them. Host is what a screen may ask of the window (the plan,
// its problems, undoable changes, the window itself, errors, go-to, the
// file picker, background work, today's date); Screen is what the window
// asks of a screen, and Lazy a screen built when first shown. The small
// types both sides share live here too: an
// undoable Edit and the History of them, the index of problems by item,
// workspace-path helpers, and the guards that keep a panic in background
// work or a tick from closing the window.
package host
