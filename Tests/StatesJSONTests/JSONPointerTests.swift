import Testing
import StatesJSON

@Suite struct JSONPointerTests {
    let machine: JSON = ["States": ["Pay": ["Retry": [["MaxAttempts": 3]], "a/b": 1, "c~d": 2]], "list": [10, 20]]

    @Test func parsesAndFormatsTokens() throws {
        #expect(try JSONPointer.parse("") == [])
        #expect(try JSONPointer.parse("/") == [""])
        #expect(try JSONPointer.parse("/a~1b/c~0d/0") == ["a/b", "c~d", "0"])
        #expect(JSONPointer.format(["a/b", "c~d", "0"]) == "/a~1b/c~0d/0")
        #expect(throws: JSONPointerError(pointer: "States", message: "must be empty or start with '/'")) {
            try JSONPointer.parse("States")
        }
        #expect(throws: JSONPointerError(pointer: "/a~2", message: "'~' must be followed by 0 or 1 (write ~0 for '~', ~1 for '/')")) {
            try JSONPointer.parse("/a~2")
        }
    }

    @Test func getsValues() throws {
        #expect(try machine.value(atPointer: "/States/Pay/Retry/0/MaxAttempts") == 3)
        #expect(try machine.value(atPointer: "/States/Pay/a~1b") == 1)
        #expect(try machine.value(atPointer: "/States/Pay/c~0d") == 2)
        #expect(try machine.value(atPointer: "") == machine)
        #expect(try machine.value(atPointer: "/list/2") == nil)
        #expect(try machine.value(atPointer: "/list/01") == nil)
        #expect(try machine.value(atPointer: "/list/-") == nil)
        #expect(try machine.value(atPointer: "/list/0/x") == nil)
    }

    @Test func setsReplacesAndAppendsWithoutTouchingCopies() throws {
        var v = machine
        try v.setValue(5, atPointer: "/States/Pay/Retry/0/MaxAttempts")
        try v.setValue("new", atPointer: "/States/Pay/Comment")
        try v.setValue(30, atPointer: "/list/2")
        try v.setValue(40, atPointer: "/list/-")
        #expect(try v.value(atPointer: "/States/Pay/Retry/0/MaxAttempts") == 5)
        #expect(try v.value(atPointer: "/States/Pay/Comment") == "new")
        #expect(v["list"] == [10, 20, 30, 40])
        #expect(try machine.value(atPointer: "/States/Pay/Retry/0/MaxAttempts") == 3)
        try v.setValue(true, atPointer: "")
        #expect(v == true)
    }

    @Test func setCreatesNothingOnTheWay() {
        var v = machine
        #expect(throws: JSONPointerError(pointer: "/States/Nope/Type", message: "no member \"Nope\" at /States")) {
            try v.setValue("Pass", atPointer: "/States/Nope/Type")
        }
        #expect(throws: JSONPointerError(pointer: "/list/5", message: "index 5 is past the end (count 2) at /list")) {
            try v.setValue(1, atPointer: "/list/5")
        }
        #expect(throws: JSONPointerError(pointer: "/list/x", message: "\"x\" is not an array index at /list")) {
            try v.setValue(1, atPointer: "/list/x")
        }
        #expect(throws: JSONPointerError(pointer: "/list/0/a", message: "\"a\" cannot be looked up in a number at /list/0")) {
            try v.setValue(1, atPointer: "/list/0/a")
        }
        #expect(v == machine)
    }

    @Test func removes() throws {
        var v = machine
        #expect(try v.removeValue(atPointer: "/list/0") == 10)
        #expect(try v.removeValue(atPointer: "/States/Pay/a~1b") == 1)
        #expect(v["list"] == [20])
        #expect(v["States"]?["Pay"]?["a/b"] == nil)
        #expect(throws: JSONPointerError(pointer: "/States/Gone", message: "there is no value to remove")) {
            try v.removeValue(atPointer: "/States/Gone")
        }
        #expect(throws: JSONPointerError(pointer: "", message: "cannot remove the whole document")) {
            try v.removeValue(atPointer: "")
        }
    }
}
