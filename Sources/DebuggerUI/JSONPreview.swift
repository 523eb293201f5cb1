/// One-line JSON for panels that show a value on a single row: the compact text, cut after
/// `limit` bytes with `…`. The whole 200 KiB execution input sits in `$$.Execution.Input`;
/// printing all of it on every key press, for a row that shows a hundred cells, was the
/// inspector's share of a slow frame.
enum JSONPreview {
    static func compact(_ value: JSON, limit: Int = 1024) -> String {
        guard JSONPrinter.compactByteCount(value, exceeds: limit) else { return JSONPrinter.compact(value) }
        var out: [UInt8] = []
        out.reserveCapacity(limit + 64)
        write(value, into: &out, limit: limit)
        // Cut on a character boundary: back up over UTF-8 continuation bytes.
        var end = min(limit, out.count)
        while end > 0 && end < out.count && out[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: out[..<end], as: UTF8.self) + "…"
    }

    /// Writes compact JSON until `limit` bytes are out; containers stop at the member that passes it.
    private static func write(_ value: JSON, into out: inout [UInt8], limit: Int) {
        switch value {
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if out.count > limit { return }
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(element, into: &out, limit: limit)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, member) in members {
                if out.count > limit { return }
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONPrinter.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(member, into: &out, limit: limit)
            }
            out.append(UInt8(ascii: "}"))
        default:
            JSONPrinter.writeCompact(value, into: &out)
        }
    }
}
