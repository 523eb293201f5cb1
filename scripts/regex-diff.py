#!/usr/bin/env python3
"""Differential check of ECMARegex (Sources/JSONata/Regex) against node's RegExp.

    scripts/regex-diff.py run [--count N] [--seed S] [--show K]
        Generates N random patterns (all of ES non-unicode syntax, valid and invalid) with random
        texts, finds every match with node (`matchAll` with the `d` flag for group ranges) and
        with ECMARegex (compiled with the Regex sources and a small driver), and reports how
        many agreed, printing the first K disagreements.

    scripts/regex-diff.py case-table
        Prints the body of RegexCaseFoldingTable.swift: node's Canonicalize for every code unit.

Needs node and swiftc on PATH; not run in CI.
"""
import argparse
import glob
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUDGET = 20_000_000

NODE_MATCHER = r"""
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(Boolean);
const unhex = (h) => { let s = ''; for (let k = 0; k < h.length; k += 4) s += String.fromCharCode(parseInt(h.slice(k, k + 4), 16)); return s; };
const out = [];
for (const line of lines) {
  const [flags, p, t] = line.split('\t');
  const pattern = unhex(p), text = unhex(t);
  let re;
  try { re = new RegExp(pattern, 'dg' + flags); } catch (e) { out.push('error ' + e.message.replace(/^[\s\S]*: /, '')); continue; }
  const ms = [];
  for (const m of text.matchAll(re)) ms.push(m.indices.map((r) => (r ? r[0] + ',' + r[1] : '-')).join(' '));
  out.push('ok ' + ms.join(';'));
}
process.stdout.write(out.join('\n') + '\n');
"""

SWIFT_DRIVER = r"""
func unhex(_ s: Substring) -> [UInt16] {
    var out: [UInt16] = []
    var i = s.startIndex
    while i < s.endIndex {
        let j = s.index(i, offsetBy: 4)
        out.append(UInt16(s[i..<j], radix: 16)!)
        i = j
    }
    return out
}
while let line = readLine(strippingNewline: true) {
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
    let flags = fields[0]
    let pattern = String(decoding: unhex(fields[1]), as: UTF16.self)
    let text = unhex(fields[2])
    do {
        let re = try ECMARegex(pattern: pattern, ignoreCase: flags.contains("i"), multiline: flags.contains("m"))
        var budget = BUDGET
        do {
            let ms = try re.allMatches(in: text, budget: &budget)
            let parts = ms.map { m in
                ([m.range] + m.groups).map { r in r.map { "\($0.lowerBound),\($0.upperBound)" } ?? "-" }.joined(separator: " ")
            }
            print("ok " + parts.joined(separator: ";"))
        } catch {
            print("budget")
        }
    } catch {
        print("error " + error.reason)
    }
}
"""


def hexes(units):
    return ''.join('%04x' % u for u in units)


def utf16(s):
    b = s.encode('utf-16-le', 'surrogatepass')
    return [b[k] | b[k + 1] << 8 for k in range(0, len(b), 2)]


class Generator:
    ALPHABET = ['a', 'b', 'c', 'A', 'B', 'x', '0', '1', ' ', '\n', '-', '_', 'é', 'É', 'ſ', 'K', 'k', '\u212a', 'ß', 'σ', 'Σ', 'ς', 'ǅ', 'ǆ', '\u2028', '\r']

    def __init__(self, rng):
        self.rng = rng
        self.alphabet = self.ALPHABET
        self.groups = 0
        self.names = []

    def pattern(self):
        self.groups = 0
        self.names = []
        # Half the cases draw from a small alphabet, so more patterns find matches.
        self.alphabet = self.ALPHABET if self.rng.random() < 0.5 else ['a', 'b', 'A', ' ', '1']
        self.strict = self.rng.random() < 0.6
        return self.alternation(0)

    def alternation(self, depth):
        n = 1 if self.rng.random() < 0.7 else self.rng.randint(2, 3)
        return '|'.join(self.sequence(depth) for _ in range(n))

    def sequence(self, depth):
        return ''.join(self.term(depth) for _ in range(self.rng.randint(0, 4)))

    def term(self, depth):
        r = self.rng.random()
        if r < 0.08:
            return self.rng.choice(['^', '$', '\\b', '\\B'])
        atom = self.atom(depth)
        if self.rng.random() < 0.35:
            q = self.rng.choice(['*', '+', '?', '{2}', '{1,}', '{0,2}', '{1,3}'] + ([] if self.strict else ['{3,1}', '{,2}', '{']))
            if self.rng.random() < 0.3:
                q += '?'
            atom += q
        return atom

    def atom(self, depth):
        r = self.rng.random()
        if depth < 3 and r < 0.25:
            kind = self.rng.choice(['(', '(', '(?:', '(?=', '(?!', '(?<=', '(?<!', 'named'])
            if self.strict and kind.startswith('(?<'):
                # A quantified lookbehind is an error; keep strict patterns valid.
                return kind + self.alternation(depth + 1) + ')'

            if kind == '(':
                self.groups += 1
            if kind == 'named':
                name = self.rng.choice(['n', 'm', 'x1'])
                self.groups += 1
                self.names.append(name)
                kind = '(?<%s>' % name
            body = self.alternation(depth + 1)
            return kind + body + (')' if self.strict or self.rng.random() > 0.02 else '')
        if r < 0.35:
            return self.klass()
        if r < 0.42:
            return '.'
        if r < 0.50:
            return '\\' + str(self.rng.randint(1, 3))
        if r < 0.52 and self.names:
            return '\\k<%s>' % self.rng.choice(self.names)
        if r < 0.62:
            return self.rng.choice(['\\d', '\\D', '\\w', '\\W', '\\s', '\\S', '\\n', '\\x41', '\\u0062', '\\cJ',
                                    '\\c1', '\\0', '\\01', '\\8', '\\-', '\\.', '\\k', ']', '}', '\\u00e9', '\\x'])
        c = self.rng.choice(self.alphabet)
        return '\\' + c if c in '.*+?()[]{}|^$\\/' else c

    def klass(self):
        parts = []
        for _ in range(self.rng.randint(0, 3)):
            r = self.rng.random()
            if r < 0.4:
                a, b = sorted([self.rng.choice('abcxAB0'), self.rng.choice('abcxAB0')])
                parts.append(a + '-' + b if self.rng.random() < 0.9 else b + '-' + a)
            elif r < 0.6:
                parts.append(self.rng.choice(['\\d', '\\w', '\\s', '\\W', '\\b', '\\-', '-', '\\c1', '\\1', '\\8', '^']))
            else:
                parts.append(self.rng.choice(self.ALPHABET).replace('\\', '\\\\').replace(']', '\\]'))
        return '[' + ('^' if self.rng.random() < 0.25 else '') + ''.join(parts) + ']'

    def text(self):
        n = self.rng.randint(0, 12) if self.rng.random() < 0.7 else self.rng.randint(13, 60)
        return ''.join(self.rng.choice(self.alphabet) for _ in range(n))


def build_driver(tmp):
    sources = sorted(glob.glob(os.path.join(ROOT, 'Sources/JSONata/Regex/*.swift')))
    main = os.path.join(tmp, 'main.swift')
    with open(main, 'w') as f:
        f.write(SWIFT_DRIVER.replace('BUDGET', str(BUDGET)))
    exe = os.path.join(tmp, 'regex-driver')
    subprocess.run(['swiftc', '-O', '-module-name', 'RegexDriver', '-o', exe] + sources + [main], check=True)
    return exe


def run(args):
    rng = random.Random(args.seed)
    gen = Generator(rng)
    cases = []
    for _ in range(args.count):
        flags = rng.choice(['', '', 'i', 'm', 'im'])
        cases.append((flags, gen.pattern(), gen.text()))
    lines = '\n'.join('%s\t%s\t%s' % (f, hexes(utf16(p)), hexes(utf16(t))) for f, p, t in cases) + '\n'
    expected = subprocess.run(['node', '-e', NODE_MATCHER], input=lines, capture_output=True, text=True, check=True).stdout.split('\n')
    with tempfile.TemporaryDirectory() as tmp:
        exe = build_driver(tmp)
        actual = subprocess.run([exe], input=lines, capture_output=True, text=True, check=True).stdout.split('\n')
    agreed = 0
    shown = 0
    budget = 0
    for k, case in enumerate(cases):
        if actual[k] == 'budget':
            budget += 1
        if expected[k] == actual[k]:
            agreed += 1
        elif shown < args.show:
            shown += 1
            f, p, t = case
            print('pattern /%s/%s text %r\n  node:     %s\n  ECMARegex: %s' % (p, f, t, expected[k], actual[k]))
    errors = sum(1 for e in expected[:len(cases)] if e.startswith('error'))
    nonempty = sum(1 for e in expected[:len(cases)] if e.startswith('ok') and any(
        m.split(' ')[0].split(',')[0] != m.split(' ')[0].split(',')[1] for m in e[3:].split(';') if m))
    print('%d of %d cases agreed (%d ran out of budget); node found %d invalid patterns and %d patterns with a non-empty match'
          % (agreed, len(cases), budget, errors, nonempty))
    return 0 if agreed == len(cases) else 1


CASE_TABLE = r"""
function canon(c) {
  const s = String.fromCharCode(c).toUpperCase();
  if (s.length !== 1) return c;
  const u = s.charCodeAt(0);
  return c >= 128 && u < 128 ? c : u;
}
for (let c = 0; c < 65536; c++) if (canon(canon(c)) !== canon(c)) throw new Error('Canonicalize is not idempotent at ' + c);
const delta = []; for (let c = 0; c < 65536; c++) delta.push(canon(c) - c);
const runs = [];
for (let i = 0; i < 65536;) {
  if (delta[i] === 0) { i++; continue; }
  let j = i; while (j + 1 < 65536 && delta[j + 1] === delta[i]) j++;
  let k = i; while (k + 2 < 65536 && delta[k + 2] === delta[i] && delta[k + 1] !== delta[i]) k += 2;
  if (k > i && (k - i) / 2 > j - i) {
    runs.push([i, k, delta[i], 2]);
    for (let m = i; m <= k; m += 2) delta[m] = 0;
    i++;
  } else { runs.push([i, j, delta[i], 1]); i = j + 1; }
}
runs.sort((a, b) => a[0] - b[0]);
const hex = (n) => '0x' + n.toString(16).toUpperCase().padStart(4, '0');
for (let r = 0; r < runs.length; r += 4)
  console.log('        ' + runs.slice(r, r + 4).map(([a, b, d, s]) => `(${hex(a)}, ${hex(b)}, ${d}, ${s})`).join(', ') + ',');
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest='command', required=True)
    r = sub.add_parser('run')
    r.add_argument('--count', type=int, default=5000)
    r.add_argument('--seed', type=int, default=1)
    r.add_argument('--show', type=int, default=20)
    sub.add_parser('case-table')
    args = parser.parse_args()
    if args.command == 'case-table':
        subprocess.run(['node', '-e', CASE_TABLE], check=True)
        return 0
    return run(args)


if __name__ == '__main__':
    sys.exit(main())
