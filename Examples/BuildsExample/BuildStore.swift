import BuildsAPI
import Foundation

/// Builds kept in memory, by organization slug: the state behind the example server.
public actor BuildStore {
    private var builds: [String: [BuildResponse]]
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - builds: the initial records, by organization slug.
    ///   - now: the clock `updatedAt` is set from; injectable so tests can pin it.
    public init(builds: [String: [BuildResponse]] = [:], now: @escaping @Sendable () -> Date = Date.init) {
        self.builds = builds
        self.now = now
    }

    /// Loads records from JSON shaped `{"acme": [BuildResponse, …], …}`, as the API sends them.
    /// - Throws: `DecodingError` when a record does not match `BuildResponse`.
    public init(seed data: Data, now: @escaping @Sendable () -> Date = Date.init) throws {
        self.init(builds: try WireFormat.makeDecoder().decode([String: [BuildResponse]].self, from: data), now: now)
    }

    /// The outcome of a PATCH.
    public enum UpdateResult: Sendable, Equatable {
        case updated(BuildResponse)
        case organizationNotFound
        case buildNotFound
        /// A field the response requires was sent as `null`; holds the JSON name.
        case cannotClear(field: String)
    }

    public func build(org: String, id: UUID) -> BuildResponse? {
        builds[org]?.first { $0.id == id }
    }

    /// Applies `patch` with PATCH semantics: an absent field stays as it is, `null` clears it, a
    /// value replaces it. `updatedAt` moves only when something actually changed.
    public func update(org: String, id: UUID, with patch: BuildUpdateRequest) -> UpdateResult {
        guard var records = builds[org] else { return .organizationNotFound }
        guard let index = records.firstIndex(where: { $0.id == id }) else { return .buildNotFound }
        let original = records[index]
        var build = original
        switch patch.description {
        case .absent: break
        case .null: build.description = nil
        case .value(let text): build.description = text
        }
        switch patch.metadata {
        case .absent: break
        case .null: build.metadata = nil
        case .value(let metadata): build.metadata = metadata
        }
        switch patch.displayName {
        case .absent: break
        case .null: return .cannotClear(field: "display_name")
        case .value(let name): build.displayName = name
        }
        switch patch.isActive {
        case .absent: break
        case .null: return .cannotClear(field: "is_active")
        case .value(let flag): build.isActive = flag
        }
        if build != original {
            build.updatedAt = now()
            records[index] = build
            builds[org] = records
        }
        return .updated(build)
    }
}
