#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Entry `index` of the process environment, nil past the end. `environ` is a C global that
/// Swift 6 treats as shared mutable state; asldb never changes its environment, so reading is safe.
func currentEnvironment(_ index: Int) -> String? {
    nonisolated(unsafe) let table = environ
    guard let entry = table[index] else { return nil }
    return String(cString: entry)
}
