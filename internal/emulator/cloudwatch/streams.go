package cloudwatch

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// metricStream is one CloudWatch metric stream.
type metricStream struct {
	Name, ARN, FirehoseARN, RoleARN, State string
	OutputFormat                           types.MetricStreamOutputFormat
	IncludeFilters, ExcludeFilters         []types.MetricStreamFilter
	Statistics                             []types.MetricStreamStatisticsConfiguration
	IncludeLinkedAccounts                  bool
	CreatedAt, UpdatedAt                   time.Time
	Tags                                   map[string]string
}

// Limits and patterns of the PutMetricStream API reference.
const (
	maxFilterNames     = 1000
	maxStatConfigs     = 100
	maxStatMetrics     = 100
	maxStatStatistics  = 20
	maxTags            = 50
	maxListStreams     = 500
	defaultListStreams = 100
)

var (
	streamNamePattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,255}$`)
	arnPattern        = regexp.MustCompile(`^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{12}:.+$`)
	percentile        = regexp.MustCompile(`^p(100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?)$`)
	otherStatistic    = regexp.MustCompile(`^(Average|IQM|(tm|wm|tc|ts)[0-9]{1,2}(\.[0-9]+)?|(TM|WM|TC|TS|PR)\([^()]*:[^()]*\))$`)
)

var outputFormats = map[types.MetricStreamOutputFormat]bool{"json": true, "opentelemetry0.7": true, "opentelemetry1.0": true}

func streamARN(region, account, name string) string {
	return fmt.Sprintf("arn:aws:cloudwatch:%s:%s:metric-stream/%s", region, account, name)
}

func (s *Service) putMetricStream(in *sdk.PutMetricStreamInput) (*sdk.PutMetricStreamOutput, *server.APIError) {
	ms, aerr := parseMetricStream(in)
	if aerr != nil {
		return nil, aerr
	}
	tags, aerr := parseTags(in.Tags)
	if aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.env.Now()
	if cur, ok := s.streams[ms.Name]; ok {
		// An existing stream keeps its state, creation date and tags.
		ms.ARN, ms.State, ms.CreatedAt, ms.Tags = cur.ARN, cur.State, cur.CreatedAt, cur.Tags
	} else {
		ms.ARN = streamARN(s.env.Region, s.env.AccountID, ms.Name)
		ms.State, ms.CreatedAt, ms.Tags = "running", now, tags
	}
	ms.UpdatedAt = now
	s.streams[ms.Name] = ms
	return &sdk.PutMetricStreamOutput{Arn: aws.String(ms.ARN)}, nil
}

// parseMetricStream validates a PutMetricStream request.
func parseMetricStream(in *sdk.PutMetricStreamInput) (*metricStream, *server.APIError) {
	ms := &metricStream{
		Name: aws.ToString(in.Name), FirehoseARN: aws.ToString(in.FirehoseArn), RoleARN: aws.ToString(in.RoleArn),
		OutputFormat: in.OutputFormat, IncludeLinkedAccounts: aws.ToBool(in.IncludeLinkedAccountsMetrics),
	}
	for _, m := range []struct{ member, value string }{
		{"Name", ms.Name}, {"FirehoseArn", ms.FirehoseARN}, {"RoleArn", ms.RoleARN}, {"OutputFormat", string(ms.OutputFormat)},
	} {
		if m.value == "" {
			return nil, errMissing(m.member)
		}
	}
	if !streamNamePattern.MatchString(ms.Name) {
		return nil, errInvalidValue(fmt.Sprintf("The value %s for parameter Name is not valid: 1-255 characters of A-Z, a-z, 0-9, - and _.", ms.Name))
	}
	if !arnPattern.MatchString(ms.FirehoseARN) || !strings.Contains(ms.FirehoseARN, ":firehose:") {
		return nil, errInvalidValue("The value " + ms.FirehoseARN + " for parameter FirehoseArn is not a Firehose delivery stream ARN.")
	}
	if !arnPattern.MatchString(ms.RoleARN) || !strings.Contains(ms.RoleARN, ":iam::") {
		return nil, errInvalidValue("The value " + ms.RoleARN + " for parameter RoleArn is not an IAM role ARN.")
	}
	if !outputFormats[ms.OutputFormat] {
		return nil, errInvalidValue("The value " + string(ms.OutputFormat) + " for parameter OutputFormat is not valid: json, opentelemetry0.7 or opentelemetry1.0.")
	}
	var aerr *server.APIError
	if ms.IncludeFilters, aerr = checkFilters("IncludeFilters", in.IncludeFilters); aerr != nil {
		return nil, aerr
	}
	if ms.ExcludeFilters, aerr = checkFilters("ExcludeFilters", in.ExcludeFilters); aerr != nil {
		return nil, aerr
	}
	if len(ms.IncludeFilters) > 0 && len(ms.ExcludeFilters) > 0 {
		return nil, errCombination("You cannot specify both IncludeFilters and ExcludeFilters in the same operation.")
	}
	if aerr = checkStatistics(in.StatisticsConfigurations, ms.OutputFormat); aerr != nil {
		return nil, aerr
	}
	ms.Statistics = in.StatisticsConfigurations
	return ms, nil
}

func checkFilters(member string, in []types.MetricStreamFilter) ([]types.MetricStreamFilter, *server.APIError) {
	out := []types.MetricStreamFilter{}
	names := 0
	for i, f := range in {
		ns := aws.ToString(f.Namespace)
		if len(ns) < 1 || len(ns) > 255 {
			return nil, errInvalidValue(fmt.Sprintf("%s.member.%d.Namespace must be 1-255 characters.", member, i+1))
		}
		for _, m := range f.MetricNames {
			if len(m) < 1 || len(m) > 255 {
				return nil, errInvalidValue(fmt.Sprintf("%s.member.%d.MetricNames contains a name that is not 1-255 characters.", member, i+1))
			}
		}
		names += 1 + len(f.MetricNames)
		out = append(out, types.MetricStreamFilter{Namespace: aws.String(ns), MetricNames: f.MetricNames})
	}
	if names > maxFilterNames {
		return nil, errInvalidValue(fmt.Sprintf("%s may name at most %d namespaces and metric names in total, got %d.", member, maxFilterNames, names))
	}
	return out, nil
}

func checkStatistics(in []types.MetricStreamStatisticsConfiguration, format types.MetricStreamOutputFormat) *server.APIError {
	if len(in) > maxStatConfigs {
		return errInvalidValue(fmt.Sprintf("StatisticsConfigurations has %d members; at most %d are allowed.", len(in), maxStatConfigs))
	}
	otel := strings.HasPrefix(string(format), "opentelemetry")
	for i, c := range in {
		if len(c.IncludeMetrics) < 1 || len(c.IncludeMetrics) > maxStatMetrics {
			return errInvalidValue(fmt.Sprintf("StatisticsConfigurations.member.%d.IncludeMetrics must have 1-%d members.", i+1, maxStatMetrics))
		}
		for _, m := range c.IncludeMetrics {
			if aws.ToString(m.Namespace) == "" || aws.ToString(m.MetricName) == "" {
				return errMissing(fmt.Sprintf("StatisticsConfigurations.member.%d.IncludeMetrics Namespace and MetricName", i+1))
			}
		}
		if len(c.AdditionalStatistics) < 1 || len(c.AdditionalStatistics) > maxStatStatistics {
			return errInvalidValue(fmt.Sprintf("StatisticsConfigurations.member.%d.AdditionalStatistics must have 1-%d members.", i+1, maxStatStatistics))
		}
		for _, st := range c.AdditionalStatistics {
			switch {
			case percentile.MatchString(st):
			case otel:
				return errInvalidValue(fmt.Sprintf("The statistic %s is not valid for output format %s: only percentiles (p99, p99.9) are.", st, format))
			case !otherStatistic.MatchString(st):
				return errInvalidValue(fmt.Sprintf("The statistic %s is not a valid additional statistic.", st))
			}
		}
	}
	return nil
}

func (s *Service) getMetricStream(in *sdk.GetMetricStreamInput) (*sdk.GetMetricStreamOutput, *server.APIError) {
	name := aws.ToString(in.Name)
	if name == "" {
		return nil, errMissing("Name")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ms, ok := s.streams[name]
	if !ok {
		return nil, errStreamNotFound("(" + name + ")")
	}
	return &sdk.GetMetricStreamOutput{
		Arn: aws.String(ms.ARN), Name: aws.String(ms.Name), FirehoseArn: aws.String(ms.FirehoseARN),
		RoleArn: aws.String(ms.RoleARN), State: aws.String(ms.State), OutputFormat: ms.OutputFormat,
		CreationDate: aws.Time(ms.CreatedAt), LastUpdateDate: aws.Time(ms.UpdatedAt),
		IncludeLinkedAccountsMetrics: aws.Bool(ms.IncludeLinkedAccounts),
		IncludeFilters:               ms.IncludeFilters, ExcludeFilters: ms.ExcludeFilters,
		StatisticsConfigurations: ms.Statistics,
	}, nil
}

func (s *Service) listMetricStreams(in *sdk.ListMetricStreamsInput) (*sdk.ListMetricStreamsOutput, *server.APIError) {
	limit := defaultListStreams
	if in.MaxResults != nil {
		if *in.MaxResults < 1 || *in.MaxResults > maxListStreams {
			return nil, errInvalidValue(fmt.Sprintf("MaxResults must be between 1 and %d.", maxListStreams))
		}
		limit = int(*in.MaxResults)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	page, next, ok := server.Page(server.SortedKeys(s.streams), limit, in.NextToken)
	if !ok {
		return nil, server.NewAPIError(400, "InvalidNextToken", "The service returned an error: the next token is not valid.")
	}
	out := &sdk.ListMetricStreamsOutput{Entries: []types.MetricStreamEntry{}, NextToken: next}
	for _, n := range page {
		ms := s.streams[n]
		out.Entries = append(out.Entries, types.MetricStreamEntry{
			Arn: aws.String(ms.ARN), Name: aws.String(ms.Name), FirehoseArn: aws.String(ms.FirehoseARN),
			State: aws.String(ms.State), OutputFormat: ms.OutputFormat,
			CreationDate: aws.Time(ms.CreatedAt), LastUpdateDate: aws.Time(ms.UpdatedAt),
		})
	}
	return out, nil
}

// deleteMetricStream succeeds for a missing stream: the API lists no
// not-found error for it.
func (s *Service) deleteMetricStream(in *sdk.DeleteMetricStreamInput) (*sdk.DeleteMetricStreamOutput, *server.APIError) {
	name := aws.ToString(in.Name)
	if name == "" {
		return nil, errMissing("Name")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.streams, name)
	return &sdk.DeleteMetricStreamOutput{}, nil
}

func (s *Service) startMetricStreams(in *sdk.StartMetricStreamsInput) (*sdk.StartMetricStreamsOutput, *server.APIError) {
	return &sdk.StartMetricStreamsOutput{}, s.setStreamsState(in.Names, "running")
}

func (s *Service) stopMetricStreams(in *sdk.StopMetricStreamsInput) (*sdk.StopMetricStreamsOutput, *server.APIError) {
	return &sdk.StopMetricStreamsOutput{}, s.setStreamsState(in.Names, "stopped")
}

// setStreamsState starts or stops streams; like the API, unknown names are
// not an error.
func (s *Service) setStreamsState(names []string, state string) *server.APIError {
	if len(names) == 0 {
		return errMissing("Names")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range names {
		if !streamNamePattern.MatchString(n) {
			return errInvalidValue("The value " + n + " for parameter Names is not a valid metric stream name.")
		}
	}
	for _, n := range names {
		if ms, ok := s.streams[n]; ok {
			ms.State = state
		}
	}
	return nil
}
