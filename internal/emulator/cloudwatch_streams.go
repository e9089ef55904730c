package emulator

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// metricStream is one CloudWatch metric stream.
type metricStream struct {
	Name, ARN, FirehoseARN, RoleARN, OutputFormat, State string
	IncludeFilters, ExcludeFilters                       []streamFilter
	Statistics                                           []streamStatistics
	IncludeLinkedAccounts                                bool
	CreatedAt, UpdatedAt                                 time.Time
	Tags                                                 map[string]string
}

type streamFilter struct {
	Namespace   string
	MetricNames []string
}

type streamStatistics struct {
	IncludeMetrics       [][2]string // namespace, metric name
	AdditionalStatistics []string
}

// Limits and patterns of the PutMetricStream API reference.
const (
	cwMaxFilterNames     = 1000
	cwMaxStatConfigs     = 100
	cwMaxStatMetrics     = 100
	cwMaxStatStatistics  = 20
	cwMaxTags            = 50
	cwMaxListStreams     = 500
	cwDefaultListStreams = 100
)

var (
	cwStreamNamePattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,255}$`)
	cwARNPattern        = regexp.MustCompile(`^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{12}:.+$`)
	cwPercentile        = regexp.MustCompile(`^p(100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?)$`)
	cwOtherStatistic    = regexp.MustCompile(`^(Average|IQM|(tm|wm|tc|ts)[0-9]{1,2}(\.[0-9]+)?|(TM|WM|TC|TS|PR)\([^()]*:[^()]*\))$`)
)

var cwOutputFormats = map[string]bool{"json": true, "opentelemetry0.7": true, "opentelemetry1.0": true}

func cwStreamARN(region, account, name string) string {
	return fmt.Sprintf("arn:aws:cloudwatch:%s:%s:metric-stream/%s", region, account, name)
}

func (s *CloudWatchService) putMetricStream(in cborObject) (map[string]any, *APIError) {
	ms, aerr := parseMetricStream(in)
	if aerr != nil {
		return nil, aerr
	}
	tags, aerr := parseTags(in.objects("Tags"))
	if aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.emu.now()
	if cur, ok := s.streams[ms.Name]; ok {
		// An existing stream keeps its state, creation date and tags.
		ms.ARN, ms.State, ms.CreatedAt, ms.Tags = cur.ARN, cur.State, cur.CreatedAt, cur.Tags
	} else {
		ms.ARN = cwStreamARN(s.emu.opts.Region, s.emu.opts.AccountID, ms.Name)
		ms.State, ms.CreatedAt, ms.Tags = "running", now, tags
	}
	ms.UpdatedAt = now
	s.streams[ms.Name] = ms
	return map[string]any{"Arn": ms.ARN}, nil
}

// parseMetricStream reads and validates a PutMetricStream request.
func parseMetricStream(in cborObject) (*metricStream, *APIError) {
	ms := &metricStream{}
	for _, m := range []struct {
		key string
		dst *string
	}{{"Name", &ms.Name}, {"FirehoseArn", &ms.FirehoseARN}, {"RoleArn", &ms.RoleARN}, {"OutputFormat", &ms.OutputFormat}} {
		v, ok := in.str(m.key)
		if !ok || v == "" {
			return nil, errCWMissing(m.key)
		}
		*m.dst = v
	}
	if !cwStreamNamePattern.MatchString(ms.Name) {
		return nil, errCWInvalidValue(fmt.Sprintf("The value %s for parameter Name is not valid: 1-255 characters of A-Z, a-z, 0-9, - and _.", ms.Name))
	}
	if !cwARNPattern.MatchString(ms.FirehoseARN) || !strings.Contains(ms.FirehoseARN, ":firehose:") {
		return nil, errCWInvalidValue("The value " + ms.FirehoseARN + " for parameter FirehoseArn is not a Firehose delivery stream ARN.")
	}
	if !cwARNPattern.MatchString(ms.RoleARN) || !strings.Contains(ms.RoleARN, ":iam::") {
		return nil, errCWInvalidValue("The value " + ms.RoleARN + " for parameter RoleArn is not an IAM role ARN.")
	}
	if !cwOutputFormats[ms.OutputFormat] {
		return nil, errCWInvalidValue("The value " + ms.OutputFormat + " for parameter OutputFormat is not valid: json, opentelemetry0.7 or opentelemetry1.0.")
	}
	ms.IncludeLinkedAccounts, _ = in.boolean("IncludeLinkedAccountsMetrics")
	var aerr *APIError
	if ms.IncludeFilters, aerr = parseFilters("IncludeFilters", in.objects("IncludeFilters")); aerr != nil {
		return nil, aerr
	}
	if ms.ExcludeFilters, aerr = parseFilters("ExcludeFilters", in.objects("ExcludeFilters")); aerr != nil {
		return nil, aerr
	}
	if len(ms.IncludeFilters) > 0 && len(ms.ExcludeFilters) > 0 {
		return nil, errCWCombination("You cannot specify both IncludeFilters and ExcludeFilters in the same operation.")
	}
	if ms.Statistics, aerr = parseStatistics(in.objects("StatisticsConfigurations"), ms.OutputFormat); aerr != nil {
		return nil, aerr
	}
	return ms, nil
}

func parseFilters(member string, in []cborObject) ([]streamFilter, *APIError) {
	var out []streamFilter
	names := 0
	for i, f := range in {
		ns, _ := f.str("Namespace")
		if len(ns) < 1 || len(ns) > 255 {
			return nil, errCWInvalidValue(fmt.Sprintf("%s.member.%d.Namespace must be 1-255 characters.", member, i+1))
		}
		metrics := f.strings("MetricNames")
		for _, m := range metrics {
			if len(m) < 1 || len(m) > 255 {
				return nil, errCWInvalidValue(fmt.Sprintf("%s.member.%d.MetricNames contains a name that is not 1-255 characters.", member, i+1))
			}
		}
		names += 1 + len(metrics)
		out = append(out, streamFilter{Namespace: ns, MetricNames: metrics})
	}
	if names > cwMaxFilterNames {
		return nil, errCWInvalidValue(fmt.Sprintf("%s may name at most %d namespaces and metric names in total, got %d.", member, cwMaxFilterNames, names))
	}
	return out, nil
}

func parseStatistics(in []cborObject, format string) ([]streamStatistics, *APIError) {
	if len(in) > cwMaxStatConfigs {
		return nil, errCWInvalidValue(fmt.Sprintf("StatisticsConfigurations has %d members; at most %d are allowed.", len(in), cwMaxStatConfigs))
	}
	otel := strings.HasPrefix(format, "opentelemetry")
	var out []streamStatistics
	for i, c := range in {
		var sc streamStatistics
		metrics := c.objects("IncludeMetrics")
		if len(metrics) < 1 || len(metrics) > cwMaxStatMetrics {
			return nil, errCWInvalidValue(fmt.Sprintf("StatisticsConfigurations.member.%d.IncludeMetrics must have 1-%d members.", i+1, cwMaxStatMetrics))
		}
		for _, m := range metrics {
			ns, _ := m.str("Namespace")
			name, _ := m.str("MetricName")
			if ns == "" || name == "" {
				return nil, errCWMissing(fmt.Sprintf("StatisticsConfigurations.member.%d.IncludeMetrics Namespace and MetricName", i+1))
			}
			sc.IncludeMetrics = append(sc.IncludeMetrics, [2]string{ns, name})
		}
		sc.AdditionalStatistics = c.strings("AdditionalStatistics")
		if len(sc.AdditionalStatistics) < 1 || len(sc.AdditionalStatistics) > cwMaxStatStatistics {
			return nil, errCWInvalidValue(fmt.Sprintf("StatisticsConfigurations.member.%d.AdditionalStatistics must have 1-%d members.", i+1, cwMaxStatStatistics))
		}
		for _, st := range sc.AdditionalStatistics {
			switch {
			case cwPercentile.MatchString(st):
			case otel:
				return nil, errCWInvalidValue(fmt.Sprintf("The statistic %s is not valid for output format %s: only percentiles (p99, p99.9) are.", st, format))
			case !cwOtherStatistic.MatchString(st):
				return nil, errCWInvalidValue(fmt.Sprintf("The statistic %s is not a valid additional statistic.", st))
			}
		}
		out = append(out, sc)
	}
	return out, nil
}

func (s *CloudWatchService) getMetricStream(in cborObject) (map[string]any, *APIError) {
	name, ok := in.str("Name")
	if !ok || name == "" {
		return nil, errCWMissing("Name")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ms, ok := s.streams[name]
	if !ok {
		return nil, errCWStreamNotFound("(" + name + ")")
	}
	out := map[string]any{
		"Arn": ms.ARN, "Name": ms.Name, "FirehoseArn": ms.FirehoseARN, "RoleArn": ms.RoleARN,
		"State": ms.State, "OutputFormat": ms.OutputFormat, "CreationDate": ms.CreatedAt,
		"LastUpdateDate": ms.UpdatedAt, "IncludeLinkedAccountsMetrics": ms.IncludeLinkedAccounts,
		"IncludeFilters": filtersWire(ms.IncludeFilters), "ExcludeFilters": filtersWire(ms.ExcludeFilters),
	}
	if len(ms.Statistics) > 0 {
		var stats []any
		for _, sc := range ms.Statistics {
			var metrics []any
			for _, m := range sc.IncludeMetrics {
				metrics = append(metrics, map[string]any{"Namespace": m[0], "MetricName": m[1]})
			}
			stats = append(stats, map[string]any{"IncludeMetrics": metrics, "AdditionalStatistics": sc.AdditionalStatistics})
		}
		out["StatisticsConfigurations"] = stats
	}
	return out, nil
}

func filtersWire(fs []streamFilter) []any {
	out := []any{}
	for _, f := range fs {
		m := map[string]any{"Namespace": f.Namespace}
		if len(f.MetricNames) > 0 {
			m["MetricNames"] = f.MetricNames
		}
		out = append(out, m)
	}
	return out
}

func (s *CloudWatchService) listMetricStreams(in cborObject) (map[string]any, *APIError) {
	limit := int64(cwDefaultListStreams)
	if n, ok := in.integer("MaxResults"); ok {
		if n < 1 || n > cwMaxListStreams {
			return nil, errCWInvalidValue(fmt.Sprintf("MaxResults must be between 1 and %d.", cwMaxListStreams))
		}
		limit = n
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	names := make([]string, 0, len(s.streams))
	for n := range s.streams {
		names = append(names, n)
	}
	sort.Strings(names)
	start := 0
	if tok, ok := in.str("NextToken"); ok && tok != "" {
		n, err := strconv.Atoi(tok)
		if err != nil || n < 0 || n > len(names) {
			return nil, newAPIError(400, "InvalidNextToken", "The service returned an error: the next token is not valid.")
		}
		start = n
	}
	end := min(start+int(limit), len(names))
	entries := []any{}
	for _, n := range names[start:end] {
		ms := s.streams[n]
		entries = append(entries, map[string]any{
			"Arn": ms.ARN, "Name": ms.Name, "FirehoseArn": ms.FirehoseARN, "State": ms.State,
			"OutputFormat": ms.OutputFormat, "CreationDate": ms.CreatedAt, "LastUpdateDate": ms.UpdatedAt,
		})
	}
	out := map[string]any{"Entries": entries}
	if end < len(names) {
		out["NextToken"] = strconv.Itoa(end)
	}
	return out, nil
}

// deleteMetricStream succeeds for a missing stream: the API lists no
// not-found error for it.
func (s *CloudWatchService) deleteMetricStream(in cborObject) (map[string]any, *APIError) {
	name, ok := in.str("Name")
	if !ok || name == "" {
		return nil, errCWMissing("Name")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.streams, name)
	return map[string]any{}, nil
}

// setStreamsState starts or stops streams; like the API, unknown names are
// not an error.
func (s *CloudWatchService) setStreamsState(in cborObject, state string) (map[string]any, *APIError) {
	names := in.strings("Names")
	if len(names) == 0 {
		return nil, errCWMissing("Names")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range names {
		if !cwStreamNamePattern.MatchString(n) {
			return nil, errCWInvalidValue("The value " + n + " for parameter Names is not a valid metric stream name.")
		}
	}
	for _, n := range names {
		if ms, ok := s.streams[n]; ok && ms.State != state {
			ms.State = state
		}
	}
	return map[string]any{}, nil
}
