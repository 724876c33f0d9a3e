import Diagnostics
import Testing
@testable import OpenAPI

// MARK: Versions and nullability

// OpenAPI 3.0's `nullable: true` folds into the types as `null`, whichever of `type`/`nullable` comes first.
@Test func nullableIn30FoldsIntoTypes() throws {
    let parsed = parseDocument(
        """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Name:
              type: string
              nullable: true
            Flipped:
              nullable: true
              type: integer
            Plain:
              type: string
              nullable: false
        """
    )
    #expect(parsed.reported == [])
    #expect(parsed.document?.version == "3.0.3")
    #expect(parsed.schema("Name")?.types == [.string, .null])
    #expect(parsed.schema("Flipped")?.types == [.integer, .null])
    #expect(parsed.schema("Plain")?.types == [.string])
    #expect(parsed.schema("Plain")?.allowsNull == false)
}

// OpenAPI 3.1's `type: [T, 'null']` allows null; `anyOf` with a null alternative is kept as written.
@Test func typeArraysAndNullAlternativesIn31() throws {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Name:
              type: [string, 'null']
            Either:
              anyOf:
              - type: string
              - type: 'null'
        """
    )
    #expect(parsed.reported == [])
    #expect(parsed.document?.version == "3.1.0")
    #expect(parsed.schema("Name")?.types == [.string, .null])
    #expect(parsed.schema("Name")?.allowsNull == true)
    let either = try #require(parsed.schema("Either"))
    #expect(either.types == [])
    #expect(either.anyOf.map(\.types) == [[.string], [.null]])
    #expect(either.anyOf.map(\.isNullOnly) == [false, true])
}

// Documents that are not OpenAPI 3.0/3.1 are rejected with one error at the version and no document.
@Test(arguments: [
    ("openapi: 2.0\ninfo: {title: T, version: '1'}\n", "t.yaml:1:10: error: unsupported OpenAPI version '2.0'; expected 3.0.x or 3.1.x"),
    ("openapi: 4.0.0\ninfo: {title: T, version: '1'}\n", "t.yaml:1:10: error: unsupported OpenAPI version '4.0.0'; expected 3.0.x or 3.1.x"),
    ("openapi: '3.2.0'\ninfo: {title: T, version: '1'}\n", "t.yaml:1:10: error: unsupported OpenAPI version '3.2.0'; expected 3.0.x or 3.1.x"),
    (
        "info: {title: T, version: '1'}\nswagger: '2.0'\n",
        "t.yaml:2:1: error: Swagger 2.0 is not supported; expected an OpenAPI 3.0 or 3.1 document (convert it with a Swagger-to-OpenAPI converter)"
    ),
    ("info: {title: T, version: '1'}\n", "t.yaml:1:1: error: missing 'openapi' field; expected an OpenAPI 3.0 or 3.1 document"),
    ("- openapi: 3.1.0\n", "t.yaml:1:1: error: expected a mapping for the document, found a sequence"),
])
func unsupportedVersions(text: String, expected: String) {
    let parsed = parseDocument(text)
    #expect(parsed.document == nil)
    #expect(parsed.reported == [expected])
}

// `openapi: 3.0` written as a YAML number is still read as the version text.
@Test func numericVersionIsText() {
    let parsed = parseDocument("openapi: 3.0\ninfo: {title: T, version: 1.0}\npaths: {}\n")
    #expect(parsed.reported == [])
    #expect(parsed.document?.version == "3.0")
    #expect(parsed.document?.info.version == "1.0")
}

// A misspelt type is a warning at the value with the closest JSON Schema type as a note; it is ignored.
@Test func misspeltTypeSuggestsTheClosest() {
    let parsed = parseDocument(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: strng}\n    B: {type: [integr, 'null']}\n"
    )
    #expect(parsed.reported == [
        "t.yaml:6:15: warning: unknown type 'strng'; expected one of null, boolean, object, array, number, string, integer; gen ignores it\nt.yaml:6:15: note: did you mean 'string'?",
        "t.yaml:7:16: warning: unknown type 'integr'; expected one of null, boolean, object, array, number, string, integer; gen ignores it\nt.yaml:7:16: note: did you mean 'integer'?",
    ])
    #expect(parsed.schema("A")?.types == [])
    #expect(parsed.schema("B")?.types == [.null])
}

// MARK: Wrong kinds of node

// A node of the wrong kind is reported at its value with what was expected and found; parsing goes on.
@Test func wrongNodeKinds() throws {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: 3
        components:
          schemas:
            A:
              type: object
              required: yes
              properties: []
            B:
              type: object
              required: [a, [b]]
              nullable: 'true'
        """
    )
    #expect(parsed.reported == [
        "t.yaml:3:8: error: expected a mapping for 'paths', found an integer",
        "t.yaml:8:17: error: expected a sequence of strings for 'required', found a string",
        "t.yaml:9:19: error: expected a mapping for 'properties', found a sequence",
        "t.yaml:12:21: error: expected a string in 'required', found a sequence",
        "t.yaml:13:17: error: expected true or false for 'nullable', found a string",
    ])
    let document = try #require(parsed.document)
    #expect(document.paths.isEmpty)
    #expect(parsed.schema("A")?.required == [])
    #expect(parsed.schema("A")?.properties.isEmpty == true)
    #expect(parsed.schema("B")?.required == ["a"])
    #expect(parsed.schema("B")?.types == [.object])
}

// MARK: References

// An unknown component schema is an error at the `$ref` value, with a note at the closest name.
@Test func unresolvedSchemaReferenceSuggestsCloseName() {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        components:
          schemas:
            Build:
              type: array
              items:
                $ref: '#/components/schemas/Buld'
        info: {title: T, version: '1'}
        paths: {}
        """
    )
    #expect(parsed.reported == [
        "t.yaml:7:15: error: no schema named 'Buld' in components/schemas\nt.yaml:4:5: note: did you mean 'Build'?"
    ])
    #expect(parsed.schema("Build")?.items?.reference == nil)
}

// Large mappings are looked up through an index: hits resolve, misses still get "did you mean".
@Test func referencesIntoLargeMappings() {
    let filler = (0..<40).map { "    Thing\($0): {type: string}\n" }.joined()
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Holder:
              type: object
              properties:
                a: {$ref: '#/components/schemas/Thing39'}
                b: {$ref: '#/components/schemas/Thing7'}
                c: {$ref: '#/components/schemas/Thnig12'}

        """ + filler
    )
    #expect(parsed.reported == [
        "t.yaml:11:19: error: no schema named 'Thnig12' in components/schemas\nt.yaml:24:5: note: did you mean 'Thing12'?"
    ])
    #expect(parsed.schema("Holder")?.properties.first { $0.name == "a" }?.schema.reference?.name == "Thing39")
    #expect(parsed.schema("Holder")?.properties.first { $0.name == "b" }?.schema.reference?.name == "Thing7")
}

// With no name close enough, the unknown schema is reported without a note.
@Test func unresolvedSchemaReferenceWithoutCloseName() {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Build:
              properties:
                owner: {$ref: '#/components/schemas/Zebra'}
        """
    )
    #expect(parsed.reported == ["t.yaml:8:23: error: no schema named 'Zebra' in components/schemas"])
}

// An unresolvable non-schema reference names the missing token and suggests the closest key.
@Test func unresolvedParameterReference() {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /builds:
            get:
              parameters:
              - $ref: '#/components/parameters/limt'
              - $ref: '#/components/paramters/limit'
              responses: {'200': {description: ok}}
        components:
          parameters:
            limit: {name: limit, in: query}
        """
    )
    #expect(parsed.reported == [
        "t.yaml:7:15: error: cannot resolve parameter reference '#/components/parameters/limt': no 'limt' in 'components/parameters'\nt.yaml:12:5: note: did you mean 'limit'?",
        "t.yaml:8:15: error: cannot resolve parameter reference '#/components/paramters/limit': no 'paramters' in 'components'\nt.yaml:11:3: note: did you mean 'parameters'?",
    ])
    #expect(parsed.operation(.get, "/builds")?.parameters.isEmpty == true)
}

// JSON pointers unescape `~1` to `/` and `~0` to `~` (in that order) after percent-decoding.
@Test(arguments: [
    ("#/components/schemas/Build", ["components", "schemas", "Build"]),
    ("#/a~1b/c~0d/e%20f", ["a/b", "c~d", "e f"]),
    ("#/x~01y", ["x~1y"]),
    ("#/caf%C3%A9", ["café"]),
    ("#/a//b", ["a", "", "b"]),
    ("#", []),
] as [(String, [String])])
func jsonPointerTokens(reference: String, expected: [String]) {
    #expect(JSONPointer(reference: reference)?.tokens == expected)
}

// Text that is not a local JSON pointer is rejected, not guessed at.
@Test(arguments: ["components/schemas/A", "#components", "#/bad%zz", "#/half%4", "#/%FF"])
func malformedJSONPointers(reference: String) {
    #expect(JSONPointer(reference: reference) == nil)
}

// Escaped references reach parameters and inline (non-component) schemas, including keys holding `/`, `~`, spaces.
@Test func escapedReferencesResolve() throws {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /builds:
            get:
              parameters:
              - $ref: '#/components/parameters/a~1b~0c%20d'
              - $ref: '#/components/parameters/x~01y'
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: string, format: uuid}
          /other:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/paths/~1builds/get/responses/200/content/application~1json/schema'}
                '201':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Doc/properties/$ref'}
        components:
          parameters:
            a/b~c d: {name: filter, in: query, schema: {type: string}}
            x~1y: {name: tilde, in: header}
          schemas:
            Doc:
              properties:
                $ref: {type: integer}
        """
    )
    #expect(parsed.reported == [])
    let parameters = try #require(parsed.operation(.get, "/builds")?.parameters)
    #expect(parameters.map(\.name) == ["filter", "tilde"])
    #expect(parameters.map(\.location) == [.query, .header])
    #expect(parameters.first?.schema?.types == [.string])
    let responses = try #require(parsed.operation(.get, "/other")?.responses)
    let inline = try #require(responses.first?.content.first?.schema)
    #expect(inline.reference == nil)
    #expect(inline.types == [.string])
    #expect(inline.format == "uuid")
    #expect(responses.last?.content.first?.schema?.types == [.integer])
}

// A reference to a reference is followed to the object at the end of the chain.
@Test func referenceToReference() throws {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /builds:
            get:
              parameters:
              - $ref: '#/components/parameters/Alias'
              responses:
                '200': {$ref: '#/components/responses/Ok'}
        components:
          parameters:
            Alias: {$ref: '#/components/parameters/Middle'}
            Middle: {$ref: '#/components/parameters/Real'}
            Real: {name: limit, in: query, required: true, schema: {type: integer}}
          responses:
            Ok: {$ref: '#/components/responses/RealOk'}
            RealOk: {description: fine}
        """
    )
    #expect(parsed.reported == [])
    let operation = try #require(parsed.operation(.get, "/builds"))
    #expect(operation.parameters.map(\.name) == ["limit"])
    #expect(operation.parameters.first?.required == true)
    #expect(operation.parameters.first?.schema?.types == [.integer])
    #expect(operation.responses.map(\.description) == ["fine"])
}

// A cycle of non-schema references is reported once, with the chain, instead of looping.
@Test func cyclicParameterReferences() throws {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /builds:
            get:
              parameters:
              - $ref: '#/components/parameters/A'
              - $ref: '#/components/parameters/Self'
              responses: {'200': {description: ok}}
        components:
          parameters:
            A: {$ref: '#/components/parameters/B'}
            B: {$ref: '#/components/parameters/A'}
            Self: {$ref: '#/components/parameters/Self'}
        """
    )
    #expect(parsed.reported == [
        "t.yaml:13:15: error: cyclic reference '#/components/parameters/A': #/components/parameters/A -> #/components/parameters/B -> #/components/parameters/A",
        "t.yaml:14:18: error: cyclic reference '#/components/parameters/Self': #/components/parameters/Self -> #/components/parameters/Self",
    ])
    #expect(parsed.operation(.get, "/builds")?.parameters.isEmpty == true)
}

// A schema cycle that never passes through components/schemas is an error, not infinite recursion.
@Test func cyclicInlineSchemaReference() {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items: {$ref: '#/paths/~1a/get/responses/200/content/application~1json/schema'}
        """
    )
    #expect(parsed.reported == [
        "t.yaml:13:31: error: cyclic schema reference '#/paths/~1a/get/responses/200/content/application~1json/schema' that does not pass through components/schemas"
    ])
}

// A `$ref` to a component schema stays a named reference (so the IR can name it and recurse safely).
@Test func componentSchemaReferencesStayNamed() throws {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Node:
              type: object
              properties:
                next: {$ref: '#/components/schemas/Node'}
                a b: {$ref: '#/components/schemas/a%20b'}
            a b: {type: string}
        """
    )
    #expect(parsed.reported == [])
    let properties = try #require(parsed.schema("Node")?.properties)
    #expect(properties.map { $0.schema.reference?.name } == ["Node", "a b"])
    #expect(properties.map { $0.schema.reference?.pointer } == ["#/components/schemas/Node", "#/components/schemas/a%20b"])
}

// A `$ref` key inside `properties` is a property named `$ref`, not a reference.
@Test func refKeyInsidePropertiesIsAProperty() throws {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Doc:
              type: object
              required: [$ref]
              properties:
                $ref: {type: string}
                name: {$ref: '#/components/schemas/Name'}
            Name: {type: string}
        """
    )
    #expect(parsed.reported == [])
    let doc = try #require(parsed.schema("Doc"))
    #expect(doc.reference == nil)
    #expect(doc.required == ["$ref"])
    #expect(doc.properties.map(\.name) == ["$ref", "name"])
    #expect(doc.properties.first?.schema.reference == nil)
    #expect(doc.properties.first?.schema.types == [.string])
    #expect(doc.properties.last?.schema.reference?.name == "Name")
}

// MARK: Operations and parameters

// Path-item parameters are merged with the operation's; the operation's win by (name, in), in place.
@Test func pathItemParametersMergeWithOperationParameters() throws {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /orgs/{org}/builds:
            parameters:
            - {name: org, in: path, required: true, description: shared}
            - {name: limit, in: query, description: shared}
            get:
              parameters:
              - {name: limit, in: query, description: own}
              - {name: limit, in: header, description: header}
              responses: {'200': {description: ok}}
            delete:
              responses: {'204': {description: gone}}
        """
    )
    #expect(parsed.reported == [])
    let get = try #require(parsed.operation(.get, "/orgs/{org}/builds"))
    #expect(get.parameters.map(\.name) == ["org", "limit", "limit"])
    #expect(get.parameters.map(\.location) == [.path, .query, .header])
    #expect(get.parameters.map(\.description) == ["shared", "own", "header"])
    let delete = try #require(parsed.operation(.delete, "/orgs/{org}/builds"))
    #expect(delete.parameters.map(\.description) == ["shared", "shared"])
}

// A `{name}` in the path without an `in: path` parameter gets a required string one, and a path
// parameter the path does not use is left out; each is a warning.
@Test func pathTemplateAndPathParametersAreRepaired() throws {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /builds/{id}:
            get:
              parameters:
              - {name: id, in: query}
              responses: {'200': {description: ok}}
          /builds:
            delete:
              parameters:
              - {name: build_id, in: path, required: true}
              responses: {'204': {description: gone}}
        """
    )
    #expect(parsed.reported == [
        "t.yaml:6:7: warning: path template '/builds/{id}' uses '{id}' but the operation declares no 'in: path' parameter named 'id'; gen adds a required string parameter 'id'",
        "t.yaml:12:9: warning: path parameter 'build_id' does not appear in path template '/builds'; gen leaves it out",
    ])
    let get = try #require(parsed.operation(.get, "/builds/{id}"))
    #expect(get.parameters.map { "\($0.location.rawValue) \($0.name) \($0.required) \($0.schema?.types.map(\.rawValue).joined() ?? "-")" } == ["query id false -", "path id true string"])
    #expect(parsed.operation(.delete, "/builds")?.parameters.isEmpty == true)
}

// A path parameter without `required: true` is a warning and is treated as required.
@Test func pathParametersAreRequired() throws {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /builds/{id}/{n}:
            get:
              parameters:
              - {name: id, in: path, required: false}
              - {name: n, in: path}
              responses: {'200': {description: ok}}
        """
    )
    #expect(parsed.reported == ["t.yaml:7:40: warning: path parameter 'id' must be required; treating it as required"])
    #expect(parsed.operation(.get, "/builds/{id}/{n}")?.parameters.map(\.required) == [true, true])
}

// A parameter with a missing or unknown `in` is a warning with the choices, and is left out.
@Test func parameterLocationMustBeKnown() {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /builds:
            get:
              parameters:
              - {name: a, in: body}
              - {name: b}
              responses: {'200': {description: ok}}
        """
    )
    #expect(parsed.reported == [
        "t.yaml:7:23: warning: unknown parameter location 'body' for 'a' (a Swagger 2.0 location; OpenAPI 3 describes bodies with 'requestBody'); expected path, query, header or cookie; gen leaves the parameter out",
        "t.yaml:8:9: warning: missing 'in' in parameter 'b'; expected path, query, header or cookie; gen leaves the parameter out",
    ])
    #expect(parsed.operation(.get, "/builds")?.parameters.isEmpty == true)
}

// A repeated operationId is kept by its first use; the repeat has none, and says which id it
// repeated (the IR names it and warns, see ModuleBuilderTests).
@Test func duplicateOperationIDs() {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            get:
              operationId: fetch
              responses: {'200': {description: ok}}
          /b:
            get:
              operationId: fetch
              responses: {'200': {description: ok}}
        """
    )
    #expect(parsed.reported == [])
    #expect(parsed.operation(.get, "/a")?.operationID == "fetch" && parsed.operation(.get, "/a")?.repeatedOperationID == nil)
    let repeated = parsed.operation(.get, "/b")?.repeatedOperationID
    #expect(parsed.operation(.get, "/b")?.operationID == nil)
    #expect(repeated.map { "\($0.id) \($0.location) \($0.firstUse)" } == "fetch t.yaml:10:20 t.yaml:6:20")
}

// Within one path item, "first used" follows the document, not the fixed order of HTTP methods.
@Test func duplicateOperationIDsInOnePathItem() throws {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            post:
              operationId: fetch
              responses: {'200': {description: ok}}
            get:
              operationId: fetch
              responses: {'200': {description: ok}}
        """
    )
    #expect(parsed.operation(.get, "/a")?.repeatedOperationID?.firstUse.description == "t.yaml:6:20")
    #expect(parsed.operation(.post, "/a")?.operationID == "fetch")
    // Operations still come in the fixed method order.
    #expect(parsed.document?.paths.first?.operations.map(\.method) == [.get, .post])
}

// MARK: Responses and unsupported features

// Response keys may be codes, ranges (normalized to upper case) or `default`; anything else is skipped with a warning.
@Test func responseKeys() throws {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            get:
              responses:
                200: {description: ok}
                4xx: {description: client}
                default: {description: other}
                abc: {description: bad}
                '600': {description: too big}
                5XX: {description: server}
        """
    )
    #expect(parsed.reported == [
        "t.yaml:10:9: warning: response key 'abc' is not a status code, a range like '4XX', or 'default'; skipping it",
        "t.yaml:11:9: warning: response key '600' is not a status code, a range like '4XX', or 'default'; skipping it",
    ])
    let responses = try #require(parsed.operation(.get, "/a")?.responses)
    #expect(responses.map(\.status) == ["200", "4XX", "default", "5XX"])
    #expect(responses.map(\.statusCode) == [200, nil, nil, nil])
    #expect(responses.map(\.description) == ["ok", "client", "other", "server"])
}

// Webhooks, callbacks and links are not generated: each is a warning at its key, and the rest is still parsed.
@Test func webhooksCallbacksAndLinksWarn() throws {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        webhooks:
          newBuild:
            post:
              responses: {'200': {description: ok}}
        paths:
          /a:
            post:
              callbacks:
                onDone:
                  '{$request.body#/url}':
                    post:
                      responses: {'200': {description: ok}}
              responses:
                '200':
                  description: ok
                  links:
                    self: {operationId: x}
        """
    )
    #expect(parsed.reported == [
        "t.yaml:3:1: warning: 'webhooks' are not generated yet; 1 webhook(s) skipped",
        "t.yaml:10:7: warning: 'callbacks' are not generated yet and are skipped",
        "t.yaml:18:11: warning: 'links' are not generated yet and are skipped",
    ])
    #expect(parsed.operation(.post, "/a")?.responses.map(\.status) == ["200"])
}

// Paths must start with `/`; `x-` extensions under paths and responses are ignored.
@Test func pathKeysAndExtensions() {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          x-internal: true
          builds:
            get:
              responses: {'200': {description: ok}}
          /ok:
            get:
              responses:
                x-note: hi
                '204': {description: none}
        """
    )
    #expect(parsed.reported == ["t.yaml:5:3: error: path 'builds' must start with '/'"])
    #expect(parsed.document?.paths.map(\.path) == ["/ok"])
    #expect(parsed.operation(.get, "/ok")?.responses.map(\.status) == ["204"])
}

// Parameter styles a location does not define (§4.8.12.4) are warnings where they are written,
// never a silent change of what goes over the wire; response headers are generated, so no warning.
@Test func unsupportedParameterStylesWarnResponseHeadersDoNot() {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /items:
            get:
              parameters:
                - {name: ids, in: cookie, style: pipeDelimited, schema: {type: array, items: {type: string}}}
                - {name: page, in: query, style: form, schema: {type: integer}}
                - {name: X-Trace, in: header, style: simple, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate-Limit: {schema: {type: integer}}
                    ETag: {schema: {type: string}}
        """
    )
    #expect(parsed.reported == [
        "t.yaml:7:42: warning: parameter style 'pipeDelimited' is not defined for 'cookie' parameters (§4.8.12.4); 'ids' is sent in the 'form' style",
    ])
}

// Response headers (§4.8.17.1) are read with their schema, `$ref`s resolved; `Content-Type` is
// ignored as §4.8.17.1 says, and what gen cannot generate (a `content`-described header, a name
// that is no HTTP token) is a warning where it is written.
@Test func responseHeadersAreParsed() {
    let parsed = parseDocument(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /items:
            get:
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate-Limit: {required: true, description: calls left, schema: {type: integer}}
                    Content-Type: {schema: {type: string}}
                    ETag: {$ref: '#/components/headers/ETag'}
                    X-Meta: {content: {application/json: {schema: {type: object}}}}
                    'bad name': {schema: {type: string}}
        components:
          headers:
            ETag: {schema: {type: string}}
        """
    )
    #expect(parsed.reported == [
        "t.yaml:13:32: warning: header 'X-Meta' of response '200' is described by 'content' ('application/json'), which is not generated yet; it is not read or written",
        "t.yaml:14:13: warning: response header name 'bad name' is not an HTTP field name (RFC 9110 §5.1); it is skipped",
    ])
    let headers = parsed.operation(.get, "/items")?.responses.first?.headers ?? []
    #expect(headers.map(\.name) == ["X-Rate-Limit", "ETag"])
    #expect(headers.map(\.required) == [true, false])
    #expect(headers.first?.description == "calls left")
    #expect(headers.allSatisfy { $0.schema != nil })
}
