package server

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	smithy "github.com/aws/smithy-go"
	smithytraits "github.com/aws/smithy-go/traits"
)

// Requests are decoded into the SDK's own input types. The SDK only
// serializes inputs, so decoding walks the input's schema (member names,
// jsonName, HTTP binding traits) and fills the Go field of the same name
// (the SDK's generated field names are the member names, capitalised).

// inputSchema is the schema an SDK input type serializes itself with.
func inputSchema(in smithy.Serializable) *smithy.Schema {
	_, sc := serializeTree(in, false)
	return sc
}

// fieldIndex maps lower-cased Go field names of a struct type to indexes.
var fieldIndexes sync.Map // reflect.Type -> map[string]int

func fieldByMember(t reflect.Type, member string) (int, bool) {
	idx, ok := fieldIndexes.Load(t)
	if !ok {
		m := map[string]int{}
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && !f.Anonymous {
				m[strings.ToLower(f.Name)] = i
			}
		}
		idx, _ = fieldIndexes.LoadOrStore(t, m)
	}
	i, ok := idx.(map[string]int)[strings.ToLower(member)]
	return i, ok
}

// memberKey is the wire name of a member in a body.
func memberKey(sc *smithy.Schema, jsonNames bool) string {
	if jsonNames {
		if t, ok := smithy.SchemaTrait[*smithytraits.JSONName](sc); ok {
			return t.Name
		}
	}
	return sc.MemberName()
}

// decodeStruct fills the struct dst points to from obj, a decoded body.
// Members bound to the URI, query or headers are skipped: the protocol
// sets them.
func decodeStruct(dst reflect.Value, obj map[string]any, sc *smithy.Schema, jsonNames bool) error {
	dst = reflect.Indirect(dst)
	for name, msc := range sc.Members() {
		if httpBound(msc) {
			continue
		}
		v, ok := obj[memberKey(msc, jsonNames)]
		if !ok || v == nil {
			continue
		}
		i, ok := fieldByMember(dst.Type(), name)
		if !ok {
			continue
		}
		if err := decodeValue(dst.Field(i), v, msc, jsonNames); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

func httpBound(sc *smithy.Schema) bool {
	if _, ok := smithy.SchemaTrait[*smithytraits.HTTPLabel](sc); ok {
		return true
	}
	if _, ok := smithy.SchemaTrait[*smithytraits.HTTPQuery](sc); ok {
		return true
	}
	_, ok := smithy.SchemaTrait[*smithytraits.HTTPHeader](sc)
	return ok
}

var timeType = reflect.TypeOf(time.Time{})

// decodeValue sets dst from a tree value v (from JSON or CBOR).
func decodeValue(dst reflect.Value, v any, sc *smithy.Schema, jsonNames bool) error {
	if v == nil {
		return nil
	}
	switch dst.Kind() {
	case reflect.Pointer:
		p := reflect.New(dst.Type().Elem())
		if err := decodeValue(p.Elem(), v, sc, jsonNames); err != nil {
			return err
		}
		dst.Set(p)
		return nil
	case reflect.Struct:
		if dst.Type() == timeType {
			t, err := toTime(v)
			if err != nil {
				return err
			}
			dst.Set(reflect.ValueOf(t))
			return nil
		}
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("want an object, got %T", v)
		}
		return decodeStruct(dst, obj, sc, jsonNames)
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("want a string, got %T", v)
		}
		dst.SetString(s)
		return nil
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("want a boolean, got %T", v)
		}
		dst.SetBool(b)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := toInt(v)
		if err != nil {
			return err
		}
		if dst.OverflowInt(n) {
			return fmt.Errorf("%d is out of range", n)
		}
		dst.SetInt(n)
		return nil
	case reflect.Float32, reflect.Float64:
		f, err := toFloat(v)
		if err != nil {
			return err
		}
		dst.SetFloat(f)
		return nil
	case reflect.Slice:
		if dst.Type().Elem().Kind() == reflect.Uint8 {
			b, err := toBlob(v)
			if err != nil {
				return err
			}
			dst.SetBytes(b)
			return nil
		}
		l, ok := v.([]any)
		if !ok {
			return fmt.Errorf("want a list, got %T", v)
		}
		out := reflect.MakeSlice(dst.Type(), len(l), len(l))
		for i, e := range l {
			if err := decodeValue(out.Index(i), e, sc.ListMember(), jsonNames); err != nil {
				return fmt.Errorf("[%d]: %w", i, err)
			}
		}
		dst.Set(out)
		return nil
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("want a map, got %T", v)
		}
		out := reflect.MakeMapWithSize(dst.Type(), len(obj))
		for k, e := range obj {
			ev := reflect.New(dst.Type().Elem()).Elem()
			if err := decodeValue(ev, e, sc.MapValue(), jsonNames); err != nil {
				return fmt.Errorf("[%q]: %w", k, err)
			}
			out.SetMapIndex(reflect.ValueOf(k).Convert(dst.Type().Key()), ev)
		}
		dst.Set(out)
		return nil
	}
	// Unions and documents: none of the emulated operations take one.
	return fmt.Errorf("cannot decode into %s", dst.Type())
}

func toInt(v any) (int64, error) {
	switch n := v.(type) {
	case int64:
		return n, nil
	case json.Number:
		return strconv.ParseInt(string(n), 10, 64)
	case float64:
		if n == math.Trunc(n) {
			return int64(n), nil
		}
	}
	return 0, fmt.Errorf("want an integer, got %v", v)
}

func toFloat(v any) (float64, error) {
	switch n := v.(type) {
	case int64:
		return float64(n), nil
	case float64:
		return n, nil
	case json.Number:
		return strconv.ParseFloat(string(n), 64)
	}
	return 0, fmt.Errorf("want a number, got %T", v)
}

func toTime(v any) (time.Time, error) {
	switch t := v.(type) {
	case time.Time:
		return t, nil
	case string:
		return time.Parse(time.RFC3339Nano, t)
	}
	f, err := toFloat(v)
	if err != nil {
		return time.Time{}, err
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(math.Round(frac*1e3))*1e6).UTC(), nil
}

func toBlob(v any) ([]byte, error) {
	switch b := v.(type) {
	case []byte:
		return b, nil
	case string:
		return base64.StdEncoding.DecodeString(b)
	}
	return nil, fmt.Errorf("want a blob, got %T", v)
}

// setScalarFromString sets dst from a URI label, query value or header.
func setScalarFromString(dst reflect.Value, s string) error {
	if dst.Kind() == reflect.Pointer {
		p := reflect.New(dst.Type().Elem())
		if err := setScalarFromString(p.Elem(), s); err != nil {
			return err
		}
		dst.Set(p)
		return nil
	}
	switch dst.Kind() {
	case reflect.String:
		dst.SetString(s)
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return err
		}
		dst.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, dst.Type().Bits())
		if err != nil {
			return err
		}
		dst.SetInt(n)
	default:
		return fmt.Errorf("cannot bind %q to %s", s, dst.Type())
	}
	return nil
}
