"""Checks that two `terraform show -json` plans output the same objects in
gitops_manifests: the same clusters, and per cluster the same YAML documents
once parsed (yamlencode quotes keys and orders them its own way)."""
import json
import sys

import yaml


def objects(plan_path):
    plan = json.load(open(plan_path))
    out = plan["planned_values"]["outputs"]["gitops_manifests"]["value"]
    return {k: [d for d in yaml.safe_load_all(v) if d is not None] for k, v in out.items()}


ours, plain = objects(sys.argv[1]), objects(sys.argv[2])
if ours.keys() != plain.keys():
    sys.exit("different clusters: %s vs %s" % (sorted(ours), sorted(plain)))
for k in ours:
    if ours[k] != plain[k]:
        for i, (a, b) in enumerate(zip(ours[k], plain[k])):
            if a != b:
                sys.exit("cluster %s, document %d differs:\n%s\n---\n%s" % (k, i, json.dumps(a, sort_keys=True), json.dumps(b, sort_keys=True)))
        sys.exit("cluster %s: %d vs %d documents" % (k, len(ours[k]), len(plain[k])))
print("same objects for %d clusters (%d documents each)" % (len(ours), len(next(iter(ours.values()))) if ours else 0))
