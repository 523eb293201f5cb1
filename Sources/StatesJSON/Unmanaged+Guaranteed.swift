extension Unmanaged {
    /// Calls `body` with the instance without counting a reference to it (whoever made this
    /// unmanaged reference keeps the instance alive), passing `body`'s typed error through:
    /// `_withUnsafeGuaranteedRef` itself only rethrows untyped errors.
    @inlinable
    public func withGuaranteedInstance<Result, Failure: Error>(
        _ body: (Instance) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var failure: Failure?
        var result: Result?
        _withUnsafeGuaranteedRef { instance in
            do throws(Failure) { result = try body(instance) } catch { failure = error }
        }
        if let failure { throw failure }
        return result!
    }
}
