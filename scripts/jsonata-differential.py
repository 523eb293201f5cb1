#!/usr/bin/env python3
"""Differential check of `asldb jsonata` against jsonata-js on random expressions over random JSON.

    JSONATA_JS=<jsonata checkout>/src/jsonata.js python3 scripts/jsonata-differential.py \
        [--asldb .build-release/release/asldb] [-n 2000] [--seed 1] [--show 20] [--save DIR]

Generates N (expression, document) pairs from a grammar of the language (paths, predicates,
operators, constructors, lambdas, higher-order and string functions, order-by, group-by,
positional and context bindings, transforms), evaluates each with jsonata-js (through
scripts/jsonata-differential.js, one node process for the whole batch) and with asldb, and
compares results (numbers within 1e-12 relative) or error codes. Prints the disagreements and
the count that agreed; --save writes each disagreement as a case file in the format of the
JSONata suite, to be turned into a regression test once fixed. Not run in CI: it needs node
and a checkout of jsonata-js.
"""
import argparse, json, os, random, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ["a", "b", "c", "name", "items", "price", "qty", "tags", "id"]
WORDS = ["x", "y", "alpha", "Beta", "gamma delta", "", "é", "10", "3.5"]


def rand_doc(r, depth=0):
    kind = r.random()
    if depth > 3 or kind < 0.35:
        return r.choice([r.randint(-5, 20), round(r.uniform(-100, 100), r.randint(0, 3)), r.choice(WORDS),
                         True, False, None])
    if kind < 0.6:
        return [rand_doc(r, depth + 1) for _ in range(r.randint(0, 4))]
    return {f: rand_doc(r, depth + 1) for f in r.sample(FIELDS, r.randint(1, 5))}


class Gen:
    def __init__(self, r):
        self.r = r
        self.vars = []

    def pick(self, *options):
        return self.r.choice(options)

    def literal(self):
        return self.pick(str(self.r.randint(0, 9)), str(self.r.randint(-3, 30)), f"{self.r.uniform(0, 10):.2f}",
                         json.dumps(self.r.choice(WORDS)), "true", "false", "null")

    def path(self, d):
        steps = [self.pick(*FIELDS) for _ in range(self.r.randint(1, 3))]
        p = ".".join(steps)
        if self.r.random() < 0.3:
            p += f"[{self.expr(d + 1)}]"
        if self.r.random() < 0.1:
            p = self.pick("*", "**") + "." + p
        if self.r.random() < 0.1:
            p += "[]"
        if self.r.random() < 0.08:
            p += "#$i[$i < 2]"
        if self.r.random() < 0.06:
            p = f"{steps[0]}.{self.pick(*FIELDS)}.%.{self.pick(*FIELDS)}"
        return p

    def expr(self, d=0):
        r = self.r.random()
        if d > 3 or r < 0.2:
            return self.pick(self.literal(), self.path(d + 2), "$", *(["$" + v for v in self.vars] or ["$"]))
        if r < 0.35:
            return self.path(d)
        if r < 0.5:
            op = self.pick("+", "-", "*", "/", "%", "&", "=", "!=", "<", "<=", ">", ">=", "and", "or", "in")
            return f"({self.expr(d + 1)} {op} {self.expr(d + 1)})"
        if r < 0.58:
            return f"[{', '.join(self.expr(d + 1) for _ in range(self.r.randint(0, 3)))}]"
        if r < 0.64:
            return "{" + ", ".join(f"{json.dumps(self.pick(*FIELDS))}: {self.expr(d + 1)}" for _ in range(self.r.randint(0, 3))) + "}"
        if r < 0.68:
            return f"({self.expr(d + 1)} ? {self.expr(d + 1)} : {self.expr(d + 1)})"
        if r < 0.72:
            v = self.pick("v", "w")
            self.vars.append(v)
            e = f"(${v} := {self.expr(d + 1)}; {self.expr(d + 1)})"
            self.vars.pop()
            return e
        if r < 0.82:
            return self.function(d)
        if r < 0.87:
            v = self.pick("v", "w")
            self.vars.append(v)
            body = self.expr(d + 1)
            self.vars.pop()
            hof = self.pick("$map", "$filter", "$sort")
            params = f"${v}" if hof != "$sort" else f"${v}, $z"
            return f"{hof}({self.path(d + 1)}, function({params}) {{ {body} }})"
        if r < 0.9:
            return f"{self.path(d)}^({self.pick('', '>', '<')}{self.pick(*FIELDS)})"
        if r < 0.93:
            return f"{self.path(d)}{{{self.pick(*FIELDS)}: {self.function(d + 1)}}}"
        if r < 0.96:
            return f"({self.expr(d + 1)} ~> | {self.pick(*FIELDS)} | {{{json.dumps(self.pick(*FIELDS))}: {self.expr(d + 2)}}} |)"
        return f"-{self.expr(d + 1)}"

    def function(self, d):
        one = ["$sum", "$count", "$max", "$min", "$average", "$string", "$length", "$uppercase", "$lowercase",
               "$trim", "$boolean", "$not", "$exists", "$keys", "$reverse", "$distinct", "$type", "$number",
               "$abs", "$floor", "$ceil", "$spread", "$merge", "$sort", "$append", "$round", "$join", "$split",
               "$substring", "$substringBefore", "$substringAfter", "$contains", "$pad", "$lookup", "$zip"]
        f = self.r.choice(one)
        argc = {"$append": 2, "$round": self.r.randint(1, 2), "$join": self.r.randint(1, 2), "$split": 2,
                "$substring": self.r.randint(2, 3), "$substringBefore": 2, "$substringAfter": 2,
                "$contains": 2, "$pad": self.r.randint(2, 3), "$lookup": 2, "$zip": self.r.randint(1, 3)}.get(f, 1)
        return f"{f}({', '.join(self.expr(d + 1) for _ in range(argc))})"


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b or abs(a - b) <= 1e-12 * max(abs(a), abs(b))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


def asldb_eval(asldb, case, tmp):
    e = os.path.join(tmp, "e.jsonata")
    open(e, "w").write(case["expr"])
    args = [asldb, "jsonata", "--expression-file", e]
    if "input" in case:
        i = os.path.join(tmp, "i.json")
        json.dump(case["input"], open(i, "w"))
        args += ["--input", i]
    try:
        p = subprocess.run(args, capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        return {"error": "TIMEOUT"}
    if p.returncode != 0:
        code = p.stderr.split(":")[0].strip() if p.stderr else f"exit {p.returncode}"
        return {"error": code if len(code) == 5 else f"exit {p.returncode}: {p.stderr.strip()[:100]}"}
    out = p.stdout.strip()
    return {"result": json.loads(out)} if out else {}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--asldb", default=os.path.join(HERE, "..", ".build-release", "release", "asldb"))
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=25)
    ap.add_argument("--save", help="write each disagreement as a suite-style case file here")
    a = ap.parse_args()
    if not os.environ.get("JSONATA_JS"):
        sys.exit("set JSONATA_JS to a jsonata-js checkout's src/jsonata.js")
    r = random.Random(a.seed)
    cases = []
    for _ in range(a.n):
        c = {"expr": Gen(r).expr()}
        if r.random() < 0.9:
            c["input"] = {f: rand_doc(r) for f in r.sample(FIELDS, r.randint(2, 6))}
        cases.append(c)
    ref = subprocess.run(["node", os.path.join(HERE, "jsonata-differential.js")], input="\n".join(map(json.dumps, cases)),
                         capture_output=True, text=True, check=True).stdout.splitlines()
    agreed, differ = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for c, line in zip(cases, ref):
            want = json.loads(line)
            got = asldb_eval(a.asldb, c, tmp)
            ok = (("error" in want and got.get("error") == want["error"]) or
                  ("error" not in want and "error" not in got and ("result" in want) == ("result" in got)
                   and same(want.get("result"), got.get("result"))))
            if ok:
                agreed += 1
            else:
                differ.append((c, want, got))
    for c, want, got in differ[:a.show]:
        print(f"DIFFER {c['expr']!r}\n  input {json.dumps(c.get('input'))[:200]}\n  jsonata-js {json.dumps(want)[:200]}\n  asldb      {json.dumps(got)[:200]}")
    if a.save:
        os.makedirs(a.save, exist_ok=True)
        for k, (c, want, _) in enumerate(differ):
            case = {"expr": c["expr"], "data": c.get("input"), "bindings": {}}
            if "error" in want:
                case["code"] = want["error"]
            elif "result" in want:
                case["result"] = want["result"]
            else:
                case["undefinedResult"] = True
            json.dump(case, open(os.path.join(a.save, f"case{k:03d}.json"), "w"), indent=1)
    print(f"{agreed} of {len(cases)} expressions agreed with jsonata-js")


if __name__ == "__main__":
    main()
