package emulator

import (
	"fmt"
	"math"
	"time"

	"github.com/aws/smithy-go/encoding/cbor"
)

// Helpers for Smithy RPC v2 CBOR (CloudWatch): requests are decoded into
// plain Go values, replies are built from them. Timestamps travel as CBOR
// tag 1 (epoch seconds), the only form the SDK's deserializer accepts.

// cborToGo turns a decoded CBOR value into map[string]any, []any, string,
// int64, float64, bool, time.Time, []byte or nil.
func cborToGo(v cbor.Value) any {
	switch x := v.(type) {
	case cbor.Map:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = cborToGo(e)
		}
		return m
	case cbor.List:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = cborToGo(e)
		}
		return l
	case cbor.String:
		return string(x)
	case cbor.Uint:
		return int64(x)
	case cbor.NegInt:
		return -int64(x)
	case cbor.Float32:
		return float64(x)
	case cbor.Float64:
		return float64(x)
	case cbor.Bool:
		return bool(x)
	case cbor.Slice:
		return []byte(x)
	case *cbor.Tag:
		if t, err := cbor.AsTime(x); err == nil {
			return t.UTC()
		}
		return cborToGo(x.Value)
	}
	return nil
}

// goToCBOR is cborToGo's inverse; nil map entries are left out, as Smithy
// omits unset members.
func goToCBOR(v any) cbor.Value {
	switch x := v.(type) {
	case nil:
		return &cbor.Nil{}
	case cbor.Value:
		return x
	case map[string]any:
		m := cbor.Map{}
		for k, e := range x {
			if e == nil {
				continue
			}
			m[k] = goToCBOR(e)
		}
		return m
	case []any:
		l := make(cbor.List, len(x))
		for i, e := range x {
			l[i] = goToCBOR(e)
		}
		return l
	case []string:
		l := make(cbor.List, len(x))
		for i, e := range x {
			l[i] = cbor.String(e)
		}
		return l
	case []map[string]any:
		l := make(cbor.List, len(x))
		for i, e := range x {
			l[i] = goToCBOR(e)
		}
		return l
	case string:
		return cbor.String(x)
	case bool:
		return cbor.Bool(x)
	case int:
		return cborInt(int64(x))
	case int32:
		return cborInt(int64(x))
	case int64:
		return cborInt(x)
	case float64:
		return cbor.Float64(x)
	case time.Time:
		return &cbor.Tag{ID: 1, Value: cbor.Float64(float64(x.UnixMilli()) / 1000)}
	}
	panic(fmt.Sprintf("emulator: cannot encode %T as CBOR", v))
}

func cborInt(i int64) cbor.Value {
	if i < 0 {
		return cbor.NegInt(uint64(-i))
	}
	return cbor.Uint(uint64(i))
}

// cborObject is a decoded request body with typed accessors; a member of
// the wrong type reads as absent and is reported by the caller's checks.
type cborObject map[string]any

func (o cborObject) str(k string) (string, bool) {
	s, ok := o[k].(string)
	return s, ok
}

func (o cborObject) boolean(k string) (bool, bool) {
	b, ok := o[k].(bool)
	return b, ok
}

func (o cborObject) integer(k string) (int64, bool) {
	switch n := o[k].(type) {
	case int64:
		return n, true
	case float64:
		if n == math.Trunc(n) {
			return int64(n), true
		}
	}
	return 0, false
}

func (o cborObject) list(k string) ([]any, bool) {
	l, ok := o[k].([]any)
	return l, ok
}

func (o cborObject) strings(k string) []string {
	l, _ := o.list(k)
	out := make([]string, 0, len(l))
	for _, e := range l {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func (o cborObject) objects(k string) []cborObject {
	l, _ := o.list(k)
	out := make([]cborObject, 0, len(l))
	for _, e := range l {
		m, _ := e.(map[string]any)
		out = append(out, cborObject(m))
	}
	return out
}
