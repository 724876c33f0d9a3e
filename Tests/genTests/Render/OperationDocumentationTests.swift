import Testing
@testable import IR
@testable import Render

/// The `- Parameters:` and `- Returns:` sections of client methods and `APIService` requirements,
/// from the spec's parameter, body and success response descriptions and the parameters' defaults.
@Suite struct OperationDocumentationTests {
    static func operation(_ operation: String) throws -> OperationView {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /items/{id}:
            \(operation)
            """
        let module = try #require(buildModule(text).module)
        return try #require(ViewBuilder(module: module).clientView().operations.first)
    }

    // Once one parameter is described, every parameter and the body are listed, in signature order,
    // those without a description by where they are sent; defaults say what the server uses.
    @Test func everyParameterIsListedOnceOneIsDescribed() throws {
        let view = try Self.operation("""
                post:
                  operationId: updateItem
                  parameters:
                    - {name: id, in: path, required: true, description: The item., schema: {type: string}}
                    - {name: limit, in: query, schema: {type: integer, default: 20}}
                    - {name: X-Trace, in: header, schema: {type: string}}
                    - {name: session, in: cookie, schema: {type: string}}
                  requestBody:
                    content: {application/json: {schema: {type: object}}}
                  responses:
                    '200': {description: The item after the change., content: {application/json: {schema: {type: string}}}}
            """)
        #expect(view.clientMethods[0].parameterDocumentation == [
            "/// - Parameters:",
            "///   - id: The item.",
            "///   - limit: The `limit` query parameter.",
            "///",
            "///     When `nil`, the server uses `20`.",
            "///   - xTrace: The `X-Trace` header.",
            "///   - session: The `session` cookie.",
            "///   - body: The request body.",
        ])
        #expect(view.returnsDocumentation == ["/// - Returns: The item after the change."])
        #expect(view.requirementDocumentation == [
            "/// - Parameters:",
            "///   - id: The item.",
            "///   - limit: The `limit` query parameter.",
            "///",
            "///     `20` when the request leaves it out.",
            "///   - xTrace: The `X-Trace` header.",
            "///   - session: The `session` cookie.",
            "///   - body: The request body.",
            "/// - Returns: The response to send; on success, `.ok`: The item after the change.",
        ])
    }

    // Without any description or default there is no list; a method returning nothing has no `- Returns:`.
    @Test func nothingToSayMeansNoList() throws {
        let view = try Self.operation("""
                delete:
                  operationId: deleteItem
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '204': {description: Deleted.}
            """)
        #expect(view.clientMethods[0].parameterDocumentation.isEmpty)
        #expect(view.returnsDocumentation.isEmpty)
        #expect(view.requirementDocumentation == ["/// - Returns: The response to send; on success, `.noContent`: Deleted."])
    }

    // A single parameter is documented inline (`- Parameter name:`), as swift-format's
    // ValidateDocumentationComments wants.
    @Test func aSingleParameterIsInline() throws {
        let view = try Self.operation("""
                get:
                  operationId: getItem
                  parameters:
                    - {name: id, in: path, required: true, description: "The item.\\nSecond line.", schema: {type: string}}
                  responses:
                    '200': {description: The item., content: {application/json: {schema: {type: string}}}}
            """)
        #expect(view.clientMethods[0].parameterDocumentation == ["/// - Parameter id: The item.", "///   Second line."])
    }

    // Hostile descriptions stay inside the comment: every line break (CR LF, U+2028, NEL) starts a
    // `///` line indented under its item, `*/` and backticks are text, and a name or default holding
    // backticks gets a longer code span fence.
    @Test func hostileDescriptionsStayInTheComment() throws {
        let view = try Self.operation("""
                get:
                  operationId: getItem
                  parameters:
                    - {name: id, in: path, required: true, description: "a */ b\\r\\n/* `c`\\u2028d\\u0085e", schema: {type: string}}
                    - {name: "we`ird", in: query, schema: {type: string, default: "x`y``"}}
                  responses:
                    '200': {description: "ok */\\n\\n```\\nfenced", content: {text/plain: {schema: {type: string}}}}
            """)
        #expect(view.clientMethods[0].parameterDocumentation == [
            "/// - Parameters:",
            "///   - id: a */ b",
            "///     /* `c`",
            "///     d",
            "///     e",
            "///   - weIrd: The ``we`ird`` query parameter.",
            "///",
            "///     When `nil`, the server uses ```\"x`y``\"```.",
        ])
        #expect(view.returnsDocumentation == ["/// - Returns: ok */", "///", "///   ```", "///   fenced"])
    }

    // Code spans (CommonMark §6.1): the fence outgrows the text's longest backtick run, padded when
    // the text starts or ends with one; line breaks become spaces.
    @Test func codeSpans() {
        #expect(SwiftSource.codeSpan("a") == "`a`")
        #expect(SwiftSource.codeSpan("a`b") == "``a`b``")
        #expect(SwiftSource.codeSpan("`a") == "`` `a ``")
        #expect(SwiftSource.codeSpan("a\nb") == "`a b`")
    }
}
