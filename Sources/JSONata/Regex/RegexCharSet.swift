extension ECMARegex {
    /// A set of UTF-16 code units: sorted, disjoint, non-adjacent closed ranges, with a bitmap
    /// that answers for ASCII without searching.
    struct CharSet: Sendable, Hashable {
        /// Flat pairs `lo0, hi0, lo1, hi1, …`, sorted and merged.
        private(set) var bounds: [UInt16]
        private(set) var asciiLow: UInt64 = 0
        private(set) var asciiHigh: UInt64 = 0

        static let empty = CharSet(normalized: [])
        static let all = CharSet(normalized: [0, 0xFFFF])
        static let digits = CharSet(ranges: [0x30...0x39])
        static let word = CharSet(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
        /// ECMAScript's WhiteSpace and LineTerminator code points, as `\s` matches them.
        static let space = CharSet(ranges: [
            0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
            0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
        ])
        static let lineTerminators = CharSet(ranges: [0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029])

        init(ranges: [ClosedRange<UInt16>]) {
            let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
            var flat: [UInt16] = []
            flat.reserveCapacity(sorted.count * 2)
            for r in sorted {
                if let last = flat.last, Int(r.lowerBound) <= Int(last) + 1 {
                    flat[flat.count - 1] = max(last, r.upperBound)
                } else {
                    flat.append(r.lowerBound)
                    flat.append(r.upperBound)
                }
            }
            self.init(normalized: flat)
        }

        init(_ unit: UInt16) { self.init(normalized: [unit, unit]) }

        private init(normalized: [UInt16]) {
            bounds = normalized
            var k = 0
            while k < bounds.count, bounds[k] < 128 {
                let hi = min(bounds[k + 1], 127)
                for u in bounds[k]...hi {
                    if u < 64 { asciiLow |= 1 << UInt64(u) } else { asciiHigh |= 1 << UInt64(u - 64) }
                }
                k += 2
            }
        }

        var ranges: [ClosedRange<UInt16>] {
            stride(from: 0, to: bounds.count, by: 2).map { bounds[$0]...bounds[$0 + 1] }
        }

        var isEmpty: Bool { bounds.isEmpty }

        /// The only member, when there is exactly one.
        var single: UInt16? { bounds.count == 2 && bounds[0] == bounds[1] ? bounds[0] : nil }

        /// The number of members.
        var count: Int {
            stride(from: 0, to: bounds.count, by: 2).reduce(0) { $0 + Int(bounds[$1 + 1]) - Int(bounds[$1]) + 1 }
        }

        @inline(__always)
        func contains(_ u: UInt16) -> Bool {
            if u < 64 { return asciiLow & (1 << UInt64(u)) != 0 }
            if u < 128 { return asciiHigh & (1 << UInt64(u - 64)) != 0 }
            return searchContains(u)
        }

        private func searchContains(_ u: UInt16) -> Bool {
            bounds.withUnsafeBufferPointer { Self.search($0, for: u) }
        }

        /// Whether `u` lies in one of the ranges `bounds` holds as flat pairs.
        static func search(_ bounds: UnsafeBufferPointer<UInt16>, for u: UInt16) -> Bool {
            // The last range starting at or below u.
            var lo = 0
            var hi = bounds.count / 2
            while lo < hi {
                let mid = (lo + hi) / 2
                if bounds[mid * 2] <= u { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 && u <= bounds[(lo - 1) * 2 + 1]
        }

        func union(_ other: CharSet) -> CharSet {
            if other.isEmpty { return self }
            if isEmpty { return other }
            return CharSet(ranges: ranges + other.ranges)
        }

        /// Every code unit not in the set.
        var inverted: CharSet {
            var flat: [UInt16] = []
            var next = 0
            for k in stride(from: 0, to: bounds.count, by: 2) {
                if Int(bounds[k]) > next {
                    flat.append(UInt16(next))
                    flat.append(bounds[k] - 1)
                }
                next = Int(bounds[k + 1]) + 1
            }
            if next <= 0xFFFF {
                flat.append(UInt16(next))
                flat.append(0xFFFF)
            }
            return CharSet(normalized: flat)
        }
    }

    /// A set as the machine reads it: the ASCII bitmap, and the ranges in memory its program
    /// owns, so testing a unit costs no reference counting.
    struct SetMatcher {
        let asciiLow: UInt64
        let asciiHigh: UInt64
        let bounds: UnsafeBufferPointer<UInt16>

        @inline(__always)
        func contains(_ u: UInt16) -> Bool {
            if u < 64 { return asciiLow & (1 << UInt64(u)) != 0 }
            if u < 128 { return asciiHigh & (1 << UInt64(u - 64)) != 0 }
            return CharSet.search(bounds, for: u)
        }
    }
}
