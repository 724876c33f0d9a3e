import Diagnostics
import Testing
@testable import IR

// MARK: Presence

/// Two identical object schemas, one sent as a request body and one only received.
private let presenceSpec = """
    openapi: 3.1.0
    info: {title: T, version: '1'}
    paths:
      /things:
        post:
          operationId: createThing
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/ThingRequest'}
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/ThingResponse'}
    components:
      schemas:
        ThingRequest:
          type: object
          required: [a, b]
          properties:
            a: {type: string}
            b: {type: [string, 'null']}
            c: {type: string}
            d: {type: [string, 'null']}
            e: {anyOf: [{type: integer}, {type: 'null'}]}
            f: {type: string, nullable: true}
            child: {$ref: '#/components/schemas/Child'}
        ThingResponse:
          type: object
          required: [a, b]
          properties:
            a: {type: string}
            b: {type: [string, 'null']}
            c: {type: string}
            d: {type: [string, 'null']}
            e: {anyOf: [{type: integer}, {type: 'null'}]}
            f: {type: string, nullable: true}
        Child:
          type: object
          properties:
            note: {type: [string, 'null']}
    """

// Required/nullable combinations give the four presences; optional+nullable is three-state only in request schemas.
@Test func presenceInRequestAndResponseSchemas() {
    let built = buildModule(presenceSpec)
    #expect(built.reported == [])
    #expect(built.properties(of: "ThingRequest").map(\.presence) == [
        .required, .requiredNullable, .optional, .optionalNullable, .optionalNullable, .optionalNullable, .optional,
    ])
    #expect(built.properties(of: "ThingResponse").map(\.presence) == [
        .required, .requiredNullable, .optional, .optional, .optional, .optional,
    ])
    #expect(built.properties(of: "ThingRequest").map(\.type) == [.string, .string, .string, .string, .int, .string, .named("Child")])
}

// A schema reached from a request body through a `$ref` is a request schema too.
@Test func schemasReachableFromRequestsAreRequestSchemas() {
    let built = buildModule(presenceSpec)
    #expect(built.property("note", of: "Child")?.presence == .optionalNullable)
}

// MARK: Defaults and enums

// Enum defaults become enum cases (inline and `$ref`'d enums); a default outside the enum is a warning at the default and dropped.
@Test func enumDefaults() {
    let built = buildModule(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            BuildResponse:
              type: object
              properties:
                status:
                  type: string
                  enum: [queued, in-progress, ready]
                  default: in-progress
                kind: {$ref: '#/components/schemas/Kind', default: fast}
                bad:
                  type: string
                  enum: [a, b]
                  default: c
                count: {type: integer, default: 3}
                other: {$ref: '#/components/schemas/Kind', default: medium}
            Kind:
              type: string
              enum: [slow, fast]
        """
    )
    #expect(built.reported == [
        "t.yaml:17:20: warning: default 'c' is not one of the enum values 'a', 'b'; it is ignored",
        "t.yaml:19:61: warning: default 'medium' is not one of the enum values 'slow', 'fast'; it is ignored",
    ])
    #expect(built.property("status", of: "BuildResponse")?.defaultValue == .enumCase("inProgress"))
    #expect(built.property("status", of: "BuildResponse")?.type == .named("BuildResponse.Status"))
    #expect(built.property("kind", of: "BuildResponse")?.defaultValue == .enumCase("fast"))
    #expect(built.property("kind", of: "BuildResponse")?.type == .named("Kind"))
    #expect(built.property("bad", of: "BuildResponse")?.defaultValue == nil)
    #expect(built.property("count", of: "BuildResponse")?.defaultValue == .number("3"))
    #expect(enumCases(built.type("BuildResponse")?.nestedTypes.first) == ["queued=queued", "inProgress=in-progress", "ready=ready"])
}

// Inline enums are nested in their parent and renamed rather than shadow a top-level type of the same name.
@Test func inlineEnumsAreNestedWithoutShadowing() {
    let built = buildModule(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            BuildResponse:
              type: object
              properties:
                mode: {type: string, enum: [fast, slow]}
                status: {type: string, enum: [a, b]}
            Status: {type: string, enum: [on, off]}
        """
    )
    #expect(built.reported == [])
    #expect(built.module?.types.map(\.name) == ["BuildResponse", "Status"])
    #expect(built.type("BuildResponse")?.nestedTypes.map(\.name) == ["Mode", "Status2"])
    #expect(built.property("mode", of: "BuildResponse")?.type == .named("BuildResponse.Mode"))
    #expect(built.property("status", of: "BuildResponse")?.type == .named("BuildResponse.Status2"))
    #expect(enumCases(built.type("Status")) == ["on=on", "off=off"])
}

// MARK: Unions

// `anyOf` of several types becomes a union (also as array items); with only `null` beside one type it is that type, nullable.
@Test func anyOfBecomesUnion() {
    let built = buildModule(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Tagged:
              type: object
              required: [tags, maybe]
              properties:
                tags:
                  type: array
                  items:
                    anyOf:
                    - type: string
                    - type: integer
                maybe:
                  anyOf: [{type: string}, {type: 'null'}]
            Identifier:
              oneOf: [{type: string, format: uuid}, {type: integer}, {$ref: '#/components/schemas/Tagged'}]
        """
    )
    #expect(built.reported == [])
    #expect(built.property("tags", of: "Tagged")?.type == .array(.named("Tagged.TagsItem")))
    #expect(unionCases(built.type("Tagged")?.nestedTypes.first { $0.name == "TagsItem" }) == ["string: String", "integer: Int"])
    #expect(built.property("maybe", of: "Tagged")?.type == .string)
    #expect(built.property("maybe", of: "Tagged")?.presence == .requiredNullable)
    #expect(unionCases(built.type("Identifier")) == ["uuid: UUID", "integer: Int", "tagged: Tagged"])
}

// MARK: Cycles

// Schemas that refer to themselves (directly, through arrays, through `allOf`, or only to themselves) do not hang the builder.
// The limit only catches a hang; it is generous because suites that wait on subprocesses can hold
// every worker thread of a 2-core machine for a while.
@Test(.timeLimit(.minutes(10))) func referenceCyclesTerminate() {
    let built = buildModule(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Node:
              type: object
              required: [value]
              properties:
                value: {type: string}
                parent: {$ref: '#/components/schemas/Node'}
                children: {type: array, items: {$ref: '#/components/schemas/Node'}}
            Ping: {allOf: [{$ref: '#/components/schemas/Pong'}, {properties: {a: {type: string}}}]}
            Pong: {allOf: [{$ref: '#/components/schemas/Ping'}, {properties: {b: {type: string}}}]}
        """
    )
    #expect(built.reported == [])
    #expect(built.properties(of: "Node").map(\.type) == [.string, .named("Node"), .array(.named("Node"))])
    #expect(built.properties(of: "Ping").map(\.jsonName) == ["a", "b"])
    #expect(built.properties(of: "Pong").map(\.jsonName) == ["b", "a"])
}

// A schema that is only a `$ref` to itself, or a loop of such schemas, is an error rather than `typealias A = A`.
// The limit only catches a hang; it is generous because suites that wait on subprocesses can hold
// every worker thread of a 2-core machine for a while.
@Test(.timeLimit(.minutes(10))) func referenceOnlyCyclesAreErrors() {
    let built = buildModule(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Loop: {$ref: '#/components/schemas/Loop'}
            A: {$ref: '#/components/schemas/B'}
            B: {anyOf: [{$ref: '#/components/schemas/A'}, {type: 'null'}]}
            C: {$ref: '#/components/schemas/A'}
            Holder: {type: object, properties: {loop: {$ref: '#/components/schemas/Loop'}}}
        """
    )
    #expect(built.reported == [
        "t.yaml:6:11: error: schema 'Loop' is only a '$ref' back to itself ('Loop' -> 'Loop'); expected a schema with a type",
        "t.yaml:7:8: error: schema 'A' is only a '$ref' back to itself ('A' -> 'B' -> 'A'); expected a schema with a type",
        "t.yaml:8:8: error: schema 'B' is only a '$ref' back to itself ('B' -> 'A' -> 'B'); expected a schema with a type",
    ])
    for name in ["Loop", "A", "B"] {
        guard case .alias(let target)? = built.type(name)?.kind else {
            Issue.record("'\(name)' is not an alias")
            continue
        }
        #expect(target == .jsonValue)
    }
    guard case .alias(let target)? = built.type("C")?.kind else {
        Issue.record("'C' is not an alias")
        return
    }
    #expect(target == .named("A"))
    #expect(built.property("loop", of: "Holder")?.type == .named("Loop"))
}

// MARK: Names

// Schemas whose names collide after cleaning get distinct Swift names and a warning naming both.
@Test func collidingSchemaNames() {
    let built = buildModule(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            build-info: {type: object, properties: {a: {type: string}}}
            build_info: {type: object, properties: {b: {type: string}}}
            String: {type: object, properties: {c: {type: string}}}
        """
    )
    #expect(built.reported == [
        "t.yaml:7:17: warning: schemas 'build-info' and 'build_info' both map to the Swift name 'BuildInfo'; 'build_info' is named 'BuildInfo2'"
    ])
    #expect(built.module?.types.map(\.name) == ["BuildInfo", "BuildInfo2", "StringSchema"])
    #expect(built.module?.types.map(\.schemaName) == ["build-info", "build_info", "String"])
}

// A schema renamed because an earlier rename took its name is warned about too, never silently renamed.
@Test func schemaRenamedByAnEarlierRenameIsReported() {
    let built = buildModule(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            build-info: {type: string}
            build_info: {type: string}
            BuildInfo2: {type: string}
        """
    )
    #expect(built.module?.types.map(\.name) == ["BuildInfo", "BuildInfo2", "BuildInfo22"])
    #expect(built.reported == [
        "t.yaml:7:17: warning: schemas 'build-info' and 'build_info' both map to the Swift name 'BuildInfo'; 'build_info' is named 'BuildInfo2'",
        "t.yaml:8:17: warning: schemas 'build_info' and 'BuildInfo2' both map to the Swift name 'BuildInfo2'; 'BuildInfo2' is named 'BuildInfo22'",
    ])
}

// MARK: Operations

// Signatures list path parameters in template order first, then the others as declared; names are cleaned and unique.
@Test func parameterOrderInSignatures() throws {
    let built = buildModule(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /orgs/{org}/builds/{build_id}:
            parameters:
            - {name: X-Trace, in: header}
            - {name: build_id, in: path, required: true, schema: {type: string, format: uuid}}
            get:
              operationId: getBuild
              parameters:
              - {name: limit, in: query, schema: {type: integer}}
              - {name: org, in: path, required: true, schema: {type: string}}
              - {name: body, in: query, schema: {type: string}}
              responses: {'204': {description: ok}}
            delete:
              parameters:
              - {name: org, in: path, required: true}
              responses: {'204': {description: ok}}
        """
    )
    #expect(built.reported == [])
    let operations = try #require(built.module?.operations)
    #expect(operations.map(\.name) == ["getBuild", "deleteOrgsOrgBuildsBuildID"])
    let get = try #require(operations.first)
    #expect(get.typeName == "GetBuild")
    #expect(get.parameters.map(\.swiftName) == ["org", "buildID", "xTrace", "limit", "body2"])
    #expect(get.parameters.map(\.jsonName) == ["org", "build_id", "X-Trace", "limit", "body"])
    #expect(get.parameters.map(\.type) == [.string, .uuid, .string, .int, .string])
    #expect(get.parameters.map(\.required) == [true, true, false, false, false])
    #expect(get.pathComponents == [.literal("/orgs/"), .parameter("org"), .literal("/builds/"), .parameter("build_id")])
    #expect(operations.last?.parameters.map(\.swiftName) == ["org", "buildID", "xTrace"])
}

// OAuth 2 and OpenID Connect access tokens are bearer tokens (RFC 6750), so their operations take
// the client's token; a scheme the client cannot send yet (here HTTP basic) is a warning where it
// is defined, and only when something requires it.
@Test func securitySchemesAreSentOrReported() {
    let built = buildModule(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        components:
          securitySchemes:
            oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://x/token', scopes: {}}}}
            basic: {type: http, scheme: basic}
            unused: {type: apiKey, name: X-Key, in: header}
        paths:
          /a:
            get:
              operationId: getA
              security: [{oauth: []}]
              responses: {'204': {description: ok}}
          /b:
            get:
              operationId: getB
              security: [{basic: []}]
              responses: {'204': {description: ok}}
        """
    )
    #expect(built.module?.operations.map(\.requiresBearerToken) == [true, false])
    #expect(built.reported == [
        "t.yaml:6:12: warning: security scheme 'basic' (http basic) is not generated yet: the client sends requests without its credentials "
            + "and the server routes do not check it, so check it in a middleware of your framework (only bearer tokens, including OAuth 2 "
            + "and OpenID Connect access tokens, are sent and checked)",
    ])
}

// MARK: Body content types

// Each media type gets its coding and type (§4.8.14): JSON first, text as String, binary schemas and
// other types as Data, forms as their model; XML is reported and left out; differing types make an enum.
@Test func bodyContentCodings() {
    let built = buildModule(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            post:
              operationId: upload
              requestBody:
                content:
                  text/plain: {schema: {type: string}}
                  text/csv: {schema: {type: string, format: binary}}
                  application/xml: {schema: {$ref: '#/components/schemas/Form'}}
                  application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Form'}}
                  multipart/form-data:
                    schema: {$ref: '#/components/schemas/Form'}
                    encoding: {file: {contentType: 'image/png, image/gif'}}
                  image/*: {}
                  application/pdf: {schema: {type: string, contentMediaType: application/pdf}}
                  application/vnd.api+json: {schema: {$ref: '#/components/schemas/Form'}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Form'}}
                    application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Form'}}
        components:
          schemas:
            Form:
              type: object
              properties:
                file: {type: string, format: binary}
                scan: {type: string, contentMediaType: image/tiff}
        """
    )
    let operation = built.module?.operations.first
    let contents = operation?.requestBody?.contents ?? []
    #expect(contents.map(\.contentType) == [
        "application/vnd.api+json", "text/plain", "text/csv", "application/x-www-form-urlencoded", "multipart/form-data", "image/*", "application/pdf",
    ])
    #expect(contents.map(\.coding) == [.json, .text, .binary, .form, .multipart, .binary, .binary])
    #expect(contents.map(\.type) == [.named("Form"), .string, .data, .named("Form"), .named("Form"), .data, .data])
    #expect(contents.map(\.caseName) == ["applicationVndAPIJSON", "plainText", "textCSV", "form", "multipart", "imageAny", "applicationPDF"])
    #expect(contents[4].partContentTypes.map { "\($0.name)=\($0.contentType)" } == ["file=image/png", "scan=image/tiff"])
    #expect(operation?.requestBody?.choiceTypeName == "UploadRequestBody")
    #expect(operation?.requestBody?.type == .named("UploadRequestBody"))
    // One type in every content type: no enum, and the first content type (JSON) is sent.
    #expect(operation?.responses.first?.choiceTypeName == nil)
    #expect(operation?.responses.first?.bodyType == .named("Form"))
    #expect(built.reported == [
        "t.yaml:11:11: warning: request body content type 'application/xml' is not generated yet (XML bodies are not); the operation sends and accepts 'application/vnd.api+json', 'text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'multipart/form-data', 'image/*', 'application/pdf' only",
    ])
}

// A form whose schema is not an object cannot be written as fields: a warning, and the body is skipped.
@Test func formBodiesNeedObjects() {
    let built = buildModule(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            post:
              operationId: send
              requestBody:
                content:
                  application/x-www-form-urlencoded: {schema: {type: string}}
              responses: {'204': {description: ok}}
        """
    )
    #expect(built.module?.operations.first?.requestBody == nil)
    #expect(built.reported == [
        "t.yaml:9:11: warning: request body content type 'application/x-www-form-urlencoded' is not generated yet (a form body's schema must be an object, not String), so this body is skipped",
    ])
}

// Structured schemas under types gen cannot decode (YAML, protobuf, XML) are left out beside a
// decodable type, with a warning; alone, the body is kept as bytes. An SVG with no schema is bytes.
@Test func undecodableStructuredBodies() {
    let built = buildModule(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            get:
              operationId: getA
              responses:
                '200':
                  description: ok
                  content:
                    application/json: {schema: {type: object, properties: {a: {type: string}}}}
                    application/yaml: {schema: {type: object, properties: {a: {type: string}}}}
                '201':
                  description: ok
                  content:
                    application/yaml: {schema: {type: array, items: {type: string}}}
                '202':
                  description: ok
                  content:
                    image/svg+xml: {}
        """
    )
    let responses = built.module?.operations.first?.responses ?? []
    #expect(responses.map { $0.contents.map(\.contentType) } == [["application/json"], ["application/yaml"], ["image/svg+xml"]])
    #expect(responses.map(\.bodyType) == [.named("GetA_200Response"), .data, .data])
    #expect(built.reported == [
        "t.yaml:12:13: warning: response content type 'application/yaml' is not generated yet (its schema is structured data, which gen reads from JSON and forms only); response '200' is read and written as 'application/json' only",
        "t.yaml:16:13: warning: content type 'application/yaml' is not decoded (its schema is structured data, which gen reads from JSON and forms only); the body is read and written as raw bytes (Data)",
    ])
}

// `contentMediaType` makes a string bytes only for a binary media type: in JSON, a string holding
// JSON or HTML text stays a `String` (3.1 §4.8.14.3).
@Test func contentMediaTypeOfTextStaysString() {
    let built = buildModule(
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Document:
              type: object
              properties:
                scan: {type: string, contentMediaType: image/png}
                payload: {type: string, contentMediaType: application/json}
                page: {type: string, contentMediaType: text/html}
        """
    )
    #expect(built.properties(of: "Document").map(\.type) == [.data, .string, .string])
}
