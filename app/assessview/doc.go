// Package assessview shows what the plan is worth: the overview (the
// organisation, the plan's completeness and its validation problems) and
// the assessment screen with its tabs — the radar and tier, findings, the
// improvement plan, trends of recorded assessments and the stored
// exercise runs. The numbers all come from package scoring.
package assessview
