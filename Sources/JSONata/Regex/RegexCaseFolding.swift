extension ECMARegex {
    /// Case-insensitive matching as ECMAScript defines it without the `u` flag: two code units
    /// match when their canonical forms (`Canonicalize`, a simple uppercase mapping) are equal.
    ///
    /// The matcher never canonicalises a literal or a class at match time: the compiler widens
    /// each to its closure, the set of every unit that would match it, so only backreferences
    /// compare canonical forms while matching.
    enum CaseFolding {
        /// The canonical form of `u`.
        @inline(__always)
        static func canonical(_ u: UInt16) -> UInt16 {
            if u < 128 { return u >= 0x61 && u <= 0x7A ? u - 32 : u }
            return canonicalOutsideASCII(u)
        }

        private static func canonicalOutsideASCII(_ u: UInt16) -> UInt16 {
            // The last run starting at or below u.
            var lo = 0
            var hi = runs.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if runs[mid].first <= u { lo = mid + 1 } else { hi = mid }
            }
            guard lo > 0 else { return u }
            let run = runs[lo - 1]
            guard u <= run.last, (u - run.first) % UInt16(run.stride) == 0 else { return u }
            return UInt16(Int32(u) + run.delta)
        }

        /// Every code unit whose canonical form equals the canonical form of some member.
        ///
        /// Canonicalize is idempotent on every code unit (the table generator checks this), so a
        /// unit `c` matches the set exactly when `canonical(c)` is a member or the canonical
        /// form of one.
        static func closure(of set: CharSet) -> CharSet {
            var canonicalForms: [ClosedRange<UInt16>] = []
            forEachChanged { unit, canonical in
                if set.contains(unit) { canonicalForms.append(canonical...canonical) }
            }
            let folded = set.union(CharSet(ranges: canonicalForms))
            var partners: [ClosedRange<UInt16>] = []
            forEachChanged { unit, canonical in
                if folded.contains(canonical) { partners.append(unit...unit) }
            }
            return folded.union(CharSet(ranges: partners))
        }

        /// The units that `u` matches: those with the same canonical form.
        static func closure(of u: UInt16) -> CharSet {
            let k = canonical(u)
            let others = partners[k] ?? []
            return CharSet(ranges: [u...u, k...k] + others.map { $0...$0 })
        }

        /// For each canonical form, the other units that have it.
        private static let partners: [UInt16: [UInt16]] = {
            var map: [UInt16: [UInt16]] = [:]
            forEachChanged { unit, canonical in map[canonical, default: []].append(unit) }
            return map
        }()

        /// Calls `body` with every code unit that Canonicalize changes, and its canonical form.
        private static func forEachChanged(_ body: (UInt16, UInt16) -> Void) {
            for run in runs {
                for unit in stride(from: Int(run.first), through: Int(run.last), by: Int(run.stride)) {
                    body(UInt16(unit), UInt16(Int32(unit) + run.delta))
                }
            }
        }
    }
}
