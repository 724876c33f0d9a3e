import Foundation
import Testing
@testable import Render

/// gen's template engine against the Mustache specification's own test data
/// (`Fixtures/mustache-spec`, mustache/spec, MIT): comments, interpolation, sections, inverted
/// sections, partials and set-delimiter tags, every case of each.
@Suite struct MustacheSpecTests {
    struct SpecCase: CustomTestStringConvertible, Sendable {
        var file: String
        var name: String
        var template: String
        var partials: [String: String]
        var expected: String
        /// The JSON text of the case's `data`, re-read per test (Any is not Sendable).
        var dataJSON: Data

        var testDescription: String { "\(file): \(name)" }
    }

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mustache-spec")

    static let cases: [SpecCase] = {
        var cases: [SpecCase] = []
        for file in ["comments", "interpolation", "sections", "inverted", "partials", "delimiters"] {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("\(file).json").path),
                  let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let tests = json["tests"] as? [[String: Any]]
            else { continue }
            for test in tests {
                cases.append(SpecCase(
                    file: file,
                    name: test["name"] as? String ?? "?",
                    template: test["template"] as? String ?? "",
                    partials: test["partials"] as? [String: String] ?? [:],
                    expected: test["expected"] as? String ?? "",
                    dataJSON: (try? JSONSerialization.data(withJSONObject: ["data": test["data"] ?? NSNull()])) ?? Data()
                ))
            }
        }
        return cases
    }()

    @Test func suiteIsComplete() {
        // 12 + 42 + 34 + 22 + 12 + 14 cases in the pinned spec files.
        #expect(Self.cases.count == 136)
    }

    @Test(arguments: cases)
    func specCase(_ test: SpecCase) throws {
        let wrapper = try #require(try JSONSerialization.jsonObject(with: test.dataJSON) as? [String: Any])
        let data = Self.templateData(wrapper["data"] ?? NSNull())
        var templates = ["": try Template(test.template)]
        for (name, text) in test.partials { templates[name] = try Template(text) }
        let output = TemplateLibrary(templates: templates).render(data, withTemplate: "")
        #expect(output == test.expected, "\(test.file): \(test.name)")
    }

    /// JSON as template data: objects and arrays become lookup tables and lists, numbers text
    /// (`85`, `1.21`), `null` null.
    static func templateData(_ json: Any) -> TemplateData {
        switch json {
        case let dictionary as [String: Any]: .object(JSONObject(members: dictionary.mapValues(templateData)))
        case let array as [Any]: .list(JSONArray(elements: array.map(templateData)))
        case let string as String: .text(string)
        case let number as NSNumber:
            if String(describing: type(of: number)).contains("Boolean") {
                .bool(number.boolValue)
            } else if number.doubleValue.rounded() == number.doubleValue, abs(number.doubleValue) < 1e15 {
                .text(String(number.intValue))
            } else {
                .text(String(number.doubleValue))
            }
        default: .null
        }
    }

    struct JSONObject: TemplateValue {
        var members: [String: TemplateData]
        func value(forKey key: TemplateKey) -> TemplateData? { members[key.rawValue] }
        func value(forName name: String) -> TemplateData? { members[name] }
    }

    struct JSONArray: TemplateList {
        var elements: [TemplateData]
        var count: Int { elements.count }
        func element(at index: Int) -> TemplateData { elements[index] }
    }
}
