import Diagnostics
import OpenAPI

/// The document's `servers` (OpenAPI 3.1 §4.8.5) as the client's `Servers`, checked now so the
/// generated code builds only URLs that parse: every `{name}` in a URL has a variable, defaults are
/// among the `enum` values (§4.8.6), and the URL with any documented value is RFC 3986 syntax.
extension ModuleBuilder {
    /// Names `Servers` declares itself, which no server function may take.
    static let serversMemberNames: Set<String> = ["url", "init", "escaped"]

    /// - Returns: the servers that checked out, and the first server's URL with its defaults when
    ///   that server is among them, absolute and fully defaulted (the client's default base URL).
    func buildServers() -> (servers: [ServerModel], defaultURL: String?) {
        var functionNames = NameScope(reserved: Self.serversMemberNames)
        // Enums nested in `Servers` hide top-level types of the same name inside it.
        var typeNames = NameScope(reserved: reserved.names)
        var servers: [ServerModel] = []
        var defaultURL: String?
        for (index, server) in document.servers.enumerated() {
            guard let model = buildServer(server, number: index + 1, functionNames: &functionNames, typeNames: &typeNames) else { continue }
            if index == 0, !model.isRelative, model.variables.allSatisfy({ $0.defaultValue != nil }) {
                defaultURL = Self.substituting(model.components, model.variables.map { $0.defaultValue ?? "" })
            }
            servers.append(model)
        }
        return (servers, defaultURL)
    }

    private func buildServer(_ server: Server, number: Int, functionNames: inout NameScope, typeNames: inout NameScope) -> ServerModel? {
        guard let template = Self.components(of: server.url) else {
            diagnostics.warning("server url '\(server.url)' has an unmatched '{' or '}'; expected '{name}' around each variable; the server is skipped", at: server.urlLocation)
            return nil
        }
        let used = template.compactMap { if case .variable(let name) = $0 { name } else { nil } }
        for name in Set(used).sorted() where !server.variables.contains(where: { $0.name == name }) {
            diagnostics.warning("server url '\(server.url)' uses '{\(name)}', which is not in its 'variables'; the server is skipped", at: server.urlLocation)
            return nil
        }
        let name = functionNames.claim(Self.functionName(for: server, number: number))
        // Whether there is a scheme can depend on a variable (`{scheme}://…`): look with the defaults.
        let sample = template.map { component in
            switch component {
            case .literal(let text): text
            case .variable(let name):
                server.variables.first { $0.name == name }.flatMap { $0.defaultValue ?? $0.enumValues?.first?.value } ?? "a"
            }
        }.joined()
        let isRelative = URLSyntax.isRelative(sample)
        // A relative server's function also takes `relativeTo base: URL`.
        var parameterNames = NameScope(reserved: isRelative ? ["relativeTo", "base"] : [])
        var variables: [ServerVariableModel] = []
        for variable in server.variables {
            if !used.contains(variable.name) {
                diagnostics.warning("server variable '\(variable.name)' is not used in the url '\(server.url)'", at: variable.location)
            }
            var values = variable.enumValues
            if values?.isEmpty == true {
                diagnostics.warning("the 'enum' of server variable '\(variable.name)' is empty; expected at least one value (OpenAPI 3.1 §4.8.6), so any string is taken", at: variable.enumLocation ?? variable.location)
                values = nil
            }
            var defaultValue = variable.defaultValue
            if defaultValue == nil {
                diagnostics.warning("server variable '\(variable.name)' has no 'default'; expected one (OpenAPI 3.1 §4.8.6), so '\(name)(…)' has no default for it", at: variable.location)
            } else if let values, let value = defaultValue, !values.contains(where: { $0.value == value }) {
                diagnostics.warning(
                    "the default '\(value)' of server variable '\(variable.name)' is not one of its 'enum' values (\(values.map { "'\($0.value)'" }.joined(separator: ", "))); '\(name)(…)' has no default for it",
                    at: variable.defaultLocation ?? variable.location
                )
                defaultValue = nil
            }
            var cases: [Enumeration.Case] = []
            var caseNames = NameScope()
            for value in values ?? [] where !cases.contains(where: { $0.rawValue == value.value }) {
                cases.append(.init(name: caseNames.claim(Naming.memberName(value.value)), rawValue: value.value))
            }
            variables.append(ServerVariableModel(
                name: variable.name,
                swiftName: parameterNames.claim(Naming.memberName(variable.name)),
                documentation: variable.description,
                enumTypeName: values == nil ? nil : typeNames.claim(Naming.typeName(name) + Naming.typeName(variable.name)),
                cases: cases,
                defaultValue: defaultValue
            ))
        }
        let components: [ServerModel.Component] = template.map { component in
            switch component {
            case .literal(let text): .literal(text)
            case .variable(let name): .variable(server.variables.firstIndex { $0.name == name } ?? 0)
            }
        }
        // Checked with every variable at its default (or a sample value without one), then with each
        // enum value in turn: values outside the enum are the caller's, encoded where they go.
        let standIns = variables.map { $0.defaultValue ?? $0.cases.first?.rawValue ?? "a" }
        let url = Self.substituting(components, standIns)
        if let problem = URLSyntax.problem(in: url) {
            let shown = url == server.url ? "" : " (with its defaults, '\(url)')"
            diagnostics.warning("server url '\(server.url)'\(shown) is not a valid URL: \(problem); the server is skipped", at: server.urlLocation)
            return nil
        }
        for (variableIndex, variable) in server.variables.enumerated() where variables[variableIndex].enumTypeName != nil {
            for value in variable.enumValues ?? [] {
                var values = standIns
                values[variableIndex] = value.value
                guard let problem = URLSyntax.problem(in: Self.substituting(components, values)) else { continue }
                diagnostics.warning("the value '\(value.value)' of server variable '\(variable.name)' does not make a valid URL: \(problem); it is left out", at: value.location)
                variables[variableIndex].cases.removeAll { $0.rawValue == value.value }
                if variables[variableIndex].defaultValue == value.value { variables[variableIndex].defaultValue = nil }
            }
        }
        return ServerModel(
            name: name,
            url: server.url,
            documentation: server.description,
            components: components,
            variables: variables,
            isRelative: isRelative
        )
    }

    /// `x-name`, else the description's first line without a last word `server` (`Production server`
    /// → `production`), else `server<number>`.
    static func functionName(for server: Server, number: Int) -> String {
        if let name = server.name, !Naming.words(in: name).isEmpty { return Naming.memberName(name) }
        // Descriptions may be Markdown paragraphs: the first line is the name-like part.
        let firstLine = server.description?.split(whereSeparator: \.isNewline).first.map(String.init)
        guard let description = firstLine, !Naming.words(in: description).isEmpty else { return "server\(number)" }
        let words = Naming.words(in: description)
        if words.count > 1, ["server", "servers"].contains(words[words.count - 1].lowercased()) {
            return Naming.memberName(words.dropLast().joined(separator: " "))
        }
        return Naming.memberName(description)
    }

    /// A piece of a URL template.
    private enum TemplateComponent {
        case literal(String)
        case variable(String)
    }

    /// The URL template's text and `{name}`s (§4.8.5); `nil` when braces do not pair up.
    private static func components(of url: String) -> [TemplateComponent]? {
        var components: [TemplateComponent] = []
        var current = ""
        var inVariable = false
        for character in url {
            switch character {
            case "{":
                if inVariable { return nil }
                if !current.isEmpty { components.append(.literal(current)) }
                current = ""
                inVariable = true
            case "}":
                if !inVariable || current.isEmpty { return nil }
                components.append(.variable(current))
                current = ""
                inVariable = false
            default:
                current.append(character)
            }
        }
        if inVariable { return nil }
        if !current.isEmpty { components.append(.literal(current)) }
        return components
    }

    /// The URL with `values[i]` for variable `i`, as written (§4.8.6 substitutes values as they are).
    static func substituting(_ components: [ServerModel.Component], _ values: [String]) -> String {
        components.map { component in
            switch component {
            case .literal(let text): text
            case .variable(let index): values[index]
            }
        }.joined()
    }
}
