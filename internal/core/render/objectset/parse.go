// Package objectset turns a multi-document YAML string of Kubernetes objects
// into identified objects, in the order they must be applied, with the
// canonical text a plan shows for each. It knows nothing of Terraform or of a
// cluster: the Terraform edge reports its problems at plan time, and the
// apply path sends the objects it returns.
package objectset

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Object is one Kubernetes object of the input.
type Object struct {
	// Ref identifies it on a cluster.
	Ref
	// Version is the API version's version part ("v1").
	Version string
	// Doc is the 1-based number of the YAML document it came from, and Line
	// the document's first line in the input: error messages name both.
	Doc, Line int
	// Body is the object as written, decoded (see k8sobj.Object).
	Body k8sobj.Object
}

// APIVersion is the object's apiVersion as written.
func (o Object) APIVersion() string {
	if o.Group == "" {
		return o.Version
	}
	return o.Group + "/" + o.Version
}

// where names the object's place in the input for messages.
func (o Object) where() string { return where(o.Doc, o.Line) }

func where(doc, line int) string { return fmt.Sprintf("document %d (line %d)", doc, line) }

// Parse reads a multi-document YAML string ("---" between documents; a
// document of kind List contributes its items). Documents are numbered from
// 1, not counting empty ones (blank or comments only), so "document 3" is the
// third object a reader sees; line numbers count every line of src. Every
// problem is reported against attr.
func Parse(src string, attr problem.Path) ([]Object, problem.List) {
	var (
		objs  []Object
		probs problem.List
		seen  = map[string]Object{}
	)
	num := 0
	for _, d := range splitDocuments(src) {
		body, err := decode(d.text)
		if err == nil && body == nil {
			continue // empty or comments only: not counted
		}
		num++
		d.num, d.line = num, firstContentLine(d)
		if err != nil {
			probs.Addf(attr, "%s is not valid YAML: %s", where(d.num, d.line), absoluteLines(err.Error(), d.start))
			continue
		}
		m, ok := body.(map[string]any)
		if !ok {
			probs.Addf(attr, "%s is a %s, not a Kubernetes object: each document must be a mapping with apiVersion, kind and metadata.name", where(d.num, d.line), typeName(body))
			continue
		}
		items := []map[string]any{m}
		prefix := ""
		if m["kind"] == "List" && (m["apiVersion"] == "v1" || m["apiVersion"] == nil) {
			list, _ := m["items"].([]any)
			items = items[:0]
			for i, it := range list {
				im, ok := it.(map[string]any)
				if !ok {
					probs.Addf(attr, "%s: items[%d] is a %s, not a Kubernetes object", where(d.num, d.line), i, typeName(it))
					continue
				}
				items = append(items, im)
			}
			prefix = "items[%d] of "
		}
		for i, item := range items {
			at := where(d.num, d.line)
			if prefix != "" {
				at = fmt.Sprintf(prefix, i) + at
			}
			obj, msg := identify(item)
			if msg != "" {
				probs.Addf(attr, "%s: %s", at, msg)
				continue
			}
			obj.Doc, obj.Line = d.num, d.line
			if prev, dup := seen[obj.Key()]; dup {
				probs.Addf(attr, "%s and %s are the same object (%s): keep one of them", prev.where(), at, obj.Key())
				continue
			}
			seen[obj.Key()] = obj
			objs = append(objs, obj)
		}
	}
	return objs, probs
}

// identify checks the fields every object needs and reads its identity.
// It returns a message saying what is missing and how to fix it.
func identify(m map[string]any) (Object, string) {
	const need = "every object needs apiVersion, kind and metadata.name"
	apiVersion, _ := m["apiVersion"].(string)
	kind, _ := m["kind"].(string)
	meta, _ := m["metadata"].(map[string]any)
	var name, namespace string
	if meta != nil {
		name, _ = meta["name"].(string)
		namespace, _ = meta["namespace"].(string)
	}
	switch {
	case apiVersion == "":
		return Object{}, "apiVersion is missing or not a string (" + need + ", e.g. apiVersion: karpenter.sh/v1)"
	case kind == "":
		return Object{}, "kind is missing or not a string (" + need + ", e.g. kind: NodePool)"
	case meta == nil:
		return Object{}, "metadata is missing (" + need + ")"
	case name == "" && meta["generateName"] != nil:
		return Object{}, "metadata.generateName is not supported: set metadata.name, so the object can be found again to update, check and delete it"
	case name == "":
		return Object{}, "metadata.name is missing or not a string (" + need + ")"
	case strings.Contains(name, "/") || strings.Contains(namespace, "/"):
		return Object{}, fmt.Sprintf("metadata.name and metadata.namespace cannot contain \"/\" (got %q in %q)", name, namespace)
	}
	group, version, ok := splitAPIVersion(apiVersion)
	if !ok {
		return Object{}, fmt.Sprintf("apiVersion %q is not group/version or version (e.g. karpenter.sh/v1, v1)", apiVersion)
	}
	return Object{
		Ref:     Ref{Group: group, Kind: kind, Namespace: namespace, Name: name},
		Version: version,
		Body:    m,
	}, ""
}

func splitAPIVersion(s string) (group, version string, ok bool) {
	parts := strings.Split(s, "/")
	switch {
	case len(parts) == 1 && parts[0] != "":
		return "", parts[0], true
	case len(parts) == 2 && parts[0] != "" && parts[1] != "":
		return parts[0], parts[1], true
	}
	return "", "", false
}

// decode parses one YAML document into plain values (k8sobj.Object's
// types; whole numbers stay exact int64).
func decode(doc string) (any, error) {
	raw, err := yaml.YAMLToJSON([]byte(doc))
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if v == nil {
		return nil, nil
	}
	return k8sobj.Normalize(v)
}

func typeName(v any) string {
	switch v.(type) {
	case []any:
		return "list"
	case string:
		return "string"
	case bool:
		return "boolean"
	case int64, float64:
		return "number"
	}
	return fmt.Sprintf("%T", v)
}

type document struct {
	// start is the input line of the document's first text line (the
	// "---" marker's line when there is one); num and line are set by Parse.
	start, num, line int
	text             string
}

// splitDocuments splits a YAML stream at "---" lines; anything after the
// marker on the same line belongs to the next document.
func splitDocuments(src string) []document {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var (
		docs []document
		cur  []string
		cur0 = 1
	)
	flush := func() {
		docs = append(docs, document{start: cur0, text: strings.Join(cur, "\n")})
	}
	for i, l := range lines {
		if strings.HasPrefix(l, "---") && (len(l) == 3 || l[3] == ' ' || l[3] == '\t') {
			if i > 0 { // a leading marker opens the first document
				flush()
			}
			cur, cur0 = []string{strings.TrimSpace(l[3:])}, i+1
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return docs
}

// firstContentLine is the input line of the document's first line that is
// neither blank nor a comment.
func firstContentLine(d document) int {
	for i, l := range strings.Split(d.text, "\n") {
		t := strings.TrimSpace(l)
		if t != "" && !strings.HasPrefix(t, "#") {
			return d.start + i
		}
	}
	return d.start
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// absoluteLines rewrites the parser's "line N" (counted from the document's
// start) into a line of the whole input.
func absoluteLines(msg string, start int) string {
	return yamlLine.ReplaceAllStringFunc(msg, func(m string) string {
		n, _ := strconv.Atoi(m[len("line "):])
		return "line " + strconv.Itoa(start+n-1)
	})
}
