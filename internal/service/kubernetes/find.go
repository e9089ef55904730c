package kubernetes

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/objectset"
)

// mapping is where the API serves a kind.
type mapping struct {
	resource   schema.GroupVersionResource
	namespaced bool
}

// gvPath is the discovery path of a group/version.
func gvPath(group, version string) string {
	if group == "" {
		return "/api/" + version
	}
	return "/apis/" + group + "/" + version
}

// getJSON GETs a path of the API server into out; found is false on 404.
func (c *client) getJSON(ctx context.Context, path string, out any) (found bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return false, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return false, err
	}
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return false, nil
	case resp.StatusCode != http.StatusOK:
		return false, fmt.Errorf("GET %s: %s: %s", path, resp.Status, strings.TrimSpace(string(body)))
	}
	return true, json.Unmarshal(body, out)
}

// resourceList is the discovery of one group/version, cached; nil when the
// cluster does not serve it.
func (c *client) resourceList(ctx context.Context, group, version string, fresh bool) (*metav1.APIResourceList, error) {
	key := group + "/" + version
	c.mu.Lock()
	list, cached := c.resources[key]
	c.mu.Unlock()
	if cached && !fresh {
		return list, nil
	}
	list = &metav1.APIResourceList{}
	found, err := c.getJSON(ctx, gvPath(group, version), list)
	if err != nil {
		return nil, fmt.Errorf("discovering %s: %w", key, err)
	}
	if !found {
		list = nil
	}
	c.mu.Lock()
	c.resources[key] = list
	c.mu.Unlock()
	return list, nil
}

// forgetDiscovery drops cached discovery, after CRDs were established.
func (c *client) forgetDiscovery() {
	c.mu.Lock()
	c.resources = map[string]*metav1.APIResourceList{}
	c.mu.Unlock()
}

// mappingFor finds where the cluster serves an object's kind; ok is false
// when it serves no such kind in that version. A miss asks once more, since
// a CRD may have been established since the cache was filled.
func (c *client) mappingFor(ctx context.Context, group, version, kind string) (m mapping, ok bool, err error) {
	for _, fresh := range []bool{false, true} {
		list, err := c.resourceList(ctx, group, version, fresh)
		if err != nil {
			return m, false, err
		}
		if list == nil {
			continue
		}
		for _, r := range list.APIResources {
			if r.Kind == kind && !strings.Contains(r.Name, "/") {
				return mapping{
					resource:   schema.GroupVersionResource{Group: group, Version: version, Resource: r.Name},
					namespaced: r.Namespaced,
				}, true, nil
			}
		}
	}
	return m, false, nil
}

// servedVersions lists the versions the cluster serves of an API group.
func (c *client) servedVersions(ctx context.Context, group string) ([]string, error) {
	if group == "" {
		return []string{"v1"}, nil
	}
	var g metav1.APIGroup
	found, err := c.getJSON(ctx, "/apis/"+group, &g)
	if err != nil || !found {
		return nil, err
	}
	var out []string
	for _, v := range g.Versions {
		out = append(out, v.Version)
	}
	return out, nil
}

// missingKindError explains an object whose kind the cluster does not serve.
func (c *client) missingKindError(ctx context.Context, o objectset.Object) error {
	served, err := c.servedVersions(ctx, o.Group)
	if err != nil {
		return err
	}
	return fmt.Errorf("%s", objectset.MissingKind(o, served))
}

// target is the dynamic client for one object's resource and namespace
// (namespaced kinds without a namespace go to "default", as with kubectl).
func (c *client) target(m mapping, namespace string) (dynamic.ResourceInterface, string) {
	if !m.namespaced {
		return c.dyn.Resource(m.resource), ""
	}
	if namespace == "" {
		namespace = "default"
	}
	return c.dyn.Resource(m.resource).Namespace(namespace), namespace
}

// get reads an object; found is false when it is gone, including when the
// cluster no longer serves its kind (its CRD was deleted, and so was it).
func (c *client) get(ctx context.Context, o objectset.Object) (*unstructured.Unstructured, bool, error) {
	m, ok, err := c.mappingFor(ctx, o.Group, o.Version, o.Kind)
	if err != nil || !ok {
		return nil, false, err
	}
	ri, _ := c.target(m, o.Namespace)
	live, err := ri.Get(ctx, o.Name, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("reading %s: %w", o.Key(), err)
	}
	return live, true, nil
}

// resolve is the object's identity as the cluster sees it: a namespaced
// object written without a namespace is in "default", a cluster-scoped one
// has none whatever it says. Kinds the cluster does not serve keep theirs.
func (c *client) resolve(ctx context.Context, o objectset.Object) (objectset.Ref, error) {
	m, ok, err := c.mappingFor(ctx, o.Group, o.Version, o.Kind)
	if err != nil || !ok {
		return o.Ref, err
	}
	r := o.Ref
	_, r.Namespace = c.target(m, o.Namespace)
	return r, nil
}
