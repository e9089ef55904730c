package server

import (
	"net/http"
	"net/url"
	"strings"

	smithy "github.com/aws/smithy-go"
	smithytraits "github.com/aws/smithy-go/traits"
)

// RestJSON1 is AWS restJson1 (EKS): the operation is the method plus the
// URI of its smithy HTTP trait, members bound to the URI, query string or
// headers are read from there and the rest from a JSON body; errors carry
// their shape name in X-Amzn-ErrorType with {"message": ...} in the body.
type RestJSON1 struct{}

// Match finds the operation whose HTTP trait matches the method and path.
func (RestJSON1) Match(r *http.Request, ops []Operation) (*Operation, map[string]string) {
	path := strings.Split(strings.Trim(r.URL.EscapedPath(), "/"), "/")
	for i := range ops {
		h := ops[i].HTTP
		if h == nil || h.Method != r.Method {
			continue
		}
		if labels, ok := matchURI(h.URI, path); ok {
			return &ops[i], labels
		}
	}
	return nil, nil
}

// matchURI matches escaped path segments against a URI template such as
// /clusters/{name}/updates/{updateId}.
func matchURI(template string, path []string) (map[string]string, bool) {
	template, _, _ = strings.Cut(template, "?")
	tpl := strings.Split(strings.Trim(template, "/"), "/")
	if len(tpl) != len(path) {
		return nil, false
	}
	labels := map[string]string{}
	for i, seg := range tpl {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			v, err := url.PathUnescape(path[i])
			if err != nil || v == "" {
				return nil, false
			}
			labels[strings.Trim(seg, "{}+")] = v
			continue
		}
		if seg != path[i] {
			return nil, false
		}
	}
	return labels, true
}

// Decode reads the body members, then the URI labels, query parameters and
// headers the input's schema binds.
func (RestJSON1) Decode(r *http.Request, body []byte, labels map[string]string, op *Operation, in any) *APIError {
	tree, aerr := decodeJSONTree(body)
	if aerr != nil {
		return aerr
	}
	if aerr := op.decodeBody(in, tree, true); aerr != nil {
		return aerr
	}
	q := r.URL.Query()
	for name, msc := range op.input.Members() {
		var (
			values []string
			found  bool
		)
		if _, ok := smithy.SchemaTrait[*smithytraits.HTTPLabel](msc); ok {
			v, ok := labels[name]
			values, found = []string{v}, ok
		} else if t, ok := smithy.SchemaTrait[*smithytraits.HTTPQuery](msc); ok {
			values, found = q[t.Name]
		} else if t, ok := smithy.SchemaTrait[*smithytraits.HTTPHeader](msc); ok {
			values, found = r.Header.Values(t.Name), r.Header.Get(t.Name) != ""
		}
		if !found || len(values) == 0 {
			continue
		}
		if msc.Type() == smithy.ShapeTypeList {
			op.bindStrings(in, name, values)
			continue
		}
		if aerr := op.bindString(in, name, values[0]); aerr != nil {
			return aerr
		}
	}
	return nil
}

// WriteOutput writes the output's members as JSON, with jsonName names.
func (RestJSON1) WriteOutput(w http.ResponseWriter, out smithy.Serializable) {
	tree, _ := serializeTree(out, true)
	writeJSONTree(w, "application/json", http.StatusOK, tree)
}

// WriteError writes a restJson1 error.
func (RestJSON1) WriteError(w http.ResponseWriter, err *APIError) {
	w.Header().Set("X-Amzn-ErrorType", err.Code)
	writeJSONTree(w, "application/json", err.Status, map[string]any{"message": err.Message})
}
