import Foundation
import Testing
@testable import Render

/// What `TemplateNames` reads off template text, and that the reserved names follow the
/// templates actually loaded.
@Suite struct TemplateNamesTests {
    private func names(_ text: String) throws -> TemplateNames {
        TemplateNames(templates: [try Template(text)])
    }

    @Test func declarationsAndUsesAreFoundOutsideCommentsAndStrings() throws {
        let scanned = try names(
            """
            // Widget in a comment, /* Gadget */ too
            {{access}} nonisolated struct Holder<Element>: Sendable {
                /// Documented with Sprocket.
                var data: Foundation.Data
                let text = "Cog \\(Swift.Range<Int>.self) \\(Gear.self)"
                let raw = #"Lever \\#(Pulley.self)"#
                let multi = \"\"\"
                    Axle
                    \"\"\"
                enum Kind { case a }
                func make<Result>(_ value: Element) -> Result? { nil }
                var name: {{typeName}}Response
                @MainActor func run() {}
            }
            extension {{typeName}}: Codable {}
            """
        )
        #expect(scanned.declared == ["Holder"])
        #expect(scanned.scoped.isSuperset(of: ["Element", "Kind", "Result"]))
        for used in ["Sendable", "Foundation", "Swift", "Gear", "Pulley", "Int", "MainActor", "Codable"] {
            #expect(scanned.reserved.contains(used), "\(used)")
        }
        // In comments and strings, after a dot, glued to an interpolation, or scoped: not reserved.
        for free in ["Widget", "Gadget", "Sprocket", "Cog", "Lever", "Axle", "Data", "Range", "Response", "Kind", "Result", "Element"] {
            #expect(!scanned.reserved.contains(free), "\(free)")
        }
    }

    // A template of the user's own reserves what it declares and uses, as the built-in ones do.
    @Test func overrideTemplatesAddTheirNames() throws {
        let scratch = try TemporaryDirectory()
        let support = try #require(BuiltinTemplates.texts["support"])
        _ = try scratch.write(support + "\nstruct Widget {\n    var gadget: Gadget\n}\n", to: "templates/support.mustache")
        let renderer = try Renderer(overridesDirectory: scratch.url.appendingPathComponent("templates").path)
        #expect(renderer.reservedNames.contains("Widget") && renderer.reservedNames.contains("Gadget"))
        #expect(!Renderer.builtinReservedNames.contains("Widget"))
        #expect(renderer.reservedNames.names.isSuperset(of: Renderer.builtinReservedNames.names))
    }

    // The IR's own spellings are reserved whatever the templates say.
    @Test func builtinSpellingsAreAlwaysReserved() throws {
        let renderer = try Renderer()
        for spelling in ["String", "Date", "UUID", "Data", "JSONValue", "CalendarDate"] {
            #expect(renderer.reservedNames.contains(spelling))
        }
    }
}
