package main

import (
	"reflect"
	"testing"
)

func TestQuietSDKLogsUnlessAsked(t *testing.T) {
	cases := []struct {
		name    string
		environ []string
		want    map[string]string
	}{
		{"no logging asked", []string{"HOME=/root", "TF_CLI_CONFIG_FILE=x"}, map[string]string{
			"TF_LOG_SDK": "off", "TF_LOG_SDK_PROTO": "off", "TF_LOG_SDK_FRAMEWORK": "off",
		}},
		{"TF_LOG", []string{"TF_LOG=trace"}, map[string]string{}},
		{"TF_LOG_PROVIDER", []string{"TF_LOG_PROVIDER=debug"}, map[string]string{}},
		{"one SDK logger", []string{"TF_LOG_SDK_PROTO=trace"}, map[string]string{}},
		{"TF_LOG_PATH", []string{"TF_LOG_PATH=/tmp/tf.log"}, map[string]string{}},
	}
	for _, tc := range cases {
		got := map[string]string{}
		err := quietSDKLogsUnlessAsked(tc.environ, func(k, v string) error { got[k] = v; return nil })
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: set %v (err %v), want %v", tc.name, got, err, tc.want)
		}
	}
}
