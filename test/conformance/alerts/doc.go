// Package alerts checks the alert renderer against its sources: the metric
// catalog against the pinned components' code and docs, the rendered
// PrometheusRule against the prometheus-operator v0.95.2 CRD and
// Prometheus' own rule loader and PromQL parser.
package alerts
