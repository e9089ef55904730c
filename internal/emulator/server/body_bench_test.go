package server_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/ecr"
	ecrschemas "github.com/aws/aws-sdk-go-v2/service/ecr/schemas"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// BenchmarkOversizedBody serves one 512 MiB request body (above the 8 MiB
// cap) per iteration; B/op is what the server holds for it. Before the cap
// a body this size peaked at 1.2-1.5 GB of RSS.
//
//	go test -run ^$ -bench OversizedBody -benchmem ./internal/emulator/server
func BenchmarkOversizedBody(b *testing.B) {
	srv := &server.Server{Faults: server.NewFaults(), Calls: server.NewCallLog(), Services: []*server.Service{{
		Name:     "ecr",
		Protocol: server.AWSJSON{TargetPrefix: "AmazonEC2ContainerRegistry_V20150921.", ContentType: "application/x-amz-json-1.1"},
		Operations: []server.Operation{server.Op(ecrschemas.DescribePullThroughCacheRules,
			func(*ecr.DescribePullThroughCacheRulesInput) (*ecr.DescribePullThroughCacheRulesOutput, *server.APIError) {
				return &ecr.DescribePullThroughCacheRulesOutput{}, nil
			})},
	}}}
	const size = 512 << 20
	// A declared length is refused before the body is read; a chunked
	// body is read up to the cap (and the buffer's growth) first.
	for name, length := range map[string]int64{"content-length": size, "chunked": -1} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/", io.LimitReader(zeros{}, size))
				req.ContentLength = length
				req.Header.Set("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921.DescribePullThroughCacheRules")
				w := httptest.NewRecorder()
				srv.Serve(w, req)
				if w.Code != http.StatusRequestEntityTooLarge {
					b.Fatalf("status %d", w.Code)
				}
			}
		})
	}
}
