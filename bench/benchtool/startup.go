package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// The go-plugin handshake Terraform performs with every provider: the
// magic cookie in the environment, the protocol versions it speaks, and the
// provider's answer on stdout, "core|app|network|address|grpc[|cert]".
const magicCookie = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"

// schemaMethod is the full gRPC method name per plugin protocol version.
var schemaMethod = map[string]string{
	"5": "/tfplugin5.Provider/GetSchema",
	"6": "/tfplugin6.Provider/GetProviderSchema",
}

type startupSample struct {
	handshake time.Duration // process start to handshake line on stdout
	schema    time.Duration // process start to GetProviderSchema answered
	bytes     int           // encoded schema response size
	peakRSSKB int64         // VmHWM of the provider process after serving the schema
}

// startupOnce starts bin as Terraform would, reads the handshake, dials the
// announced socket and asks for the schema. The response is kept as raw
// protobuf bytes: only its size matters here, and no generated stubs are
// needed for that.
func startupOnce(bin string) (startupSample, error) {
	var s startupSample
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(),
		"TF_PLUGIN_MAGIC_COOKIE="+magicCookie,
		"PLUGIN_PROTOCOL_VERSIONS=5,6",
	)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return s, err
	}
	cmd.Stderr = io.Discard
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return s, err
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		return s, fmt.Errorf("%s: no handshake: %w", bin, err)
	}
	s.handshake = time.Since(start)
	parts := strings.Split(strings.TrimSpace(line), "|")
	if len(parts) < 5 || parts[4] != "grpc" {
		return s, fmt.Errorf("%s: unexpected handshake %q", bin, line)
	}
	method, ok := schemaMethod[parts[1]]
	if !ok {
		return s, fmt.Errorf("%s: unsupported protocol %q", bin, parts[1])
	}
	target := parts[3]
	if parts[2] == "unix" {
		target = "unix://" + target
	}
	conn, err := grpc.NewClient(target,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(256<<20), grpc.ForceCodec(rawCodec{})))
	if err != nil {
		return s, err
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var resp []byte
	if err := conn.Invoke(ctx, method, []byte{}, &resp); err != nil {
		return s, fmt.Errorf("%s: %s: %w", bin, method, err)
	}
	s.schema = time.Since(start)
	s.bytes = len(resp)
	s.peakRSSKB = statusKB(cmd.Process.Pid, "VmHWM")
	return s, nil
}

// rawCodec passes protobuf bytes through untouched; an empty request
// message encodes to zero bytes.
type rawCodec struct{}

func (rawCodec) Marshal(v any) ([]byte, error) { return v.([]byte), nil }
func (rawCodec) Unmarshal(data []byte, v any) error {
	*(v.(*[]byte)) = append([]byte(nil), data...)
	return nil
}
func (rawCodec) Name() string { return "proto" }

// runStartup measures each NAME=BINARY n times, interleaved so that both
// see the same machine load, and prints one table plus the ratios against
// the first binary.
func runStartup(args []string) error {
	fs := flag.NewFlagSet("startup", flag.ExitOnError)
	n := fs.Int("n", 10, "runs per binary")
	_ = fs.Parse(args)
	type entry struct {
		name, bin string
		samples   []startupSample
	}
	var entries []*entry
	for _, a := range fs.Args() {
		name, bin, ok := strings.Cut(a, "=")
		if !ok {
			return fmt.Errorf("want NAME=BINARY, got %q", a)
		}
		entries = append(entries, &entry{name: name, bin: bin})
	}
	// One warm-up each: the first exec of a fresh binary pays for the page cache.
	for _, e := range entries {
		if _, err := startupOnce(e.bin); err != nil {
			return err
		}
	}
	for i := 0; i < *n; i++ {
		for _, e := range entries {
			s, err := startupOnce(e.bin)
			if err != nil {
				return err
			}
			e.samples = append(e.samples, s)
		}
	}
	fmt.Printf("Provider start-up: process start -> handshake -> GetProviderSchema answered (%d runs each, interleaved, after 1 warm-up)\n\n", *n)
	fmt.Println("| provider | binary MB | handshake median | schema served median (min..max) | schema bytes | peak RSS median MB |")
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	medians := make([]time.Duration, len(entries))
	rss := make([]float64, len(entries))
	for i, e := range entries {
		var hs, ss []time.Duration
		var rs []float64
		for _, s := range e.samples {
			hs = append(hs, s.handshake)
			ss = append(ss, s.schema)
			rs = append(rs, float64(s.peakRSSKB)/1024)
		}
		medians[i] = medianDur(ss)
		rss[i] = medianF(rs)
		fi, _ := os.Stat(e.bin)
		fmt.Printf("| %s | %.0f | %s | %s (%s..%s) | %d | %.1f |\n", e.name, float64(fi.Size())/1e6,
			ms(medianDur(hs)), ms(medians[i]), ms(minDur(ss)), ms(maxDur(ss)), e.samples[0].bytes, rss[i])
	}
	for i := 1; i < len(entries); i++ {
		fmt.Printf("\nRatio %s / %s: start-up %.2fx, peak RSS %.2fx\n", entries[i].name, entries[0].name,
			float64(medians[i])/float64(medians[0]), rss[i]/rss[0])
	}
	return nil
}
