// The fuzzer's entry point (SwiftPM links an executable's `main` to `<module>_main`): picks the
// target named by ASLDB_FUZZ_TARGET (scripts/fuzz.sh sets it), so that one binary holds them all,
// then hands the command line to libFuzzer's driver.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer's driver (the runtime `-sanitize=fuzzer` links): parses the libFuzzer flags in
/// argv and calls `test` with each input until a crash or the time limit.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

private func complain(_ message: String) -> Never {
    let line = Array("asldb-fuzz: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

@_cdecl("asldb_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    let targetNames = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    guard let rawTarget = getenv("ASLDB_FUZZ_TARGET").map({ String(cString: $0) }) else {
        complain("set ASLDB_FUZZ_TARGET to one of: \(targetNames)")
    }
    guard let target = FuzzTarget(rawValue: rawTarget) else {
        complain("unknown target '\(rawTarget)'; the targets are: \(targetNames)")
    }
    FuzzTarget.selected = target

    var argc = argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runFuzzerDriver(&argc, &argv) { data, size in
        FuzzTarget.selected?.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
}
