#!/usr/bin/env python3
"""Writes a seed corpus for each fuzz target (scripts/fuzz.sh) from the shared corpora:
the AWS-recorded conformance cases, the real-world definitions and the JSONata test suite."""
import glob, json, os, sys

shared, out = sys.argv[1], sys.argv[2]
seeds = {t: [] for t in ["json", "yaml", "definition", "jsonpath", "intrinsics", "template", "mock", "history", "jsonata"]}

def add(target, text):
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    if len(data) <= 64 * 1024:
        seeds[target].append(data)

def walk(value, visit):
    visit(value)
    if isinstance(value, dict):
        for key, v in value.items():
            visit((key, v))
            walk(v, visit)
    elif isinstance(value, list):
        for v in value:
            walk(v, visit)

def fields(definition, data):
    def visit(node):
        if isinstance(node, tuple):
            key, v = node
            if isinstance(v, str):
                if v.startswith("States."):
                    add("intrinsics", v + "\n" + data)
                elif v.startswith("$") and not v.startswith("$states"):
                    add("jsonpath", v + "\n" + data)
                elif v.startswith("{%") and v.endswith("%}"):
                    add("jsonata", v[2:-2].strip() + "\n" + data)
            if key in ("Parameters", "ResultSelector", "Arguments", "Output") and isinstance(v, dict):
                add("template", json.dumps(v))
    walk(definition, visit)

for path in sorted(glob.glob(os.path.join(shared, "conformance/cases/*/*.json"))):
    case = json.load(open(path))
    data = json.dumps(case.get("input", {}))
    definition = case["definition"]
    add("definition", json.dumps(definition, indent=1))
    add("json", open(path, "rb").read())
    if case.get("mockConfig"):
        add("mock", json.dumps(case["mockConfig"]))
    if case.get("expected", {}).get("events"):
        add("history", json.dumps({"definition": definition, "history": {"events": case["expected"]["events"]}}))
    fields(definition, data)

for path in sorted(glob.glob(os.path.join(shared, "realworld/**/*"), recursive=True)):
    if os.path.isdir(path):
        continue
    raw = open(path, "rb").read()
    if path.endswith((".yaml", ".yml")):
        add("yaml", raw)
    elif path.endswith(".json"):
        add("definition", raw)
        try:
            fields(json.loads(raw), "{}")
        except ValueError:
            pass

for path in sorted(glob.glob(os.path.join(shared, "jsonata/suite/groups/*/*.json"))):
    case = json.load(open(path))
    expressions = case if isinstance(case, list) else [case]
    for c in expressions:
        if isinstance(c, dict) and isinstance(c.get("expr"), str):
            data = c.get("data")
            add("jsonata", c["expr"] + ("\n" + json.dumps(data) if data is not None else ""))

for target, items in seeds.items():
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    unique = sorted(set(items))
    for i, data in enumerate(unique):
        with open(os.path.join(folder, f"seed-{i:05d}"), "wb") as f:
            f.write(data)
    print(f"{target}: {len(unique)} seeds")
