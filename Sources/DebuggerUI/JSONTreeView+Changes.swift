extension JSONTreeView {
    /// The changes looked up by pointer, built once so drawing a document with many changes
    /// stays linear in its rows.
    struct ChangeIndex: Sendable {
        /// Added and changed nodes, which are in the document, by pointer.
        var marks: [String: JSONChange] = [:]
        /// Members that are gone, by the pointer of the container they were in.
        var removals: [String: [Removal]] = [:]
        /// Pointers of the nodes with a change somewhere below them.
        var ancestors: Set<String> = []

        init(_ changes: [JSONChange]) {
            for change in changes {
                guard let last = change.path.last else {
                    // The whole document was replaced: one mark on the root says so, rather than
                    // a row for every member.
                    marks[""] = change
                    continue
                }
                var parent = ""
                for token in change.path.dropLast() {
                    ancestors.insert(parent)
                    parent += "/" + JSONPointer.escape(token)
                }
                ancestors.insert(parent)
                let pointer = parent + "/" + JSONPointer.escape(last)
                if change.kind == .removed {
                    removals[parent, default: []].append(
                        Removal(token: last, pointer: pointer, value: change.oldValue ?? .null))
                } else {
                    marks[pointer] = change
                }
            }
        }

        var isEmpty: Bool { marks.isEmpty && removals.isEmpty }

        /// The members removed from the container at `pointer`, in the order to show them:
        /// array elements by index (the diff lists them from the end), object members as listed.
        func removals(in pointer: String, isArray: Bool) -> [Removal] {
            guard let found = removals[pointer] else { return [] }
            guard isArray else { return found }
            return found.sorted { (Int($0.token) ?? 0) < (Int($1.token) ?? 0) }
        }
    }

    /// A member that is no longer in the document, shown with its old value.
    struct Removal: Sendable {
        /// The member's key, or its index in an array.
        var token: String
        var pointer: String
        var value: JSON
    }
}
