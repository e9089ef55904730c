package warmpool

import (
	"fmt"
	"sort"
	"strings"
	"time"
	// The tzdata makes time zones load the same on every machine, also
	// where /usr/share/zoneinfo is missing (scratch images, Windows).
	_ "time/tzdata"

	"github.com/robfig/cron/v3"
)

// How windows combine, the same for both scalers:
//   - outside every window the pool holds its base replicas;
//   - inside one or more windows it holds the largest of the base and the
//     active windows' replicas (overlaps: the maximum wins). KEDA does this
//     by itself (the HPA takes the largest metric); the CronJob scaler gets
//     one CronJob per change of that maximum, computed here.
//
// A window is active at time t when its next end comes no later than its
// next start: KEDA's cron scaler rule (v2.21), so both scalers agree.

// cronParser accepts the five standard fields, as KEDA's cron scaler does
// (Kubernetes CronJobs accept these too).
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow)

// MinutesPerWeek is the resolution of the weekly timeline.
const MinutesPerWeek = 7 * 24 * 60

// ReferenceWeek is the week the timeline is evaluated over: Monday
// 5 January 2026, 00:00 in each time zone. A fixed week keeps plans
// deterministic; January has no daylight-saving switch in most zones.
var ReferenceWeek = time.Date(2026, time.January, 5, 0, 0, 0, 0, time.UTC)

// loadZone loads an IANA time zone name, refusing "" and "Local" (they
// depend on the machine: the CronJob controller's or KEDA's).
func loadZone(name string) (*time.Location, error) {
	if name == "" || strings.EqualFold(name, "Local") {
		return nil, fmt.Errorf("set an IANA time zone such as \"Europe/Berlin\" or \"UTC\"")
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%q is not an IANA time zone (e.g. \"America/New_York\", \"UTC\")", name)
	}
	return loc, nil
}

// parseCron parses one five-field cron expression.
func parseCron(expr string) (cron.Schedule, error) {
	if strings.HasPrefix(strings.TrimSpace(expr), "TZ=") || strings.HasPrefix(strings.TrimSpace(expr), "CRON_TZ=") {
		return nil, fmt.Errorf("put the time zone in time_zone, not in the cron expression")
	}
	if len(strings.Fields(expr)) != 5 {
		return nil, fmt.Errorf("%q must have five fields: minute hour day-of-month month day-of-week (e.g. \"0 8 * * 1-5\")", expr)
	}
	s, err := cronParser.Parse(expr)
	if err != nil {
		return nil, fmt.Errorf("%q is not a valid cron expression: %w", expr, err)
	}
	return s, nil
}

// weeklyOnly reports whether a cron expression repeats every week (its
// day-of-month and month fields are "*" or "?").
func weeklyOnly(expr string) bool {
	f := strings.Fields(expr)
	if len(f) != 5 {
		return false
	}
	any := func(s string) bool { return s == "*" || s == "?" }
	return any(f[2]) && any(f[3])
}

// parsedWindow is a window ready for evaluation.
type parsedWindow struct {
	Window
	start, end cron.Schedule
	loc        *time.Location
}

// fireTimes lists when s fires in [from, to] plus the first firing after
// to (or none when s never fires again), in loc.
func fireTimes(s cron.Schedule, loc *time.Location, from, to time.Time) []time.Time {
	var out []time.Time
	t := from.In(loc).Add(-time.Second)
	for {
		t = s.Next(t)
		if t.IsZero() {
			return out
		}
		out = append(out, t)
		if t.After(to) {
			return out
		}
	}
}

// activeMinutes says, for each minute of the reference week starting at
// weekStart, whether w is active (KEDA's rule: next end <= next start).
func activeMinutes(w parsedWindow, weekStart time.Time) []bool {
	weekEnd := weekStart.Add(MinutesPerWeek * time.Minute)
	starts := fireTimes(w.start, w.loc, weekStart, weekEnd)
	ends := fireTimes(w.end, w.loc, weekStart, weekEnd)
	out := make([]bool, MinutesPerWeek)
	si, ei := 0, 0
	for m := range out {
		t := weekStart.Add(time.Duration(m) * time.Minute)
		for si < len(starts) && !starts[si].After(t) {
			si++
		}
		for ei < len(ends) && !ends[ei].After(t) {
			ei++
		}
		switch {
		case ei >= len(ends), si >= len(starts):
			// Unreachable after validation (both crons must fire).
			out[m] = false
		default:
			out[m] = !starts[si].Before(ends[ei])
		}
	}
	return out
}

// Timeline is the effective warm replicas for each minute of the
// reference week, and how long each window is active.
type Timeline struct {
	Minutes     []int64
	ActiveHours map[string]float64
}

// PodHours is the weekly pod-hours of the timeline.
func (t Timeline) PodHours() float64 {
	var sum int64
	for _, r := range t.Minutes {
		sum += r
	}
	return float64(sum) / 60
}

// buildTimeline evaluates windows over the reference week starting at
// weekStart: base replicas, raised to the largest active window.
func buildTimeline(base int64, windows []parsedWindow, weekStart time.Time) Timeline {
	tl := Timeline{Minutes: make([]int64, MinutesPerWeek), ActiveHours: map[string]float64{}}
	for m := range tl.Minutes {
		tl.Minutes[m] = base
	}
	for _, w := range windows {
		active := activeMinutes(w, weekStart)
		n := 0
		for m, on := range active {
			if on {
				n++
				if w.Replicas > tl.Minutes[m] {
					tl.Minutes[m] = w.Replicas
				}
			}
		}
		tl.ActiveHours[w.Name] = float64(n) / 60
	}
	return tl
}

// Transition is one change of the effective replicas in a week.
type Transition struct {
	Minute, Hour int
	Weekdays     []int // 0 = Sunday
	Replicas     int64
}

// Cron renders the transition as a five-field cron expression.
func (t Transition) Cron() string {
	days := make([]string, len(t.Weekdays))
	for i, d := range t.Weekdays {
		days[i] = fmt.Sprint(d)
	}
	return fmt.Sprintf("%d %d * * %s", t.Minute, t.Hour, strings.Join(days, ","))
}

// transitions lists the changes of the timeline (weekly, cyclic), grouped
// by time of day and target replicas, ordered by replicas then time.
func transitions(tl Timeline, weekStart time.Time) []Transition {
	type key struct {
		replicas     int64
		hour, minute int
	}
	days := map[key]map[int]bool{}
	for m := range tl.Minutes {
		prev := tl.Minutes[(m+MinutesPerWeek-1)%MinutesPerWeek]
		if tl.Minutes[m] == prev {
			continue
		}
		t := weekStart.Add(time.Duration(m) * time.Minute)
		k := key{tl.Minutes[m], t.Hour(), t.Minute()}
		if days[k] == nil {
			days[k] = map[int]bool{}
		}
		days[k][int(t.Weekday())] = true
	}
	out := make([]Transition, 0, len(days))
	for k, set := range days {
		tr := Transition{Minute: k.minute, Hour: k.hour, Replicas: k.replicas}
		for d := range set {
			tr.Weekdays = append(tr.Weekdays, d)
		}
		sort.Ints(tr.Weekdays)
		out = append(out, tr)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Hour*60+a.Minute != b.Hour*60+b.Minute {
			return a.Hour*60+a.Minute < b.Hour*60+b.Minute
		}
		if a.Replicas != b.Replicas {
			return a.Replicas < b.Replicas
		}
		return fmt.Sprint(a.Weekdays) < fmt.Sprint(b.Weekdays)
	})
	return out
}
