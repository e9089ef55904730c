package sizing

// The guide's worked example, used as documented defaults by the cost model,
// the strategy advice and their data sources: peak delta 100 x 0.15 = 15
// pods at $0.05 per pod-hour x 720 h = $540 a month.
const (
	// GuideSafetyFactor is the share of the basis the guide keeps warm.
	GuideSafetyFactor = 0.15
	// GuidePodHourUSD is the guide's price of one warm pod-hour.
	GuidePodHourUSD = 0.05
)
