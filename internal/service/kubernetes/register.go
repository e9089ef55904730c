package kubernetes

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources lists this package's resources for the provider.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{newObjectsResource}
}
