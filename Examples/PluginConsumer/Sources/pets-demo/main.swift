import Foundation
import PetsAPI

/// Answers every request from memory, so the demo runs without a network.
struct CannedTransport: ClientTransport {
    func send(_ request: ClientRequest) async throws -> ClientResponse {
        let pet = #"{"id":"7C1A4B0E-3F4A-4C55-9B1A-2D2C7E0F9A11","name":"Rex","species":"dog","nickname":null,"born_at":"2021-05-04T10:00:00.123456Z"}"#
        switch (request.method, request.url.path) {
        case ("GET", "/v1/pets"): return ClientResponse(statusCode: 200, body: Data("[\(pet)]".utf8))
        case ("PATCH", _): return ClientResponse(statusCode: 200, body: request.body ?? Data())
        default: return ClientResponse(statusCode: 404, body: Data(#"{"detail":"not found"}"#.utf8))
        }
    }
}

/// Stops with a message and a non-zero status, so CI notices.
func require(_ condition: Bool, _ message: String) {
    if !condition {
        FileHandle.standardError.write(Data("pets-demo: \(message)\n".utf8))
        exit(1)
    }
}

let client = Client(transport: CannedTransport())
let pets = try await client.listPets(species: .dog)
require(pets.count == 1 && pets[0].name == "Rex" && pets[0].species == .dog, "unexpected pets \(pets)")
require(pets[0].nickname == nil, "nickname should be null")
// `PetChanges` is `PetUpdate` renamed by gen-config.yaml; `nickname: .null` is sent as JSON null.
let changes = PetChanges(name: "Rexy", nickname: .null)
let body = try String(decoding: WireFormat.makeEncoder().encode(changes), as: UTF8.self)
require(body.contains(#""nickname":null"#), "an explicit null must be sent: \(body)")
print("pets-demo: listed \(pets.count) pet(s), first \(pets[0].name), born \(pets[0].bornAt); update body \(body)")
