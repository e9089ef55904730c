// Package kueue checks the Kueue renderer's objects against the pinned
// Kueue v0.17.0 CRDs and against Kueue's own webhook validation, run in
// process. It is a package of its own because Kueue registers feature
// gates that collide with k8s.io/kubernetes', which the root package links.
package kueue
