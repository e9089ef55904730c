// Package framework is what the Terraform edge (internal/service/*) shares:
// the bounded number types every number input uses, the wiring of the
// offline data sources, rendered objects as outputs, core problems as
// diagnostics, and the AWS client of the resources that call AWS.
//
// An offline data source (a renderer or an estimate) has one shape, all in
// internal/service/<svc>/<name>_data_source.go:
//
//	var _ framework.ComputedModel = (*fooModel)(nil)    // the unused linter does not see the model through the type argument below
//	type fooDataSource struct {                         // offline: no client; ValidateConfig
//		framework.OfflineDataSource[fooModel, *fooModel] // and Read come from OfflineDataSource
//	}
//	func (d *fooDataSource) Metadata(...)              { resp.TypeName = "scaling_foo" } // in full
//	type fooModel struct{ inputs...; outputs... }       // one field per attribute
//	func (d *fooDataSource) Schema(...)                // schema.XAttribute literals; a number a user sets is a
//	                                                    // NumberAttribute{CustomType: WholeNumberType or RealNumberType}
//	func (m *fooModel) Compute(ctx, diags) problem.List // run the pure core, fill the outputs (RenderObject or
//	                                                    // RenderObjects for manifests), return the core's problems
//
// It is listed in DataSources() in internal/service/<svc>/<svc>.go (with the
// service's shared pieces), has an example under
// examples/data-sources/scaling_foo/, and its tests in
// <name>_data_source_test.go: acceptance cases (acctest.ExpectErrors for bad
// input) and acctest.CheckProblemPaths; <svc>_test.go runs
// acctest.CheckDataSourceSchemas over the package.
package framework
