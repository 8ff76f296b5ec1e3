// Package guideview is the guided editor: the three steps of the plan as
// one question per page, each page placing the editor that answers it
// (from package editors) beside what is answered, what is still missing
// and starting points to add. Progress comes from package guide, so
// editing anywhere moves the guide on.
package guideview
