import Foundation
import Testing
@testable import TouchpointModel

/// The descriptor table is the one description of each entity: the typed records'
/// field maps, their initializers and their validation must agree with it.
@Suite struct EntityDescriptorTests {
    static let entities = EntityType.allCases

    @Test func everyEntityHasAFullSampleRecord() throws {
        #expect(Set(try FullRecords.all().map { type(of: $0).entity }) == Set(EntityType.allCases))
    }

    /// Stores count a record's fields by position (`_versions` covers the first n):
    /// a field a later schema adds goes after every field of the schemas before.
    @Test(arguments: entities)
    func fieldsAreOnlyEverAppended(entity: EntityType) {
        let since = entity.descriptor.fields.map(\.since)
        #expect(since == since.sorted(), "\(entity.rawValue): \(entity.descriptor.fields.map { "\($0.name)@\($0.since)" })")
    }

    @Test(arguments: entities)
    func aRecordsFieldsAreExactlyItsDescriptorsFields(entity: EntityType) throws {
        let record = try #require(try FullRecords.all().first { type(of: $0).entity == entity })
        let fields = record.fields
        #expect(Set(fields.keys) == Set(entity.descriptor.names), "fields and descriptor name the same fields")
        for field in entity.descriptor.fields {
            #expect(fields[field.name] != .null, "the sample sets \(entity.rawValue).\(field.name)")
        }
        let rebuilt = try entity.recordType.init(id: record.id, fields: fields)
        #expect(rebuilt.fields == fields, "init(fields:) reads every field the descriptor lists")
    }

    @Test(arguments: entities)
    func requiredFieldsAreRequiredAndOptionalOnesAreNot(entity: EntityType) throws {
        let record = try #require(try FullRecords.all().first { type(of: $0).entity == entity })
        for field in entity.descriptor.fields where field.name != "bucket" {  // bucket is derived from the score
            var fields = record.fields
            fields[field.name] = .null
            if field.isRequired {
                #expect(throws: ValidationError(field: "\(entity.rawValue).\(field.name)", message: "is required")) {
                    _ = try entity.recordType.init(id: record.id, fields: fields)
                }
            } else if !entity.descriptor.groups.joined().contains(field.name), field.name != "currency" {
                #expect(throws: Never.self, "\(entity.rawValue).\(field.name) is optional") {
                    _ = try entity.recordType.init(id: record.id, fields: fields)
                }
            }
        }
    }

    @Test(arguments: entities)
    func vocabulariesAcceptTheirValuesAndNameTheFieldWhenRefusing(entity: EntityType) throws {
        let record = try #require(try FullRecords.all().first { type(of: $0).entity == entity })
        for field in entity.descriptor.fields where field.name != "bucket" {
            guard case .vocabulary(_, let values) = field.kind else { continue }
            var fields = record.fields
            fields[field.name] = .text("no_such_value")
            #expect(throws: ValidationError.self) { _ = try entity.recordType.init(id: record.id, fields: fields) }
            do {
                _ = try entity.recordType.init(id: record.id, fields: fields)
            } catch let error as ValidationError {
                #expect(error.field == "\(entity.rawValue).\(field.name)")
                #expect(error.message.contains(values.joined(separator: ", ")))
            }
            if entity.descriptor.group(of: field.name) == nil, field.isRequired {
                for value in values {
                    fields[field.name] = .text(value)
                    let rebuilt = try? entity.recordType.init(id: record.id, fields: fields)
                    #expect(rebuilt?.fields[field.name] == .text(value), "\(entity.rawValue).\(field.name) accepts \(value)")
                }
            }
        }
    }

    @Test(arguments: entities)
    func textLimitsComeFromTheDescriptor(entity: EntityType) throws {
        let record = try #require(try FullRecords.all().first { type(of: $0).entity == entity })
        for field in entity.descriptor.fields {
            let tooLong: String
            switch field.kind {
            case .text(.short): tooLong = String(repeating: "x", count: TextLimit.shortCharacters + 1)
            case .text(.long): tooLong = String(repeating: "x", count: TextLimit.longBytes + 1)
            default: continue
            }
            var fields = record.fields
            fields[field.name] = .text(tooLong)
            #expect(throws: ValidationError.self, "\(entity.rawValue).\(field.name) refuses over-long text") {
                _ = try entity.recordType.init(id: record.id, fields: fields)
            }
        }
    }

    @Test(arguments: entities)
    func integerRangesComeFromTheDescriptor(entity: EntityType) throws {
        let record = try #require(try FullRecords.all().first { type(of: $0).entity == entity })
        for field in entity.descriptor.fields {
            guard case .integer(let range) = field.kind else { continue }
            var fields = record.fields
            if range.lowerBound > .min {
                fields[field.name] = .integer(range.lowerBound - 1)
                #expect(throws: ValidationError.self, "\(entity.rawValue).\(field.name) below its range") {
                    _ = try entity.recordType.init(id: record.id, fields: fields)
                }
            }
            if range.upperBound < .max {
                fields[field.name] = .integer(range.upperBound + 1)
                #expect(throws: ValidationError.self, "\(entity.rawValue).\(field.name) above its range") {
                    _ = try entity.recordType.init(id: record.id, fields: fields)
                }
            }
        }
    }

    @Test(arguments: entities)
    func groupsNameFieldsOfTheEntity(entity: EntityType) {
        for member in entity.fieldGroups.joined() { #expect(entity.descriptor.field(member) != nil) }
    }

    @Test func defaultsMakeAnImportedCaseConsistent() {
        let author = UUID()
        let resolved = SupportCase.descriptor.defaults(for: ["resolved_at": .integer(1)], author: author)
        #expect(resolved["status"] == .text("resolved"))
        #expect(SupportCase.descriptor.defaults(for: [:], author: author)["status"] == .text("open"))
        #expect(Interaction.descriptor.defaults(for: [:], author: author)["agent_id"] == .id(author))
    }

    @Test func anOpenCaseWithAResolutionTimeIsRefused() throws {
        #expect(throws: ValidationError.self) {
            _ = try SupportCase(customerID: UUID(), subject: "x", status: .open, openedAt: FullRecords.opened, resolvedAt: FullRecords.opened)
        }
    }

    @Test func anAnnualValueNeedsACurrencyAndCurrenciesAreCodes() throws {
        #expect(throws: ValidationError(field: "customer.currency", message: "is required when annual_value is given")) {
            _ = try Customer(name: "A", territory: "north", annualValue: 100)
        }
        #expect(throws: ValidationError.self) { _ = try Customer(name: "A", territory: "north", annualValue: 100, currency: "EURO") }
        #expect(throws: ValidationError.self) { _ = try Customer(name: "A", territory: "north", annualValue: -1, currency: "EUR") }
        #expect(try Customer(name: "A", territory: "north", annualValue: 100, currency: "eur").currency == "EUR")
    }

    @Test func moneyParsesAndFormatsByTheCurrencysMinorUnit() {
        #expect(Money.minorUnits("1234.5", currency: "EUR") == 123_450)
        #expect(Money.minorUnits("1234", currency: "JPY") == 1234)
        #expect(Money.minorUnits("12.5", currency: "JPY") == nil)
        #expect(Money.minorUnits("1.234", currency: "KWD") == 1234)
        #expect(Money.minorUnits("-3", currency: "EUR") == nil)
        #expect(Money.minorUnits("1e3", currency: "EUR") == nil)
        #expect(Money.format(123_450, currency: "EUR") == "1234.50 EUR")
    }
}
