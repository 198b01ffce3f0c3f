import Foundation
import Testing
@testable import TouchpointModel

/// Item 5 of the field-work issue: a delete and an edit its author never saw are a
/// conflict whatever their clocks say, in either order of arrival.
@Suite struct DeleteConflictTests {
    static let id = UUID(uuidString: "22222222-2222-2222-2222-222222222222")!
    static let (creator, editor, deleter) = (Ops.sites[0], Ops.sites[1], Ops.sites[2])

    static func version(_ ms: UInt64, _ site: SiteID) -> FieldVersion { FieldVersion(hlc: HLC(physical: ms, logical: 0), site: site) }

    /// The record as the deleter saw it: created at t=10, and the deleter's own later edit of `email`.
    static func seenByDeleter() -> RecordState {
        var state = RecordState(entity: .customer, id: id)
        let created = version(10, creator)
        state.apply(Change(entity: .customer, id: id, fields: [
            FieldChange(name: "name", value: .text("Anika"), version: created),
            FieldChange(name: "segment", value: .text("smb"), version: created),
        ]))
        state.apply(Change(entity: .customer, id: id, fields: [
            FieldChange(name: "email", value: .text("a@example.com"), version: version(50, deleter), base: nil)
        ]))
        return state
    }

    static func delete(at ms: UInt64, seen: RecordState) -> Change {
        let tombstone = version(ms, deleter)
        var fields = [FieldChange(name: tombstoneField, value: .integer(1), version: tombstone, base: seen.fields.values.map(\.version).max())]
        for name in seen.fields.keys.sorted() {
            fields.append(FieldChange(name: name, value: .null, version: seen.fields[name]!.version, base: seen.fields[name]!.version))
        }
        return Change(entity: .customer, id: id, fields: fields)
    }

    /// The editor changes `segment` over the version it saw (t=10), its clock at `ms`.
    static func edit(at ms: UInt64) -> Change {
        Change(entity: .customer, id: id, fields: [
            FieldChange(name: "segment", value: .text("enterprise"), version: version(ms, editor), base: version(10, creator))
        ])
    }

    /// (edit clock, delete clock): the edit's HLC below the deleter's newest seen
    /// version (the case the old rule missed), between, and above the tombstone.
    @Test(arguments: [(UInt64(20), UInt64(60)), (70, 60), (30, 40)], [true, false])
    func deleteVersusUnseenEditIsAConflictWhateverTheClocks(clocks: (edit: UInt64, delete: UInt64), deleteFirst: Bool) {
        let seen = Self.seenByDeleter()
        var server = seen
        let (edit, delete) = (Self.edit(at: clocks.edit), Self.delete(at: clocks.delete, seen: seen))
        let conflicts = (deleteFirst ? [delete, edit] : [edit, delete]).flatMap { server.apply($0).conflicts }
        #expect(conflicts.count == 1, "exactly one conflict: \(conflicts)")
        #expect(conflicts.first?.field == "segment")
        #expect(conflicts.first?.winner.value == .integer(1), "the record stays deleted")
        #expect(conflicts.first?.loser.value == .text("enterprise"), "the edit is kept as the loser")
        #expect(server.isDeleted)
    }

    @Test func deleteOverEverythingItSawIsNoConflict() {
        let seen = Self.seenByDeleter()
        var server = seen
        #expect(server.apply(Self.delete(at: 5, seen: seen)).conflicts.isEmpty, "a slow clock does not make a conflict")
        #expect(server.isDeleted)
    }

    @Test func theSeenEntriesOfADeleteWriteNothing() {
        let seen = Self.seenByDeleter()
        var server = seen
        let applied = server.apply(Self.delete(at: 60, seen: seen)).applied
        #expect(applied.map(\.name) == [tombstoneField])
        #expect(server.fields["name"]?.value == .text("Anika"))
    }
}
