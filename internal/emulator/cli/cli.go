// Package cli runs the emulator as a process on 127.0.0.1 for the demo and
// for people: it prints the endpoint URL and serves until interrupted.
package cli

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// Run parses args, starts the emulator and blocks until SIGINT/SIGTERM.
func Run(args []string) int {
	fs := flag.NewFlagSet("emulator", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:0", "listen address (port 0 picks a free port)")
	region := fs.String("region", "us-east-1", "region used in ARNs")
	delay := fs.Duration("update-delay", 3*time.Second, "how long an EKS update stays InProgress")
	urlFile := fs.String("url-file", "", "write the endpoint URL to this file once listening")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	emu := emulator.New(emulator.Options{Region: *region, UpdateDelay: *delay})
	url, err := emu.Start(*addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "emulator:", err)
		return 1
	}
	fmt.Println(url)
	if *urlFile != "" {
		if err := os.WriteFile(*urlFile, []byte(url+"\n"), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "emulator:", err)
			return 1
		}
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	_ = emu.Close()
	return 0
}
