package cluster

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// Live clusters, stopped when the process is interrupted (children would die
// anyway through Pdeathsig; this also removes their directories).
var (
	liveMu   sync.Mutex
	live     = map[*Cluster]bool{}
	sigsOnce sync.Once
)

func register(c *Cluster) {
	sigsOnce.Do(func() {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		go func() {
			sig := <-ch
			StopAll()
			signal.Reset()
			if s, ok := sig.(syscall.Signal); ok {
				os.Exit(128 + int(s))
			}
			os.Exit(1)
		}()
	})
	liveMu.Lock()
	live[c] = true
	liveMu.Unlock()
}

func unregister(c *Cluster) {
	liveMu.Lock()
	delete(live, c)
	liveMu.Unlock()
}

// StopAll stops every cluster this process started.
func StopAll() {
	liveMu.Lock()
	var cs []*Cluster
	for c := range live {
		cs = append(cs, c)
	}
	liveMu.Unlock()
	for _, c := range cs {
		c.Stop()
	}
}
