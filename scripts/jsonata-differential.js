// Evaluates a batch of JSONata cases with jsonata-js, for scripts/jsonata-differential.py.
// Reads JSON lines {"expr": ..., "input": ... (absent for undefined), "bindings": {...}} on
// stdin and writes one JSON line per case: {"result": ...} (absent when undefined) or
// {"error": CODE}. JSONATA_JS names jsonata-js's src/jsonata.js (a checkout of
// github.com/jsonata-js/jsonata); nothing of it is part of this project.
const jsonata = require(process.env.JSONATA_JS || "jsonata");
const lines = require("fs").readFileSync(0, "utf8").split("\n").filter((l) => l.trim() !== "");
(async () => {
  for (const line of lines) {
    const c = JSON.parse(line);
    let out;
    try {
      const e = jsonata(c.expr);
      const r = await e.evaluate("input" in c ? c.input : undefined, c.bindings || {});
      out = r === undefined ? {} : { result: JSON.parse(JSON.stringify(r)) };
    } catch (err) {
      out = { error: err.code || "ERR" };
    }
    process.stdout.write(JSON.stringify(out) + "\n");
  }
})();
