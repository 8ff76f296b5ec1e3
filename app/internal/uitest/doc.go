// Package uitest helps the GUI's tests: a Host that screens run in
// without the main window, a picker that answers file dialogs with fixed
// paths, inline background work, and helpers that find widgets by walking
// the object tree as a user would see it (a button by its text, a form
// field by its label). Only tests import it.
package uitest
