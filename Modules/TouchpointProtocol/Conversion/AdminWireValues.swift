import Foundation
import TouchpointModel

extension Touchpoint_V1_Value {
    /// The wire form of a field value (no member set means null).
    public init(_ value: FieldValue) {
        self.init()
        switch value {
        case .null: break
        case .text(let s): text = s
        case .integer(let i): integer = i
        case .real(let d): real = d
        }
    }

    /// The model value.
    public var fieldValue: FieldValue {
        switch kind {
        case .text(let s): .text(s)
        case .integer(let i): .integer(i)
        case .real(let d): .real(d)
        case nil: .null
        }
    }
}

extension Touchpoint_V1_Version {
    /// The wire form of a field version.
    public init(_ version: FieldVersion) {
        self.init()
        hlc = version.hlc.rawValue
        site = version.site.wireBytes
    }

    /// The model version, or `INVALID_ARGUMENT` for a bad site.
    public func fieldVersion() throws(ProtocolError) -> FieldVersion {
        FieldVersion(hlc: HLC(rawValue: hlc), site: try SiteID(wireBytes: site, field: "version.site"))
    }
}

extension Touchpoint_V1_ConflictSide {
    /// The wire form of one side of a conflict.
    public init(_ state: FieldState) {
        self.init()
        value = Touchpoint_V1_Value(state.value)
        version = Touchpoint_V1_Version(state.version)
    }

    /// The model state.
    public func fieldState() throws(ProtocolError) -> FieldState {
        FieldState(value: value.fieldValue, version: try version.fieldVersion())
    }
}

extension Touchpoint_V1_FieldSnapshot {
    /// The wire form of one stored field of a record.
    public init(name: String, _ state: FieldState) {
        self.init()
        self.name = name
        value = Touchpoint_V1_Value(state.value)
        version = Touchpoint_V1_Version(state.version)
    }

    /// The model state, or `INVALID_ARGUMENT` for a bad site.
    public func fieldState() throws(ProtocolError) -> FieldState {
        FieldState(value: value.fieldValue, version: try version.fieldVersion())
    }
}

extension RecordDigest.Part {
    /// The digest sum as 8 big-endian bytes, its wire form.
    public var wireBytes: Data { withUnsafeBytes(of: sum.bigEndian) { Data($0) } }

    /// Reads a part from its record count and 8 wire bytes.
    public init(records: UInt64, wireBytes: Data) {
        var sum: UInt64 = 0
        for byte in wireBytes.prefix(8) { sum = sum << 8 | UInt64(byte) }
        self.init(count: Int(records), sum: sum)
    }
}

extension Touchpoint_V1_DigestResponse {
    /// The wire form of a digest.
    public init(_ digest: RecordDigest, sequenceHead: UInt64) {
        self.init()
        self.sequenceHead = sequenceHead
        digests = EntityType.allCases.map { entity in
            var wire = Touchpoint_V1_EntityDigest()
            wire.entity = entity.wire
            let part = digest.entities[entity.rawValue] ?? RecordDigest.Part()
            wire.records = UInt64(part.count)
            wire.digest = part.wireBytes
            return wire
        }
    }

    /// The model digest.
    public func recordDigest() throws(ProtocolError) -> RecordDigest {
        var digest = RecordDigest()
        for wire in digests {
            let entity = try EntityType(wire: wire.entity)
            digest.entities[entity.rawValue] = RecordDigest.Part(records: wire.records, wireBytes: wire.digest)
        }
        return digest
    }
}
