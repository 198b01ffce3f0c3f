import Foundation
import TouchpointModel

/// What erasing a customer's personal data did (``ServerStore/eraseCustomer(_:by:now:)``).
public struct ErasureReport: Hashable, Sendable {
    /// The erased customer.
    public var customerID: UUID
    /// Its territory: the agents of this territory erase it at their next sync.
    public var territory: String
    /// When it was erased (the customer's `erased_at`).
    public var erasedAt: Date
    /// Records scrubbed: the customer and the records about it.
    public var records: Int
    /// Change-log entries rewritten without personal values.
    public var logEntries: Int
    /// Conflict records rewritten without personal values.
    public var conflicts: Int
    /// Refusal messages and sync errors that named one of the records, replaced.
    public var messages: Int
    /// The change-log sequence of the erasure (what agents pull).
    public var sequence: UInt64

    public init(
        customerID: UUID, territory: String, erasedAt: Date, records: Int, logEntries: Int, conflicts: Int, messages: Int,
        sequence: UInt64
    ) {
        self.customerID = customerID
        self.territory = territory
        self.erasedAt = erasedAt
        self.records = records
        self.logEntries = logEntries
        self.conflicts = conflicts
        self.messages = messages
        self.sequence = sequence
    }
}

extension ErasureReport: Codable {
    enum CodingKeys: String, CodingKey {
        case customerID = "customer_id", territory, erasedAt = "erased_at", records, logEntries = "log_entries", conflicts
        case messages, sequence
    }
}

extension ErasureReport {
    /// The report as the admin response carries it.
    public var wire: Touchpoint_V1_CustomerEraseResponse {
        var response = Touchpoint_V1_CustomerEraseResponse()
        response.customerID = customerID.wireBytes
        response.territory = territory
        response.erasedAtMs = HLC.milliseconds(erasedAt)
        response.records = UInt32(clamping: records)
        response.logEntries = UInt32(clamping: logEntries)
        response.conflicts = UInt32(clamping: conflicts)
        response.messages = UInt32(clamping: messages)
        response.sequence = sequence
        return response
    }

    /// The report an admin response carries.
    public init(wire: Touchpoint_V1_CustomerEraseResponse) throws {
        self.init(
            customerID: try UUID(wireBytes: wire.customerID, field: "customer_erase.customer_id"), territory: wire.territory,
            erasedAt: Date(timeIntervalSince1970: Double(wire.erasedAtMs) / 1000),
            records: Int(wire.records), logEntries: Int(wire.logEntries), conflicts: Int(wire.conflicts), messages: Int(wire.messages),
            sequence: wire.sequence)
    }
}
