// Hand-written code lives beside the generated code in the same module: SwiftPM also needs at
// least one source file of the target's own to treat the folder as a target.

extension Pet: CustomStringConvertible {
    /// `Rex (dog)`, for logs.
    public var description: String { "\(name) (\(species.rawValue))" }
}
