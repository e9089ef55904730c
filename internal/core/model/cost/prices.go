// Package cost estimates the monthly cost of a fast-scaling setup: the
// control-plane tier, warm capacity, and the CloudWatch side of fast metrics
// (high-resolution custom metrics, API requests, metric streams, alarms), per
// cluster and for a fleet (clusters x regions). It reuses the tier and warm
// pool formulas from internal/core/model/tiers and internal/core/model/sizing. It knows
// nothing of Terraform.
package cost

// CloudWatch prices, USD, us-east-1, from the public Amazon CloudWatch
// pricing page (aws.amazon.com/cloudwatch/pricing, paid tier). The free tier
// (10 metrics, 10 standard-resolution alarm metrics, 1M API requests) is
// ignored: at fleet scale it is noise, and ignoring it errs on the expensive
// side. Alarms are billed per alarm metric-month: an alarm on one metric
// (as every alarm scaling_alert_rules renders) is one alarm metric.
const (
	// Custom metrics (high resolution costs the same as standard), per
	// metric-month, tiered per account and region.
	CustomMetricFirst10k = 0.30 // first 10,000 metrics
	CustomMetricNext240k = 0.10 // next 240,000
	CustomMetricNext750k = 0.05 // next 750,000
	CustomMetricOver1M   = 0.02 // over 1,000,000
	PutMetricDataPer1000 = 0.01 // per 1,000 PutMetricData requests
	GetMetricDataPer1000 = 0.01 // per 1,000 metrics requested by GetMetricData
	MetricStreamPer1000  = 0.003
	HighResolutionAlarm  = 0.30 // per high-resolution alarm metric-month (10 s or 30 s period)
	StandardAlarm        = 0.10 // per standard-resolution alarm metric-month (60 s period or longer)
)

// Metric tier boundaries (cumulative metric counts).
const (
	tier1Metrics = 10_000
	tier2Metrics = 250_000
	tier3Metrics = 1_000_000
)

// HoursPerMonth for CloudWatch figures: AWS pricing pages use 730 h, as the
// control-plane tier does; warm capacity uses the guide's 720 h (sizing).
const HoursPerMonth = 730.0

// StreamUpdatesPerMetricMinute: metric streams send one update per metric
// per minute (1-minute aggregates), per statistic set.
const StreamUpdatesPerMetricMinute = 1.0

// Defaults for the CloudWatch inputs.
const (
	// DefaultPublishInterval: standard resolution publishing (60 s).
	DefaultPublishInterval = 60.0
	// DefaultMetricsPerPutRequest: one metric per PutMetricData call, the
	// expensive case; agents batch (up to 1,000 metrics per call).
	DefaultMetricsPerPutRequest = 1
	// DefaultReadInterval: the HPA sync period (15 s): the adapter or KEDA
	// reads each metric once per sync.
	DefaultReadInterval = 15.0
)

// CustomMetricsMonthly prices n custom metrics in one account and region
// through the tiers.
func CustomMetricsMonthly(n float64) float64 {
	total := 0.0
	band := func(lo, hi, price float64) {
		if n > lo {
			total += (min(n, hi) - lo) * price
		}
	}
	band(0, tier1Metrics, CustomMetricFirst10k)
	band(tier1Metrics, tier2Metrics, CustomMetricNext240k)
	band(tier2Metrics, tier3Metrics, CustomMetricNext750k)
	band(tier3Metrics, 1e18, CustomMetricOver1M)
	return total
}

// RequestsPerMonth is how many times a loop running every interval seconds
// runs in a 730-hour month.
func RequestsPerMonth(intervalSeconds float64) float64 {
	return HoursPerMonth * 3600 / intervalSeconds
}
