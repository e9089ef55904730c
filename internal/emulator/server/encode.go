package server

import (
	"encoding/json"
	"math/big"
	"net/http"
	"strconv"
	"time"

	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/document"
	smithytraits "github.com/aws/smithy-go/traits"
)

// treeSerializer is a smithy.ShapeSerializer that builds a plain Go tree
// (map[string]any, []any, scalars, wireTime) from an SDK type's own
// Serialize method, so replies carry exactly the members, names and
// timestamp formats of the SDK's schemas. Each protocol then writes the
// tree as JSON or CBOR.
type treeSerializer struct {
	// jsonNames uses the jsonName trait for member names (restJson1).
	jsonNames bool
	root      any
	// rootSchema is the schema of the outermost structure written.
	rootSchema *smithy.Schema
	stack      []*treeFrame
}

type treeFrame struct {
	obj  map[string]any
	list []any
	key  *string // pending map or union key
	// place stores a list in its parent once it is closed.
	place func(any)
}

// wireTime is a timestamp with the format its schema asks for.
type wireTime struct {
	T      time.Time
	Format string
}

// MarshalJSON writes epoch seconds (the JSON protocols' default) or the
// format the member's timestampFormat trait names.
func (t wireTime) MarshalJSON() ([]byte, error) {
	switch t.Format {
	case "date-time":
		return json.Marshal(t.T.UTC().Format(time.RFC3339Nano))
	case "http-date":
		return json.Marshal(t.T.UTC().Format(http.TimeFormat))
	}
	return []byte(strconv.FormatFloat(float64(t.T.UnixMilli())/1000, 'f', -1, 64)), nil
}

// serializeTree renders v (an SDK input or output type) as a tree.
func serializeTree(v smithy.Serializable, jsonNames bool) (any, *smithy.Schema) {
	s := &treeSerializer{jsonNames: jsonNames}
	v.Serialize(s)
	return s.root, s.rootSchema
}

func (s *treeSerializer) name(schema *smithy.Schema) string {
	if s.jsonNames {
		if t, ok := smithy.SchemaTrait[*smithytraits.JSONName](schema); ok {
			return t.Name
		}
	}
	return schema.MemberName()
}

// slot returns the setter for the next value of the current container.
func (s *treeSerializer) slot(schema *smithy.Schema) func(any) {
	if len(s.stack) == 0 {
		return func(v any) { s.root = v }
	}
	top := s.stack[len(s.stack)-1]
	switch {
	case top.obj == nil: // a list
		i := len(top.list)
		top.list = append(top.list, nil)
		return func(v any) { top.list[i] = v }
	case top.key != nil:
		k := *top.key
		top.key = nil
		return func(v any) { top.obj[k] = v }
	default:
		k := s.name(schema)
		return func(v any) { top.obj[k] = v }
	}
}

// put places a value in the current container.
func (s *treeSerializer) put(schema *smithy.Schema, v any) { s.slot(schema)(v) }

func (s *treeSerializer) Bytes() []byte { return nil }

func (s *treeSerializer) WriteInt8(sc *smithy.Schema, v int8)       { s.put(sc, int64(v)) }
func (s *treeSerializer) WriteInt16(sc *smithy.Schema, v int16)     { s.put(sc, int64(v)) }
func (s *treeSerializer) WriteInt32(sc *smithy.Schema, v int32)     { s.put(sc, int64(v)) }
func (s *treeSerializer) WriteInt64(sc *smithy.Schema, v int64)     { s.put(sc, v) }
func (s *treeSerializer) WriteFloat32(sc *smithy.Schema, v float32) { s.put(sc, float64(v)) }
func (s *treeSerializer) WriteFloat64(sc *smithy.Schema, v float64) { s.put(sc, v) }
func (s *treeSerializer) WriteBool(sc *smithy.Schema, v bool)       { s.put(sc, v) }
func (s *treeSerializer) WriteString(sc *smithy.Schema, v string)   { s.put(sc, v) }
func (s *treeSerializer) WriteBlob(sc *smithy.Schema, v []byte)     { s.put(sc, v) }
func (s *treeSerializer) WriteNil(sc *smithy.Schema)                { s.put(sc, nil) }

func (s *treeSerializer) WriteBigInt(sc *smithy.Schema, v *big.Int) {
	s.put(sc, json.Number(v.String()))
}

func (s *treeSerializer) WriteBigFloat(sc *smithy.Schema, v *big.Float) {
	s.put(sc, json.Number(v.Text('g', -1)))
}

func (s *treeSerializer) WriteTime(sc *smithy.Schema, v time.Time) {
	format := "epoch-seconds"
	if t, ok := smithy.SchemaTrait[*smithytraits.TimestampFormat](sc); ok {
		format = t.Format
	}
	s.put(sc, wireTime{T: v, Format: format})
}

// WriteDocument is not used by the emulated operations' shapes.
func (s *treeSerializer) WriteDocument(sc *smithy.Schema, _ document.Value) { s.put(sc, nil) }

func (s *treeSerializer) WriteStruct(sc *smithy.Schema) {
	if s.rootSchema == nil {
		s.rootSchema = sc
	}
	obj := map[string]any{}
	s.put(sc, obj)
	s.stack = append(s.stack, &treeFrame{obj: obj})
}

func (s *treeSerializer) CloseStruct() { s.stack = s.stack[:len(s.stack)-1] }

func (s *treeSerializer) WriteUnion(sc, variant *smithy.Schema) {
	s.WriteStruct(sc)
	key := s.name(variant)
	s.stack[len(s.stack)-1].key = &key
}

func (s *treeSerializer) CloseUnion() { s.CloseStruct() }

func (s *treeSerializer) WriteList(sc *smithy.Schema) {
	s.stack = append(s.stack, &treeFrame{list: []any{}, place: s.slot(sc)})
}

func (s *treeSerializer) CloseList() {
	top := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	top.place(top.list)
}

func (s *treeSerializer) WriteMap(sc *smithy.Schema) {
	obj := map[string]any{}
	s.put(sc, obj)
	s.stack = append(s.stack, &treeFrame{obj: obj})
}

func (s *treeSerializer) WriteKey(_ *smithy.Schema, key string) {
	s.stack[len(s.stack)-1].key = &key
}

func (s *treeSerializer) CloseMap() { s.stack = s.stack[:len(s.stack)-1] }

// WireJSON is v (an SDK shape) as the JSON protocols put it on the wire;
// EKS update params carry such JSON as their value.
func WireJSON(v smithy.Serializable) string {
	tree, _ := serializeTree(v, true)
	b, _ := json.Marshal(tree)
	return string(b)
}
