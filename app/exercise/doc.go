// Package exercise runs tabletop exercises in the GUI: the scenario
// library and editor, the start-run dialog, the facilitator's console
// (clock, injects, decisions, timers, one-click recording, the event
// log), the participants' window for the projector, the end of a run with
// its hot wash, and what happens to journals on open: interrupted runs
// are offered for resuming, ended ones the workspace lacks for restoring.
// The Controller holds this state for the main window; the engine is
// package scenarios.
package exercise
