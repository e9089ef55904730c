package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwschemas "github.com/aws/aws-sdk-go-v2/service/cloudwatch/schemas"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	ecrschemas "github.com/aws/aws-sdk-go-v2/service/ecr/schemas"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	eksschemas "github.com/aws/aws-sdk-go-v2/service/eks/schemas"
	smithy "github.com/aws/smithy-go"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// These tests prove the codecs against the real SDK clients, member by
// member: every field of an input, filled by reflection, must come out of
// the server's decoder as the client sent it, and every field of an output
// must reach the client as the server encoded it. A member whose wire name,
// binding (URI, query) or timestamp format the codecs got wrong fails here.

// fill sets every exported field of v to a value derived from its path.
// Unions and documents (interfaces) are left nil: no emulated operation
// uses one.
func fill(v reflect.Value, path string, depth int) {
	switch v.Kind() {
	case reflect.Pointer:
		if depth > 8 {
			return
		}
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), path, depth+1)
		v.Set(p)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.UnixMilli(1_790_000_000_000 + int64(len(path))*1001).UTC()))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.IsExported() && f.Name != "ResultMetadata" {
				fill(v.Field(i), path+"."+f.Name, depth+1)
			}
		}
	case reflect.String:
		v.SetString("v" + fmt.Sprint(len(path)) + "-" + path[len(path)/2:])
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(len(path)%97 + 1))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(len(path)) + 0.5)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte(path))
			return
		}
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			fill(s.Index(i), fmt.Sprintf("%s[%d]", path, i), depth+1)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for i := 0; i < 2; i++ {
			k := reflect.New(v.Type().Key()).Elem()
			k.SetString(fmt.Sprintf("k%d", i))
			e := reflect.New(v.Type().Elem()).Elem()
			fill(e, fmt.Sprintf("%s[k%d]", path, i), depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	}
}

// normalize puts times in UTC and drops result metadata, so that
// reflect.DeepEqual compares only what travelled on the wire.
func normalize(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			normalize(v.Elem())
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(v.Interface().(time.Time).UTC()))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			switch {
			case f.Name == "ResultMetadata":
				v.Field(i).Set(reflect.Zero(f.Type))
			case f.IsExported():
				normalize(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			normalize(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			normalize(e)
			v.SetMapIndex(k, e)
		}
	}
}

func filled[T any]() *T {
	v := new(T)
	fill(reflect.ValueOf(v).Elem(), reflect.TypeOf(v).Elem().Name(), 0)
	return v
}

// roundTrip serves one operation that records its input and answers a
// filled output, calls it through the SDK, and compares both ways.
func roundTrip[In, Out any](t *testing.T, protocol server.Protocol, op *smithy.Schema, call func(context.Context, string, *In) (*Out, error), adjust func(*In)) {
	t.Helper()
	in, want := filled[In](), filled[Out]()
	if adjust != nil {
		adjust(in)
	}
	var got *In
	srv := &server.Server{Faults: server.NewFaults(), Calls: server.NewCallLog(), Services: []*server.Service{{
		Name: "svc", Protocol: protocol,
		Operations: []server.Operation{server.Op(op, func(in *In) (*Out, *server.APIError) { got = in; return want, nil })},
	}}}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !srv.Serve(w, r) {
			http.Error(w, "no operation for "+r.Method+" "+r.URL.String(), http.StatusNotFound)
		}
	}))
	defer ts.Close()
	out, err := call(context.Background(), ts.URL, in)
	if err != nil {
		t.Fatalf("%s: %v", op.ID().Name, err)
	}
	for _, v := range []any{in, got, want, out} {
		normalize(reflect.ValueOf(v))
	}
	if !reflect.DeepEqual(got, in) {
		t.Errorf("%s input decoded differently:\n got  %+v\n sent %+v", op.ID().Name, got, in)
	}
	if !reflect.DeepEqual(out, want) {
		t.Errorf("%s output decoded differently by the SDK:\n got  %+v\n sent %+v", op.ID().Name, out, want)
	}
}

var creds = credentials.NewStaticCredentialsProvider("test", "test", "")

func eksCall[In, Out any](f func(*eks.Client, context.Context, *In, ...func(*eks.Options)) (*Out, error)) func(context.Context, string, *In) (*Out, error) {
	return func(ctx context.Context, url string, in *In) (*Out, error) {
		c := eks.New(eks.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds, RetryMaxAttempts: 1})
		return f(c, ctx, in)
	}
}

func ecrCall[In, Out any](f func(*ecr.Client, context.Context, *In, ...func(*ecr.Options)) (*Out, error)) func(context.Context, string, *In) (*Out, error) {
	return func(ctx context.Context, url string, in *In) (*Out, error) {
		c := ecr.New(ecr.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds, RetryMaxAttempts: 1})
		return f(c, ctx, in)
	}
}

func cloudWatchCall[In, Out any](f func(*cloudwatch.Client, context.Context, *In, ...func(*cloudwatch.Options)) (*Out, error)) func(context.Context, string, *In) (*Out, error) {
	return func(ctx context.Context, url string, in *In) (*Out, error) {
		c := cloudwatch.New(cloudwatch.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds, RetryMaxAttempts: 1})
		return f(c, ctx, in)
	}
}

func TestRestJSON1RoundTripsEveryMemberOfTheEKSOperations(t *testing.T) {
	p := server.RestJSON1{}
	// Interface members (unions) are not filled; the rest is.
	roundTrip(t, p, eksschemas.CreateCluster, eksCall((*eks.Client).CreateCluster), nil)
	roundTrip(t, p, eksschemas.DescribeCluster, eksCall((*eks.Client).DescribeCluster), nil)
	roundTrip(t, p, eksschemas.ListClusters, eksCall((*eks.Client).ListClusters), nil)
	roundTrip(t, p, eksschemas.DeleteCluster, eksCall((*eks.Client).DeleteCluster), nil)
	roundTrip(t, p, eksschemas.UpdateClusterConfig, eksCall((*eks.Client).UpdateClusterConfig), nil)
	roundTrip(t, p, eksschemas.DescribeUpdate, eksCall((*eks.Client).DescribeUpdate), nil)
	roundTrip(t, p, eksschemas.ListUpdates, eksCall((*eks.Client).ListUpdates), nil)
	roundTrip(t, p, eksschemas.DescribeClusterVersions, eksCall((*eks.Client).DescribeClusterVersions), nil)
}

func TestAWSJSONRoundTripsEveryMemberOfTheECROperations(t *testing.T) {
	p := server.AWSJSON{TargetPrefix: "AmazonEC2ContainerRegistry_V20150921.", ContentType: "application/x-amz-json-1.1"}
	roundTrip(t, p, ecrschemas.CreatePullThroughCacheRule, ecrCall((*ecr.Client).CreatePullThroughCacheRule), nil)
	roundTrip(t, p, ecrschemas.DescribePullThroughCacheRules, ecrCall((*ecr.Client).DescribePullThroughCacheRules), nil)
	roundTrip(t, p, ecrschemas.UpdatePullThroughCacheRule, ecrCall((*ecr.Client).UpdatePullThroughCacheRule), nil)
	roundTrip(t, p, ecrschemas.DeletePullThroughCacheRule, ecrCall((*ecr.Client).DeletePullThroughCacheRule), nil)
	roundTrip(t, p, ecrschemas.ValidatePullThroughCacheRule, ecrCall((*ecr.Client).ValidatePullThroughCacheRule), nil)
	roundTrip(t, p, ecrschemas.CreateRepositoryCreationTemplate, ecrCall((*ecr.Client).CreateRepositoryCreationTemplate), nil)
	roundTrip(t, p, ecrschemas.DescribeRepositoryCreationTemplates, ecrCall((*ecr.Client).DescribeRepositoryCreationTemplates), nil)
	roundTrip(t, p, ecrschemas.UpdateRepositoryCreationTemplate, ecrCall((*ecr.Client).UpdateRepositoryCreationTemplate), nil)
	roundTrip(t, p, ecrschemas.DeleteRepositoryCreationTemplate, ecrCall((*ecr.Client).DeleteRepositoryCreationTemplate), nil)
}

func TestRPCv2CBORRoundTripsEveryMemberOfTheCloudWatchOperations(t *testing.T) {
	p := server.RPCv2CBOR{ServiceName: "GraniteServiceVersion20100801", Namespace: "com.amazonaws.cloudwatch#"}
	roundTrip(t, p, cwschemas.PutMetricStream, cloudWatchCall((*cloudwatch.Client).PutMetricStream), nil)
	roundTrip(t, p, cwschemas.GetMetricStream, cloudWatchCall((*cloudwatch.Client).GetMetricStream), nil)
	roundTrip(t, p, cwschemas.ListMetricStreams, cloudWatchCall((*cloudwatch.Client).ListMetricStreams), nil)
	roundTrip(t, p, cwschemas.TagResource, cloudWatchCall((*cloudwatch.Client).TagResource), nil)
	roundTrip(t, p, cwschemas.UntagResource, cloudWatchCall((*cloudwatch.Client).UntagResource), nil)
	roundTrip(t, p, cwschemas.ListTagsForResource, cloudWatchCall((*cloudwatch.Client).ListTagsForResource), nil)
	roundTrip(t, p, cwschemas.StartMetricStreams, cloudWatchCall((*cloudwatch.Client).StartMetricStreams), nil)
}
