package warmpool

import "testing"

// Plan-time cost of a schedule: the week is evaluated minute by minute.
func BenchmarkRenderCronJobSchedule(b *testing.B) {
	s := goldenCases["pause-pods-cronjob-schedule"]
	for b.Loop() {
		if _, probs := Render(s); probs.HasErrors() {
			b.Fatal(probs.Err())
		}
	}
}

func BenchmarkRenderNoSchedule(b *testing.B) {
	s := goldenCases["pause-pods-guide"]
	for b.Loop() {
		Render(s)
	}
}
