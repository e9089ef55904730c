package crdvalidate

import (
	"strings"
	"testing"
)

// The helper itself, checked against the real NodePool CRD: a valid object
// passes, and the schema, CEL and strict-field paths each reject what the
// API server rejects.
func TestValidateAgainstRealNodePoolCRD(t *testing.T) {
	set := NewSet()
	if err := set.AddModuleFiles(KarpenterAWS, "pkg/apis/crds/karpenter.sh_nodepools.yaml"); err != nil {
		t.Fatal(err)
	}
	base := `apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: default
spec:
  weight: 10
  disruption:
    consolidationPolicy: WhenEmptyOrUnderutilized
    consolidateAfter: 30s
    budgets:
    - nodes: "10%"
  template:
    spec:
      expireAfter: 720h
      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      requirements:
      - {key: karpenter.sh/capacity-type, operator: In, values: [spot]}
`
	cases := []struct {
		name, edit, want string // want "" = accepted
	}{
		{"valid", "", ""},
		{"weight zero (schema minimum)", "  weight: 10\n=>  weight: 0\n", "weight"},
		{"schedule without duration (CEL)", "    - nodes: \"10%\"\n=>    - nodes: \"10%\"\n      schedule: \"0 9 * * *\"\n", "duration"},
		{"unknown field (strict)", "  weight: 10\n=>  weight: 10\n  ttlSecondsAfterEmpty: 30\n", "ttlSecondsAfterEmpty"},
		{"unknown operator (enum)", "operator: In=>operator: Within", "operator"},
		{"restricted label key (CEL)", "key: karpenter.sh/capacity-type=>key: karpenter.sh/foo", "restricted"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := base
			if tc.edit != "" {
				from, to, _ := strings.Cut(tc.edit, "=>")
				if !strings.Contains(src, from) {
					t.Fatalf("edit %q does not apply", from)
				}
				src = strings.Replace(src, from, to, 1)
			}
			docs, err := ParseYAML(tc.name, []byte(src))
			if err != nil || len(docs) != 1 {
				t.Fatalf("parse: %v (%d docs)", err, len(docs))
			}
			errs := set.Validate(docs[0].Object)
			if tc.want == "" {
				if len(errs) > 0 {
					t.Fatalf("want accepted, got %v", errs.ToAggregate())
				}
				return
			}
			if len(errs) == 0 {
				t.Fatalf("want rejected (%s), was accepted", tc.want)
			}
			if !strings.Contains(errs.ToAggregate().Error(), tc.want) {
				t.Fatalf("want an error mentioning %q, got %v", tc.want, errs.ToAggregate())
			}
		})
	}
}

func TestParseYAMLReadsReasonAndSkipsEmptyDocuments(t *testing.T) {
	docs, err := ParseYAML("x", []byte("# reason: weight 0 is below the minimum\n---\napiVersion: v1\nkind: A\n---\n# only a comment\n---\napiVersion: v1\nkind: B\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Reason != "weight 0 is below the minimum" || docs[1].Object["kind"] != "B" {
		t.Fatalf("got %+v", docs)
	}
}
