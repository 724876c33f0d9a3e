import Foundation
import Testing

/// One test (or more) per case of `../shared/cases/field-reports.md`: inputs that broke other Swift
/// OpenAPI generators. Each test generates the case's snippet with the real `gen`, compiles the
/// output with `-warnings-as-errors`, and runs a program that checks the report's "Correct
/// behaviour" on the generated models and client (see `Snippet`).
@Suite struct FieldReportTests {
    // MARK: B01

    static let b01 = """
        paths:
          /items/{id}:
            patch:
              operationId: updateItem
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/ItemPatch'}
              responses: {'200': {description: ok}}
        components:
          schemas:
            ItemPatch:
              type: object
              properties:
                title: {anyOf: [{type: string}, {type: 'null'}]}
                note:  {anyOf: [{type: string}, {type: 'null'}]}
        """

    // A PATCH body tells a key left out from a key sent as null: both when the client encodes it
    // and when the other side (the server uses the same models) decodes it.
    @Test func b01PatchTellsAbsentFromNull() async throws {
        let run = try Snippet.run(spec: Self.b01, main: #"""
            checkEqual("a value encodes only its key", try json(ItemPatch(title: .value("x"))), #"{"title":"x"}"#)
            checkEqual("null encodes as an explicit null", try json(ItemPatch(note: .null)), #"{"note":null}"#)
            checkEqual("nothing set encodes as {}", try json(ItemPatch()), "{}")
            let empty = try decode(ItemPatch.self, "{}")
            let null = try decode(ItemPatch.self, #"{"note":null}"#)
            checkEqual("{} decodes note as .absent", empty.note, .absent)
            checkEqual("null decodes note as .null", null.note, .null)
            check("absent and null compare unequal", empty.note != null.note && empty != null)
            checkEqual("a value decodes as .value", try decode(ItemPatch.self, #"{"title":"x"}"#).title, .value("x"))

            let (client, transport) = stubClient()
            try await client.updateItem(id: "i1", body: ItemPatch(note: .null))
            try await client.updateItem(id: "i1", body: ItemPatch(title: "t"))
            let bodies = await transport.log.requests.map { $0.body.map { String(decoding: $0, as: UTF8.self) } }
            checkEqual("the client sends null and leaves the absent key out", bodies, [#"{"note":null}"#, #"{"title":"t"}"#])
            checkEqual("the client sends PATCH", await transport.log.requests.first?.method, "PATCH")
            finish()
            """#)
        run.expectAllPassed()
    }

    // MARK: B03

    // FastAPI's `anyOf: [T, null]` is a plain optional in a response model: null, missing and a value all decode.
    @Test func b03FastAPINullableIsPlainOptional() async throws {
        let run = try Snippet.run(spec: """
            components:
              schemas:
                Profile:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    bio:
                      anyOf: [{type: string, maxLength: 500}, {type: 'null'}]
                      default: null
                      title: Bio
            """, main: #"""
            let withNull = try decode(Profile.self, #"{"name":"a","bio":null}"#)
            let missing = try decode(Profile.self, #"{"name":"a"}"#)
            let value = try decode(Profile.self, #"{"name":"a","bio":"hi"}"#)
            check("bio is declared String?", type(of: missing.bio) == Optional<String>.self, "\(type(of: missing.bio))")
            checkEqual("null decodes as nil", withNull.bio, nil)
            checkEqual("a missing key decodes as nil", missing.bio, nil)
            checkEqual("a value decodes as the string", value.bio, "hi")
            checkEqual("name", value.name, "a")
            finish()
            """#)
        run.expectAllPassed()
    }

    // MARK: B05

    // An enum value the spec does not list decodes into `.unknown` and re-encodes unchanged;
    // declared values never do; `allCases` lists the declared ones; a schema can opt out (frozen).
    @Test func b05UnknownEnumValueDoesNotFailTheResponse() async throws {
        let run = try Snippet.run(spec: """
            components:
              schemas:
                Job:
                  type: object
                  required: [status]
                  properties:
                    status: {type: string, enum: [queued, running, done], default: queued}
                Level:
                  type: string
                  enum: [low, high]
                  x-frozen-enum: true
            """, main: ##"""
            let job = try decode(Job.self, #"{"status":"archived"}"#)
            checkEqual("an unknown value decodes into .unknown", job.status, .unknown("archived"))
            checkEqual("and re-encodes unchanged", try json(job), #"{"status":"archived"}"#)
            checkEqual("allCases lists only the declared values", Job.Status.allCases, [.queued, .running, .done])
            checkEqual("declared values decode to their cases",
                       try ["queued", "running", "done"].map { try decode(Job.self, #"{"status":"\#($0)"}"#).status },
                       [.queued, .running, .done])
            checkEqual("a declared value is never .unknown", Job.Status(rawValue: "done"), .done)

            // Opt-out: `x-frozen-enum: true` makes a closed enum that rejects other values.
            checkEqual("a frozen enum has only the declared cases", Level.allCases, [.low, .high])
            checkEqual("a frozen enum decodes declared values", try decode(Level.self, #""high""#), .high)
            checkThrows("a frozen enum rejects other values") { _ = try decode(Level.self, #""medium""#) }
            checkEqual("a frozen enum's init(rawValue:) fails on other values", Level(rawValue: "medium"), nil)
            finish()
            """##)
        run.expectAllPassed()
    }

    // MARK: B06

    // Every RFC 3339 form servers send decodes by default; fractions are kept to the microsecond and written out.
    @Test func b06DateTimeWithAndWithoutFractionalSeconds() async throws {
        let run = try Snippet.run(spec: """
            components:
              schemas:
                Event:
                  type: object
                  required: [at]
                  properties:
                    at: {type: string, format: date-time}
            """, main: ##"""
            let expected: [(String, Double)] = [
                ("2012-10-30T19:49:28Z", 1351626568),
                ("2012-10-30T19:49:28.123Z", 1351626568.123),
                ("2012-10-30T19:49:28.123286Z", 1351626568.123286),
                ("2023-12-28T11:08:38.303+01:00", 1703758118.303),
                ("2020-07-20T17:00:00.123000+00:00", 1595264400.123),
            ]
            for (text, seconds) in expected {
                do {
                    let event = try decode(Event.self, #"{"at":"\#(text)"}"#)
                    let error = abs(event.at.timeIntervalSince1970 - seconds)
                    check("\(text) decodes to the instant", error < 0.000_001, "off by \(error) s")
                } catch {
                    check("\(text) decodes to the instant", false, "\(error)")
                }
            }
            let withMilliseconds = Event(at: Date(timeIntervalSince1970: 1351626568.123))
            let text = try json(withMilliseconds)
            check("encoding keeps the milliseconds", text.contains("2012-10-30T19:49:28.123"), text)
            let back = try decode(Event.self, text)
            check("and decodes back to the same instant", abs(back.at.timeIntervalSince1970 - 1351626568.123) < 0.000_001, text)
            checkEqual("a whole second is written without a fraction", try json(Event(at: Date(timeIntervalSince1970: 1351626568))), #"{"at":"2012-10-30T19:49:28Z"}"#)
            finish()
            """##)
        run.expectAllPassed()
    }

    // MARK: B08

    // Path parameters are percent-encoded exactly once by the client, and decoded exactly once by the
    // server's route (which splits the encoded path at `/` and decodes each segment with `PercentEncoding`).
    @Test func b08PathParametersAreEncodedOnce() async throws {
        let run = try Snippet.run(spec: """
            paths:
              /org/{org}/builds/{build}:
                get:
                  operationId: getBuild
                  parameters:
                    - {name: org, in: path, required: true, schema: {type: string}}
                    - {name: build, in: path, required: true, schema: {type: string}}
                  responses: {'204': {description: ok}}
            """, main: #"""
            #if canImport(FoundationNetworking)
            import FoundationNetworking
            #endif

            let (client, transport) = stubClient(status: 204)
            try await client.getBuild(org: "a b/c", build: "50%?#")
            let url = await transport.log.requests.first?.url
            checkEqual("the path is encoded once", url?.path(percentEncoded: true), "/org/a%20b%2Fc/builds/50%25%3F%23")
            checkEqual("the URL carries it unchanged", url?.absoluteString, "https://api.example.com/org/a%20b%2Fc/builds/50%25%3F%23")
            // URLSessionTransport sends `URLRequest(url:)` of that URL: nothing re-encodes it there.
            checkEqual("URLRequest keeps it", url.map { URLRequest(url: $0) }?.url?.absoluteString, "https://api.example.com/org/a%20b%2Fc/builds/50%25%3F%23")
            let segments = (url?.path(percentEncoded: true) ?? "").split(separator: "/", omittingEmptySubsequences: false)
            checkEqual("the server's route sees four segments", segments.count, 5)
            checkEqual("the server decodes org once", segments.count == 5 ? PercentEncoding.decode(segments[2]) : nil, "a b/c")
            checkEqual("the server decodes build once", segments.count == 5 ? PercentEncoding.decode(segments[4]) : nil, "50%?#")
            finish()
            """#, typecheckServer: true)
        run.expectAllPassed()
        // The route matches the template and reads each parameter from the raw segment, which
        // `ParameterDecoding` splits in its style and then decodes exactly once.
        #expect(run.serverSource.contains(#"path: "/org/{org}/builds/{build}""#))
        #expect(run.serverSource.contains(#"parameters.requiredValue("org", in: .path, as: .primitive, style: .simple, explode: false)"#))
        #expect(run.serverSource.contains("ParameterDecoding.path($0[...], named: name"))
    }

    // MARK: B10

    static let b10 = """
        components:
          schemas:
            Weird:
              type: object
              properties:
                self: {type: string}
                type: {type: string}
                default: {type: string}
                Protocol: {type: string}
                container: {type: string}
                decoder: {type: string}
                1st: {type: string}
                foo-bar: {type: string}
                $ref: {type: string}
                "🚀": {type: string}
                ratio: {type: string, enum: ["1:1", "16:9"]}
        """

    // Keywords, digits, punctuation, `$ref` and emoji as property names: legal, stable Swift names,
    // and a byte-exact round trip of every key.
    @Test func b10ReservedWordsAndInvalidIdentifiers() async throws {
        let run = try Snippet.run(spec: Self.b10, main: #"""
            let input = #"{"self":"a","type":"b","default":"c","Protocol":"d","container":"e","decoder":"f","1st":"g","foo-bar":"h","$ref":"i","🚀":"j","ratio":"16:9"}"#
            let weird = try decode(Weird.self, input)
            let output = try json(weird)
            check("the round trip gives the same document", sameJSON(output, input), output)
            for key in ["self", "type", "default", "Protocol", "container", "decoder", "1st", "foo-bar", "$ref", "🚀", "ratio"] {
                check("key \(key) is written as it was read", output.contains("\"\(key)\":"), output)
            }
            // The documented names (Naming): keywords stay readable, `self` gets a trailing underscore.
            checkEqual("self_", weird.self_, "a")
            checkEqual("type", weird.type, "b")
            checkEqual("`default`", weird.`default`, "c")
            checkEqual("`protocol`", weird.`protocol`, "d")
            checkEqual("container", weird.container, "e")
            checkEqual("decoder", weird.decoder, "f")
            checkEqual("_1st", weird._1st, "g")
            checkEqual("fooBar", weird.fooBar, "h")
            checkEqual("ref", weird.ref, "i")
            checkEqual("rocket", weird.rocket, "j")
            checkEqual("ratio", weird.ratio, ._16_9)
            checkEqual("ratio 1:1", Weird.Ratio(rawValue: "1:1"), ._1_1)
            checkEqual("the memberwise initializer takes every name",
                       Weird(self_: "a", type: "b", default: "c", protocol: "d", container: "e", decoder: "f", _1st: "g", fooBar: "h", ref: "i", rocket: "j", ratio: ._16_9),
                       weird)
            finish()
            """#)
        run.expectAllPassed()
        // No generated local or parameter of Weird's coding takes a property's name (`container`, `decoder`).
        // (Weird's own members are indented 4 spaces and their bodies 8; the nested enum's go deeper.)
        let declaration = (run.generatedSource.components(separatedBy: "public nonisolated struct Weird").dropFirst().first ?? "")
            .components(separatedBy: "\n}\n").first ?? ""
        func lines(indentedBy width: Int) -> [String] {
            declaration.split(separator: "\n").filter { $0.hasPrefix(String(repeating: " ", count: width)) && !$0.hasPrefix(String(repeating: " ", count: width + 1)) }
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let members = lines(indentedBy: 4), bodies = lines(indentedBy: 8)
        #expect(members.contains { $0.hasPrefix("public init(from ") }, "Weird's init(from:) not found")
        #expect(!bodies.contains { $0.hasPrefix("let container =") || $0.hasPrefix("var container =") }, "a local shadows the property 'container'")
        #expect(!members.contains { $0.contains("from decoder:") }, "a parameter shadows the property 'decoder'")

        // Names are stable across runs: generating again gives the same bytes.
        let again = try Snippet.generate(spec: Self.b10)
        #expect(again == run.generatedSource)
    }

    // MARK: B12

    // Self-reference directly, through an array and through another schema: fast generation, value
    // types with boxed storage, and a three-level round trip.
    @Test func b12RecursiveSchemas() async throws {
        let run = try Snippet.run(spec: """
            components:
              schemas:
                Node:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    parent: {$ref: '#/components/schemas/Node'}
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                    meta: {$ref: '#/components/schemas/Meta'}
                Meta:
                  type: object
                  properties:
                    owner: {$ref: '#/components/schemas/Node'}
            """, main: #"""
            func requireValueType<V: Hashable & Sendable & Codable>(_: V.Type) -> Bool { true }
            let input = #"{"name":"a","children":[{"name":"b","parent":{"name":"a"},"meta":{"owner":{"name":"c"}}}]}"#
            let tree = try decode(Node.self, input)
            let output = try json(tree)
            checkEqual("the tree round-trips to identical JSON (keys sorted)", output, #"{"children":[{"meta":{"owner":{"name":"c"}},"name":"b","parent":{"name":"a"}}],"name":"a"}"#)
            check("same document as the input", sameJSON(output, input))
            checkEqual("third level", tree.children?.first?.meta?.owner?.name, "c")
            check("Node and Meta are Hashable, Sendable, Codable", requireValueType(Node.self) && requireValueType(Meta.self))
            check("Node is a struct", Mirror(reflecting: tree).displayStyle == .struct)
            check("Meta is a struct", Mirror(reflecting: Meta()).displayStyle == .struct)
            var copy = tree
            copy.children?[0].meta?.owner?.name = "changed"
            checkEqual("a copy is independent (value semantics)", tree.children?.first?.meta?.owner?.name, "c")
            let again = try decode(Node.self, input)
            check("== compares contents", copy != tree && again == tree)
            checkEqual("equal values hash equally", Set([tree, again]).count, 1)
            let parented = Node(name: "x", parent: Node(name: "p"), meta: Meta(owner: Node(name: "o")))
            checkEqual("the initializer takes the recursive values", parented.parent?.name, "p")
            finish()
            """#)
        run.expectAllPassed()
        #expect(run.genSeconds < 1, "gen took \(run.genSeconds) s")
    }

    // MARK: B13

    static let b13 = """
        components:
          schemas:
            PetBase:
              type: object
              required: [kind, name]
              properties: {kind: {type: string}, name: {type: string}}
            Cat:
              allOf:
                - $ref: '#/components/schemas/PetBase'
                - {type: object, properties: {lives: {type: integer}}}
            Dog:
              allOf:
                - $ref: '#/components/schemas/PetBase'
                - {type: object, properties: {bark: {type: boolean}}}
            Pet:
              oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
              discriminator:
                propertyName: kind
                mapping: {cat: '#/components/schemas/Cat', kitty: '#/components/schemas/Cat', dog: '#/components/schemas/Dog'}
            Bird:
              type: object
              properties: {wings: {type: integer}}
            Animal:
              oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}, {$ref: '#/components/schemas/Bird'}]
              discriminator: {propertyName: kind}
            Round:
              type: object
              required: [shape]
              properties: {shape: {type: string, enum: [round]}, size: {type: number}}
            Boxy:
              type: object
              required: [shape]
              properties: {shape: {type: string, enum: [boxy]}, size: {type: number}}
            Shape:
              oneOf: [{$ref: '#/components/schemas/Round'}, {$ref: '#/components/schemas/Boxy'}]
            DeveloperMessage:
              type: object
              required: [role]
              properties: {role: {type: string, enum: [developer]}, text: {type: string}}
            SystemMessage:
              type: object
              required: [role]
              properties: {role: {const: system}, text: {type: string}}
            Message:
              oneOf:
                - {$ref: '#/components/schemas/DeveloperMessage'}
                - {$ref: '#/components/schemas/SystemMessage'}
                - {type: object, required: [raw], properties: {raw: {type: string}}}
              discriminator: {propertyName: role}
        """

    // The discriminator routes decoding (mapping keys, several per schema; schema names without a
    // mapping), encoding keeps the tag, unknown tags keep the raw JSON, allOf variants are flat;
    // without a discriminator, an open enum never makes trial decoding pick the wrong alternative.
    @Test func b13OneOfWithDiscriminator() async throws {
        let run = try Snippet.run(spec: Self.b13, main: #"""
            let kitty = try decode(Pet.self, #"{"kind":"kitty","name":"Tom","lives":9}"#)
            if case .cat(let cat) = kitty {
                checkEqual("kitty decodes as .cat with name", cat.name, "Tom")
                checkEqual("and lives (allOf merged, flat)", cat.lives, 9)
                checkEqual("the variant keeps its tag", cat.kind, "kitty")
            } else {
                check("kitty decodes as .cat", false, "\(kitty)")
            }
            checkEqual("encoding sends the original tag", try json(kitty), #"{"kind":"kitty","lives":9,"name":"Tom"}"#)
            checkEqual("what was received decodes again to the same value", try decode(Pet.self, try json(kitty)), kitty)
            let dog = try decode(Pet.self, #"{"kind":"dog","name":"Rex"}"#)
            // Trial decoding would take Cat here (its extra keys are optional): the tag decides.
            checkEqual("dog decodes as .dog, not as the first variant that fits", dog, .dog(Dog(kind: "dog", name: "Rex")))
            checkEqual("cat decodes as .cat", try decode(Pet.self, #"{"kind":"cat","name":"Tom"}"#), .cat(Cat(kind: "cat", name: "Tom")))
            let ferret = try decode(Pet.self, #"{"kind":"ferret","name":"x"}"#)
            checkEqual("an unknown tag decodes into .unknown with the raw JSON", ferret, .unknown(["kind": "ferret", "name": "x"]))
            checkEqual("and re-encodes unchanged", try json(ferret), #"{"kind":"ferret","name":"x"}"#)
            checkThrows("a payload without the tag fails", { _ = try decode(Pet.self, #"{"name":"x"}"#) }, matches: { codingPath(of: $0).last == "kind" })
            checkEqual("a single kind key on the wire", try json(Pet.cat(Cat(kind: "cat", name: "Tom", lives: 1))), #"{"kind":"cat","lives":1,"name":"Tom"}"#)

            // No mapping: the schema names are the tags; a variant without the property gets it written.
            checkEqual("schema names route without a mapping", try decode(Animal.self, #"{"kind":"Dog","name":"Rex"}"#), .dog(Dog(kind: "Dog", name: "Rex")))
            checkEqual("a variant without the tag property still sends it", try json(Animal.bird(Bird(wings: 2))), #"{"kind":"Bird","wings":2}"#)
            checkEqual("and decodes back", try decode(Animal.self, #"{"kind":"Bird","wings":2}"#), .bird(Bird(wings: 2)))

            // No mapping, but alternatives pinning the property (`enum`, `const`, as OpenAI's spec does):
            // those values are the tags. An inline alternative without one is tried for other tags.
            checkEqual("an enum-pinned tag routes", try decode(Message.self, #"{"role":"developer","text":"d"}"#), .developerMessage(DeveloperMessage(role: .developer, text: "d")))
            checkEqual("a const-pinned tag routes", try decode(Message.self, #"{"role":"system","text":"s"}"#), .systemMessage(SystemMessage(role: .system, text: "s")))
            if case .case3(let inline) = try decode(Message.self, #"{"role":"tool","raw":"r"}"#) {
                checkEqual("an untagged inline alternative takes other tags", inline.raw, "r")
            } else {
                check("an untagged inline alternative takes other tags", false)
            }
            checkEqual("and what none takes is unknown", try decode(Message.self, #"{"role":"tool"}"#), .unknown(["role": "tool"]))

            // No discriminator: Round's open `shape` enum would accept "boxy" as .unknown; the exact pass comes first.
            checkEqual("a value the second alternative lists goes to it", try decode(Shape.self, #"{"shape":"boxy","size":2}"#), .boxy(Boxy(shape: .boxy, size: 2)))
            checkEqual("the first alternative still gets its own", try decode(Shape.self, #"{"shape":"round"}"#), .round(Round(shape: .round)))
            checkEqual("a value neither lists still decodes (leniently, first fit)", try decode(Shape.self, #"{"shape":"star"}"#), .round(Round(shape: .unknown("star"))))
            finish()
            """#, typecheckServer: true)
        run.expectAllPassed()
        #expect(run.genDiagnostics.contains("warning: alternative 3 has no discriminator value of its own"), "\(run.genDiagnostics)")
    }

    // MARK: B15

    // Typed additionalProperties keep the value's nullability, sit flat beside declared keys, and are type-checked.
    @Test func b15TypedAdditionalProperties() async throws {
        let run = try Snippet.run(spec: """
            components:
              schemas:
                Labels:
                  type: object
                  required: [version]
                  properties:
                    version: {type: integer, format: int32}
                  additionalProperties: {type: [string, 'null']}
            """, main: #"""
            let labels = try decode(Labels.self, #"{"version":2,"env":"prod","owner":null}"#)
            checkEqual("version", labels.version, 2)
            checkEqual("extra keys with their nullable values", labels.additionalProperties, ["env": "prod", "owner": nil])
            check("values are String?", type(of: labels.additionalProperties) == [String: String?].self, "\(type(of: labels.additionalProperties))")
            checkEqual("re-encodes as the flat object", try json(labels), #"{"env":"prod","owner":null,"version":2}"#)
            checkThrows("a value that is not a string fails", { _ = try decode(Labels.self, #"{"version":2,"n":5}"#) }, matches: { codingPath(of: $0) == ["n"] })
            checkEqual("built in code, encodes flat too", try json(Labels(version: 1, additionalProperties: ["a": nil])), #"{"a":null,"version":1}"#)
            finish()
            """#)
        run.expectAllPassed()
    }

    // MARK: B17

    // int32/int64 map to Int32/Int64, 64-bit values stay exact, overflow names the key, bounds beyond
    // 64 bits do not stop generation, and a decimal string stays a lossless string.
    @Test func b17IntegerFormatsAndBigNumbers() async throws {
        let run = try Snippet.run(spec: """
            components:
              schemas:
                Counter:
                  type: object
                  required: [small, big]
                  properties:
                    small: {type: integer, format: int32}
                    big: {type: integer, format: int64, minimum: -9223372036854775808, maximum: 9223372036854775807}
                    seed: {type: integer, minimum: -9223372036854776000, maximum: 9223372036854776000}
                    price: {type: string, format: decimal}
            """, main: #"""
            let counter = try decode(Counter.self, #"{"small":1,"big":9007199254740993}"#)
            check("small is Int32", type(of: counter.small) == Int32.self)
            check("big is Int64", type(of: counter.big) == Int64.self)
            checkEqual("2^53+1 is kept exactly", counter.big, 9007199254740993)
            check("and re-encoded exactly", try json(counter).contains(#""big":9007199254740993"#))
            checkEqual("Int64.max decodes", try decode(Counter.self, #"{"small":1,"big":9223372036854775807}"#).big, .max)
            checkThrows("2^31 does not fit small, and the error names it", { _ = try decode(Counter.self, #"{"small":2147483648,"big":0}"#) }, matches: { codingPath(of: $0) == ["small"] })
            let priced = try decode(Counter.self, #"{"small":1,"big":0,"price":"0.1"}"#)
            checkEqual("a decimal string stays a string", priced.price, "0.1")
            check("and round-trips as \"0.1\"", try json(priced).contains(#""price":"0.1""#))
            finish()
            """#)
        run.expectAllPassed()
        #expect(run.genStatus == 0)
        #expect(!run.genDiagnostics.contains("error:"), "\(run.genDiagnostics)")
    }

    // MARK: B19

    // Defaults of every kind apply in the initializer and, the same way for every kind, when a key is missing on decode.
    @Test func b19DefaultValuesOfAllKinds() async throws {
        let run = try Snippet.run(spec: #"""
            components:
              schemas:
                Prefs:
                  type: object
                  properties:
                    enabled: {type: boolean, default: true}
                    limit: {type: integer, default: 20}
                    ratio: {type: number, default: 0.5}
                    mode: {type: string, enum: [fast, safe], default: safe}
                    tags: {type: array, items: {type: string}, default: [a, b]}
                    label: {type: string, default: "say \"hi\"\n\\(x)"}
                    when: {type: string, format: date-time, default: "2020-01-01T00:00:00Z"}
                    note: {anyOf: [{type: string}, {type: 'null'}], default: null}
            """#, main: #"""
            let prefs = Prefs()
            checkEqual("enabled", prefs.enabled, true)
            checkEqual("limit", prefs.limit, 20)
            checkEqual("ratio", prefs.ratio, 0.5)
            checkEqual("mode", prefs.mode, .safe)
            checkEqual("tags", prefs.tags, ["a", "b"])
            let label = "say \u{22}hi\u{22}\u{0A}\u{5C}(x)"
            checkEqual("label is the 15 characters, not interpolated", prefs.label, label)
            // The report calls this "the 15-character string"; what it spells out (`say "hi"`, a newline, `\(x)`) is 13.
            checkEqual("label length", prefs.label.count, 13)
            checkEqual("when is 2020-01-01 UTC", prefs.when, Date(timeIntervalSince1970: 1_577_836_800))
            checkEqual("note defaults to nil", prefs.note, nil)
            // Documented choice (README): a missing key decodes to the spec default, for every kind.
            checkEqual("decoding {} gives the defaults", try decode(Prefs.self, "{}"), prefs)
            checkEqual("a sent value wins", try decode(Prefs.self, #"{"limit":3,"when":"2021-01-01T00:00:00Z"}"#).limit, 3)
            finish()
            """#)
        run.expectAllPassed()
    }

    // MARK: B20

    // Spec text that would close a comment, open a literal or interpolate lands in Swift inertly.
    @Test func b20SpecTextCannotBreakCommentsOrLiterals() async throws {
        let run = try Snippet.run(spec: #"""
            paths:
              /x:
                get:
                  operationId: getX
                  summary: "Ends */ here \r\n /* opens"
                  description: "Triple \"\"\" quote, interpolation \\(danger), backslash \\ and #\"raw\"#"
                  parameters:
                    - name: accept
                      in: header
                      schema: {type: string, default: "*/*", pattern: "^[a-z]+\\/[a-z*]+$"}
                  responses: {'204': {description: "ok */"}}
            components:
              schemas:
                Mode: {type: string, enum: ["line1\nline2", "tab\there", "quote\"", "back\\slash"]}
            """#, main: #"""
            let raws = ["line1\u{0A}line2", "tab\u{09}here", "quote\u{22}", "back\u{5C}slash"]
            for raw in raws {
                let mode = Mode(rawValue: raw)
                check("\(raw.debugDescription) is a declared case", Mode.allCases.contains(mode), "\(mode)")
                checkEqual("\(raw.debugDescription) keeps its raw value", mode.rawValue, raw)
                checkEqual("\(raw.debugDescription) round-trips through JSON", try decode(Mode.self, try json(mode)), mode)
            }
            checkEqual("four distinct cases", Set(raws.map { Mode(rawValue: $0) }).count, 4)
            let (client, transport) = stubClient(status: 204)
            try await client.getX(accept: "text/*")
            checkEqual("the header is sent as given", await transport.log.requests.first?.headerFields["accept"], "text/*")
            finish()
            """#, typecheckServer: true)
        run.expectAllPassed()
        // Every comment is a line comment; no `*/` or `/*` outside one or a string literal (a
        // parameter's default `"*/*"` is code).
        for (index, line) in (run.generatedSource + "\n" + run.serverSource).split(separator: "\n").enumerated() {
            let code = line.replacing(/"(\\.|[^"\\])*"/, with: "\"\"")
            guard code.contains("*/") || code.contains("/*") else { continue }
            #expect(line.trimmingCharacters(in: .whitespaces).hasPrefix("//"), "line \(index): \(line)")
        }
        // `\(danger)` appears only inside comments, never live in a literal.
        for line in (run.generatedSource + "\n" + run.serverSource).split(separator: "\n") where line.contains(#"\(danger)"#) {
            #expect(line.trimmingCharacters(in: .whitespaces).hasPrefix("///"), "\(line)")
        }
        // The pattern, where generated code spells it (the server checks it), is a literal
        // NSRegularExpression reads as written: it matches `text/*` and not `Text/*`.
        let start = try #require(run.serverSource.range(of: "pattern: \""), "no pattern literal in the server")
        var pattern = ""
        var escaped = false
        for character in run.serverSource[start.upperBound...] {
            if escaped {
                pattern.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                break
            } else {
                pattern.append(character)
            }
        }
        #expect(pattern == #"^[a-z]+\/[a-z*]+$"#)
        let expression = try NSRegularExpression(pattern: pattern)
        #expect(expression.firstMatch(in: "text/*", range: NSRange(location: 0, length: 6)) != nil)
        #expect(expression.firstMatch(in: "Text/*", range: NSRange(location: 0, length: 6)) == nil)
    }

    // MARK: B22

    static let b22 = """
        paths:
          /old:
            get:
              operationId: getOld
              deprecated: true
              parameters: [{name: legacy, in: query, deprecated: true, schema: {type: string}}]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties: {v: {type: string, deprecated: true}}
          /items:
            get:
              operationId: listItems
              parameters:
                - {name: page, in: query, schema: {type: integer}}
                - {name: legacy, in: query, deprecated: true, description: "Deprecated: use page.", schema: {type: string}}
              responses: {'204': {description: ok}}
          /things:
            post:
              operationId: createThing
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/OldThing'}}}
              responses: {'204': {description: ok}}
        components:
          schemas:
            OldThing:
              type: object
              deprecated: true
              description: "Deprecated: use NewThing."
              properties: {a: {type: string}}
            NewThing:
              type: object
              properties: {b: {type: string}}
            Holder:
              type: object
              properties:
                name: {type: string}
                thing: {$ref: '#/components/schemas/OldThing'}
            Either:
              oneOf: [{$ref: '#/components/schemas/OldThing'}, {$ref: '#/components/schemas/NewThing'}]
        """

    // Every call path to something deprecated warns in user code (client method, its overload with the
    // deprecated parameter, the service protocol, properties, types, union cases), nothing else does,
    // and the generated module and server compile with zero warnings. Deprecated values still travel.
    @Test func b22DeprecatedOperationsParametersAndProperties() async throws {
        let main = #"""
            let (client, transport) = stubClient(status: 200, body: #"{"v":"x"}"#)
            let response = try await client.getOld() // W:client method
            _ = try await client.getOld(legacy: "l") // W:overload with the deprecated parameter
            checkEqual("a deprecated property still decodes", response.v, "x") // W:deprecated property
            checkEqual("and re-encodes", try json(response), #"{"v":"x"}"#)
            checkEqual("the deprecated parameter is still sent", await transport.log.requests.last?.url.query, "legacy=l")
            let (items, itemLog) = stubClient(status: 204)
            try await items.listItems(page: 2)
            try await items.listItems(page: 2, legacy: "x") // W:deprecated parameter of a current operation
            checkEqual("both overloads send their parameters", await itemLog.log.requests.map { $0.url.query }, ["page=2", "page=2&legacy=x"])
            try await items.createThing(body: .init(a: "1")) // W:operation taking a deprecated type
            let holder = try decode(Holder.self, #"{"name":"n","thing":{"a":"1"}}"#)
            checkEqual("a property of a deprecated type decodes", holder.thing?.a, "1") // W:property of a deprecated type
            checkEqual("and re-encodes", try json(holder), #"{"name":"n","thing":{"a":"1"}}"#)
            checkEqual("the initializer without deprecated properties does not warn", Holder(name: "n").name, "n")
            _ = OldThing(a: "1") // W:deprecated type
            _ = Either.newThing(NewThing(b: "2"))
            _ = Either.oldThing(.init(a: "1")) // W:union case of a deprecated type
            checkEqual("a union with a deprecated alternative decodes", try decode(Either.self, #"{"a":"1"}"#), .oldThing(.init(a: "1"))) // W:matching a deprecated case
            finish()
            """#
        let server = """
            import Hummingbird
            import T
            import THummingbird
            import TServer

            struct Service: APIService {
                func getOld(legacy: String?) async throws -> GetOldResponse { .ok(GetOld_200Response()) }
                func listItems(page: Int?, legacy: String?) async throws -> ListItemsResponse { .noContent }
                @available(*, deprecated) func createThing(body: OldThing) async throws -> CreateThingResponse { .noContent }
            }

            func serve() {
                Service().registerRoutes(on: Router())
            }

            func callThroughTheProtocol(_ service: some APIService) async throws {
                _ = try await service.getOld(legacy: nil) // W:protocol requirement
                _ = try await service.listItems(page: 1, legacy: nil)
            }
            """
        let run = try Snippet.run(spec: Self.b22, main: main, typecheckServer: true, userCodeWarningsAreErrors: false, serverUserCode: server)
        run.expectAllPassed()
        guard !run.stoppedEarly else { return }
        // Warnings exactly on the marked lines, each about a deprecation.
        let expected = Snippet.markedLines(main, prologueLines: 2)
        let warned = Snippet.warnings(in: run.programDiagnostics, file: "main.swift")
        for (line, label) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(warned[line]?.contains { $0.contains("deprecated") } == true, "no deprecation warning for \(label) (line \(line)):\n\(run.programDiagnostics)")
        }
        for line in Set(warned.keys).subtracting(expected.keys) {
            Issue.record("unexpected warning at main.swift:\(line): \(warned[line]!)")
        }
        #expect(warned.values.joined().contains { $0.contains("'OldThing' is deprecated: Deprecated: use NewThing.") }, "the description is the message")
        #expect(run.serverUserStatus == 0, "\(run.serverUserDiagnostics)")
        let serverExpected = Snippet.markedLines(server, prologueLines: 0)
        let serverWarned = Snippet.warnings(in: run.serverUserDiagnostics, file: "User.swift")
        #expect(Set(serverWarned.keys) == Set(serverExpected.keys), "implementing and serving must not warn, calling must:\n\(run.serverUserDiagnostics)")
        // A flag to leave deprecated operations out (`skipDeprecated`) belongs to gen's configuration, not
        // to these templates; it is not checked here.
    }

    // MARK: B23

    static let b23 = """
        components:
          schemas:
            ApiError:
              type: object
              required: [code, message]
              properties:
                code: {type: string}
                message: {type: string}
                details: {type: object, additionalProperties: true}
          responses:
            Err:
              description: error
              content: {application/json: {schema: {$ref: '#/components/schemas/ApiError'}}}
        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
                '400': {$ref: '#/components/responses/Err'}
                '404': {$ref: '#/components/responses/Err'}
                '422': {$ref: '#/components/responses/Err'}
                default: {$ref: '#/components/responses/Err'}
        """

    // One error type for every status that shares the envelope (`ApiError` is spelled `APIError`:
    // initialisms stay in one case): status and decoded payload for
    // documented codes and `default`, status and raw bytes when the body is not JSON.
    @Test func b23OneTypedErrorForEveryErrorStatus() async throws {
        let run = try Snippet.run(spec: Self.b23, main: #"""
            let envelope = #"{"code":"nf","message":"gone"}"#
            @MainActor func failure(_ status: Int, _ body: String) async -> ClientError? {
                let (client, _) = stubClient(status: status, body: body)
                return await clientError { _ = try await client.getThing(id: "t1") }
            }
            let notFound = await failure(404, envelope)
            checkEqual("404 carries its status", notFound?.statusCode, 404)
            checkEqual("404 carries the decoded ApiError", notFound?.payload, APIError(code: "nf", message: "gone"))
            checkEqual("the payload's fields", notFound?.payload?.code, "nf")
            for status in [400, 422] {
                let error = await failure(status, envelope)
                checkEqual("\(status) is the same error type with its status", error?.statusCode, status)
                checkEqual("\(status) carries the decoded ApiError", error?.payload?.message, "gone")
            }
            check("one payload type for every status (no per-code types)", ErrorPayload.self == APIError.self)
            let unavailable = await failure(503, #"{"code":"busy","message":"later","details":{"retry":3}}"#)
            checkEqual("503 matches default and carries 503", unavailable?.statusCode, 503)
            checkEqual("503 carries the decoded ApiError", unavailable?.payload?.code, "busy")
            checkEqual("free-form details decode", unavailable?.payload?.details?["retry"], 3)
            let html = await failure(404, "<html>gone</html>")
            checkEqual("a body that is not JSON keeps the status", html?.statusCode, 404)
            checkEqual("and no payload", html?.payload, nil)
            checkEqual("and the raw bytes", html?.body, Data("<html>gone</html>".utf8))
            checkEqual("the error names the operation", notFound?.operationID, "getThing")

            // Success returns the 2xx body directly; a failure is recovered as the public ClientError.
            let (client, _) = stubClient(status: 200, body: #"{"id":"t1"}"#)
            checkEqual("200 returns the body", try await client.getThing(id: "t1").id, "t1")
            do {
                _ = try await stubClient(status: 404, body: envelope).0.getThing(id: "t1")
                check("a catch recovers ApiError", false, "did not throw")
            } catch let error as ClientError {
                checkEqual("a catch recovers ApiError", error.payload?.code, "nf")
            }
            finish()
            """#)
        run.expectAllPassed()
    }
}
