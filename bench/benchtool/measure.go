package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// measureResult is what `benchtool run` prints as one JSON line.
type measureResult struct {
	WallMS float64 `json:"wall_ms"`
	// TreePeakMB is the largest sum of RSS over the process tree seen by
	// the sampler (a lower bound of the true peak).
	TreePeakMB float64 `json:"tree_peak_mb"`
	// PeakMB is each program's own peak RSS (VmHWM, last sample before it
	// exited), by executable base name; several processes of one program
	// report the largest.
	PeakMB map[string]float64 `json:"peak_mb"`
	// CPUSeconds is user+system CPU time by executable base name, summed
	// over its processes (each as last sampled before it exited).
	CPUSeconds map[string]float64 `json:"cpu_s"`
	// CPUTotalSeconds is user+system CPU time of the command and every
	// descendant it waited for (the rusage wait4 reports): exact, where
	// the sampled CPUSeconds miss up to one interval of each process's
	// last moments, and all of a process shorter than an interval.
	CPUTotalSeconds float64 `json:"cpu_total_s"`
	Exit            int     `json:"exit"`
}

// runMeasure runs a command, samples its process tree every -every, and
// prints wall time and memory as JSON. The command's output goes to -log.
func runMeasure(args []string) error {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	every := fs.Duration("every", 10*time.Millisecond, "sampling interval")
	logPath := fs.String("log", os.DevNull, "file for the command's stdout and stderr")
	_ = fs.Parse(args)
	if fs.NArg() == 0 {
		return fmt.Errorf("run: no command")
	}
	logf, err := os.Create(*logPath)
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.Command(fs.Arg(0), fs.Args()[1:]...)
	cmd.Stdout, cmd.Stderr = logf, logf
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	res := measureResult{PeakMB: map[string]float64{}, CPUSeconds: map[string]float64{}}
	cpuByPid := map[int]float64{}
	nameByPid := map[int]string{}
	tick := time.NewTicker(*every)
	defer tick.Stop()
	var werr error
loop:
	for {
		select {
		case werr = <-done:
			break loop
		case <-tick.C:
			var sum int64
			for _, pid := range descendants(cmd.Process.Pid) {
				sum += statusKB(pid, "VmRSS")
				name := exeName(pid)
				if hwm := float64(statusKB(pid, "VmHWM")) / 1024; name != "" && hwm > res.PeakMB[name] {
					res.PeakMB[name] = hwm
				}
				if name != "" {
					if c := cpuSeconds(pid); c > 0 {
						cpuByPid[pid], nameByPid[pid] = c, name
					}
				}
			}
			res.TreePeakMB = max(res.TreePeakMB, float64(sum)/1024)
		}
	}
	res.WallMS = float64(time.Since(start)) / 1e6
	for pid, c := range cpuByPid {
		res.CPUSeconds[nameByPid[pid]] += c
	}
	if ps := cmd.ProcessState; ps != nil {
		res.Exit = ps.ExitCode()
		res.CPUTotalSeconds = (ps.UserTime() + ps.SystemTime()).Seconds()
	} else if werr != nil {
		res.Exit = -1
	}
	return json.NewEncoder(os.Stdout).Encode(res)
}

// descendants returns root and every process below it.
func descendants(root int) []int {
	entries, _ := os.ReadDir("/proc")
	parent := map[int]int{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// "pid (comm) state ppid ...": comm may hold spaces, so cut at the last ')'.
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) > 1 {
			parent[pid], _ = strconv.Atoi(f[1])
		}
	}
	out := []int{root}
	for i := 0; i < len(out); i++ {
		for pid, pp := range parent {
			if pp == out[i] {
				out = append(out, pid)
			}
		}
	}
	return out
}

// exeName is the base name of argv[0], shortened for providers to the
// part after "terraform-provider-".
func exeName(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil || len(b) == 0 {
		return ""
	}
	name := filepath.Base(strings.SplitN(string(b), "\x00", 2)[0])
	if p, ok := strings.CutPrefix(name, "terraform-provider-"); ok {
		name = "provider-" + strings.SplitN(p, "_", 2)[0]
	}
	return name
}

// cpuSeconds is utime+stime of a process from /proc/<pid>/stat.
func cpuSeconds(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	// After "(comm)": state is f[0], so utime (field 14) is f[11], stime f[12].
	ut, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return (ut + st) / 100 // USER_HZ is 100 on Linux
}
