// Command benchtool holds the measurements scripts/bench.sh cannot make
// with shell tools alone:
//
//	benchtool startup [-n 10] NAME=BINARY...   provider start-up to schema served, peak RSS
//	benchtool run [-log F] -- CMD ARGS...      wall time and peak RSS of a process tree, as JSON
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: benchtool startup|run ...")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "startup":
		err = runStartup(os.Args[2:])
	case "run":
		err = runMeasure(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtool:", err)
		os.Exit(1)
	}
}
