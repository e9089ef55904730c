package karpenterv1

import (
	"regexp"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

var (
	reCapacityReservationID = regexp.MustCompile(`^cr-[0-9a-z]+$`)
	reAccountID             = regexp.MustCompile(`^[0-9]{12}$`)
)

// validateCapacityReservationTerms applies the v1.14.1 CRD's rules for
// capacityReservationSelectorTerms.
func validateCapacityReservationTerms(p *problem.At, terms []CapacityReservationSelectorTerm) {
	if len(terms) > 30 {
		p.Addf("at most 30 terms, got %d", len(terms))
	}
	for i, t := range terms {
		tp := p.Child(i)
		switch {
		case t.ID == "" && len(t.Tags) == 0 && t.InstanceMatchCriteria == "":
			tp.Addf("set id, tags or instance_match_criteria, e.g. { id = \"cr-0123456789abcdef0\" } or { tags = { team = \"ml\" } }")
		case t.ID != "" && (len(t.Tags) > 0 || t.OwnerID != "" || t.InstanceMatchCriteria != ""):
			tp.Child("id").Addf("id cannot be combined with tags, owner_id or instance_match_criteria in one term; use separate terms")
		case t.ID != "" && !reCapacityReservationID.MatchString(t.ID):
			tp.Child("id").Addf("%q is not a capacity reservation id, e.g. cr-0123456789abcdef0", t.ID)
		}
		if t.OwnerID != "" && !reAccountID.MatchString(t.OwnerID) {
			tp.Child("owner_id").Addf("%q must be a 12-digit AWS account id", t.OwnerID)
		}
		if m := t.InstanceMatchCriteria; m != "" && m != "open" && m != "targeted" {
			tp.Child("instance_match_criteria").Addf("%q must be open or targeted", m)
		}
		ValidateSelectorTags(tp.Child("tags"), t.Tags)
	}
}
