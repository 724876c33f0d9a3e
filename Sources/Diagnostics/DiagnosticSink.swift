/// Collects the diagnostics of one run. Stages report and carry on where they can, so a user sees
/// every problem at once; `gen` prints them sorted by position and exits non-zero on any error.
///
/// A class so that nested parsers can share one sink without threading `inout` through every call.
/// Not thread-safe: each stage runs on one thread.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []
    /// What was reported, so a problem met again is not repeated: a `$ref`'d response or header is
    /// read once per use, and one spec line should not print a warning per operation.
    private var reported: Set<Diagnostic> = []

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        guard reported.insert(diagnostic).inserted else { return }
        diagnostics.append(diagnostic)
    }

    public func error(_ message: String, at location: SourceLocation?, notes: [Diagnostic] = []) {
        report(.error(message, at: location, notes: notes))
    }

    public func warning(_ message: String, at location: SourceLocation?, notes: [Diagnostic] = []) {
        report(.warning(message, at: location, notes: notes))
    }

    /// Whether any error has been reported; warnings do not count.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Diagnostics by file, line, column; those with no location come first. Stable for equal positions.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case (nil, nil): return lhs.offset < rhs.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?): return l == r ? lhs.offset < rhs.offset : l < r
            }
        }.map(\.element)
    }
}
