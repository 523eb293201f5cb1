extension ECMARegex {
    /// An entry of the backtracking stack. `code` holds the kind in its low bits and an
    /// instruction, slot or register number above them.
    struct Frame {
        var code: Int
        var a: Int
        var b: Int

        enum Kind: Int {
            /// Resume at instruction `number` with position `a`.
            case branch
            /// Undo a capture write: slot `number` had value `a`.
            case slot
            /// Undo a register write: register `number` had value `a`.
            case register
            /// The greedy `star` at `number` matched from `a` up to `b`; retry one unit shorter.
            case greedyStar
            /// The lazy `star` at `number` has matched `a` units up to `b`; retry one longer.
            case lazyStar
            /// The lookaround that starts at `number` began at position `a`.
            case barrier
        }

        init(_ kind: Kind, _ number: Int, _ a: Int, _ b: Int = 0) {
            code = number << 3 | kind.rawValue
            self.a = a
            self.b = b
        }

        var kind: Kind { Kind(rawValue: code & 7)! }
        var number: Int { code >> 3 }
    }

    enum Outcome {
        case matched(start: Int, end: Int)
        case failed
        case exhausted
    }

    /// Runs a program over a text. Everything it touches is borrowed from its caller for the
    /// duration of one search; the only storage it owns is the backtracking stack.
    ///
    /// Every write to a capture slot or register pushes its undo record, so a failed attempt
    /// leaves captures and registers as it found them, and a lookaround can keep its captures
    /// while dropping its alternatives.
    struct Machine {
        /// Held by the caller for the whole search.
        unowned(unsafe) let program: Program
        let text: UnsafeBufferPointer<UInt16>
        let caps: UnsafeMutableBufferPointer<Int>
        let regs: UnsafeMutableBufferPointer<Int>
        var budget: Int
        var stack: FrameStack

        private var ops: UnsafeBufferPointer<Op> { program.ops }
        private var sets: UnsafeBufferPointer<SetMatcher> { program.sets }
        private var literals: UnsafeBufferPointer<UInt16> { program.literals }

        /// Tries to match at every start from `from` on that the lead allows.
        mutating func search(from: Int, lead: Lead) -> Outcome {
            let end = text.count
            var s = from
            switch lead {
            case .textStart:
                return s == 0 ? attempt(at: 0) : .failed
            case .anywhere:
                while s <= end {
                    let outcome = attempt(at: s)
                    if case .failed = outcome { s += 1 } else { return outcome }
                }
            case .unit(let u):
                while s < end {
                    if text[s] != u {
                        s += 1
                        continue
                    }
                    let outcome = attempt(at: s)
                    if case .failed = outcome { s += 1 } else { return outcome }
                }
            case .set(let first):
                while s < end {
                    if !first.contains(text[s]) {
                        s += 1
                        continue
                    }
                    let outcome = attempt(at: s)
                    if case .failed = outcome { s += 1 } else { return outcome }
                }
            }
            return .failed
        }

        private mutating func attempt(at start: Int) -> Outcome {
            let end = text.count
            var pc = 0
            var pos = start
            while true {
                budget &-= 1
                if budget < 0 { return .exhausted }
                var ok = true
                switch ops[pc] {
                case .unit(let u):
                    if pos < end, text[pos] == u { pos += 1; pc += 1 } else { ok = false }
                case .unitBack(let u):
                    if pos > 0, text[pos - 1] == u { pos -= 1; pc += 1 } else { ok = false }
                case .literal(let first, let count):
                    ok = end - pos >= count && equal(literals.baseAddress! + first, text.baseAddress! + pos, count)
                    if ok { pos += count; pc += 1 }
                case .set(let k):
                    if pos < end, sets[k].contains(text[pos]) { pos += 1; pc += 1 } else { ok = false }
                case .setBack(let k):
                    if pos > 0, sets[k].contains(text[pos - 1]) { pos -= 1; pc += 1 } else { ok = false }
                case .assert(let check):
                    ok = holds(check, at: pos)
                    pc += 1
                case .fork(let target):
                    stack.push(Frame(.branch, target, pos))
                    pc += 1
                case .jump(let target):
                    pc = target
                case .save(let slot):
                    stack.push(Frame(.slot, slot, caps[slot]))
                    caps[slot] = pos
                    pc += 1
                case .backreference(let group, let backward):
                    if let moved = matchReference(group, at: pos, backward: backward) { pos = moved; pc += 1 } else { ok = false }
                case .lookStart:
                    stack.push(Frame(.barrier, pc, pos))
                    pc += 1
                case .lookEnd(let negative):
                    if negative {
                        unwindLookaround()
                        ok = false
                    } else {
                        (pc, pos) = closeLookaround()
                    }
                case .star(let k, let min, let max, let greedy, let backward):
                    if let moved = star(k, min: min, max: max, greedy: greedy, backward: backward, at: pos, pc: pc) {
                        pos = moved
                        pc += 1
                    } else {
                        ok = false
                    }
                case .loopInit(let counter):
                    write(register: counter, 0)
                    pc += 1
                case .loopHead(let counter, let min, let max, let greedy, let exit):
                    let k = regs[counter]
                    if k < min {
                        pc += 1
                    } else if k >= max {
                        pc = exit
                    } else if greedy {
                        stack.push(Frame(.branch, exit, pos))
                        pc += 1
                    } else {
                        stack.push(Frame(.branch, pc + 1, pos))
                        pc = exit
                    }
                case .loopEnter(let startRegister, let groups):
                    write(register: startRegister, pos)
                    for slot in 2 * groups.lowerBound ..< 2 * groups.upperBound where caps[slot] >= 0 {
                        stack.push(Frame(.slot, slot, caps[slot]))
                        caps[slot] = -1
                    }
                    pc += 1
                case .loopTail(let counter, let startRegister, let min, let head):
                    let k = regs[counter]
                    if k >= min, pos == regs[startRegister] {
                        // An optional iteration that matched nothing ends the loop as a failure.
                        ok = false
                    } else {
                        write(register: counter, k + 1)
                        pc = head
                    }
                case .match:
                    return .matched(start: start, end: pos)
                }
                if !ok {
                    guard let (resumePC, resumePos) = backtrack() else { return budget < 0 ? .exhausted : .failed }
                    pc = resumePC
                    pos = resumePos
                }
            }
        }

        @inline(__always)
        private mutating func write(register: Int, _ value: Int) {
            stack.push(Frame(.register, register, regs[register]))
            regs[register] = value
        }

        /// Pops frames, undoing writes, until one says where to resume.
        private mutating func backtrack() -> (Int, Int)? {
            while let frame = stack.pop() {
                budget &-= 1
                switch frame.kind {
                case .branch:
                    return (frame.number, frame.a)
                case .slot:
                    caps[frame.number] = frame.a
                case .register:
                    regs[frame.number] = frame.a
                case .greedyStar:
                    guard case .star(_, _, _, _, let backward) = ops[frame.number] else { continue }
                    var shorter = backward ? frame.b + 1 : frame.b - 1
                    if !backward, let next = leadingUnit(at: frame.number + 1) {
                        // Skip the lengths after which what follows cannot even start.
                        while shorter != frame.a, shorter >= text.count || text[shorter] != next {
                            shorter -= 1
                            budget &-= 1
                        }
                    }
                    if shorter != frame.a { stack.push(Frame(.greedyStar, frame.number, frame.a, shorter)) }
                    return (frame.number + 1, shorter)
                case .lazyStar:
                    guard case .star(let k, _, let max, _, let backward) = ops[frame.number],
                          let longer = step(k, at: frame.b, backward: backward) else { continue }
                    if frame.a + 1 < max { stack.push(Frame(.lazyStar, frame.number, frame.a + 1, longer)) }
                    return (frame.number + 1, longer)
                case .barrier:
                    // The lookaround's body failed: a negative one succeeds, a positive one fails.
                    if case .lookStart(let after, true) = ops[frame.number] { return (after, frame.a) }
                }
                if budget < 0 { return nil }
            }
            return nil
        }

        /// The unit the instruction at `pc` must find first, when it is a forward literal.
        @inline(__always)
        private func leadingUnit(at pc: Int) -> UInt16? {
            switch ops[pc] {
            case .unit(let u): return u
            case .literal(let first, _): return literals[first]
            default: return nil
            }
        }

        /// A positive lookaround's body matched: drop its alternatives (it is atomic) but keep
        /// the undo records of its captures, and resume after it where it began.
        private mutating func closeLookaround() -> (Int, Int) {
            var j = stack.count - 1
            while stack[j].kind != .barrier { j -= 1 }
            let barrier = stack[j]
            var kept = j
            for k in j + 1 ..< stack.count where stack[k].kind == .slot || stack[k].kind == .register {
                stack[kept] = stack[k]
                kept += 1
            }
            stack.truncate(to: kept)
            guard case .lookStart(let after, _) = ops[barrier.number] else { return (barrier.number + 1, barrier.a) }
            return (after, barrier.a)
        }

        /// A negative lookaround's body matched: undo everything it did, then fail.
        private mutating func unwindLookaround() {
            while let frame = stack.pop() {
                switch frame.kind {
                case .barrier: return
                case .slot: caps[frame.number] = frame.a
                case .register: regs[frame.number] = frame.a
                case .branch, .greedyStar, .lazyStar: break
                }
            }
        }

        /// One unit of set `k` next to `pos` in the direction, and the position past it.
        @inline(__always)
        private func step(_ k: Int, at pos: Int, backward: Bool) -> Int? {
            if backward {
                return pos > 0 && sets[k].contains(text[pos - 1]) ? pos - 1 : nil
            }
            return pos < text.count && sets[k].contains(text[pos]) ? pos + 1 : nil
        }

        /// Matches a one-unit-wide atom `min` to `max` times and leaves a frame to try other
        /// counts; the position after the first count tried, or nil.
        private mutating func star(_ k: Int, min: Int, max: Int, greedy: Bool, backward: Bool, at pos: Int, pc: Int) -> Int? {
            let set = sets[k]
            var count = 0
            var p = pos
            let limit = greedy ? max : min
            if backward {
                while count < limit, p > 0, set.contains(text[p - 1]) { p -= 1; count += 1 }
            } else {
                let end = text.count
                while count < limit, p < end, set.contains(text[p]) { p += 1; count += 1 }
            }
            budget &-= count
            guard count >= min else { return nil }
            if greedy {
                if count > min { stack.push(Frame(.greedyStar, pc, backward ? pos - min : pos + min, p)) }
            } else if min < max {
                stack.push(Frame(.lazyStar, pc, count, p))
            }
            return p
        }

        /// The position after matching group `group`'s text again at `pos`, or nil. A group
        /// that has not matched matches empty.
        private func matchReference(_ group: Int, at pos: Int, backward: Bool) -> Int? {
            let from = caps[2 * group]
            let to = caps[2 * group + 1]
            guard from >= 0, to >= 0 else { return pos }
            let length = to - from
            if length == 0 { return pos }
            let at = backward ? pos - length : pos
            guard at >= 0, at + length <= text.count else { return nil }
            if program.ignoreCase {
                for k in 0..<length where CaseFolding.canonical(text[from + k]) != CaseFolding.canonical(text[at + k]) {
                    return nil
                }
            } else if !equal(text.baseAddress! + from, text.baseAddress! + at, length) {
                return nil
            }
            return backward ? at : pos + length
        }

        @inline(__always)
        private func equal(_ a: UnsafePointer<UInt16>, _ b: UnsafePointer<UInt16>, _ count: Int) -> Bool {
            for k in 0..<count where a[k] != b[k] { return false }
            return true
        }

        private func holds(_ check: Check, at pos: Int) -> Bool {
            switch check {
            case .textStart: return pos == 0
            case .textEnd: return pos == text.count
            case .lineStart: return pos == 0 || CharSet.lineTerminators.contains(text[pos - 1])
            case .lineEnd: return pos == text.count || CharSet.lineTerminators.contains(text[pos])
            case .wordBoundary: return isWord(pos - 1) != isWord(pos)
            case .notWordBoundary: return isWord(pos - 1) == isWord(pos)
            }
        }

        private func isWord(_ k: Int) -> Bool {
            k >= 0 && k < text.count && CharSet.word.contains(text[k])
        }
    }
}
