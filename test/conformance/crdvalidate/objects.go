package crdvalidate

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"sigs.k8s.io/yaml"
)

// Document is one object read from a YAML stream, with where it came from.
type Document struct {
	// Source is "file.yaml#index".
	Source string
	// Reason is the text of a leading "# reason: ..." comment, if any
	// (testdata/invalid files carry one saying why the server must reject it).
	Reason string
	Object map[string]any
}

// ReadFile reads every non-empty document of a YAML file ("---" separated).
func ReadFile(path string) ([]Document, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseYAML(path, raw)
}

// ParseYAML splits a YAML stream into objects; source names it in errors.
func ParseYAML(source string, raw []byte) ([]Document, error) {
	reason := leadingReason(raw)
	var docs []Document
	for i, part := range splitDocuments(raw) {
		if len(bytes.TrimSpace(stripComments(part))) == 0 {
			continue
		}
		var obj map[string]any
		if err := yaml.Unmarshal(part, &obj); err != nil {
			return nil, fmt.Errorf("%s#%d: %v", source, i, err)
		}
		if obj == nil {
			continue
		}
		docs = append(docs, Document{Source: fmt.Sprintf("%s#%d", source, i), Reason: reason, Object: obj})
	}
	return docs, nil
}

func splitDocuments(raw []byte) [][]byte {
	var out [][]byte
	var cur []byte
	for _, line := range bytes.SplitAfter(raw, []byte("\n")) {
		if t := bytes.TrimRight(line, " \t\r\n"); bytes.Equal(t, []byte("---")) {
			out = append(out, cur)
			cur = nil
			continue
		}
		cur = append(cur, line...)
	}
	return append(out, cur)
}

func stripComments(raw []byte) []byte {
	var b bytes.Buffer
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		b.WriteString(line + "\n")
	}
	return b.Bytes()
}

func leadingReason(raw []byte) string {
	first, _, _ := strings.Cut(string(raw), "\n")
	if r, ok := strings.CutPrefix(strings.TrimSpace(first), "# reason:"); ok {
		return strings.TrimSpace(r)
	}
	return ""
}
