import StatesJSON
import Testing
@testable import JSONata

/// Evaluates `expression` over `input` (JSON text) and returns the result as the reference
/// prints it, nil when undefined.
func evaluate(_ expression: String, _ input: String? = nil, bindings: [String: JSON] = [:],
              environment: JSONataEnvironment = JSONataEnvironment(randomSeed: 1)) throws(JSONataError) -> String?
{
    let document = input.map { try! JSONParser().parse($0) }
    return try JSONataExpression(expression).evaluateToText(input: document, bindings: bindings, environment: environment)
}

/// The error code an expression fails with, or nil when it succeeds.
func errorCode(_ expression: String, _ input: String? = nil) -> String? {
    do {
        _ = try evaluate(expression, input)
        return nil
    } catch {
        return error.code
    }
}

let orders = """
    {"orders": [
      {"id": "a", "status": "PAID", "items": [{"sku": "x", "price": 2.5, "qty": 2}, {"sku": "y", "price": 1, "qty": 1}]},
      {"id": "b", "status": "NEW", "items": [{"sku": "x", "price": 2.5, "qty": 1}]},
      {"id": "c", "status": "PAID", "items": []}
    ]}
    """

@Suite struct PathTests {
    @Test(arguments: [
        ("orders.id", #"["a","b","c"]"#),
        ("orders[0].id", #""a""#),
        ("orders[-1].id", #""c""#),
        ("orders[status = 'PAID'].id", #"["a","c"]"#),
        ("orders[status = 'NEW'].id", #""b""#),
        ("orders[status = 'NEW'].id[]", #"["b"]"#),
        ("orders.items.sku", #"["x","y","x"]"#),
        ("orders.items[0].sku", #"["x","x"]"#),
        ("(orders.items)[0].sku", #""x""#),
        ("orders[1].items.price", "2.5"),
        ("$sum(orders.items.(price * qty))", "8.5"),
        ("orders.nothing", nil),
        ("orders[[0,2]].id", #"["a","c"]"#),
        ("orders[[0..1]].id", #"["a","b"]"#),
        ("orders^(>id).id", #"["c","b","a"]"#),
        ("orders^(status, >id).id", #"["b","c","a"]"#),
        ("orders{status: $count(items)}", #"{"PAID":2,"NEW":1}"#),
        ("orders.{id: $count(items)}", #"[{"a":2},{"b":1},{"c":0}]"#),
        ("orders#$i[$i > 0].id", #"["b","c"]"#),
        ("orders.items.%.id", #"["a","a","b"]"#),
        ("orders@$o.$o.items[price > 2].sku", #"["x","x"]"#),
        ("**.sku", #"["x","y","x"]"#),
        ("orders[0].*", #"["a","PAID",{"sku":"x","price":2.5,"qty":2},{"sku":"y","price":1,"qty":1}]"#),
        ("$.orders[0].`id`", #""a""#),
    ] as [(String, String?)])
    func navigatesLikeTheReference(expression: String, expected: String?) throws {
        #expect(try evaluate(expression, orders) == expected)
    }

    @Test func anArrayInputIsOneValue() throws {
        #expect(try evaluate("$", "[1,2]") == "[1,2]")
        #expect(try evaluate("$[0]", "[1,2]") == "1")
        #expect(try evaluate("$count($)", "[1,2,3]") == "3")
    }

    @Test func aWildcardOverAnArrayGivesItsElementsFlattened() throws {
        #expect(try evaluate("*", "[1,2,3]") == "[1,2,3]")
        #expect(try evaluate("*", #"[[1,2],{"a":1}]"#) == #"[1,2,{"a":1}]"#)
        #expect(try evaluate("$.*", #"[{"a":1},{"b":2}]"#) == "[1,2]")
        #expect(try evaluate("*.a", "[1,2,3]") == nil)
        #expect(try evaluate("*", "5") == nil)
    }

    @Test func undefinedIsNotNull() throws {
        #expect(try evaluate("a", #"{"a": null}"#) == "null")
        #expect(try evaluate("b", #"{"a": null}"#) == nil)
        #expect(try evaluate("$exists(b)", #"{"a": null}"#) == "false")
        #expect(try evaluate("[a, b]", #"{"a": null}"#) == "[null]")
    }
}

@Suite struct OperatorTests {
    @Test(arguments: [
        ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("7 % 4", "3"), ("-(3)", "-3"), ("0.1 + 0.2", "0.30000000000000004"),
        ("1e21 * 1", "1e+21"), ("'a' & 1 & true & null", #""a1truenull""#), ("'b' > 'a'", "true"),
        ("1 = 1.0", "true"), ("[1,2] = [1,2]", "true"), ("{'a':1} = {'a':1}", "true"), ("3 in [1,2,3]", "true"),
        ("1 < 2 and 2 < 1", "false"), ("1 < 2 or nothing", "true"), ("[1..3]", "[1,2,3]"), ("[3..1]", "[]"),
        ("true ? 'y' : 'n'", #""y""#), ("false ? 'y'", nil), ("$x := 5", "5"), ("($x := 2; $x * $x)", "4"),
        ("'abc' ~> $uppercase()", #""ABC""#), ("[3,1,2] ~> $sort() ~> $reverse()", "[3,2,1]"),
        ("nothing ?? 'default'", #""default""#), ("0 ?: 'falsy'", #""falsy""#), ("/* note */ 1", "1"),
    ] as [(String, String?)])
    func computesLikeTheReference(expression: String, expected: String?) throws {
        #expect(try evaluate(expression) == expected)
    }

    @Test(arguments: [
        ("'a' + 1", "T2001"), ("1 + 'a'", "T2002"), ("1 < 'a'", "T2009"), ("{} < 1", "T2010"), ("-'a'", "D1002"),
        ("[1..1.5]", "T2004"), ("[0..10000000]", "D2014"), ("$foo()", "T1006"), ("sum([1])", "T1005"),
        ("1 ~> 2", "T2006"), ("{1: 2}", "T1003"), ("$string(1/0)", "D3001"), ("$count(1, 2)", "T0410"),
        ("$sum(['a'])", "T0412"), ("$error('stop')", "D3137"), ("$single([1, 2])", "D3138"),
    ])
    func failsWithTheReferenceCode(expression: String, code: String) {
        #expect(errorCode(expression) == code)
    }

    @Test(arguments: [
        ("1 +", "S0207"), ("(1", "S0203"), ("'abc", "S0101"), ("1e400", "S0102"), ("'\\q'", "S0103"),
        ("`abc", "S0105"), ("/* x", "S0106"), ("1 2", "S0201"), ("[1, 2", "S0203"), ("!a", "S0204"),
        (")", "S0211"), ("$a.1", "S0213"), ("function(a){1}", "S0208"), ("1 := 2", "S0212"),
        ("a#b", "S0214"), ("%.a", "S0217"), ("a{'x':1}{'y':2}", "S0210"),
    ])
    func refusesBadSyntaxWithItsCode(expression: String, code: String) {
        #expect(errorCode(expression) == code)
    }

    @Test func syntaxErrorsSayWhere() {
        #expect(throws: JSONataError("S0202", position: 7, token: "]", value: .string(")"))) {
            try JSONataExpression("(1 + 2]")
        }
    }
}

@Suite struct FunctionTests {
    @Test(arguments: [
        ("$map([1,2,3], function($v) { $v * 2 })", "[2,4,6]"),
        ("$map([1,2,3], function($v, $i) { $i })", "[0,1,2]"),
        ("$filter([1,2,3,4], function($v) { $v % 2 = 0 })", "[2,4]"),
        ("$reduce([1,2,3,4], function($a, $b) { $a + $b })", "10"),
        ("$reduce([1,2,3], function($a, $b) { $a + $b }, 10)", "16"),
        ("$sort([3,1,2], function($a, $b) { $a < $b })", "[3,2,1]"),
        ("($add := function($a, $b) { $a + $b }; $inc := $add(?, 1); $inc(41))", "42"),
        ("($first3 := $substring(?, 0, 3); $first3('abcdef'))", #""abc""#),
        ("($twice := function($f) { function($x) { $f($f($x)) } }; $twice(function($n) { $n + 3 })(1))", "7"),
        ("($f := $uppercase ~> $trim; $f('  ab  '))", #""AB""#),
        ("λ($x)<n:n>{ $x * $x }(3)", "9"),
        ("$string({'a': [1, 0.1 + 0.2]})", #""{\"a\":[1,0.3]}""#),
        ("$string({'a': 1}, true)", #""{\n  \"a\": 1\n}""#),
        ("$keys({'a': 1, 'b': 2})", #"["a","b"]"#),
        ("$each({'a': 1, 'b': 2}, function($v, $k) { $k & $v })", #"["a1","b2"]"#),
        ("$sift({'a': 1, 'b': 2}, function($v) { $v > 1 })", #"{"b":2}"#),
        ("$merge([{'a': 1}, {'b': 2}])", #"{"a":1,"b":2}"#),
        ("$spread({'a': 1, 'b': 2})", #"[{"a":1},{"b":2}]"#),
        ("$zip([1,2,3], ['a','b'])", #"[[1,"a"],[2,"b"]]"#),
        ("$distinct([1, 2, 1, 'a', 'a', {'x': 1}, {'x': 1}])", #"[1,2,"a",{"x":1}]"#),
        ("$append([1], 2)", "[1,2]"),
        ("$lookup({'a': 5}, 'a')", "5"),
        ("$type(function() { 1 })", #""function""#),
        ("$substring('héllo wörld', -5, 3)", #""wör""#),
        ("$length('日本語')", "3"),
        ("$pad('x', -4, '#')", "\"###x\""),
        ("$trim('  a \\n b  ')", #""a b""#),
        ("$split('a,b,c', ',', 2)", #"["a","b"]"#),
        ("$join(['a', 'b'], '-')", #""a-b""#),
        ("$replace('banana', 'an', 'AN', 1)", #""bANana""#),
        ("$contains('banana', 'nan')", "true"),
        ("$max([1, 5, 3])", "5"),
        ("$average([1, 2, 3, 4])", "2.5"),
        ("$boolean([0, ''])", "false"),
        ("$not('')", "true"),
        ("$number('12.5e1')", "125"),
        ("$power(2, 10)", "1024"),
        ("$eval('1 + x', {'x': 2})", "3"),
        ("$ ~> |a| {'c': 3}, ['b']|", #"{"a":{"x":1,"c":3}}"#),
    ] as [(String, String)])
    func behavesLikeTheReference(expression: String, expected: String) throws {
        #expect(try evaluate(expression, #"{"a": {"x": 1, "b": 2}}"#) == expected)
    }

    @Test func tailCallsDoNotGrowTheStack() throws {
        let countdown = "($f := function($n) { $n = 0 ? 'done' : $f($n - 1) }; $f(100000))"
        #expect(try evaluate(countdown) == #""done""#)
    }

    @Test func runawayRecursionStopsWithU1001() {
        #expect(errorCode("($f := function($n) { 1 + $f($n + 1) }; $f(0))") == "U1001")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        #expect(errorCode(deep) == "U1001")
        let long = (0..<5_000).map { _ in "1" }.joined(separator: " + ")
        #expect(errorCode(long) == "U1001")
    }

    @Test(arguments: [
        (#"$match("abc", function($s) { {"match": "a", "start": 1e300, "end": 1, "groups": []} })"#,
         #"{"match":"a","index":9000000000000000,"groups":[]}"#),
        (#"$replace("abc", function($s) { {"match": "a", "start": 1e300, "end": 1e300, "groups": []} }, "x")"#, #""abcx""#),
        (#"$replace("abc", function($s) { {"match": "a", "start": -1e300, "end": -1e300, "groups": []} }, "x")"#, #""xabc""#),
        (#"$split("abc", function($s) { {"match": "b", "start": -7, "end": -5, "groups": []} })"#, #"["","abc"]"#),
    ])
    func aCustomMatchersPositionsOfAnySizeAreReadWithoutCrashing(expression: String, expected: String) throws {
        #expect(try evaluate(expression) == expected)
    }

    @Test func limitsFromTheHost() {
        var environment = JSONataEnvironment()
        environment.maxDepth = 50
        #expect(throws: JSONataError.self) {
            try evaluate("($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100))", environment: environment)
        }
        environment = JSONataEnvironment(timeLimitMilliseconds: 50)
        #expect(throws: JSONataError.self) {
            try evaluate("($f := function($n) { $f($n + 1) }; $f(0))", environment: environment)
        }
    }

    @Test func theClockAndRandomNumbersAreInjected() throws {
        let environment = JSONataEnvironment(timestamp: 1_700_000_000_123, randomSeed: 42)
        #expect(try evaluate("$millis()", environment: environment) == "1700000000123")
        let a = try evaluate("[$random(), $random()]", environment: environment)
        #expect(a == (try evaluate("[$random(), $random()]", environment: environment)))
        #expect(a != (try evaluate("[$random(), $random()]", environment: JSONataEnvironment(randomSeed: 43))))
    }

    @Test func bindingsAndHostFunctions() throws {
        var environment = JSONataEnvironment()
        environment.functions["double"] = try JSONataFunction(signature: "<n:n>", arity: 1) { args in
            .number(.normalized((args[0]?.doubleValue ?? 0) * 2))
        }
        environment.disabledFunctions = ["eval"]
        #expect(try evaluate("$double($x)", bindings: ["x": 21], environment: environment) == "42")
        #expect(throws: JSONataError.self) { try evaluate("$eval('1')", environment: environment) }
    }

    @Test func resultsConvertToJSON() throws {
        let e = try JSONataExpression("{'n': 1.5 * 2, 's': $string(7), 'list': [1..3], 'none': nothing}")
        let result = try e.evaluate(input: nil)
        #expect(result == ["n": 3, "s": "7", "list": [1, 2, 3]])
        #expect(try JSONataExpression("nothing").evaluate(input: ["a": 1]) == nil)
    }
}
