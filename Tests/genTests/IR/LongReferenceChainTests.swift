import Testing
@testable import IR

/// Specs with thousands of schemas referring to one another: the IR must stay linear in their
/// number (it once kept every type's reachable set, and rebuilt the set of all type names for
/// every declaration: quadratic time and memory).
@Suite struct LongReferenceChainTests {
    /// `count` schemas, each holding the next; the last holds the first when `closed`.
    func chain(_ count: Int, closed: Bool) -> String {
        var spec = "openapi: 3.1.0\ninfo: {title: Chain, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        for index in 0..<count where closed || index < count - 1 {
            spec += "    A\(index): {type: object, properties: {next: {$ref: '#/components/schemas/A\((index + 1) % count)'}}}\n"
        }
        if !closed { spec += "    A\(count - 1): {type: object, properties: {name: {type: string}}}\n" }
        return spec
    }

    // A ring of 20,000 schemas is one cycle, an open chain none; both are built in linear time, and
    // every `next` (an object held inline) is stored out of line. The limit only catches a hang; it is generous because suites that wait on subprocesses can hold
    // every worker thread of a 2-core machine for a while.
    @Test(.timeLimit(.minutes(10))) func twentyThousandSchemaRing() throws {
        let ring = buildModule(chain(20_000, closed: true))
        #expect(ring.diagnostics.isEmpty, "\(ring.reported.prefix(3))")
        #expect(ring.property("next", of: "A0")?.isIndirect == true)
        #expect(ring.property("next", of: "A19999")?.isIndirect == true)
        #expect(ring.module?.types.count == 20_000)

        let open = buildModule(chain(20_000, closed: false))
        #expect(open.diagnostics.isEmpty, "\(open.reported.prefix(3))")
        #expect(open.property("next", of: "A0")?.isIndirect == true)
        #expect(open.property("next", of: "A19998")?.isIndirect == true)
    }
}
