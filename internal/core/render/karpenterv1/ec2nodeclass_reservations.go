package karpenterv1

import "regexp"

var (
	reCapacityReservationID = regexp.MustCompile(`^cr-[0-9a-z]+$`)
	reAccountID             = regexp.MustCompile(`^[0-9]{12}$`)
)

// validateCapacityReservationTerms applies the v1.14.1 CRD's rules for
// capacityReservationSelectorTerms.
func validateCapacityReservationTerms(p *problemsAt, terms []CapacityReservationSelectorTerm) {
	if len(terms) > 30 {
		p.add("at most 30 terms, got %d", len(terms))
	}
	for i, t := range terms {
		tp := p.child(i)
		switch {
		case t.ID == "" && len(t.Tags) == 0 && t.InstanceMatchCriteria == "":
			tp.add("set id, tags or instance_match_criteria, e.g. { id = \"cr-0123456789abcdef0\" } or { tags = { team = \"ml\" } }")
		case t.ID != "" && (len(t.Tags) > 0 || t.OwnerID != "" || t.InstanceMatchCriteria != ""):
			tp.child("id").add("id cannot be combined with tags, owner_id or instance_match_criteria in one term; use separate terms")
		case t.ID != "" && !reCapacityReservationID.MatchString(t.ID):
			tp.child("id").add("%q is not a capacity reservation id, e.g. cr-0123456789abcdef0", t.ID)
		}
		if t.OwnerID != "" && !reAccountID.MatchString(t.OwnerID) {
			tp.child("owner_id").add("%q must be a 12-digit AWS account id", t.OwnerID)
		}
		if m := t.InstanceMatchCriteria; m != "" && m != "open" && m != "targeted" {
			tp.child("instance_match_criteria").add("%q must be open or targeted", m)
		}
		validateSelectorTags(tp.child("tags"), t.Tags)
	}
}
