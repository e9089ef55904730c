// Package tiers holds the EKS provisioned control-plane tiers: their names,
// the capabilities AWS published at launch, and their prices. The live
// capabilities come from DescribeClusterVersions; these figures are only the
// documented, overridable defaults for when the API cannot be asked (plan-time
// estimates). It knows nothing of Terraform.
package tiers

import "fmt"

// Tier names, exactly as the EKS API spells them (types.ProvisionedControlPlaneTier).
const (
	Standard = "standard"
	XL       = "tier-xl"
	XL2      = "tier-2xl"
	XL4      = "tier-4xl"
	XL8      = "tier-8xl"
)

// Names lists every tier from smallest to largest.
var Names = []string{Standard, XL, XL2, XL4, XL8}

// HoursPerMonth is the month the AWS pricing pages use (730 h).
const HoursPerMonth = 730.0

// StandardClusterHourly is the normal EKS cluster fee, which every tier pays
// too; provisioned tiers replace it with their own hourly price.
// Source: EKS pricing page, standard support ($0.10 per cluster-hour).
const StandardClusterHourly = 0.10

// Tier is what one tier gives and costs.
type Tier struct {
	Name string
	// APIRequestConcurrency is the API server's concurrent request seats.
	APIRequestConcurrency int64
	// PodSchedulingRatePerSecond is how many pods/s the scheduler binds.
	PodSchedulingRatePerSecond int64
	// ClusterDatabaseSizeGB is the etcd size limit.
	ClusterDatabaseSizeGB int64
	// HourlyUSD is the cluster's price per hour on this tier; HasPrice is
	// false where no figure was published (8XL): callers must ask the user.
	HourlyUSD float64
	HasPrice  bool
	// Source says where the figures come from.
	Source string
}

// launchSource is cited for every launch figure.
const launchSource = "AWS launch announcement of EKS Provisioned Control Plane, Nov 2025, us-east-1"

// Defaults are the launch figures (AWS, Nov 2025). Standard's capabilities
// were not published as numbers; the API reports them per version. We use 0
// ("unknown") rather than invent them. Standard's scheduling rate used by the
// latency model is its own named, documented assumption.
var Defaults = map[string]Tier{
	Standard: {Name: Standard, HourlyUSD: StandardClusterHourly, HasPrice: true,
		Source: "EKS pricing: standard cluster fee; capabilities not published (ask DescribeClusterVersions)"},
	XL: {Name: XL, APIRequestConcurrency: 1700, PodSchedulingRatePerSecond: 167, ClusterDatabaseSizeGB: 16,
		HourlyUSD: 1.65, HasPrice: true, Source: launchSource},
	XL2: {Name: XL2, APIRequestConcurrency: 3400, PodSchedulingRatePerSecond: 283,
		HourlyUSD: 3.40, HasPrice: true, Source: launchSource},
	XL4: {Name: XL4, APIRequestConcurrency: 6800, PodSchedulingRatePerSecond: 400,
		HourlyUSD: 6.90, HasPrice: true, Source: launchSource},
	XL8: {Name: XL8, Source: "no published figure: supply price and capabilities yourself"},
}

// RevertMaxDatabaseGB is the etcd size under which a cluster may go back to
// standard (EKS Provisioned Control Plane user guide).
const RevertMaxDatabaseGB = 8

// Valid reports whether name is a tier the API accepts.
func Valid(name string) bool {
	_, ok := Defaults[name]
	return ok
}

// Lookup returns a tier's default figures.
func Lookup(name string) (Tier, error) {
	t, ok := Defaults[name]
	if !ok {
		return Tier{}, fmt.Errorf("unknown tier %q: use one of %v", name, Names)
	}
	return t, nil
}

// Rank orders tiers: standard is 0, tier-8xl is 4; unknown is -1.
func Rank(name string) int {
	for i, n := range Names {
		if n == name {
			return i
		}
	}
	return -1
}

// MonthlyUSD is the hourly price over a 730-hour month.
func MonthlyUSD(hourly float64) float64 { return hourly * HoursPerMonth }
