import Foundation
import Testing
@testable import IR
@testable import Render

/// The views answer the template engine by name (`TemplateValue`), written by hand beside each
/// view. This keeps those answers complete: every stored property of every view reachable from a
/// real module is found under its own name, with its own value.
@Suite struct ViewTests {
    static var builds: SwiftModule? { module("specs/builds.yaml") }

    /// A module from a spec of this repository, by its path from the root.
    static func module(_ path: String) -> SwiftModule? {
        let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(path)
        guard let text = try? String(contentsOf: spec, encoding: .utf8) else { return nil }
        return buildModule(text, file: path).module
    }

    /// Checks `view` and, depth first, every view inside it; returns how many were checked.
    @discardableResult
    func check(_ view: Any, path: String) -> Int {
        guard let lookup = view as? any TemplateValue else {
            Issue.record("\(path): \(type(of: view)) does not answer lookups by name")
            return 0
        }
        var checked = 1
        for child in Mirror(reflecting: view).children {
            guard let label = child.label else { continue }
            guard let answer = lookup.value(forName: label) else {
                Issue.record("\(path).\(label): \(type(of: view)) has the property but does not answer for it")
                continue
            }
            // Same value: the views hold strings, flags, optionals and lists of views.
            #expect(Self.summary(answer) == Self.summary(stored: child.value), "\(path).\(label)")
            if let list = child.value as? [Any] {
                for (index, element) in list.enumerated() where !(element is String) {
                    checked += check(element, path: "\(path).\(label)[\(index)]")
                }
            }
        }
        #expect(lookup.value(forName: "noSuchProperty") == nil, "\(path): unknown keys must be missing, not nil values")
        // Keys of other views must be missing too (`default: nil`), or lookup would stop at this view.
        let labels = Set(Mirror(reflecting: view).children.compactMap(\.label))
        for key in TemplateKey.allCases where !labels.contains(key.rawValue) {
            #expect(lookup.value(forKey: key) == nil, "\(path): answers '\(key.rawValue)', which is not its property")
        }
        return checked
    }

    static func summary(_ data: TemplateData) -> String? {
        switch data {
        case .null: nil
        case .bool(let bool): "\(bool)"
        case .text(let text): text
        case .list(let list): "list of \(list.count)"
        case .object(let object): "object \(type(of: object))"
        }
    }

    static func summary(stored value: Any) -> String? {
        let mirror = Mirror(reflecting: value)
        let unwrapped: Any? = mirror.displayStyle == .optional ? mirror.children.first?.value : value
        guard let unwrapped else { return nil }
        switch unwrapped {
        case let bool as Bool: return "\(bool)"
        case let text as String: return text
        case let list as [Any]: return "list of \(list.count)"
        default: return "object \(type(of: unwrapped))"
        }
    }

    @Test func everyViewAnswersForEveryProperty() throws {
        let module = try #require(Self.builds)
        let views = ViewBuilder(module: module)
        let count = check(views.modelsView(), path: "models")
            + check(views.clientView(), path: "client")
            + check(views.serverView(importsModels: true), path: "server")
            + check(views.supportView(), path: "support")
        // Types, properties, cases, operations, parameters and responses were all visited.
        #expect(count > 40)
    }

    // The bodies spec reaches the views only non-JSON bodies have (body enums and their cases).
    @Test func bodyViewsAnswerForEveryProperty() throws {
        let module = try #require(Self.module("specs/bodies.yaml"))
        let views = ViewBuilder(module: module)
        let models = views.modelsView()
        #expect(models.bodyChoices.count == 2)
        #expect(check(models, path: "models") + check(views.clientView(), path: "client") + check(views.supportView(), path: "support") > 20)
    }

    // The servers fixture reaches the views of `Servers` (functions, variable enums and their cases).
    @Test func serverViewsAnswerForEveryProperty() throws {
        let module = try #require(Self.module("Tests/genTests/Fixtures/golden/servers/spec.yaml"))
        let client = ViewBuilder(module: module).clientView()
        #expect(client.servers.flatMap(\.enums).count == 3)
        #expect(check(client, path: "client") > 20)
    }
}
