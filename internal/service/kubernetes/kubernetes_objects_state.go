package kubernetes

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/objectset"
)

// ownedKey is the private-state key of the owned-fields digests: per object
// key, objectset.OwnedFields right after our last apply of it.
const ownedKey = "owned_fields"

// privateState is the part of the framework's private state API we use
// (CreateResponse, UpdateResponse and ReadRequest all have one).
type privateState interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// unconfirmedMark starts the shown text of an object whose apply was sent
// but never confirmed: the API server may hold it, so destroy and a prune
// delete it like any other, and since the plan's text lacks the mark, the
// next plan shows a change that applies it again.
const unconfirmedMark = "# not confirmed: its apply was sent but the answer was lost (canceled, timed out or disconnected); the next apply sends it again\n"

// confirmedText is a shown text without its unconfirmed mark.
func confirmedText(text string) string { return strings.TrimPrefix(text, unconfirmedMark) }

// tracker is the state being built: the shown text and owned-fields digest
// of every object applied or sent without confirmation, less those deleted.
type tracker struct {
	shown   map[string]string
	owned   map[string]string
	manager string
}

func newTracker(shown, owned map[string]string, manager string) *tracker {
	t := &tracker{shown: map[string]string{}, owned: map[string]string{}, manager: manager}
	for k, v := range shown {
		t.shown[k] = v
	}
	for k, v := range owned {
		t.owned[k] = v
	}
	return t
}

func (t *tracker) applied(o objectset.Object, live *unstructured.Unstructured) {
	text, err := objectset.Show(o.Body)
	if err != nil {
		text = fmt.Sprintf("# %v", err)
	}
	t.shown[o.Key()] = text
	delete(t.owned, o.Key())
	if live != nil {
		if d, ok := objectset.OwnedFields(live.Object, t.manager); ok {
			t.owned[o.Key()] = d
		}
	}
}

// unconfirmed records an object the API server may or may not have applied.
// It keeps the text last confirmed when there is one (an update's old
// value: the plan still shows the change), else the text sent.
func (t *tracker) unconfirmed(o objectset.Object) {
	text, ok := t.shown[o.Key()]
	if !ok {
		var err error
		if text, err = objectset.Show(o.Body); err != nil {
			text = fmt.Sprintf("# %v", err)
		}
	}
	t.shown[o.Key()] = unconfirmedMark + confirmedText(text)
	delete(t.owned, o.Key())
}

func (t *tracker) deleted(o objectset.Object) {
	delete(t.shown, o.Key())
	delete(t.owned, o.Key())
}

// refresh checks every tracked object on the cluster (see Read).
func (t *tracker) refresh(ctx context.Context, c *client, yaml string) error {
	desired := map[string]objectset.Object{}
	objs, _ := objectset.Parse(yaml, yamlPath)
	for _, o := range objs {
		desired[o.Key()] = o
	}
	keys := make([]string, 0, len(t.shown))
	for k := range t.shown {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		o, err := parseShown(key, t.shown[key])
		if err != nil {
			return err
		}
		live, found, err := c.get(ctx, o)
		if err != nil {
			return err
		}
		if !found {
			t.deleted(o)
			continue
		}
		before, tracked := t.owned[key]
		now, ok := objectset.OwnedFields(live.Object, t.manager)
		if !tracked || (ok && now == before) {
			continue
		}
		// Someone changed or removed a field we set: show the cluster's
		// values for the fields we set, and the plan puts ours back.
		want := o.Body
		if d, ok := desired[key]; ok {
			want = d.Body
		}
		projected, _ := objectset.Project(live.Object, want).(map[string]any)
		if text, err := objectset.Show(projected); err == nil {
			t.shown[key] = text
		}
	}
	return nil
}

// save writes the model with the tracked objects into state, and the
// owned-fields digests into private state (when given).
func (t *tracker) save(ctx context.Context, m objectsModel, state *tfsdk.State, private privateState, diags *diag.Diagnostics) {
	v, d := types.MapValueFrom(ctx, types.StringType, t.shown)
	diags.Append(d...)
	m.Objects = v
	diags.Append(state.Set(ctx, &m)...)
	if private != nil {
		raw, err := json.Marshal(t.owned)
		if err != nil {
			diags.AddError("Cannot save private state", err.Error())
			return
		}
		diags.Append(private.SetKey(ctx, ownedKey, raw)...)
	}
}

// recorded is what the state holds of the objects: their shown text, and
// the owned-fields digests kept in private state.
func recorded(ctx context.Context, m objectsModel, private privateState, diags *diag.Diagnostics) (shown, owned map[string]string) {
	shown, d := stringMap(ctx, m.Objects)
	diags.Append(d...)
	owned, d = readOwned(ctx, private)
	diags.Append(d...)
	return shown, owned
}

func readOwned(ctx context.Context, private privateState) (map[string]string, diag.Diagnostics) {
	out := map[string]string{}
	raw, diags := private.GetKey(ctx, ownedKey)
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &out); err != nil {
			diags.AddError("Cannot read private state", err.Error())
		}
	}
	return out, diags
}

// showAll is the objects attribute for a set of objects.
func showAll(objs []objectset.Object) (map[string]string, error) {
	out := make(map[string]string, len(objs))
	for _, o := range objs {
		text, err := objectset.Show(o.Body)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", o.Key(), err)
		}
		out[o.Key()] = text
	}
	return out, nil
}

// parseShown reads an object back from its shown text, for its identity and
// version (large values in it are digests, never applied).
func parseShown(key, text string) (objectset.Object, error) {
	objs, probs := objectset.Parse(confirmedText(text), nil)
	if err := probs.Err(); err != nil {
		return objectset.Object{}, fmt.Errorf("state entry %s: %w; remove the resource with terraform state rm and apply again", key, err)
	}
	if len(objs) != 1 || objs[0].Key() != key {
		return objectset.Object{}, fmt.Errorf("state entry %s does not hold that object; remove the resource with terraform state rm and apply again", key)
	}
	return objs[0], nil
}

func parseAllShown(shown map[string]string) ([]objectset.Object, error) {
	out := make([]objectset.Object, 0, len(shown))
	for key, text := range shown {
		o, err := parseShown(key, text)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

func stringMap(ctx context.Context, m types.Map) (map[string]string, diag.Diagnostics) {
	out := map[string]string{}
	if m.IsNull() || m.IsUnknown() {
		return out, nil
	}
	diags := m.ElementsAs(ctx, &out, false)
	return out, diags
}
