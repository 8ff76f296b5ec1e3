package interchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"drillbook/plan"
)

// The shapes below follow PagerDuty's REST API v2 reference (GET
// /schedules/{id}, /escalation_policies, /users); fields Drillbook does not
// use are ignored, as the API adds fields over time.

type pdRef struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Summary string `json:"summary"`
}

type pdRestriction struct {
	Type            string `json:"type"`
	StartTimeOfDay  string `json:"start_time_of_day"`
	DurationSeconds int64  `json:"duration_seconds"`
	StartDayOfWeek  *int   `json:"start_day_of_week"`
}

type pdLayer struct {
	Name                 string                 `json:"name"`
	Start                string                 `json:"start"`
	End                  *string                `json:"end"`
	RotationVirtualStart string                 `json:"rotation_virtual_start"`
	TurnSeconds          int64                  `json:"rotation_turn_length_seconds"`
	Users                []struct{ User pdRef } `json:"users"`
	Restrictions         []pdRestriction        `json:"restrictions"`
}

type pdSchedule struct {
	Name     string    `json:"name"`
	TimeZone string    `json:"time_zone"`
	Layers   []pdLayer `json:"schedule_layers"`
}

type pdRule struct {
	Delay   int     `json:"escalation_delay_in_minutes"`
	Targets []pdRef `json:"targets"`
}

type pdPolicy struct {
	Name  string   `json:"name"`
	Rules []pdRule `json:"escalation_rules"`
}

type pdContact struct {
	Type        string `json:"type"`
	Address     string `json:"address"`
	Label       string `json:"label"`
	CountryCode int    `json:"country_code"`
}

type pdUser struct {
	ID             string      `json:"id"`
	Name           string      `json:"name"`
	Email          string      `json:"email"`
	JobTitle       string      `json:"job_title"`
	ContactMethods []pdContact `json:"contact_methods"`
}

// pdKeys are the top-level keys that tell PagerDuty JSON apart.
var pdKeys = []string{"schedule", "schedules", "escalation_policy", "escalation_policies", "users", "user"}

// ParsePagerDuty reads PagerDuty REST API JSON, told apart by its
// top-level key: "schedule"/"schedules" become rota spans over the
// representative week (a later layer overrides an earlier one for the
// time it covers), "escalation_policy"/"escalation_policies" become
// ladders, "users"/"user" become people with their contact methods.
func ParsePagerDuty(file string, data []byte, opt Options) (*Source, error) {
	if len(data) > maxSourceSize {
		return nil, &Error{File: file, Msg: "file is larger than 16 MB"}
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, jsonError(file, data, "", err)
	}
	key := ""
	for _, k := range pdKeys {
		if _, ok := top[k]; ok {
			key = k
			break
		}
	}
	src := &Source{File: file, Users: map[string]Ref{}}
	dec := func(v any) error {
		if err := json.Unmarshal(top[key], v); err != nil {
			return jsonError(file, data, key, err)
		}
		return nil
	}
	switch key {
	case "schedule", "schedules":
		var list []pdSchedule
		if err := decodeOneOrMany(dec, key == "schedule", &list); err != nil {
			return nil, err
		}
		src.Kind = KindPDSchedule
		for i, s := range list {
			path := key
			if key == "schedules" {
				path = fmt.Sprintf("schedules[%d]", i)
			}
			if err := scheduleSpans(src, s, path, opt); err != nil {
				err.File = file
				return nil, err
			}
		}
	case "escalation_policy", "escalation_policies":
		var list []pdPolicy
		if err := decodeOneOrMany(dec, key == "escalation_policy", &list); err != nil {
			return nil, err
		}
		src.Kind = KindPDPolicies
		for i, p := range list {
			path := key
			if key == "escalation_policies" {
				path = fmt.Sprintf("escalation_policies[%d]", i)
			}
			l, err := policyLadder(p, path)
			if err != nil {
				err.File = file
				return nil, err
			}
			src.Ladders = append(src.Ladders, l)
		}
	case "users", "user":
		var list []pdUser
		if err := decodeOneOrMany(dec, key == "user", &list); err != nil {
			return nil, err
		}
		src.Kind = KindPDUsers
		for i, u := range list {
			if strings.TrimSpace(u.Name) == "" && u.Email == "" {
				return nil, &Error{File: file, Path: fmt.Sprintf("%s[%d]", key, i), Field: "name", Msg: "a user needs a name or an e-mail"}
			}
			in := PersonIn{Ref: Ref{Name: strings.TrimSpace(u.Name), Email: u.Email, ExtID: u.ID}, Title: u.JobTitle}
			in.Contacts = pdContacts(u)
			src.People = append(src.People, in)
			src.Users[u.ID] = in.Ref
		}
	default:
		return nil, &Error{File: file, Msg: "not PagerDuty JSON: no top-level " + strings.Join(pdKeys, ", ")}
	}
	return src, nil
}

func decodeOneOrMany[T any](dec func(any) error, one bool, list *[]T) error {
	if !one {
		return dec(list)
	}
	var v T
	if err := dec(&v); err != nil {
		return err
	}
	*list = []T{v}
	return nil
}

// jsonError places a decoding error by line and names the field.
func jsonError(file string, data []byte, key string, err error) *Error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return &Error{File: file, Line: lineAt(data, syn.Offset), Msg: "not valid JSON: " + syn.Error()}
	case errors.As(err, &typ):
		field := typ.Field
		if key != "" {
			field = strings.TrimPrefix(key+"."+field, ".")
		}
		return &Error{File: file, Line: lineAt(data, typ.Offset), Path: field, Msg: fmt.Sprintf("a %s where %s belongs", typ.Value, kindText(typ.Type.Kind()))}
	}
	return &Error{File: file, Msg: "not a JSON object: " + err.Error()}
}

// kindText names a Go kind as JSON does.
func kindText(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "a number"
}

func lineAt(data []byte, offset int64) int {
	offset = min(max(offset, 0), int64(len(data)))
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

func pdContacts(u pdUser) []plan.Contact {
	var out []plan.Contact
	if u.Email != "" {
		out = append(out, plan.Contact{Channel: plan.ChannelEmail, Value: u.Email})
	}
	for _, c := range u.ContactMethods {
		ch := plan.Channel("")
		value := strings.TrimSpace(c.Address)
		switch c.Type {
		case "email_contact_method", "email_contact_method_reference":
			ch = plan.ChannelEmail
		case "phone_contact_method", "phone_contact_method_reference":
			ch = plan.ChannelPhone
		case "sms_contact_method", "sms_contact_method_reference":
			ch = plan.ChannelSMS
		}
		if ch == "" || value == "" || (ch == plan.ChannelEmail && strings.EqualFold(value, u.Email)) {
			continue
		}
		if ch != plan.ChannelEmail && c.CountryCode > 0 {
			value = "+" + strconv.Itoa(c.CountryCode) + " " + value
		}
		out = append(out, plan.Contact{Channel: ch, Value: value, Label: c.Label})
	}
	return out
}

// policyLadder turns escalation rules into tiers: each rule's delay is
// how long PagerDuty waits before the next rule, so a tier's delay after
// the tier before is the previous rule's delay.
func policyLadder(p pdPolicy, path string) (LadderIn, *Error) {
	l := LadderIn{Name: strings.TrimSpace(p.Name)}
	if l.Name == "" {
		return l, &Error{Path: path + ".name", Msg: "the policy has no name"}
	}
	if len(p.Rules) == 0 {
		return l, &Error{Path: path + ".escalation_rules", Msg: "the policy has no escalation rules"}
	}
	for i, r := range p.Rules {
		rp := fmt.Sprintf("%s.escalation_rules[%d]", path, i)
		if r.Delay < 0 || r.Delay > 365*24*60 {
			return l, &Error{Path: rp + ".escalation_delay_in_minutes", Msg: fmt.Sprintf("%d minutes is not a delay", r.Delay)}
		}
		t := TierIn{}
		if i > 0 {
			t.Delay = plan.Duration(p.Rules[i-1].Delay) * plan.Minute
		}
		if len(r.Targets) == 0 {
			return l, &Error{Path: rp + ".targets", Msg: "the rule has no targets"}
		}
		for j, g := range r.Targets {
			switch g.Type {
			case "user_reference", "user":
				t.Targets = append(t.Targets, Target{User: &Ref{ExtID: g.ID, Name: g.Summary}})
			case "schedule_reference", "schedule":
				t.Targets = append(t.Targets, Target{Schedule: plan.OrID(g.Summary, g.ID)})
			default:
				return l, &Error{Path: fmt.Sprintf("%s.targets[%d].type", rp, j), Msg: fmt.Sprintf("unknown target type %q (want user_reference or schedule_reference)", g.Type)}
			}
		}
		if i > 0 && t.Delay == 0 {
			return l, &Error{Path: fmt.Sprintf("%s.escalation_rules[%d].escalation_delay_in_minutes", path, i-1), Msg: "a rule followed by another needs a delay"}
		}
		l.Tiers = append(l.Tiers, t)
	}
	return l, nil
}

// layer is a schedule layer checked and ready to render.
type layer struct {
	name         string
	start, end   time.Time // end zero: open
	virtual      time.Time
	turn         time.Duration
	users        []Ref
	restrictions []pdRestriction
	starts       []int // restriction starts in seconds (of the day or week)
}

func scheduleSpans(src *Source, s pdSchedule, path string, opt Options) *Error {
	schedLoc, err := time.LoadLocation(s.TimeZone)
	if err != nil || s.TimeZone == "" || s.TimeZone == "Local" {
		return &Error{Path: path + ".time_zone", Msg: fmt.Sprintf("unknown time zone %q", s.TimeZone)}
	}
	loc, zone, zerr := loadZone(opt.Zone, s.TimeZone)
	if zerr != nil {
		return zerr.(*Error)
	}
	src.Zone = zone
	if opt.Zone == "" {
		src.Notes = append(src.Notes, "the plan names no time zone: times are in the schedule's, "+zone)
	}
	if len(s.Layers) == 0 {
		return &Error{Path: path + ".schedule_layers", Msg: "the schedule has no layers (export it with GET /schedules/{id}, which includes them)"}
	}
	layers := make([]layer, len(s.Layers))
	for i, in := range s.Layers {
		l, err := checkLayer(in, fmt.Sprintf("%s.schedule_layers[%d]", path, i))
		if err != nil {
			return err
		}
		l.name = plan.OrID(strings.TrimSpace(in.Name), fmt.Sprintf("%s layer %d", plan.OrID(s.Name, "Schedule"), i+1))
		layers[i] = l
	}
	week := weekStart(opt.week(), loc)
	type owner struct{ layer, user int }
	prev, from := owner{-1, -1}, 0
	flush := func(to int) {
		if prev.layer >= 0 {
			l := layers[prev.layer]
			src.Spans = append(src.Spans, Span{Name: l.name, From: from, To: to, Members: []Ref{l.users[prev.user]}})
		}
	}
	for m := 0; m <= weekMinutes; m++ {
		cur := owner{-1, -1}
		if m < weekMinutes {
			t := time.Date(week.Year(), week.Month(), week.Day()+m/dayMinutes, m%dayMinutes/60, m%60, 0, 0, loc)
			for i := len(layers) - 1; i >= 0; i-- {
				if u, ok := layers[i].onCall(t, schedLoc); ok {
					cur = owner{i, u}
					break
				}
			}
		}
		if cur != prev || m == weekMinutes {
			flush(m)
			prev, from = cur, m
		}
	}
	return nil
}

func checkLayer(in pdLayer, path string) (layer, *Error) {
	var l layer
	at := func(field, value string) (time.Time, *Error) {
		t, err := time.Parse(time.RFC3339, value)
		if err != nil {
			return t, &Error{Path: path + "." + field, Msg: fmt.Sprintf("%q is not a date-time (want 2026-01-05T09:00:00Z)", value)}
		}
		return t, nil
	}
	var err *Error
	if l.start, err = at("start", in.Start); err != nil {
		return l, err
	}
	if in.End != nil {
		if l.end, err = at("end", *in.End); err != nil {
			return l, err
		}
	}
	if l.virtual, err = at("rotation_virtual_start", in.RotationVirtualStart); err != nil {
		return l, err
	}
	if in.TurnSeconds <= 0 || in.TurnSeconds > 366*24*3600 {
		return l, &Error{Path: path + ".rotation_turn_length_seconds", Msg: fmt.Sprintf("%d seconds is not a turn length", in.TurnSeconds)}
	}
	l.turn = time.Duration(in.TurnSeconds) * time.Second
	if len(in.Users) == 0 {
		return l, &Error{Path: path + ".users", Msg: "the layer has nobody on it"}
	}
	for j, u := range in.Users {
		if u.User.ID == "" && u.User.Summary == "" {
			return l, &Error{Path: fmt.Sprintf("%s.users[%d].user", path, j), Msg: "the user has neither id nor summary"}
		}
		l.users = append(l.users, Ref{ExtID: u.User.ID, Name: u.User.Summary})
	}
	for j, r := range in.Restrictions {
		rp := fmt.Sprintf("%s.restrictions[%d]", path, j)
		secs, ok := timeOfDay(r.StartTimeOfDay)
		if !ok {
			return l, &Error{Path: rp + ".start_time_of_day", Msg: fmt.Sprintf("%q is not a time of day (want 09:00:00)", r.StartTimeOfDay)}
		}
		switch r.Type {
		case "daily_restriction":
			if r.DurationSeconds <= 0 || r.DurationSeconds > 24*3600 {
				return l, &Error{Path: rp + ".duration_seconds", Msg: fmt.Sprintf("%d seconds is not a daily window", r.DurationSeconds)}
			}
		case "weekly_restriction":
			if r.StartDayOfWeek == nil || *r.StartDayOfWeek < 1 || *r.StartDayOfWeek > 7 {
				return l, &Error{Path: rp + ".start_day_of_week", Msg: "a weekly restriction needs a day 1 (Monday) to 7 (Sunday)"}
			}
			if r.DurationSeconds <= 0 || r.DurationSeconds > 7*24*3600 {
				return l, &Error{Path: rp + ".duration_seconds", Msg: fmt.Sprintf("%d seconds is not a weekly window", r.DurationSeconds)}
			}
			secs += (*r.StartDayOfWeek - 1) * 24 * 3600
		default:
			return l, &Error{Path: rp + ".type", Msg: fmt.Sprintf("unknown restriction %q (want daily_restriction or weekly_restriction)", r.Type)}
		}
		l.restrictions = append(l.restrictions, r)
		l.starts = append(l.starts, secs)
	}
	return l, nil
}

// timeOfDay reads "09:00:00" or "09:00" as seconds after midnight.
func timeOfDay(s string) (int, bool) {
	for _, layout := range []string{"15:04:05", "15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Hour()*3600 + t.Minute()*60 + t.Second(), true
		}
	}
	return 0, false
}

// onCall returns which of the layer's users is on call at t, if anyone:
// t must fall in the layer's life and in one of its restrictions (read on
// the schedule's clock); turns run from the virtual start, one user each.
func (l layer) onCall(t time.Time, schedLoc *time.Location) (int, bool) {
	if t.Before(l.start) || (!l.end.IsZero() && !t.Before(l.end)) {
		return 0, false
	}
	if len(l.restrictions) > 0 {
		local := t.In(schedLoc)
		tod := local.Hour()*3600 + local.Minute()*60 + local.Second()
		weekSec := (int(local.Weekday())+6)%7*24*3600 + tod
		in := false
		for i, r := range l.restrictions {
			period, now := 24*3600, tod
			if r.Type == "weekly_restriction" {
				period, now = 7*24*3600, weekSec
			}
			if ((now-l.starts[i])%period+period)%period < int(r.DurationSeconds) {
				in = true
				break
			}
		}
		if !in {
			return 0, false
		}
	}
	turns := t.Sub(l.virtual) / l.turn
	if t.Before(l.virtual) && t.Sub(l.virtual)%l.turn != 0 {
		turns--
	}
	n := int64(len(l.users))
	return int((int64(turns)%n + n) % n), true
}
