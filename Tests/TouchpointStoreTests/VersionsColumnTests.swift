import Foundation
import Testing
import TouchpointModel
import TouchpointRecords

/// The `_versions` column holds a record's common version once and only the
/// exceptions, and still reads what earlier versions of the store wrote.
@Suite struct VersionsColumnTests {
    let sites = [SiteID.random(), SiteID.random()]
    func index(_ site: SiteID) -> Int64 { Int64(sites.firstIndex(of: site)!) }
    func site(_ index: Int64) -> SiteID { sites[Int(index)] }

    func customer(_ version: FieldVersion) throws -> RecordState {
        let customer = try Customer(name: "Anika", territory: "north", annualValue: 1_250_000, currency: "EUR")
        return RecordState(entity: .customer, id: customer.id, fields: customer.fields.mapValues { FieldState(value: $0, version: version) })
    }

    func roundTrip(_ state: RecordState) throws -> [String: FieldVersion] {
        try VersionsColumn.decode(try VersionsColumn.encode(state, siteIndex: index), entity: state.entity, site: site)
    }

    @Test func aRecordWrittenTogetherTakesOneVersionAndRoundTrips() throws {
        let version = FieldVersion(hlc: HLC(rawValue: 1_750_000_000_000_000), site: sites[1])
        let state = try customer(version)
        let text = try VersionsColumn.encode(state, siteIndex: index)
        #expect(text == "1750000000000000:1/\(EntityType.customer.fieldNames.count)")
        #expect(try roundTrip(state) == state.fields.mapValues(\.version))
    }

    @Test func exceptionsAbsentFieldsAndTheTombstoneRoundTrip() throws {
        let common = FieldVersion(hlc: HLC(rawValue: 1000), site: sites[0])
        let other = FieldVersion(hlc: HLC(rawValue: 2000), site: sites[1])
        var state = try customer(common)
        state.fields["segment"] = FieldState(value: .text("smb"), version: other)
        state.fields["phone"] = nil
        #expect(try roundTrip(state) == state.fields.mapValues(\.version))
        state.fields[tombstoneField] = FieldState(value: .integer(1), version: common)
        #expect(try roundTrip(state) == state.fields.mapValues(\.version))
        state.fields[tombstoneField] = FieldState(value: .integer(1), version: other)
        #expect(try roundTrip(state) == state.fields.mapValues(\.version))
        let empty = RecordState(entity: .customer, id: state.id, fields: [:])
        #expect(try VersionsColumn.encode(empty, siteIndex: index) == "{}")
        #expect(try roundTrip(empty).isEmpty)
    }

    @Test func theJSONObjectEarlierStoresWroteIsStillRead() throws {
        let text = #"{"_deleted":[5,0],"name":[7,1],"territory":[7,1]}"#
        let versions = try VersionsColumn.decode(text, entity: .customer, site: site)
        #expect(versions == [
            "_deleted": FieldVersion(hlc: HLC(rawValue: 5), site: sites[0]),
            "name": FieldVersion(hlc: HLC(rawValue: 7), site: sites[1]),
            "territory": FieldVersion(hlc: HLC(rawValue: 7), site: sites[1]),
        ])
    }

    @Test func aLaterSchemaReadsTheFieldsItAddedAsAbsentInAnOlderRow() throws {
        let names = EntityType.customer.fieldNames
        let older = names.firstIndex(of: "annual_value")!
        // What a store of the schema before annual_value/currency wrote for a full customer.
        let versions = try VersionsColumn.decode("900:0/\(older)", entity: .customer, site: site)
        #expect(Set(versions.keys) == Set(names.prefix(older)))
        #expect(versions["annual_value"] == nil && versions["currency"] == nil)
    }

    @Test(arguments: ["", "12", "12:0", "x:0/3", "12:0/3;name=5", "12:0/y"])
    func aDamagedColumnIsReportedNotGuessed(text: String) {
        #expect(throws: StoreError.self) { try VersionsColumn.decode(text, entity: .customer, site: site) }
    }
}
