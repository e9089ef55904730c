package tiers

import "testing"

func BenchmarkSmallestFor(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SmallestFor(300, 2000); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Lookup(Names[len(Names)-1]); err != nil {
			b.Fatal(err)
		}
	}
}
