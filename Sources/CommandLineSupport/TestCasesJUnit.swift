import StatesEngine

/// JUnit XML for CI: one `<testcase>` per mock configuration test case.
enum TestCasesJUnit {
    static func xml(suite: String, results: [TestCaseRunner.Result]) -> String {
        let failures = results.filter { if case .failed = $0.verdict { return true } else { return false } }.count
        let errors = results.filter { if case .error = $0.verdict { return true } else { return false } }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        out += "  <testsuite name=\"\(escape(suite))\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for result in results {
            let open = "    <testcase classname=\"\(escape(suite))\" name=\"\(escape(result.name))\""
            switch result.verdict {
            case .passed:
                out += open + "/>\n"
            case .failed(let why):
                out += open + ">\n      <failure message=\"\(escape(why))\">\(escape(why))</failure>\n    </testcase>\n"
            case .error(let why):
                out += open + ">\n      <error message=\"\(escape(why))\">\(escape(why))</error>\n    </testcase>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// XML-escapes text; control characters XML 1.0 cannot hold become `\u{…}` escapes.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
