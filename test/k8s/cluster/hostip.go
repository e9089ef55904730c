package cluster

import (
	"fmt"
	"net"
)

// HostIP returns an IPv4 address of a non-loopback interface of this
// machine. The API server refuses loopback addresses in EndpointSlices, so a
// test that serves an aggregated API (reached through
// --enable-aggregator-routing) listens on this address instead.
func HostIP() (net.IP, error) {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	for _, iface := range ifaces {
		if iface.Flags&net.FlagUp == 0 || iface.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := iface.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			ipnet, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			if ip := ipnet.IP.To4(); ip != nil && !ip.IsLoopback() && !ip.IsLinkLocalUnicast() {
				return ip, nil
			}
		}
	}
	return nil, fmt.Errorf("no non-loopback IPv4 interface on this machine")
}
