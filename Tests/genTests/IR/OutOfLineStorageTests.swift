import Testing
@testable import IR

/// Which values the generated types store out of line (`@Indirect`, `indirect enum`).
@Suite struct OutOfLineStorageTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Address: {type: object, properties: {street: {type: string}}}
            Color: {type: string, enum: [red, green]}
            Home: {$ref: '#/components/schemas/Address'}
            Shape:
              oneOf:
                - {$ref: '#/components/schemas/Address'}
                - {type: string}
            Labels:
              oneOf:
                - {type: string}
                - {type: integer}
            Person:
              type: object
              required: [address]
              properties:
                address: {$ref: '#/components/schemas/Address'}
                previous: {anyOf: [{$ref: '#/components/schemas/Address'}, {type: 'null'}]}
                home: {$ref: '#/components/schemas/Home'}
                shape: {$ref: '#/components/schemas/Shape'}
                inline: {type: object, properties: {note: {type: string}}}
                color: {$ref: '#/components/schemas/Color'}
                name: {type: string}
                addresses: {type: array, items: {$ref: '#/components/schemas/Address'}}
                byName: {type: object, additionalProperties: {$ref: '#/components/schemas/Address'}}
        """

    // Objects and unions held inline go out of line, whether required, nullable, through an alias,
    // or nested inline; enums, scalars and collections (already out of line) stay.
    @Test func objectsAndUnionsHeldInlineAreIndirect() throws {
        let built = buildModule(Self.spec)
        #expect(built.diagnostics.isEmpty, "\(built.reported)")
        let indirect = Dictionary(uniqueKeysWithValues: built.properties(of: "Person").map { ($0.jsonName, $0.isIndirect) })
        #expect(indirect == [
            "address": true, "previous": true, "home": true, "shape": true, "inline": true,
            "color": false, "name": false, "addresses": false, "byName": false,
        ])
    }

    // A union with an object alternative is an `indirect enum`; one of scalars is not.
    @Test func unionsWithObjectAlternativesAreIndirect() throws {
        let built = buildModule(Self.spec)
        guard case .union(let shape)? = built.type("Shape")?.kind, case .union(let labels)? = built.type("Labels")?.kind else {
            Issue.record("Shape and Labels should be unions: \(built.reported)")
            return
        }
        #expect(shape.isIndirect)
        #expect(!labels.isIndirect)
    }
}
