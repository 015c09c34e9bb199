"""Checks deploy/k8s/values.yaml and exchange.yaml without a cluster (none is reachable from here): both
parse as YAML, values.yaml uses only keys that the Zero to JupyterHub chart (4.x) defines (the key tree
below, written from the chart's values schema, jupyterhub/schema.yaml), with the types the chart
expects, its hub.extraConfig is valid Python, the sizes are Kubernetes quantities, and the volume it
mounts is the claim that exchange.yaml makes.

    python deploy/k8s/check_values.py        # prints "k8s values: N passed, N failed"
"""
import ast
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ANY = object()  # a free-form map (the chart passes it on: traitlets config, Kubernetes objects)
KEYS = {
    "hub": {"config": ANY, "extraConfig": ANY},
    "singleuser": {
        "image": {"name": str, "tag": str, "pullPolicy": str}, "defaultUrl": str, "startTimeout": int,
        "memory": {"guarantee": str, "limit": str}, "cpu": {"guarantee": (int, float), "limit": (int, float)},
        "storage": {"type": str, "capacity": str, "homeMountPath": str, "extraVolumes": list,
                    "extraVolumeMounts": list},
        "cmd": list, "extraEnv": ANY,
    },
    "cull": {"enabled": bool, "timeout": int, "every": int, "maxAge": int, "users": bool},
    "proxy": {"https": {"enabled": bool, "hosts": list, "letsencrypt": {"contactEmail": str}}},
    "scheduling": {"userScheduler": {"enabled": bool}},
    "prePuller": {"hook": {"enabled": bool}, "continuous": {"enabled": bool}},
}
QUANTITY = re.compile(r"^\d+(\.\d+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$")
results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""))


def walk(values, keys, path=""):
    problems = []
    for key, value in values.items():
        where = f"{path}.{key}" if path else key
        if key not in keys:
            problems.append(f"{where}: not a key of the chart here")
        elif keys[key] is ANY:
            continue
        elif isinstance(keys[key], dict):
            if not isinstance(value, dict):
                problems.append(f"{where}: should be a map")
            else:
                problems += walk(value, keys[key], where)
        elif not isinstance(value, keys[key]) or (keys[key] is int and isinstance(value, bool)):
            problems.append(f"{where}: {type(value).__name__}, should be {keys[key]}")
    return problems


def main():
    values = yaml.safe_load((HERE / "values.yaml").read_text())
    check("values.yaml parses as a YAML map", isinstance(values, dict))
    problems = walk(values, KEYS)
    check("values.yaml uses only the chart's keys, with their types", not problems, "; ".join(problems))
    for name, code in values["hub"]["extraConfig"].items():
        try:
            ast.parse(code)
            check(f"hub.extraConfig.{name} is valid Python", True)
        except SyntaxError as e:
            check(f"hub.extraConfig.{name} is valid Python", False, str(e))
    sizes = [values["singleuser"]["memory"]["guarantee"], values["singleuser"]["memory"]["limit"],
             values["singleuser"]["storage"]["capacity"]]
    check("memory and storage sizes are Kubernetes quantities", all(QUANTITY.match(s) for s in sizes), str(sizes))
    g, l = (float(re.sub(r"[A-Za-z]+$", "", values["singleuser"]["memory"][k])) for k in ("guarantee", "limit"))
    check("the memory guarantee is at most the limit", g <= l)
    check("idle servers are culled", values["cull"]["enabled"] and values["cull"]["timeout"] > 0)
    claim = yaml.safe_load((HERE / "exchange.yaml").read_text())
    volumes = {v["name"]: v for v in values["singleuser"]["storage"]["extraVolumes"]}
    mounts = {m["name"]: m["mountPath"] for m in values["singleuser"]["storage"]["extraVolumeMounts"]}
    exchange = volumes.get("nbgrader-exchange", {}).get("persistentVolumeClaim", {}).get("claimName")
    check("the exchange volume is exchange.yaml's ReadWriteMany claim", claim["kind"] == "PersistentVolumeClaim"
          and claim["metadata"]["name"] == exchange and claim["spec"]["accessModes"] == ["ReadWriteMany"])
    config = values["hub"]["extraConfig"]["course-roles"]
    check("it is mounted where the nbgrader configuration puts the exchange",
          mounts.get("nbgrader-exchange") == "/srv/nbgrader/exchange" and "'/srv/nbgrader/exchange'" in config)
    check("the server's command ends by starting jupyterhub-singleuser with KubeSpawner's arguments",
          'exec jupyterhub-singleuser "$@"' in values["singleuser"]["cmd"][2])
    print(f"k8s values: {results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
