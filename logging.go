package main

import "strings"

// sdkLoggers are the terraform-plugin-log loggers of the plugin SDK itself.
var sdkLoggers = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"}

// quietSDKLogsUnlessAsked switches the SDK's own loggers off when the user
// set no TF_LOG* variable. Otherwise the framework builds TRACE entries for
// every attribute and terraform parses and then discards them
// (terraform-plugin-framework#721): 16-40% of a 28-cluster plan's wall time,
// see the performance guide. Anyone debugging sets TF_LOG and gets every
// line as before.
func quietSDKLogsUnlessAsked(environ []string, setenv func(key, value string) error) error {
	for _, kv := range environ {
		if strings.HasPrefix(kv, "TF_LOG") {
			return nil
		}
	}
	for _, key := range sdkLoggers {
		if err := setenv(key, "off"); err != nil {
			return err
		}
	}
	return nil
}
