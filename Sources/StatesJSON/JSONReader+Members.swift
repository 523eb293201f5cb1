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
        let memberKeys = keys.pop(from: first)
        let memberValues = values.pop(from: values.count - count)
        // Small objects (the usual case) skip hashing altogether when their keys are distinct.
        if count <= 15 && !hasDuplicates(memberKeys) {
            return JSONObject(uncheckedUniqueKeys: memberKeys, values: memberValues)
        }
        // Last one wins and keeps the first one's place, as Jackson's ObjectNode does.
        var object = JSONObject(minimumCapacity: count)
        for i in 0..<count { object.updateValue(memberValues[i], forKey: memberKeys[i]) }
        return object
    }

    func hasDuplicates(_ keys: [String]) -> Bool {
        var i = 1
        while i < keys.count {
            var j = 0
            while j < i {
                if keys[i] == keys[j] { return true }
                j += 1
            }
            i += 1
        }
        return false
    }
}
