/// Finishing objects: duplicate keys and building the ordered dictionary.
extension JSONReader {
    /// Whether the object being read (whose keys start at `first`) already has `key`.
    func hasKey(_ key: String, since first: Int) -> Bool {
        var i = first
        while i < keys.count {
            if keys[i] == key { return true }
            i += 1
        }
        return false
    }

    /// Builds the object whose members are on top of the stacks.
    mutating func popObject(from first: Int) -> JSONObject {
        let count = keys.count - first
        // Small objects (the usual case) skip hashing altogether when their keys are distinct,
        // and move their members straight from the stacks into the object.
        if count <= 15 && !hasKeyTwice(since: first) {
            let start = values.count - count
            return keys.moveOut(from: first) { keys, n in
                values.moveOut(from: start) { values, _ in JSONObject(movingKeys: keys, values: values, count: n) }
            }
        }
        let memberKeys = keys.pop(from: first)
        let memberValues = values.pop(from: values.count - count)
        // Last one wins and keeps the first one's place, as Jackson's ObjectNode does.
        var object = JSONObject(minimumCapacity: count)
        for i in 0..<count { object.updateValue(memberValues[i], forKey: memberKeys[i]) }
        return object
    }

    /// Whether two of the keys from `first` to the top are the same.
    func hasKeyTwice(since first: Int) -> Bool {
        var i = first + 1
        while i < keys.count {
            var j = first
            while j < i {
                if keys[i] == keys[j] { return true }
                j += 1
            }
            i += 1
        }
        return false
    }
}
