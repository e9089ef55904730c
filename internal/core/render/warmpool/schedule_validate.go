package warmpool

import (
	"time"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// MaxWindows bounds the schedule (each window is evaluated minute by
// minute over a week at plan time).
const MaxWindows = 50

// parseWindows validates the schedule and returns it ready to evaluate.
// base is the pool size outside every window.
func parseWindows(s Spec, base int64, probs *problem.List) []parsedWindow {
	if len(s.Schedules) == 0 {
		return nil
	}
	if s.Mode != ModePausePods {
		probs.Addf(problem.Path{"schedule"}, "time-of-day sizing scales the pause Deployment: use mode = %q, or drop schedule (a %s has no scale subresource to drive)", ModePausePods, s.Mode)
		return nil
	}
	switch s.Scaler {
	case ScalerCronJob, ScalerKEDA:
	default:
		probs.Addf(problem.Path{"scaler"}, "must be %q (CronJobs running kubectl scale) or %q (a KEDA ScaledObject with cron triggers), got %q", ScalerCronJob, ScalerKEDA, s.Scaler)
		return nil
	}
	if len(s.Schedules) > MaxWindows {
		probs.Addf(problem.Path{"schedule"}, "at most %d windows, got %d", MaxWindows, len(s.Schedules))
		return nil
	}
	seen := map[string]bool{}
	var out []parsedWindow
	zone := ""
	for i, w := range s.Schedules {
		at := problem.Path{"schedule", i}
		ok := true
		if !dnsLabel.MatchString(w.Name) || len(w.Name) > 63 {
			probs.Addf(at.Child("name"), "%q must be a DNS label (lowercase letters, digits and '-')", w.Name)
			ok = false
		} else if seen[w.Name] {
			probs.Addf(at.Child("name"), "%q is used by another window; names must be unique", w.Name)
			ok = false
		}
		seen[w.Name] = true
		loc, err := loadZone(w.TimeZone)
		if err != nil {
			if w.TimeZone == "" {
				probs.Addf(at.Child("time_zone"), "the %s scaler needs a time zone, or windows follow whatever clock its controller runs on: %v", s.Scaler, err)
			} else {
				probs.Addf(at.Child("time_zone"), "%v", err)
			}
			ok = false
		}
		start, errS := parseCron(w.Start)
		if errS != nil {
			probs.Addf(at.Child("start"), "%v", errS)
			ok = false
		}
		end, errE := parseCron(w.End)
		if errE != nil {
			probs.Addf(at.Child("end"), "%v", errE)
			ok = false
		}
		if errS == nil && errE == nil && w.Start == w.End {
			probs.Addf(at.Child("end"), "start and end are the same (%q); a window needs a different end", w.Start)
			ok = false
		}
		if ok {
			ref := ReferenceWeek
			if start.Next(ref.In(loc)).IsZero() {
				probs.Addf(at.Child("start"), "%q never fires; pick a date that exists", w.Start)
				ok = false
			}
			if end.Next(ref.In(loc)).IsZero() {
				probs.Addf(at.Child("end"), "%q never fires; pick a date that exists", w.End)
				ok = false
			}
		}
		if w.Replicas < 0 || w.Replicas > 1_000_000 {
			probs.Addf(at.Child("replicas"), "must be between 0 and 1000000, got %d", w.Replicas)
			ok = false
		}
		if s.Scaler == ScalerKEDA && w.Replicas == 0 {
			probs.Addf(at.Child("replicas"), "KEDA's cron trigger needs desiredReplicas of 1 or more; to hold 0 outside busy hours set the base size to 0 instead")
			ok = false
		}
		if s.Scaler == ScalerCronJob {
			if !weeklyOnly(w.Start) || !weeklyOnly(w.End) {
				probs.Addf(at, "the cronjob scaler needs windows that repeat weekly (day-of-month and month \"*\"); use scaler = \"keda\" for calendar dates")
				ok = false
			}
			if zone != "" && w.TimeZone != "" && w.TimeZone != zone {
				probs.Addf(at.Child("time_zone"), "the cronjob scaler needs one time zone for all windows (first window uses %q)", zone)
				ok = false
			}
			if zone == "" {
				zone = w.TimeZone
			}
		}
		if ok && w.Replicas <= base {
			probs.Warnf(at.Child("replicas"), "%d is not above the base size %d, so this window never changes the pool (windows only raise it: the largest active value wins)", w.Replicas, base)
		}
		if ok {
			out = append(out, parsedWindow{Window: w, start: start, end: end, loc: loc})
		}
	}
	return out
}

// weekStartIn is the reference week's Monday 00:00 in loc.
func weekStartIn(loc *time.Location) time.Time {
	r := ReferenceWeek
	return time.Date(r.Year(), r.Month(), r.Day(), 0, 0, 0, 0, loc)
}
