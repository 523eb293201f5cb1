/// Asks each source in turn; the first answer wins (handlers before nested machines before a
/// mock configuration or a recording).
public struct CompositeTaskSource: TaskSource {
    public var sources: [any TaskSource]
    public init(_ sources: [any TaskSource]) { self.sources = sources }
    public func respond(to request: TaskRequest) -> TaskResponse? {
        for source in sources {
            if let answer = source.respond(to: request) { return answer }
        }
        return nil
    }
}
