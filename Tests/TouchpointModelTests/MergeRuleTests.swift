import Foundation
import PropertyBased
import Testing
@testable import TouchpointModel

/// Builds field changes from small integers so generators can produce them;
/// the value derives from the version, as in real life (a version is stamped once).
enum Ops {
    static let id = UUID(uuidString: "11111111-1111-1111-1111-111111111111")!
    static let sites = (1...3).map { SiteID(UUID(uuidString: "00000000-0000-0000-0000-00000000000\($0)")!) }
    static let fields = ["name", "email", "segment"]

    static func change(_ code: Int) -> Change {
        let field = fields[code % fields.count]
        let site = sites[(code / fields.count) % sites.count]
        let hlc = HLC(physical: UInt64((code / 9) % 6), logical: 0)
        let version = FieldVersion(hlc: hlc, site: site)
        return Change(entity: .customer, id: id, fields: [
            FieldChange(name: field, value: .text("\(field)-\(version)"), version: version)
        ])
    }

    static func apply(_ codes: [Int]) -> RecordState {
        var state = RecordState(entity: .customer, id: id)
        for code in codes { state.apply(change(code)) }
        return state
    }

    /// A deterministic shuffle (the property library shrinks the seed).
    static func shuffled(_ codes: [Int], seed: UInt64) -> [Int] {
        var rng = SeededRandom(seed: seed)
        return codes.shuffled(using: &rng)
    }
}


@Suite struct MergeRuleTests {
    let a = FieldVersion(hlc: HLC(physical: 10, logical: 0), site: Ops.sites[0])
    let b = FieldVersion(hlc: HLC(physical: 10, logical: 0), site: Ops.sites[1])
    let c = FieldVersion(hlc: HLC(physical: 11, logical: 0), site: Ops.sites[0])

    @Test func higherHLCWinsThenHigherSite() {
        #expect(MergeRule.winner(FieldState(value: .text("x"), version: a), FieldState(value: .text("y"), version: c)).value == .text("y"))
        #expect(MergeRule.winner(FieldState(value: .text("x"), version: b), FieldState(value: .text("y"), version: a)).value == .text("x"))
    }

    @Test func editOverTheStoredVersionIsNotAConflict() {
        let merged = MergeRule.merge(
            current: FieldState(value: .text("old"), version: a),
            incoming: FieldChange(name: "name", value: .text("new"), version: c, base: a))
        #expect(merged.applied)
        #expect(merged.conflict == nil)
        #expect(merged.stored.value == .text("new"))
    }

    @Test func concurrentEditKeepsBothValues() throws {
        // Stored b (site 2) was written after the incoming edit's base a.
        let merged = MergeRule.merge(
            current: FieldState(value: .text("theirs"), version: b),
            incoming: FieldChange(name: "name", value: .text("mine"), version: c, base: a))
        let conflict = try #require(merged.conflict)
        #expect(merged.applied)
        #expect(conflict.winner.value == .text("mine"))
        #expect(conflict.loser.value == .text("theirs"))
        #expect(conflict.loser.version == b)
    }

    @Test func concurrentEditThatLosesIsStillRecorded() throws {
        let merged = MergeRule.merge(
            current: FieldState(value: .text("newer"), version: c),
            incoming: FieldChange(name: "name", value: .text("older"), version: b, base: a))
        #expect(!merged.applied)
        #expect(merged.stored.value == .text("newer"))
        #expect(try #require(merged.conflict).loser.value == .text("older"))
    }

    @Test func redeliveryIsANoOp() {
        let state = FieldState(value: .text("v"), version: c)
        let merged = MergeRule.merge(current: state, incoming: FieldChange(name: "name", value: .text("v"), version: c, base: a))
        #expect(!merged.applied)
        #expect(merged.conflict == nil)
    }

    @Test func tombstoneMergesLikeAField() {
        var state = RecordState(entity: .customer, id: Ops.id)
        state.apply(Change(entity: .customer, id: Ops.id, fields: [FieldChange(name: "name", value: .text("n"), version: a)]))
        state.apply(Change(entity: .customer, id: Ops.id, fields: [FieldChange(name: tombstoneField, value: .integer(1), version: b)]))
        #expect(state.isDeleted)
        #expect(state.values["name"] == .text("n"), "a tombstone keeps the data until purge")
    }

    @Test func mergeIsOrderIndependent() async {
        await propertyCheck(input: Gen.int(in: 0...200).array(of: 0...30), Gen.uint64(in: 0...UInt64.max)) { codes, seed in
            #expect(Ops.apply(codes) == Ops.apply(Ops.shuffled(codes, seed: seed)))
        }
    }

    @Test func mergeIsIdempotent() async {
        await propertyCheck(input: Gen.int(in: 0...200).array(of: 0...30)) { codes in
            #expect(Ops.apply(codes) == Ops.apply(codes + codes))
        }
    }

    @Test func stateMergeIsCommutativeAndAssociative() async {
        let ops = Gen.int(in: 0...200).array(of: 0...15)
        await propertyCheck(input: ops, ops, ops) { x, y, z in
            let (sx, sy, sz) = (Ops.apply(x), Ops.apply(y), Ops.apply(z))
            #expect(sx.merging(sy) == sy.merging(sx))
            #expect(sx.merging(sy).merging(sz) == sx.merging(sy.merging(sz)))
            #expect(sx.merging(sx) == sx)
            #expect(sx.merging(sy) == Ops.apply(x + y), "merging states equals applying both histories")
        }
    }

    @Test func everyWrittenValueIsCurrentOrInAConflict() async {
        // Replay pushes the way the server sees them: each edit made over some base.
        await propertyCheck(input: Gen.int(in: 0...200).array(of: 1...30)) { codes in
            var state = RecordState(entity: .customer, id: Ops.id)
            var kept: Set<FieldValue> = []
            var written: Set<FieldValue> = []
            for code in codes {
                var change = Ops.change(code)
                change.fields[0].base = nil  // worst case: every edit concurrent
                written.insert(change.fields[0].value)
                for conflict in state.apply(change).conflicts {
                    kept.insert(conflict.loser.value)
                    kept.insert(conflict.winner.value)
                }
            }
            let current = Set(state.fields.values.map(\.value))
            #expect(written.isSubset(of: current.union(kept)))
        }
    }
}
