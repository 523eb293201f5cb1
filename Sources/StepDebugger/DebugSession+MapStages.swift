/// Map's own TestState stages, `afterItemsPath` and `afterItemSelector`, which the engine does not
/// record on the Map's stage record: rebuilt from the definition and the iterations' inputs.
extension DebugSession {
    func mapStages(_ map: MapState, afterInputPath: JSON?, enteredIndex: Int, position: Int, level: Int) -> [StateVisit.Stage] {
        var out: [StateVisit.Stage] = []
        if let effective = afterInputPath, let text = map.itemsPath.effectivePath, text != "$",
           let path = try? JSONPath(text), let items = try? path.evaluate(effective) {
            out.append(StateVisit.Stage(name: "afterItemsPath", value: items, expression: "ItemsPath: " + text, changes: [], sameAs: nil))
        }
        guard let selector = map.itemSelector else { return out }
        let log = history
        var inputs: [JSON] = []
        var j = enteredIndex + 1
        while j < position {
            if levels[j] == level + 1, log[j].type.rawValue.hasSuffix("StateEntered"), j > 0, log[j - 1].type == .mapIterationStarted,
               let input = log[j].details?["input"] {
                inputs.append(input)
            }
            j += 1
        }
        guard !inputs.isEmpty else { return out }
        let field = map.usesLegacyParameters ? "Parameters: " : "ItemSelector: "
        out.append(StateVisit.Stage(name: "afterItemSelector", value: .array(inputs),
                                    expression: field + JSONPrinter.compact(selector) + " (one per item, as each iteration received it)",
                                    changes: [], sameAs: nil))
        return out
    }

    /// Puts Map stages after `afterInputPath`, each compared with the stage before it.
    static func inserting(_ extra: [StateVisit.Stage], into stages: [StateVisit.Stage]) -> [StateVisit.Stage] {
        guard !extra.isEmpty, let at = stages.firstIndex(where: { $0.name == "afterInputPath" }) else { return stages }
        var out = Array(stages[...at])
        for var stage in extra {
            let previous = out[out.count - 1]
            let diff = JSONDiff(from: previous.value, to: stage.value)
            if diff.isEmpty { stage.sameAs = previous.sameAs ?? previous.name } else {
                stage.changes = diff.changes
                stage.comparedWith = previous.name
            }
            out.append(stage)
        }
        out += stages[(at + 1)...]
        return out
    }
}
