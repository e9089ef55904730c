package conns

import (
	"fmt"
	"os"
	"regexp"
)

// regionNames are the region name patterns of the AWS partitions (aws,
// aws-cn, aws-us-gov, the ISO partitions, aws-eusc), as the SDK's
// partition metadata defines them. A name outside them is a typo (an
// availability zone such as us-east-1a, "us-east1") or an AWS-like API's
// own name, for which skip_region_validation exists.
var regionNames = []*regexp.Regexp{
	regexp.MustCompile(`^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$`),
	regexp.MustCompile(`^cn-\w+-\d+$`),
	regexp.MustCompile(`^us-gov-\w+-\d+$`),
	regexp.MustCompile(`^us-iso-\w+-\d+$`),
	regexp.MustCompile(`^us-isob-\w+-\d+$`),
	regexp.MustCompile(`^eu-isoe-\w+-\d+$`),
	regexp.MustCompile(`^us-isof-\w+-\d+$`),
	regexp.MustCompile(`^eusc-de-\w+-\d+$`),
}

// checkRegion is "" for a valid region name, else what is wrong with it.
func checkRegion(region string) string {
	for _, re := range regionNames {
		if re.MatchString(region) {
			return ""
		}
	}
	return fmt.Sprintf("%q is not an AWS region name (such as us-east-1, eu-west-2, cn-north-1 or us-gov-west-1): "+
		"check for a typo or an availability zone. For an AWS-like API with region names of its own set skip_region_validation = true.", region)
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
