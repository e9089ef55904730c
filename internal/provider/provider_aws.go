package provider

import (
	"context"
	"math/big"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
)

// awsConfig translates the provider block into the AWS client factory's
// configuration. A value Terraform does not know yet (from a resource not
// created) is named in Unknown, never read as empty: an unknown role_arn is
// not a missing one, and an unknown region is not "no region".
func (m providerModel) awsConfig(ctx context.Context) (conns.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	r := reader{ctx: ctx, diags: &diags}
	cfg := conns.Config{
		Region:                    r.str("region", m.Region),
		Profile:                   r.str("profile", m.Profile),
		SharedConfigFiles:         r.list("shared_config_files", m.SharedConfigFiles),
		SharedCredentialsFiles:    r.list("shared_credentials_files", m.SharedCredentialsFiles),
		AccessKey:                 r.str("access_key", m.AccessKey),
		SecretKey:                 r.str("secret_key", m.SecretKey),
		SessionToken:              r.str("token", m.Token),
		RetryMode:                 aws.RetryMode(r.str("retry_mode", m.RetryMode)),
		EndpointURL:               r.str("endpoint_url", m.EndpointURL),
		UseTestCredentials:        r.boolean("use_test_credentials", m.UseTestCredentials),
		SkipCredentialsValidation: r.boolean("skip_credentials_validation", m.SkipCredentialsValidation),
		SkipRequestingAccountID:   r.boolean("skip_requesting_account_id", m.SkipRequestingAccountID),
		SkipMetadataAPICheck:      r.boolean("skip_metadata_api_check", m.SkipMetadataAPICheck),
		SkipRegionValidation:      r.boolean("skip_region_validation", m.SkipRegionValidation),
		Endpoints:                 map[string]string{},
	}
	// Out-of-bounds or fractional values are the attribute type's plan-time
	// error; only a valid count reaches the client.
	if v := m.MaxRetries; v.IsUnknown() {
		r.unknown = append(r.unknown, "max_retries")
	} else if !v.IsNull() {
		if f := v.ValueBigFloat(); f.IsInt() && f.Sign() >= 0 && f.Cmp(big.NewFloat(conns.MaxRetriesLimit)) <= 0 {
			n := int(v.ValueInt64())
			cfg.MaxRetries = &n
		}
	}
	if !r.known("skip_region_validation") {
		// The region's check depends on the switch: wait for both.
		r.unknown = append(r.unknown, "region")
	}
	if m.AssumeRole != nil {
		cfg.AssumeRole = m.AssumeRole.config(&r)
	}
	if e := m.Endpoints; e != nil {
		cfg.Endpoints["eks"] = r.str("endpoints.eks", e.EKS)
		cfg.Endpoints["ecr"] = r.str("endpoints.ecr", e.ECR)
		cfg.Endpoints["cloudwatch"] = r.str("endpoints.cloudwatch", e.CloudWatch)
		cfg.Endpoints["sts"] = r.str("endpoints.sts", e.STS)
	}
	cfg.Unknown = r.unknown
	return cfg, diags
}

// reader reads known values and records the names of unknown ones.
type reader struct {
	ctx     context.Context
	diags   *diag.Diagnostics
	unknown []string
}

func (r *reader) known(name string) bool {
	for _, u := range r.unknown {
		if u == name {
			return false
		}
	}
	return true
}

func (r *reader) str(name string, v types.String) string {
	if v.IsUnknown() {
		r.unknown = append(r.unknown, name)
	}
	return v.ValueString()
}

func (r *reader) boolean(name string, v types.Bool) bool {
	if v.IsUnknown() {
		r.unknown = append(r.unknown, name)
	}
	return v.ValueBool()
}

// elements reads a list or set of strings; unknown elements make the
// whole attribute unknown.
func (r *reader) elements(name string, v interface {
	IsNull() bool
	IsUnknown() bool
	ElementsAs(context.Context, any, bool) diag.Diagnostics
}) []string {
	if v.IsNull() {
		return nil
	}
	var elems []types.String
	if v.IsUnknown() {
		r.unknown = append(r.unknown, name)
		return nil
	}
	r.diags.Append(v.ElementsAs(r.ctx, &elems, false)...)
	out := make([]string, 0, len(elems))
	for _, e := range elems {
		if e.IsUnknown() {
			r.unknown = append(r.unknown, name)
			return nil
		}
		out = append(out, e.ValueString())
	}
	return out
}

func (r *reader) list(name string, v types.List) []string { return r.elements(name, v) }
func (r *reader) set(name string, v types.Set) []string   { return r.elements(name, v) }

func (r *reader) stringMap(name string, v types.Map) map[string]string {
	if v.IsNull() {
		return nil
	}
	if v.IsUnknown() {
		r.unknown = append(r.unknown, name)
		return nil
	}
	var elems map[string]types.String
	r.diags.Append(v.ElementsAs(r.ctx, &elems, false)...)
	out := make(map[string]string, len(elems))
	for k, e := range elems {
		if e.IsUnknown() {
			r.unknown = append(r.unknown, name)
			return nil
		}
		out[k] = e.ValueString()
	}
	return out
}
