import Foundation
import TouchpointModel

extension UUID {
    /// The 16 bytes of the UUID in RFC 4122 order: the wire form of every id.
    package var wireBytes: Data {
        withUnsafeBytes(of: uuid) { Data($0) }
    }

    /// Reads a 16-byte wire id; nil for any other length.
    package init?(wireBytes bytes: Data) {
        guard bytes.count == 16 else { return nil }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &raw) { $0.copyBytes(from: bytes) }
        self.init(uuid: raw)
    }

    /// Reads a 16-byte wire id, or throws `INVALID_ARGUMENT` naming `field`.
    package init(wireBytes bytes: Data, field: String) throws(ProtocolError) {
        guard let id = UUID(wireBytes: bytes) else {
            throw ProtocolError(
                .invalidArgument,
                "\(field) must be 16 bytes, got \(bytes.count)",
                details: ["field": field]
            )
        }
        self = id
    }
}

extension SiteID {
    /// The 16 wire bytes of the site id.
    package var wireBytes: Data { uuid.wireBytes }

    /// Reads a 16-byte site id, or throws `INVALID_ARGUMENT` naming `field`.
    package init(wireBytes bytes: Data, field: String) throws(ProtocolError) {
        self.init(try UUID(wireBytes: bytes, field: field))
    }
}

extension EntityType {
    /// The wire enum value.
    public var wire: Touchpoint_V1_EntityType {
        switch self {
        case .customer: .customer
        case .interaction: .interaction
        case .supportCase: .case
        case .feedback: .feedback
        case .followUp: .followUp
        case .note: .note
        }
    }

    /// Reads a wire entity type, or throws `INVALID_ARGUMENT` for UNSPECIFIED and unknown values.
    public init(wire: Touchpoint_V1_EntityType, field: String = "entity") throws(ProtocolError) {
        switch wire {
        case .customer: self = .customer
        case .interaction: self = .interaction
        case .case: self = .supportCase
        case .feedback: self = .feedback
        case .followUp: self = .followUp
        case .note: self = .note
        case .unspecified, .UNRECOGNIZED:
            throw ProtocolError(
                .invalidArgument,
                "\(field) has unknown entity type \(wire.rawValue)",
                details: ["field": field]
            )
        }
    }
}

extension ServerEpoch {
    /// The 16 wire bytes of the epoch.
    package var wireBytes: Data { uuid.wireBytes }
}
