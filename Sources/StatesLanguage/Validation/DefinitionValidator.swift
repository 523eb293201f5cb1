/// Semantic checks on a loaded machine: transitions, names, reachability, error names and
/// payload templates. Field types and shapes are the loader's business.
public enum DefinitionValidator {
    /// Every problem the loader's field checks do not cover, unsorted.
    public static func validate(_ machine: StateMachine, document: JSONDocument) -> [Diagnostic] {
        var checker = MachineChecker(sink: DiagnosticSink(document: document))
        checker.checkNames(machine)
        checker.check(machine, outerNames: [])
        return checker.sink.diagnostics
    }
}
