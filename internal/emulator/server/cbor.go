package server

import (
	"fmt"
	"time"

	"github.com/aws/smithy-go/encoding/cbor"
)

// Conversions between CBOR values and the plain Go tree the codecs share.
// Timestamps travel as CBOR tag 1 (epoch seconds), the only form the SDK's
// deserializer accepts.

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
	case []byte:
		return cbor.Slice(x)
	case float32:
		return cbor.Float32(x)
	case wireTime:
		return &cbor.Tag{ID: 1, Value: cbor.Float64(float64(x.T.UnixMilli()) / 1000)}
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
