import Testing
@testable import JSONata

/// `$round`, `$string` of numbers, `toFixed`/`toPrecision` and `$formatBase` give the digits
/// jsonata-js gives; every expected value here is the reference's.
@Suite struct RoundingTests {
    @Test(arguments: [
        (4, nil, 4), (2.3, nil, 2), (2.7, nil, 3), (2.5, nil, 2), (3.5, nil, 4), (-0.5, nil, 0), (-8.5, nil, -8),
        (4.49, 1, 4.5), (4.515, 2, 4.52), (12345, -2, 12300), (12450, -2, 12400), (12350, -2, 12400), (6.022e-23, 24, 6e-23),
    ] as [(Double, Double?, Double)])
    func suiteCases(x: Double, precision: Double?, result: Double) {
        #expect(NumberFunctions.round(x, precision: precision) == result)
    }

    /// Half to even on the number as JavaScript prints it, not on its binary value.
    @Test(arguments: [
        (2.675, 2, 2.68), (1.005, 2, 1), (0.125, 2, 0.12), (0.375, 2, 0.38), (-0.125, 2, -0.12),
        (1.23e-5, 6, 0.000012), (12345678901234567168, -5, 12345678901234599936), (-1.5, nil, -2),
        (0.49999999999999994, nil, 0), (4503599627370495.5, nil, 4503599627370496), (123.456, 0, 123),
        (1e21, 2, 1e21), (.leastNonzeroMagnitude, 330, .leastNonzeroMagnitude), (1.5e-7, 7, 2e-7), (2.5e-7, 7, 2e-7),
    ] as [(Double, Double?, Double)])
    func roundsTheDecimalText(x: Double, precision: Double?, result: Double) {
        #expect(NumberFunctions.round(x, precision: precision) == result)
    }

    @Test func unreadableShiftsAreNaNAndZeroHasNoSign() {
        // "2.5e1.5" and "1e310" → Infinity → "Infinitye-10" are not numbers in JavaScript either.
        #expect(NumberFunctions.round(2.5, precision: 1.5).isNaN)
        #expect(NumberFunctions.round(1e300, precision: 10).isNaN)
        #expect(NumberFunctions.round(-0.4).sign == .plus)
        #expect(NumberFunctions.round(-0.001, precision: 2).sign == .plus)
        #expect(NumberFunctions.round(.infinity) == .infinity)
    }

    @Test(arguments: [
        (5, "5"), (22.0 / 7, "3.14285714285714"), (1e100, "1e+100"), (1e-6, "0.000001"), (1e-7, "1e-7"),
        (1e20, "100000000000000000000"), (1e21, "1e+21"), (5890840712243076, "5890840712243076"),
        (0.1 + 0.2, "0.3"), (-0.1 - 0.2, "-0.3"), (1.0 / 3, "0.333333333333333"),
        (123456789.123456789, "123456789.123457"), (78.8 / 2, "39.4"),
        // Ties at the 16th digit round up, on the exact value.
        (1234567890123.125, "1234567890123.13"), (1234567890123.115, "1234567890123.11"),
        (0.000001234567890123456, "0.00000123456789012346"), (4503599627370495.5, "4503599627370500"),
        (9.999999999999999, "10"), (0.9999999999999999, "1"), (99999999999999.99, "100000000000000"),
        (1.0000000000000002, "1"), (1.2345678901234567e25, "1.2345678901234566e+25"), (-1.5e-10, "-1.5e-10"),
    ] as [(Double, String)])
    func stringOfANumber(x: Double, text: String) {
        #expect(JSNumber.castString(x) == text)
    }

    @Test func toPrecisionReadsBackTheRoundedDigits() {
        #expect(JSNumber.toPrecision(1234567890123.125, 15) == 1234567890123.13)
        #expect(JSNumber.toPrecision(0.1 + 0.2, 15) == 0.3)
        #expect(JSNumber.toPrecision(0.1 + 0.2, 17) == 0.1 + 0.2)
        #expect(JSNumber.toPrecision(2.5, 1) == 3)
        #expect(JSNumber.toPrecision(-2.5, 1) == -3)
        #expect(JSNumber.toPrecision(1.7976931348623157e308, 15) == .infinity)
        #expect(JSNumber.toPrecision(-0.0, 15).sign == .plus)
    }

    @Test(arguments: [
        (0.1, 20, "0.10000000000000000555"), (1.005, 2, "1.00"), (2.5, 0, "3"), (-2.5, 0, "-3"), (-0.001, 2, "-0.00"),
        (1e21, 2, "1e+21"), (0.5, 0, "1"), (1.45, 1, "1.4"), (1234.5678, 2, "1234.57"), (1e-10, 5, "0.00000"),
        (999.9999, 2, "1000.00"), (.leastNonzeroMagnitude, 3, "0.000"), (123456789012345683968, 2, "123456789012345683968.00"),
        (.nan, 2, "NaN"), (-.infinity, 2, "-Infinity"),
    ] as [(Double, Int, String)])
    func toFixedWritesTheExactValue(x: Double, digits: Int, text: String) {
        #expect(JSNumber.toFixed(x, digits) == text)
    }

    @Test(arguments: [
        (100, nil, "100"), (100, 2, "1100100"), (100, 36, "2s"), (99.5, 2.5, "1100100"), (5890840712243076, nil, "5890840712243076"),
        (255, 16, "ff"), (-255, 2, "-11111111"), (0.5, nil, "0"), (1.5, nil, "2"), (35, 36, "z"), (36, 36, "10"),
        (1e21, nil, "1e+21"), (2e21, 10.4, "2e+21"), (1e21, 16, "3635c9adc5dea00000"),
        (72057594037927936, 7, "62151545240653366620"), (255, 1.5, "11111111"), (255, 36.5, "73"),
        (.infinity, 2, "Infinity"), (.nan, nil, "NaN"),
    ] as [(Double, Double?, String)])
    func formatBase(value: Double, radix: Double?, text: String) throws {
        #expect(try NumberFunctions.formatBase(value, radix: radix) == text)
    }

    /// Past 2^53 a double's low digits are not there; V8 writes them as zeros.
    @Test func formatBaseOfHugeNumbers() throws {
        let max36 = try NumberFunctions.formatBase(1.7976931348623157e308, radix: 36)
        #expect(max36.hasPrefix("1a1e4vngaiqo0000"))
        #expect(max36.count == 199 && max36.dropFirst(12).allSatisfy { $0 == "0" })
        let binary = try NumberFunctions.formatBase(1e300, radix: 2)
        #expect(binary.count == 997 && binary.hasPrefix("10111111001000011110010001") && binary.hasSuffix("0000"))
    }

    @Test(arguments: [(100.0, 1.0, 1.0), (100, 37, 37), (255, 1.4, 1), (255, 36.6, 37)] as [(Double, Double, Double)])
    func formatBaseRejectsRadixOutside2To36(value: Double, radix: Double, named: Double) {
        #expect(throws: JSONataError("D3100", value: .number(named))) { try NumberFunctions.formatBase(value, radix: radix) }
        #expect(JSONataError("D3100", value: .number(named)).message.hasSuffix("It was given \(Int(named))"))
    }
}
