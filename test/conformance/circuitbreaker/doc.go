// Package circuitbreaker checks the DestinationRule renderer against the
// pinned Istio v1.32.0 CRD and Istio's own protobuf types (decoded with
// the decoder Istio uses, made strict), and keeps the renderer's copy of
// the trafficPolicy schema equal to the CRD's.
package circuitbreaker
