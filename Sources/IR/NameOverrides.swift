import Diagnostics

/// Swift names the user chose for component schemas and operations, in place of the ones gen
/// derives (a config file's `rename` section): `BuildResponse` → `Build`, `updateBuild` →
/// `patchBuild`.
public struct NameOverrides: Sendable {
    /// One rename, with where it was written so problems can be reported there.
    public struct Entry: Sendable, Hashable {
        /// The schema's name under `components/schemas`, or the operation's `operationId` or
        /// `METHOD /path` (e.g. `GET /builds/{id}`).
        public var original: String
        /// The Swift name to use, exactly as written.
        public var name: String
        public var location: SourceLocation?

        public init(original: String, name: String, at location: SourceLocation? = nil) {
            self.original = original
            self.name = name
            self.location = location
        }
    }

    public var schemas: [Entry] = []
    public var operations: [Entry] = []

    public init(schemas: [Entry] = [], operations: [Entry] = []) {
        self.schemas = schemas
        self.operations = operations
    }

    /// The keys an operation may be renamed by: its `operationId` (when it has one) and
    /// `METHOD /path`, the one key every operation has.
    static func keys(operationID: String?, method: String, path: String) -> [String] {
        (operationID.map { [$0] } ?? []) + ["\(method.uppercased()) \(path)"]
    }

    /// The overrides as `original → name`, after checking each: a name that is not a Swift
    /// identifier, or a keyword, is an error; an original the document does not have is a
    /// warning with the closest one as a note. Invalid entries are left out.
    static func validated(_ entries: [Entry], kind: String, known: [String], diagnostics: DiagnosticSink) -> [String: String] {
        guard !entries.isEmpty else { return [:] }
        let knownSet = Set(known)
        var result: [String: String] = [:]
        for entry in entries {
            guard knownSet.contains(entry.original) else {
                let notes = closestMatch(to: entry.original, in: known).map { [Diagnostic.note("did you mean '\($0)'?", at: entry.location)] } ?? []
                diagnostics.warning("the spec has no \(kind) '\(entry.original)' to rename", at: entry.location, notes: notes)
                continue
            }
            guard Self.isIdentifier(entry.name), !Naming.keywords.contains(entry.name), !Naming.metatypeNames.contains(entry.name) else {
                diagnostics.error(
                    "cannot rename \(kind) '\(entry.original)' to '\(entry.name)': not a Swift identifier (letters, digits and '_', not starting with a digit, not a keyword)",
                    at: entry.location
                )
                continue
            }
            result[entry.original] = entry.name
        }
        return result
    }

    /// ASCII letters, digits and `_`, not starting with a digit: what the names gen derives use too.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}
