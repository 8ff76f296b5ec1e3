package plan

import "fmt"

// Question is one page of the guided plan editor: a question from the
// three steps of the seed article. Whether it is answered is derived from
// the plan every time (see Status), never stored, so editing the plan in
// any screen moves the guide on and the guide can never disagree with the
// plan it describes.
type Question struct {
	ID     string // stable, e.g. "severities"; the GUI keys pages by it
	Step   int    // 1 procedure, 2 roles & escalation, 3 playbooks
	Title  string // short page title
	Prompt string // the article's question
	Help   string // what a good answer looks like in this app
	// Parts are the workspace paths the answer lives in, so the page can
	// show the validation problems beside it with Problems.At.
	Parts []string

	check func(*guideState) answer
}

// QuestionStatus is a question evaluated against a plan.
type QuestionStatus struct {
	Question
	Answered bool
	// Summary says what is already answered, e.g. "4 severity levels, all
	// with targets", so the page can open with it.
	Summary string
	// Todo lists what is still needed for the question to count as
	// answered (empty when it is); long lists are cut to a few items.
	Todo []string
}

type answer struct {
	ok      bool
	summary string
	todo    []string
}

// guideState is what the checks read, built once per evaluation.
type guideState struct {
	w     *Workspace
	x     *refIndex
	today Date
}

// maxTodo bounds a question's to-do list; a large plan can have hundreds
// of gaps and the page only needs the first few to get going.
const maxTodo = 5

// todoList collects to-do items, keeping the first maxTodo and counting
// the rest, so a large plan does not format hundreds of strings on every
// keystroke only to throw them away.
type todoList struct {
	items []string
	more  int
}

func (t *todoList) add(s string) {
	if len(t.items) >= maxTodo {
		t.more++
		return
	}
	t.items = append(t.items, s)
}

func (t *todoList) addf(format string, a ...any) {
	if len(t.items) >= maxTodo {
		t.more++
		return
	}
	t.items = append(t.items, fmt.Sprintf(format, a...))
}

func (t *todoList) empty() bool { return len(t.items) == 0 }

// list returns the items kept, ending with "…and N more" when some were not.
func (t *todoList) list() []string {
	if t.more > 0 {
		return append(t.items, fmt.Sprintf("…and %d more", t.more))
	}
	return t.items
}

// Guide returns the guided mode's questions in page order: the seven
// procedure questions, the seven roles-and-escalation questions and the
// two playbook questions. The slice is a copy the caller may keep.
func Guide() []Question { return append([]Question(nil), guide...) }

// QuestionByID returns the question with the ID.
func QuestionByID(id string) (Question, bool) {
	for _, q := range guide {
		if q.ID == id {
			return q, true
		}
	}
	return Question{}, false
}

// Status evaluates one question against the plan on day today (playbook
// reviews fall due with time). A nil workspace is an empty plan.
func (q Question) Status(w *Workspace, today Date) QuestionStatus {
	return q.status(newGuideState(w, today))
}

func (q Question) status(g *guideState) QuestionStatus {
	if q.check == nil {
		return QuestionStatus{Question: q}
	}
	a := q.check(g)
	return QuestionStatus{Question: q, Answered: a.ok, Summary: a.summary, Todo: a.todo}
}

func newGuideState(w *Workspace, today Date) *guideState {
	if w == nil {
		w = &Workspace{}
	}
	return &guideState{w: w, x: newRefIndex(w), today: today}
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
	return fmt.Sprintf("Step %d of %d — %d of %s answered", s.Step, len(StepNames), s.Answered, plural(s.Total, "question", "questions"))
}

// GuideProgress is the guide evaluated against a plan: every question's
// status, per-step and overall counts, and where to carry on.
type GuideProgress struct {
	Questions []QuestionStatus
	Steps     [3]StepProgress
	Answered  int
	Total     int
	// Current is the first step with an unanswered question, or the last
	// step when every question is answered.
	Current int
	// Next is the ID of the first unanswered question ("" when none).
	Next string
}

// Complete reports whether every question is answered.
func (g GuideProgress) Complete() bool { return g.Answered == g.Total }

// String renders the current step, e.g. "Step 2 of 3 — 5 of 7 questions
// answered", or "All 3 steps complete — 16 of 16 questions answered".
func (g GuideProgress) String() string {
	if g.Complete() {
		return fmt.Sprintf("All %d steps complete — %d of %s answered", len(g.Steps), g.Answered, plural(g.Total, "question", "questions"))
	}
	return g.Steps[g.Current-1].String()
}

// Progress evaluates every question of the guide on day today (a zero
// today skips the check for overdue playbook reviews). It is cheap enough
// to run on every keystroke of the editor: one index of the plan, then
// each question once (well under a millisecond on the large benchmark
// workspace).
func (w *Workspace) Progress(today Date) GuideProgress {
	g := newGuideState(w, today)
	p := GuideProgress{Questions: make([]QuestionStatus, len(guide))}
	for i := range p.Steps {
		p.Steps[i] = StepProgress{Step: i + 1, Name: StepNames[i]}
	}
	for i, q := range guide {
		st := q.status(g)
		p.Questions[i] = st
		s := &p.Steps[q.Step-1]
		s.Total++
		p.Total++
		if st.Answered {
			s.Answered++
			p.Answered++
		} else if p.Next == "" {
			p.Next = q.ID
			p.Current = q.Step
		}
	}
	if p.Current == 0 {
		p.Current = len(p.Steps)
	}
	return p
}
