// Package picker chooses files for the GUI: the FilePicker interface the
// screens ask for paths through (tests answer it directly), the app's own
// path-only save dialog, and file URLs and names. A picker only ever
// chooses a path: writing is the caller's, and always atomic.
package picker
