/// A path template split into literal text and `{name}` parameters (OpenAPI 3.1 §4.8.8.2).
/// The one place templates are parsed: the parser checks parameters against it, the IR builds
/// client paths and server routes from it.
public enum PathTemplate {
    public enum Segment: Hashable, Sendable {
        case literal(String)
        case parameter(String)
    }

    /// `/org/{org}/builds` → `[.literal("/org/"), .parameter("org"), .literal("/builds")]`.
    public static func segments(of path: String) -> [Segment] {
        var segments: [Segment] = []
        var literal = ""
        var parameter: String?
        for character in path {
            if character == "{", parameter == nil {
                parameter = ""
            } else if character == "}", let name = parameter {
                if !literal.isEmpty { segments.append(.literal(literal)) }
                literal = ""
                segments.append(.parameter(name))
                parameter = nil
            } else if parameter != nil {
                parameter!.append(character)
            } else {
                literal.append(character)
            }
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return segments
    }

    /// The parameter names, in order.
    public static func parameterNames(in path: String) -> [String] {
        segments(of: path).compactMap { segment in
            if case .parameter(let name) = segment { return name }
            return nil
        }
    }
}
