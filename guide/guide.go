// Package guide holds the guided plan editor's questions, one per page of
// the three steps of the method ("What are your incident types?", "Who is
// on call?", …), and judges them with the assessment's criteria: each
// question lists the criterion IDs that answer it, and it is answered when
// every one of them passes (or is marked N/A with a reason) in
// scoring.Assess. Its to-do list is those criteria's gaps, so the guide and
// the assessment can never disagree about a plan; only the summary of what
// the plan already says is worked out here. The package imports plan and
// scoring and never the GUI.
package guide

import (
	"fmt"
	"slices"

	"drillbook/plan"
	"drillbook/scoring"
)

// Question is one page of the guided plan editor: a question from the
// three steps of the seed article. Whether it is answered is derived from
// the assessment every time, never stored, so editing the plan in any
// screen moves the guide on.
type Question struct {
	ID     string // stable, e.g. "severities"; the GUI keys pages by it
	Step   int    // 1 procedure, 2 roles & escalation, 3 playbooks
	Title  string // short page title
	Prompt string // the article's question
	Help   string // what a good answer looks like in this app
	// Parts are the workspace paths the answer lives in, so the page can
	// show the validation problems beside it with Problems.At.
	Parts []string
	// Criteria are the IDs of the assessment criteria (scoring.Criteria)
	// that answer the question.
	Criteria []string

	summary func(*view) string
}

// QuestionStatus is a question evaluated against a plan.
type QuestionStatus struct {
	Question
	// Answered: every criterion of the question passes or is N/A.
	Answered bool
	// Summary says what the plan already says, e.g. "4 severity levels,
	// all with targets.", so the page can open with it.
	Summary string
	// Todo lists the failing criteria's gaps as sentences (empty when the
	// question is answered); long lists are cut to MaxTodo items and a
	// last "…and N more".
	Todo []string
}

// MaxTodo bounds a question's to-do list: a large plan can have hundreds
// of gaps and the page only needs the first few to get going.
const MaxTodo = 5

// Questions returns the questions in page order: the seven procedure
// questions, the seven roles-and-escalation questions and the two playbook
// questions. The slice is a copy the caller may keep.
func Questions() []Question { return append([]Question(nil), questions...) }

// QuestionByID returns the question with the ID.
func QuestionByID(id string) (Question, bool) {
	for _, q := range questions {
		if q.ID == id {
			return q, true
		}
	}
	return Question{}, false
}

// StepProgress is how far one step of the guide is answered.
type StepProgress struct {
	Step     int
	Name     string
	Answered int
	Total    int
}

// Complete reports whether every question of the step is answered.
func (s StepProgress) Complete() bool { return s.Answered == s.Total }

// String renders "Step 2 of 3 — 5 of 7 questions answered".
func (s StepProgress) String() string {
	return fmt.Sprintf("Step %d of %d — %d of %s answered", s.Step, len(plan.StepNames), s.Answered, plural(s.Total, "question", "questions"))
}

// Progress is the guide evaluated against a plan: every question's status,
// per-step and overall counts, and where to carry on.
type Progress struct {
	Questions []QuestionStatus
	Steps     [len(plan.StepNames)]StepProgress
	Answered  int
	Total     int
	// Next is the ID of the first unanswered question ("" when none).
	Next string
	// Current is the step of Next, or the last step when every question
	// is answered, so String always names the step Next is in.
	Current int
}

// Complete reports whether every question is answered.
func (p Progress) Complete() bool { return p.Answered == p.Total }

// String renders where the guide carries on: the step of the first
// unanswered question with that step's count, e.g. "Step 2 of 3 — 5 of 7
// questions answered", or "All 3 steps complete — 16 of 16 questions
// answered".
func (p Progress) String() string {
	if p.Complete() {
		return fmt.Sprintf("All %d steps complete — %d of %s answered", len(p.Steps), p.Answered, plural(p.Total, "question", "questions"))
	}
	return p.Steps[p.Current-1].String()
}

// Evaluate assesses the workspace on day today and evaluates every
// question against that one assessment. A nil workspace is an empty plan.
func Evaluate(ws *plan.Workspace, today plan.Date) Progress {
	return FromAssessment(ws, scoring.Assess(ws, today))
}

// FromAssessment evaluates every question against an assessment already
// made of ws, such as the one the assessment screen shows, so both read
// the same criteria results.
func FromAssessment(ws *plan.Workspace, a *scoring.Assessment) Progress {
	if ws == nil {
		ws = &plan.Workspace{}
	}
	// Passing and N/A criteria leave nothing to do, so only the failing
	// ones are looked up.
	failing := map[string]*scoring.CriterionResult{}
	for i := range a.Dimensions {
		d := &a.Dimensions[i]
		for j := range d.Failing {
			failing[d.Failing[j].Criterion.ID] = &d.Failing[j]
		}
	}
	v := newView(ws, a.Date)
	p := Progress{Questions: make([]QuestionStatus, len(questions))}
	for i := range p.Steps {
		p.Steps[i] = StepProgress{Step: i + 1, Name: plan.StepNames[i]}
	}
	for i, q := range questions {
		st := QuestionStatus{Question: q, Summary: q.summary(v), Todo: todo(q.Criteria, failing),
			Answered: !slices.ContainsFunc(q.Criteria, func(id string) bool { return failing[id] != nil })}
		p.Questions[i] = st
		s := &p.Steps[q.Step-1]
		s.Total++
		p.Total++
		if st.Answered {
			s.Answered++
			p.Answered++
		} else if p.Next == "" {
			p.Next, p.Current = q.ID, q.Step
		}
	}
	if p.Current == 0 {
		p.Current = len(p.Steps)
	}
	return p
}

// todo lists the gaps of the failing criteria among ids, in the order the
// question names them, keeping MaxTodo and counting the rest.
func todo(ids []string, failing map[string]*scoring.CriterionResult) []string {
	var items []string
	more := 0
	for _, id := range ids {
		r := failing[id]
		if r == nil {
			continue
		}
		for _, g := range r.Gaps {
			if len(items) < MaxTodo {
				items = append(items, g.Sentence())
			} else {
				more++
			}
		}
	}
	if more > 0 {
		items = append(items, fmt.Sprintf("…and %d more", more))
	}
	return items
}

// plural renders a count with the right form of a noun: "1 shift", "6 shifts".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// quoted renders a name for messages: “Name”.
func quoted(s string) string { return "“" + s + "”" }

// saidOrID is the name, or the ID when the name says nothing: unlike
// plan.OrID (blank names only), a placeholder such as "TBC" shows the ID
// too, since the guide is asking for that name to be filled in.
func saidOrID(name, id string) string {
	if plan.Placeholder(name) {
		return id
	}
	return name
}
