// Package kubeapi is a fake Kubernetes API server for the tests of
// scaling_kubernetes_objects: enough discovery, server-side apply, get and
// delete to drive the resource without a cluster (test/k8s runs the same
// resource against a real control plane).
package kubeapi

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"sigs.k8s.io/yaml"
)

// Fake is enough of a Kubernetes API server for the resource's tests:
// discovery (built-in kinds plus those of the CRDs it holds), and
// server-side apply, get and delete of objects, with managedFields. A CRD
// is Established (and its kinds served) after SetEstablishAfter reads of it.
// Deleting a CRD deletes its objects; deleting a Namespace deletes what is
// in it. It does not validate schemas or merge applies: an apply replaces
// the object.
type Fake struct {
	*httptest.Server
	t *testing.T

	mu             sync.Mutex
	objects        map[string]map[string]any // by path: /apis/g/v/namespaces/ns/res/name
	crdReads       map[string]int
	establishAfter int
	discoveryLag   int
	discoveryReads map[string]int // by CRD name, once Established
	log            []string       // "PATCH NodePool/general", "GET ...", in order
	onRequest      func(method, kind, name string) (drop bool)
	loseReply      func(method, kind, name string) bool
	cleanupStuck   bool
	terminating    map[string]bool // CRD paths whose clean-up failed
}

type fakeKind struct {
	group, version, kind, resource string
	namespaced                     bool
}

var builtinKinds = []fakeKind{
	{"", "v1", "Namespace", "namespaces", false},
	{"", "v1", "ConfigMap", "configmaps", true},
	{"", "v1", "ServiceAccount", "serviceaccounts", true},
	{"apps", "v1", "Deployment", "deployments", true},
	{"scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false},
	{"autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true},
	{"apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false},
}

// NewFake starts a fake API server, stopped when the test ends. It holds
// the Namespace "default", as every cluster does.
func NewFake(t *testing.T) *Fake {
	f := &Fake{t: t, objects: map[string]map[string]any{}, crdReads: map[string]int{}, discoveryReads: map[string]int{}, terminating: map[string]bool{}}
	f.objects[objectPath(builtinKinds[0], "", "default")] = map[string]any{
		"apiVersion": "v1", "kind": "Namespace", "metadata": map[string]any{"name": "default"},
	}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// SetEstablishAfter makes each CRD Established only once it has been read n
// times, as a real server takes a moment.
func (f *Fake) SetEstablishAfter(n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.establishAfter = n
}

// SetDiscoveryLag makes an Established CRD's kinds appear in discovery only
// after n discovery reads of its group and version, as a real API server's
// discovery lags the Established condition.
func (f *Fake) SetDiscoveryLag(n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.discoveryLag = n
}

// SetOnRequest installs fn, run before each object request is served (nil
// removes it). When fn returns true the request gets no answer until the
// client gives up: a reply lost to a canceled context or a dropped
// connection.
func (f *Fake) SetOnRequest(fn func(method, kind, name string) (drop bool)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.onRequest = fn
}

// SetLoseReply installs fn, run before each object request is served (nil
// removes it). When fn returns true the request is served (an apply is
// applied) but its reply is lost: the connection closes before the answer,
// as when it drops after the API server did the work.
func (f *Fake) SetLoseReply(fn func(method, kind, name string) bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.loseReply = fn
}

// SetCRDCleanupStuck makes a deleted CRD stay, terminating, with the
// condition a real API server sets when the clean-up of its instances
// failed (Terminating, reason InstanceDeletionFailed, "storage is
// (re)initializing"), until any merge patch of it, which stands for the
// CRD finalizer's retry that a change to the CRD triggers at once.
func (f *Fake) SetCRDCleanupStuck(stuck bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cleanupStuck = stuck
}

// kinds lists what discovery serves: built-ins and Established CRDs' kinds.
func (f *Fake) kinds() []fakeKind {
	out := append([]fakeKind(nil), builtinKinds...)
	for p, crd := range f.objects {
		meta, _ := crd["metadata"].(map[string]any)
		if !strings.Contains(p, "/customresourcedefinitions/") || !f.established(crd) || f.discoveryReads[fmt.Sprint(meta["name"])] < f.discoveryLag {
			continue
		}
		spec, _ := crd["spec"].(map[string]any)
		names, _ := spec["names"].(map[string]any)
		versions, _ := spec["versions"].([]any)
		for _, v := range versions {
			vm, _ := v.(map[string]any)
			if vm["served"] != true {
				continue
			}
			out = append(out, fakeKind{
				group: fmt.Sprint(spec["group"]), version: fmt.Sprint(vm["name"]),
				kind: fmt.Sprint(names["kind"]), resource: fmt.Sprint(names["plural"]),
				namespaced: spec["scope"] == "Namespaced",
			})
		}
	}
	return out
}

func (f *Fake) established(crd map[string]any) bool {
	meta, _ := crd["metadata"].(map[string]any)
	return f.crdReads[fmt.Sprint(meta["name"])] >= f.establishAfter
}

func (f *Fake) status(w http.ResponseWriter, code int, reason, msg string, details map[string]any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"kind": "Status", "apiVersion": "v1", "status": "Failure",
		"message": msg, "reason": reason, "code": code, "details": details,
	})
}

func (f *Fake) write(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	var group, version string
	var rest []string
	switch {
	case len(parts) >= 2 && parts[0] == "api":
		version, rest = parts[1], parts[2:]
	case len(parts) >= 2 && parts[0] == "apis":
		group = parts[1]
		if len(parts) >= 3 {
			version, rest = parts[2], parts[3:]
		}
	default:
		f.status(w, 404, "NotFound", "no such path "+r.URL.Path, nil)
		return
	}
	kinds := f.kinds()
	if version == "" { // GET /apis/<group>
		var versions []any
		seen := map[string]bool{}
		for _, k := range kinds {
			if k.group == group && !seen[k.version] {
				seen[k.version] = true
				versions = append(versions, map[string]any{"groupVersion": group + "/" + k.version, "version": k.version})
			}
		}
		if len(versions) == 0 {
			f.status(w, 404, "NotFound", "no group "+group, nil)
			return
		}
		f.write(w, map[string]any{"kind": "APIGroup", "apiVersion": "v1", "name": group, "versions": versions})
		return
	}
	if len(rest) == 0 { // discovery of a group/version
		f.countDiscovery(group)
		var resources []any
		for _, k := range kinds {
			if k.group == group && k.version == version {
				resources = append(resources, map[string]any{"name": k.resource, "kind": k.kind, "namespaced": k.namespaced, "verbs": []string{"get", "patch", "delete"}})
			}
		}
		if resources == nil {
			f.status(w, 404, "NotFound", "the server could not find the requested resource", nil)
			return
		}
		gv := version
		if group != "" {
			gv = group + "/" + version
		}
		f.write(w, map[string]any{"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv, "resources": resources})
		return
	}
	namespace := ""
	if len(rest) >= 2 && rest[0] == "namespaces" && len(rest) >= 3 {
		namespace, rest = rest[1], rest[2:]
	}
	if len(rest) != 2 {
		f.status(w, 404, "NotFound", "unsupported path "+r.URL.Path, nil)
		return
	}
	resourceName, name := rest[0], rest[1]
	var kind *fakeKind
	for i, k := range kinds {
		if k.group == group && k.version == version && k.resource == resourceName {
			kind = &kinds[i]
		}
	}
	if kind == nil {
		f.status(w, 404, "NotFound", "the server could not find the requested resource", nil)
		return
	}
	f.log = append(f.log, r.Method+" "+kind.kind+"/"+name)
	if f.onRequest != nil && f.onRequest(r.Method, kind.kind, name) {
		f.mu.Unlock()
		// The server notices a client going away only once the body is read.
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
		f.mu.Lock()
		return
	}
	if f.loseReply != nil && f.loseReply(r.Method, kind.kind, name) {
		f.handle(httptest.NewRecorder(), r, *kind, namespace, name)
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			_ = conn.Close()
		}
		return
	}
	f.handle(w, r, *kind, namespace, name)
}

// handle serves a get, apply or delete of one object.
func (f *Fake) handle(w http.ResponseWriter, r *http.Request, kind fakeKind, namespace, name string) {
	key := objectPath(kind, namespace, name)
	switch r.Method {
	case http.MethodGet:
		obj, ok := f.objects[key]
		if !ok {
			f.status(w, 404, "NotFound", fmt.Sprintf("%s %q not found", kind.resource, name), map[string]any{"name": name, "kind": kind.resource})
			return
		}
		if kind.kind == "CustomResourceDefinition" {
			f.crdReads[name]++
			if f.established(obj) {
				obj["status"] = map[string]any{"conditions": []any{map[string]any{"type": "Established", "status": "True"}}}
			}
			if f.terminating[key] {
				obj["status"] = map[string]any{"conditions": []any{
					map[string]any{"type": "Established", "status": "True"},
					map[string]any{"type": "Terminating", "status": "True", "reason": "InstanceDeletionFailed", "message": "could not list instances: storage is (re)initializing"},
				}}
			}
		}
		f.write(w, obj)
	case http.MethodPatch:
		if ct := r.Header.Get("Content-Type"); ct == "application/merge-patch+json" && f.terminating[key] {
			obj := f.objects[key]
			f.deleteNow(kind, key, name)
			f.write(w, obj)
			return
		}
		if ct := r.Header.Get("Content-Type"); ct != "application/apply-patch+yaml" {
			f.status(w, 415, "UnsupportedMediaType", "want server-side apply, got "+ct, nil)
			return
		}
		manager := r.URL.Query().Get("fieldManager")
		if manager == "" {
			f.status(w, 400, "BadRequest", "fieldManager is required for apply", nil)
			return
		}
		raw, _ := io.ReadAll(r.Body)
		var obj map[string]any
		if err := yaml.Unmarshal(raw, &obj); err != nil {
			f.status(w, 400, "BadRequest", err.Error(), nil)
			return
		}
		if kind.namespaced {
			if _, ok := f.objects[objectPath(builtinKinds[0], "", namespace)]; !ok {
				f.status(w, 404, "NotFound", fmt.Sprintf("namespaces %q not found", namespace), map[string]any{"name": namespace, "kind": "namespaces"})
				return
			}
		}
		meta, _ := obj["metadata"].(map[string]any)
		if kind.namespaced {
			meta["namespace"] = namespace
		}
		meta["uid"] = "uid-" + name
		meta["managedFields"] = []any{map[string]any{
			"manager": manager, "operation": "Apply", "apiVersion": obj["apiVersion"],
			"fieldsV1": fieldSet(obj),
		}}
		f.objects[key] = obj
		f.write(w, obj)
	case http.MethodDelete:
		if _, ok := f.objects[key]; !ok {
			f.status(w, 404, "NotFound", fmt.Sprintf("%s %q not found", kind.resource, name), map[string]any{"name": name, "kind": kind.resource})
			return
		}
		if kind.kind == "CustomResourceDefinition" && f.cleanupStuck {
			meta, _ := f.objects[key]["metadata"].(map[string]any)
			meta["deletionTimestamp"] = time.Now().UTC().Format(time.RFC3339)
			meta["finalizers"] = []any{"customresourcecleanup.apiextensions.k8s.io"}
			f.terminating[key] = true
			f.write(w, f.objects[key])
			return
		}
		f.deleteNow(kind, key, name)
		f.write(w, map[string]any{"kind": "Status", "apiVersion": "v1", "status": "Success"})
	default:
		f.status(w, 405, "MethodNotAllowed", r.Method, nil)
	}
}

// deleteNow removes an object, and what a Namespace holds or a CRD defines.
func (f *Fake) deleteNow(kind fakeKind, key, name string) {
	delete(f.objects, key)
	delete(f.terminating, key)
	for p := range f.objects {
		if kind.kind == "Namespace" && strings.Contains(p, "/namespaces/"+name+"/") ||
			kind.kind == "CustomResourceDefinition" && strings.HasPrefix(p, "/apis/"+strings.SplitN(name, ".", 2)[1]+"/") {
			delete(f.objects, p)
		}
	}
}

// countDiscovery counts a discovery read against the Established CRDs of group.
func (f *Fake) countDiscovery(group string) {
	for p, crd := range f.objects {
		spec, _ := crd["spec"].(map[string]any)
		meta, _ := crd["metadata"].(map[string]any)
		if strings.Contains(p, "/customresourcedefinitions/") && spec["group"] == group && f.established(crd) {
			f.discoveryReads[fmt.Sprint(meta["name"])]++
		}
	}
}

func objectPath(k fakeKind, namespace, name string) string {
	p := "/api/" + k.version
	if k.group != "" {
		p = "/apis/" + k.group + "/" + k.version
	}
	if k.namespaced {
		p += "/namespaces/" + namespace
	}
	return p + "/" + k.resource + "/" + name
}

// fieldSet is a managedFields fieldsV1 for every map key of obj.
func fieldSet(v any) map[string]any {
	out := map[string]any{}
	if m, ok := v.(map[string]any); ok {
		for k, e := range m {
			if k == "apiVersion" || k == "kind" {
				continue
			}
			out["f:"+k] = fieldSet(e)
		}
	}
	return out
}

// Find returns the stored object of a kind and name (any namespace).
func (f *Fake) Find(kind, name string) map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, obj := range f.objects {
		meta, _ := obj["metadata"].(map[string]any)
		if obj["kind"] == kind && meta["name"] == name {
			return obj
		}
	}
	return nil
}

// Names lists the stored objects as "Kind/name", sorted.
func (f *Fake) Names() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, obj := range f.objects {
		meta, _ := obj["metadata"].(map[string]any)
		out = append(out, fmt.Sprintf("%s/%s", obj["kind"], meta["name"]))
	}
	sort.Strings(out)
	return out
}

// Remove deletes an object behind Terraform's back.
func (f *Fake) Remove(kind, name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for p, obj := range f.objects {
		meta, _ := obj["metadata"].(map[string]any)
		if obj["kind"] == kind && meta["name"] == name {
			delete(f.objects, p)
		}
	}
}

// Edit changes data[key] of a ConfigMap the way `kubectl edit` does: the
// field moves from the applier's managedFields entry to kubectl-edit's.
func (f *Fake) Edit(name, key, value string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, obj := range f.objects {
		meta, _ := obj["metadata"].(map[string]any)
		if obj["kind"] != "ConfigMap" || meta["name"] != name {
			continue
		}
		obj["data"].(map[string]any)[key] = value
		entry := meta["managedFields"].([]any)[0].(map[string]any)
		delete(entry["fieldsV1"].(map[string]any)["f:data"].(map[string]any), "f:"+key)
		meta["managedFields"] = append(meta["managedFields"].([]any), map[string]any{
			"manager": "kubectl-edit", "operation": "Update", "fieldsV1": map[string]any{"f:data": map[string]any{"f:" + key: map[string]any{}}},
		})
		return
	}
	f.t.Fatalf("no ConfigMap %s to edit", name)
}

// Requests returns the request log.
func (f *Fake) Requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.log...)
}
