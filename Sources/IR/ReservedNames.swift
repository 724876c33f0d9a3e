/// The names a generated type must not take: those the output's own code spells unqualified.
///
/// The templates declare support types (`ClientError`, `JSONValue`, …) and name standard-library,
/// Foundation and framework types (`Data`, `Sendable`, `Request`, …) without their module; a schema
/// declaring one of them would shadow it inside the module, or make it ambiguous where the models
/// are imported. The renderer collects the set from the templates it loaded (see
/// `Renderer.reservedNames`), so the set cannot drift from what the templates write; the IR adds
/// the spellings of its own types (`TypeReference.builtinSpellings`).
public struct ReservedNames: Sendable, Hashable {
    /// Every name taken: the templates' (type, module and attribute names such as `MainActor`,
    /// as written in the source) and the IR's built-in spellings.
    public let names: Set<String>

    /// - Parameter templateNames: the names the templates' code spells unqualified.
    public init(templateNames: Set<String>) {
        self.names = templateNames.union(TypeReference.builtinSpellings)
    }

    /// Whether a generated type (or the output's module) called `name` would collide.
    public func contains(_ name: String) -> Bool { names.contains(name) }
}
