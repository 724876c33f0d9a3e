import Diagnostics
import Testing
@testable import IR

// MARK: Discriminators

private let discriminatorSpec = """
    openapi: 3.1.0
    info: {title: T, version: '1'}
    components:
      schemas:
        Cat:
          type: object
          required: [kind]
          properties: {kind: {type: string}, lives: {type: integer}}
        Dog:
          type: object
          properties: {bark: {type: boolean}}
        Fish: {type: string}
        Pet:
          oneOf:
            - {$ref: '#/components/schemas/Cat'}
            - {$ref: '#/components/schemas/Dog'}
            - {$ref: '#/components/schemas/Fish'}
          discriminator:
            propertyName: kind
            mapping: {cat: '#/components/schemas/Cat', kitty: Cat, bird: '#/components/schemas/Bird'}
        Bird: {type: object, properties: {wings: {type: integer}}}
    """

// Mapping keys (several per schema, refs or bare names) then schema names select the case; an object
// alternative without the property gets the tag written; a mapping to a non-alternative is a warning.
@Test func discriminatorTagsAndWrittenTags() throws {
    let built = buildModule(discriminatorSpec)
    #expect(built.reported == [
        "t.yaml:20:70: warning: discriminator mapping 'bird' names 'Bird', which is not one of the alternatives; the value decodes as unknown",
    ])
    guard case .union(let union)? = built.type("Pet")?.kind else {
        Issue.record("Pet is not a union")
        return
    }
    #expect(union.cases.map(\.tags) == [["cat", "kitty"], ["Dog"], ["Fish"]])
    #expect(union.cases.map(\.writtenTag) == [nil, "Dog", nil])
    #expect(union.discriminator?.propertyName == "kind")
    #expect(union.discriminator?.unknownCaseName == "unknown")
    #expect(!union.triesExactMatchesFirst)
}

// Without a discriminator, only unions whose alternatives can hold an open enum or an object with
// `additionalProperties: false` try exact matches first.
@Test func exactMatchesFirstOnlyWhereAnOpenEnumCouldCatchAll() {
    let built = buildModule("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        components:
          schemas:
            A: {type: object, properties: {mode: {type: string, enum: [a]}}}
            B: {type: object, properties: {n: {type: integer}}}
            Frozen: {type: object, properties: {mode: {type: string, enum: [f], x-frozen-enum: true}}}
            Closed: {type: object, additionalProperties: false, properties: {n: {type: integer}}}
            WithEnum: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]}
            Plain: {oneOf: [{type: string}, {type: integer}]}
            FrozenOnly: {oneOf: [{$ref: '#/components/schemas/Frozen'}, {$ref: '#/components/schemas/B'}]}
            WithClosed: {oneOf: [{$ref: '#/components/schemas/Closed'}, {$ref: '#/components/schemas/B'}]}
        """)
    #expect(built.reported == [])
    func tries(_ name: String) -> Bool? {
        guard case .union(let union)? = built.type(name)?.kind else { return nil }
        return union.triesExactMatchesFirst
    }
    #expect(tries("WithEnum") == true)
    #expect(tries("Plain") == false)
    #expect(tries("FrozenOnly") == false)
    #expect(tries("WithClosed") == true)
    guard case .structure(let closed)? = built.type("Closed")?.kind, case .structure(let open)? = built.type("B")?.kind else {
        Issue.record("Closed or B is not a struct")
        return
    }
    #expect(closed.rejectsUndeclaredKeys && !open.rejectsUndeclaredKeys)
}

// Each alternative of a union without a discriminator declares its object's keys: through an
// alias, one set per object alternative of a nested union (the tag added for a discriminated one),
// one empty set for dictionaries and free-form objects, and none for enums and primitives.
@Test func alternativesDeclareTheirObjectsKeys() {
    let built = buildModule("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        components:
          schemas:
            A: {type: object, properties: {op: {type: string}, lo: {type: integer}}}
            B: {type: object, properties: {x: {type: integer}}}
            Alias: {$ref: '#/components/schemas/A'}
            Inner: {anyOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]}
            Tagged:
              oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
              discriminator: {propertyName: op}
            Outer:
              anyOf:
                - {$ref: '#/components/schemas/Alias'}
                - {$ref: '#/components/schemas/Inner'}
                - {$ref: '#/components/schemas/Tagged'}
                - {type: object, additionalProperties: {type: integer}}
                - {type: object}
                - {type: string, enum: [a]}
                - {type: integer}
        """)
    #expect(built.reported == [])
    guard case .union(let union)? = built.type("Outer")?.kind else {
        Issue.record("Outer is not a union")
        return
    }
    #expect(union.cases.map(\.declaredKeys) == [[["op", "lo"]], [["op", "lo"], ["x"]], [["op", "lo"], ["x", "op"]], [[]], [[]], [], []])
}

// MARK: Deprecation

// A deprecated schema makes what spells its type deprecated: aliases (transitively), properties,
// union cases, and operations whose signature uses it; the description gives the message.
@Test func deprecationReachesEveryUseOfADeprecatedType() throws {
    let built = buildModule("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /old:
            post:
              operationId: sendOld
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/OldAlias'}}}}
              responses: {'204': {description: ok}}
          /new:
            get:
              operationId: getNew
              parameters: [{name: q, in: query, deprecated: true, description: "Deprecated since v2.\\nUse p.", schema: {type: string}}]
              responses: {'204': {description: ok}}
        components:
          schemas:
            Old: {type: object, deprecated: true, description: "Deprecated: use New.", properties: {a: {type: string}}}
            OldAlias: {$ref: '#/components/schemas/Old'}
            Holder: {type: object, properties: {old: {type: array, items: {$ref: '#/components/schemas/OldAlias'}}, name: {type: string}}}
            Either: {oneOf: [{$ref: '#/components/schemas/Old'}, {type: integer}]}
        """)
    #expect(built.reported == [])
    #expect(built.type("Old")?.deprecationMessage == "Deprecated: use New.")
    #expect(built.type("OldAlias")?.deprecated == true)
    #expect(built.type("OldAlias")?.deprecationMessage == "uses the deprecated type 'Old'")
    #expect(built.properties(of: "Holder").map(\.deprecated) == [true, false])
    #expect(built.property("old", of: "Holder")?.deprecationMessage == "uses the deprecated type 'OldAlias'")
    guard case .union(let union)? = built.type("Either")?.kind else {
        Issue.record("Either is not a union")
        return
    }
    #expect(union.cases.map(\.deprecated) == [true, false])
    let operations = try #require(built.module?.operations)
    #expect(operations.map(\.deprecated) == [true, false])
    #expect(operations[1].parameters.first?.deprecated == true)
    #expect(operations[1].parameters.first?.deprecationMessage == "Deprecated since v2.")
}
