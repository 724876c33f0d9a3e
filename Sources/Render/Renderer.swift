import Diagnostics
import Foundation
import IR
import Mustache

/// A file the renderer produced, by its path relative to the output folder.
public struct OutputFile: Sendable, Hashable {
    /// e.g. `BuildsAPI/Models.swift`.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Fills the Mustache templates with views built from the IR. Stage entry point:
/// `(SwiftModule) -> [OutputFile]`.
///
/// Templates are read from a folder (`Templates/` by default): each `NAME.mustache` is
/// registered as a template and as the partial `{{> NAME}}`.
public struct Renderer {
    /// The templates every run needs, and the file each produces (`%@` is the module name).
    static let entryTemplates: [(template: String, output: String)] = [
        ("models", "%@/Models.swift"),
        ("support", "%@/Support.swift"),
        ("client", "%@/Client.swift"),
        ("server", "%@Server/Server.swift"),
    ]

    private let library: MustacheLibrary

    /// Loads every `.mustache` file in `directory`.
    /// - Throws: `Diagnostic` pointing into the template file (`Templates/models.mustache:3:5`)
    ///   when one does not parse, or naming the folder when a required template is missing.
    public init(templatesDirectory directory: String) throws(Diagnostic) {
        var library = MustacheLibrary()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw .error("cannot read templates folder '\(directory)': \(error.localizedDescription)", at: nil)
        }
        for file in names {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw .error("cannot read template '\(path)' as UTF-8 text", at: nil)
            }
            do {
                library.register(try MustacheTemplate(string: text), named: String(file.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                throw .error(
                    "template does not parse: \(Self.describe(error.error))",
                    at: SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber)
                )
            } catch {
                throw .error("template '\(path)' does not parse: \(error)", at: nil)
            }
        }
        for entry in Self.entryTemplates where library.getTemplate(named: entry.template) == nil {
            throw .error("missing template '\(entry.template).mustache' in '\(directory)'", at: nil)
        }
        self.library = library
    }

    /// Renders every output file for `module`, in a fixed order.
    public func render(_ module: SwiftModule) -> [OutputFile] {
        let views = ViewBuilder(module: module)
        var models = views.modelsView()
        models.types = models.types.map(renderingNestedDeclarations)
        let rendered: [String: Any] = [
            "models": models,
            "support": views.supportView(),
            "client": views.clientView(),
            "server": views.serverView(),
        ]
        return Self.entryTemplates.map { entry in
            let text = library.render(rendered[entry.template]!, withTemplate: entry.template) ?? ""
            return OutputFile(path: entry.output.replacingOccurrences(of: "%@", with: module.name), contents: Self.tidy(text))
        }
    }

    /// Renders one view through one template or partial (`type`, `enum`, …), as `render(_:)` does
    /// for each file; `nil` when there is no such template. For tests of a single partial.
    func render(_ view: Any, withTemplate name: String) -> String? {
        library.render(view, withTemplate: name)
    }

    /// Renders the nested types of `view` (depth first) into its `nestedDeclarations`.
    private func renderingNestedDeclarations(_ view: TypeView) -> TypeView {
        var view = view
        view.nestedTypes = view.nestedTypes.map(renderingNestedDeclarations)
        view.nestedDeclarations = view.nestedTypes.map { nested in
            let text = library.render(nested, withTemplate: "type") ?? ""
            return text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "    " + $0 }
                .joined(separator: "\n")
                .trimmingTrailingNewlines()
        }.joined(separator: "\n\n")
        return view
    }

    /// Collapses runs of blank lines that conditional sections leave behind and ends the file
    /// with exactly one newline, so output reads as written by hand.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blanks = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let isBlank = line.allSatisfy { $0 == " " }
            blanks = isBlank ? blanks + 1 : 0
            if isBlank {
                // No blank line after an opening brace or twice in a row.
                if blanks > 1 || lines.last?.hasSuffix("{") == true { continue }
                lines.append("")
            } else {
                if line.drop(while: { $0 == " " }).hasPrefix("}"), lines.last == "" { lines.removeLast() }
                lines.append(line)
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else {
            // The parser's own error (an internal type): it ran off the end of the text inside a tag.
            return "\(error)" == "overflow" ? "a tag is not closed before the end of the template" : "\(error)"
        }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .invalidConfigVariableSyntax: return "invalid pragma syntax"
        case .unrecognisedConfigVariable: return "unrecognised pragma"
        default: return "\(error)"
        }
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
