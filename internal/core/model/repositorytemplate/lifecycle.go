package repositorytemplate

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Lifecycle policy rules, as ECR's lifecycle policy validation applies
// them (ECR User Guide, "Lifecycle policy properties").
const MaxLifecyclePolicy = 30720

var (
	tagStatuses    = []string{"tagged", "untagged", "any"}
	countTypes     = []string{"imageCountMoreThan", "sinceImagePushed"}
	storageClasses = []string{"standard", "archive"}
	actionTypes    = []string{"expire", "transition"}
)

// lifecyclePolicy is the document ECR accepts; numbers stay json.Number
// so that 1.5 or 1e12 is reported, not truncated.
type lifecyclePolicy struct {
	Rules []struct {
		RulePriority *json.Number `json:"rulePriority"`
		Description  string       `json:"description"`
		Selection    *struct {
			TagStatus      string       `json:"tagStatus"`
			TagPrefixList  []string     `json:"tagPrefixList"`
			TagPatternList []string     `json:"tagPatternList"`
			CountType      string       `json:"countType"`
			CountUnit      string       `json:"countUnit"`
			CountNumber    *json.Number `json:"countNumber"`
			StorageClass   string       `json:"storageClass"`
		} `json:"selection"`
		Action *struct {
			Type               string `json:"type"`
			TargetStorageClass string `json:"targetStorageClass"`
		} `json:"action"`
	} `json:"rules"`
}

// ValidateLifecyclePolicy reports every way a lifecycle policy document
// breaks ECR's rules, at the lifecycle_policy attribute.
func ValidateLifecyclePolicy(text string) problem.List {
	var ps problem.List
	at := problem.Path{"lifecycle_policy"}
	if len(text) > MaxLifecyclePolicy {
		ps.Addf(at, "The lifecycle policy is %d characters; ECR takes at most %d.", len(text), MaxLifecyclePolicy)
		return ps
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	var p lifecyclePolicy
	if err := dec.Decode(&p); err != nil {
		ps.Addf(at, "Not a lifecycle policy document (%v). Write it as jsonencode({ rules = [{ rulePriority = 1, selection = { tagStatus = \"untagged\", countType = \"sinceImagePushed\", countUnit = \"days\", countNumber = 7 }, action = { type = \"expire\" } }] }).", err)
		return ps
	}
	if len(p.Rules) == 0 {
		ps.Addf(at, "The lifecycle policy has no rules: add at least one under \"rules\".")
		return ps
	}
	priorities := map[int64]int{}
	anyRule, highest := -1, int64(0)
	for i, r := range p.Rules {
		rule := fmt.Sprintf("rules[%d]", i)
		prio, ok := wholeNumber(r.RulePriority)
		switch {
		case !ok:
			ps.Addf(at, "%s.rulePriority must be a whole number between 1 and %d.", rule, math.MaxInt32)
		case priorities[prio] > 0:
			ps.Addf(at, "%s.rulePriority %d is also the priority of rules[%d]: each rule needs its own.", rule, prio, priorities[prio]-1)
		default:
			priorities[prio] = i + 1
			highest = max(highest, prio)
		}
		if r.Action == nil || !slices.Contains(actionTypes, r.Action.Type) {
			ps.Addf(at, "%s.action.type must be \"expire\" or \"transition\".", rule)
		}
		sel := r.Selection
		if sel == nil {
			ps.Addf(at, "%s has no selection: say which images it applies to (tagStatus, countType, countNumber).", rule)
			continue
		}
		if sel.TagStatus == "any" {
			anyRule = i
		}
		checkSelection(&ps, at, rule, sel.TagStatus, sel.CountType, sel.CountUnit, sel.StorageClass, len(sel.TagPrefixList)+len(sel.TagPatternList), sel.CountNumber)
	}
	if anyRule >= 0 {
		if prio, ok := wholeNumber(p.Rules[anyRule].RulePriority); ok && prio != highest {
			ps.Addf(at, "rules[%d] selects tagStatus \"any\", so it must have the highest rulePriority (%d is not the highest): ECR evaluates it last.", anyRule, prio)
		}
	}
	return ps
}

func checkSelection(ps *problem.List, at problem.Path, rule, tagStatus, countType, countUnit, storageClass string, tagLists int, countNumber *json.Number) {
	switch {
	case !slices.Contains(tagStatuses, tagStatus):
		ps.Addf(at, "%s.selection.tagStatus %q must be \"tagged\", \"untagged\" or \"any\".", rule, tagStatus)
	case tagStatus == "tagged" && tagLists == 0:
		ps.Addf(at, "%s.selection: tagStatus \"tagged\" needs a tagPrefixList or a tagPatternList naming the tags.", rule)
	case tagStatus != "tagged" && tagLists > 0:
		ps.Addf(at, "%s.selection: tagPrefixList and tagPatternList need tagStatus \"tagged\".", rule)
	}
	switch {
	case !slices.Contains(countTypes, countType):
		ps.Addf(at, "%s.selection.countType %q must be \"imageCountMoreThan\" (keep the newest N images) or \"sinceImagePushed\" (expire after N days).", rule, countType)
	case countType == "sinceImagePushed" && countUnit != "days":
		ps.Addf(at, "%s.selection.countUnit must be \"days\" with countType \"sinceImagePushed\".", rule)
	case countType == "imageCountMoreThan" && countUnit != "":
		ps.Addf(at, "%s.selection.countUnit is not allowed with countType \"imageCountMoreThan\" (it counts images): remove it.", rule)
	}
	if _, ok := wholeNumber(countNumber); !ok {
		ps.Addf(at, "%s.selection.countNumber must be a whole number between 1 and %d.", rule, math.MaxInt32)
	}
	if storageClass != "" && !slices.Contains(storageClasses, storageClass) {
		ps.Addf(at, "%s.selection.storageClass must be \"standard\" or \"archive\".", rule)
	}
}

// wholeNumber reads n as an integer in [1, MaxInt32] (ECR's Integer).
func wholeNumber(n *json.Number) (int64, bool) {
	if n == nil {
		return 0, false
	}
	v, err := n.Int64()
	if err != nil || v < 1 || v > math.MaxInt32 {
		return 0, false
	}
	return v, true
}
