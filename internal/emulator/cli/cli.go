// Package cli runs the emulator as a process for the demo and for people:
// it prints the endpoint URL and serves until interrupted.
package cli

import (
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// EnvControlToken passes the control token without putting it on the
// command line (where other users of the machine can read it).
const EnvControlToken = "SCALING_EMULATOR_CONTROL_TOKEN"

// Run parses args, starts the emulator and blocks until SIGINT/SIGTERM.
func Run(args []string) int {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	stop := make(chan struct{})
	go func() { <-sig; close(stop) }()
	return run(args, os.Stdout, os.Stderr, stop, nil)
}

// run is Run with its outputs and its stop signal given; started, when not
// nil, receives the running emulator.
func run(args []string, stdout, stderr io.Writer, stop <-chan struct{}, started func(*emulator.Emulator)) int {
	fs := flag.NewFlagSet("emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:0", "listen address (port 0 picks a free port). Anything but a loopback address exposes the emulator to the network: the control routes then need a token")
	region := fs.String("region", "us-east-1", "region used in ARNs")
	delay := fs.Duration("update-delay", 3*time.Second, "how long an EKS update stays InProgress (0s: updates finish at once)")
	lag := fs.Duration("status-lag", 0, "how long a cluster keeps reporting ACTIVE after an update starts (EKS's eventual consistency)")
	maxBody := fs.Int64("max-body-bytes", server.DefaultMaxBodyBytes, "largest request body accepted; larger ones get 413")
	token := fs.String("control-token", "", "require \"Authorization: Bearer <token>\" on the /_emulator/ control routes (also $"+EnvControlToken+"); generated when --addr is not loopback and none is given")
	urlFile := fs.String("url-file", "", "write the endpoint URL to this file once listening")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch {
	case *delay < 0 || *lag < 0:
		fmt.Fprintln(stderr, "emulator: --update-delay and --status-lag must be 0 or more")
		return 2
	case *maxBody < 1:
		fmt.Fprintln(stderr, "emulator: --max-body-bytes must be at least 1")
		return 2
	}
	if *token == "" {
		*token = os.Getenv(EnvControlToken)
	}
	if !isLoopback(*addr) {
		fmt.Fprintf(stderr, "emulator: WARNING: %s is not a loopback address. The emulator does not check AWS signatures, and anyone who can reach it can change its state.\n", *addr)
		if *token == "" {
			*token = newToken()
			fmt.Fprintf(stderr, "emulator: the control routes (/_emulator/) need \"Authorization: Bearer %s\" (set your own with --control-token or $%s)\n", *token, EnvControlToken)
		}
	}
	emu := emulator.New(emulator.Options{Region: *region, MaxBodyBytes: *maxBody, ControlToken: *token})
	// Set after New: Options.UpdateDelay treats zero as "the default".
	emu.EKS().SetUpdateDelay("", *delay)
	emu.EKS().SetStatusLag("", *lag)
	url, err := emu.Start(*addr)
	if err != nil {
		fmt.Fprintln(stderr, "emulator:", err)
		return 1
	}
	defer func() { _ = emu.Close() }()
	fmt.Fprintln(stdout, url)
	if *urlFile != "" {
		if err := os.WriteFile(*urlFile, []byte(url+"\n"), 0o644); err != nil {
			fmt.Fprintln(stderr, "emulator:", err)
			return 1
		}
	}
	if started != nil {
		started(emu)
	}
	<-stop
	return 0
}

// isLoopback reports whether addr only listens on a loopback interface.
// An empty host, 0.0.0.0 or :: listen on every interface.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func newToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
