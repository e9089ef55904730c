package conns

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// skip_metadata_api_check: with it the provider never asks the EC2
// instance metadata service (for credentials or anything else); without
// it, the SDK's credential chain ends there as usual.
func TestSkipMetadataAPICheckKeepsTheSDKAwayFromIMDS(t *testing.T) {
	for _, skip := range []bool{false, true} {
		isolate(t)
		var hits atomic.Int32
		imds := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			hits.Add(1)
			http.NotFound(w, nil)
		}))
		t.Cleanup(imds.Close)
		t.Setenv("AWS_EC2_METADATA_DISABLED", "")
		t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.URL)
		client := mustClient(t, Config{Region: "us-east-1", SkipCredentialsValidation: true, SkipMetadataAPICheck: skip})
		_, _ = client.EKS.Options().Credentials.Retrieve(context.Background())
		switch {
		case skip && hits.Load() != 0:
			t.Errorf("skip_metadata_api_check = true: the metadata service was asked %d times", hits.Load())
		case !skip && hits.Load() == 0:
			t.Error("skip_metadata_api_check = false: the credential chain never reached the metadata service (the test proves nothing)")
		}
	}
}
