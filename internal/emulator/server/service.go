package server

import (
	"fmt"
	"net/http"
	"reflect"
	"time"

	smithy "github.com/aws/smithy-go"
	smithytraits "github.com/aws/smithy-go/traits"
)

// Env is what a service needs from the emulator it runs in.
type Env struct {
	Region    string
	AccountID string
	// Now is the emulator's clock, in UTC.
	Now func() time.Time
}

// Service is one emulated AWS service: its wire protocol, its operations
// and its state's hooks.
type Service struct {
	// Name is the short name used for faults and call counts ("eks").
	Name       string
	Protocol   Protocol
	Operations []Operation
	// NotFound is the error the service answers for a resource of
	// operation op that is missing; the not_found fault answers it.
	NotFound func(op string) *APIError
	// Reset drops the service's state.
	Reset func()
	// Control holds the service's control routes, served under
	// /_emulator/<Name>/<route>.
	Control map[string]http.HandlerFunc
}

// Operation is one API operation, its input decoded into the SDK's input
// type and its output encoded from the SDK's output type.
type Operation struct {
	Name string
	// HTTP is the operation's smithy HTTP trait (restJson1 routes).
	HTTP *smithytraits.HTTP
	// input is the schema of the SDK input type.
	input    *smithy.Schema
	newInput func() any
	call     func(in any) (smithy.Serializable, *APIError)
}

// Op binds an operation, named by the SDK's operation schema (for example
// eks/schemas.CreateCluster), to fn, which takes the SDK's input type and
// returns its output type.
func Op[In, Out any](op *smithy.Schema, fn func(*In) (*Out, *APIError)) Operation {
	in, ok := any(new(In)).(smithy.Serializable)
	if !ok {
		panic(fmt.Sprintf("emulator: %T is not an SDK input type", new(In)))
	}
	if _, ok := any(new(Out)).(smithy.Serializable); !ok {
		panic(fmt.Sprintf("emulator: %T is not an SDK output type", new(Out)))
	}
	o := Operation{
		Name:     op.ID().Name,
		input:    inputSchema(in),
		newInput: func() any { return new(In) },
		call: func(in any) (smithy.Serializable, *APIError) {
			out, aerr := fn(in.(*In))
			if aerr != nil {
				return nil, aerr
			}
			return any(out).(smithy.Serializable), nil
		},
	}
	if h, ok := smithy.SchemaTrait[*smithytraits.HTTP](op); ok {
		o.HTTP = h
	}
	return o
}

// bindString sets the input member name (a URI label, query or header
// member) from a string.
func (o *Operation) bindString(in any, member, value string) *APIError {
	v := reflect.ValueOf(in).Elem()
	i, ok := fieldByMember(v.Type(), member)
	if !ok {
		return nil
	}
	if err := setScalarFromString(v.Field(i), value); err != nil {
		return ErrSerialization(fmt.Sprintf("%s: %v", member, err))
	}
	return nil
}

// bindStrings sets a list member from repeated query values.
func (o *Operation) bindStrings(in any, member string, values []string) {
	v := reflect.ValueOf(in).Elem()
	i, ok := fieldByMember(v.Type(), member)
	if !ok || v.Field(i).Kind() != reflect.Slice {
		return
	}
	f := v.Field(i)
	out := reflect.MakeSlice(f.Type(), len(values), len(values))
	for j, s := range values {
		out.Index(j).SetString(s)
	}
	f.Set(out)
}

// decodeBody fills in's body members from a decoded body tree.
func (o *Operation) decodeBody(in any, tree any, jsonNames bool) *APIError {
	if tree == nil {
		return nil
	}
	obj, ok := tree.(map[string]any)
	if !ok {
		return ErrSerialization("the request body is not an object")
	}
	if err := decodeStruct(reflect.ValueOf(in), obj, o.input, jsonNames); err != nil {
		return ErrSerialization("cannot decode request: " + err.Error())
	}
	return nil
}

// Protocol is one AWS wire protocol, as the SDK's clients speak it.
type Protocol interface {
	// Match finds the operation a request is for among ops, with its URI
	// labels, or nil.
	Match(r *http.Request, ops []Operation) (*Operation, map[string]string)
	// Decode fills the SDK input in from the request and its body.
	Decode(r *http.Request, body []byte, labels map[string]string, op *Operation, in any) *APIError
	// WriteOutput writes a successful reply.
	WriteOutput(w http.ResponseWriter, out smithy.Serializable)
	// WriteError writes an error reply.
	WriteError(w http.ResponseWriter, err *APIError)
}
