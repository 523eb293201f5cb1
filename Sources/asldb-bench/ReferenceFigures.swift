import Foundation

/// The reference interpreter's transitions per second per workload and size, read from the
/// "tuned moto transitions/s" column of `bench/REFERENCE.md` (the file next to `workloads/`), so
/// that the benchmark reports its ratio against the figure the performance target names.
struct ReferenceFigures {
    /// The speed-up over the reference that the performance issue asks for.
    static let target = 200.0

    private var rates: [String: [Int: Double]] = [:]
    /// Where the figures came from, for the report.
    let source: String?

    /// Reads the table; empty (every ratio unknown) when the file is missing or its table changed shape.
    init(path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            source = nil
            return
        }
        source = path
        var header: [String]?
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.first == "workload" {
                header = cells
                continue
            }
            guard let header, let rateColumn = header.firstIndex(where: { $0.contains("transitions/s") }),
                  let sizeColumn = header.firstIndex(of: "size"), cells.count == header.count,
                  let name = cells[0].split(separator: " ").first.map(String.init)
            else { continue }
            // "N=1000 / 5000 / 20000" and "6 085 / 8 093 / 8 758": spaces group thousands.
            let sizes = Self.numbers(cells[sizeColumn].split(separator: "=").last.map(String.init) ?? "")
            let figures = Self.numbers(cells[rateColumn])
            guard sizes.count == figures.count else { continue }
            for (size, rate) in zip(sizes, figures) { rates[name, default: [:]][Int(size)] = rate }
        }
    }

    private static func numbers(_ cell: String) -> [Double] {
        cell.split(separator: "/").compactMap { Double($0.replacingOccurrences(of: " ", with: "")) }
    }

    /// The reference's transitions per second for a workload at a size, when REFERENCE.md gives one.
    func referenceRate(_ workload: String, size: Int) -> Double? { rates[workload]?[size] }

    /// `123x` (with ` ✓` at or above the target), or `-` without a reference figure.
    func ratio(_ workload: String, size: Int, rate: Double) -> String {
        guard let reference = referenceRate(workload, size: size) else { return "-" }
        return Self.ratio(rate, over: reference)
    }

    /// `rate` over a reference rate as `123x`, with ` ✓` at or above the target.
    static func ratio(_ rate: Double, over reference: Double) -> String {
        guard reference > 0 else { return "-" }
        let ratio = rate / reference
        return String(format: "%.0fx", ratio) + (ratio >= target ? " ✓" : "")
    }

    /// Whether a row meets the target; nil without a reference figure.
    func meetsTarget(_ workload: String, size: Int, rate: Double) -> Bool? {
        guard let reference = referenceRate(workload, size: size), reference > 0 else { return nil }
        return rate / reference >= Self.target
    }
}
