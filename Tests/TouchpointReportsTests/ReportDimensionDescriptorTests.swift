import Testing
import TouchpointModel
import TouchpointReports

/// The fields the descriptors mark as report dimensions are the dimensions reports cut by
/// (an agent reference is the `agent` dimension), and every dimension but the periods is such a field.
@Suite struct ReportDimensionDescriptorTests {
    static var descriptors: [EntityDescriptor] { EntityType.allCases.map(\.descriptor) + [Agent.descriptor] }

    static func dimensionName(_ field: FieldDescriptor) -> String {
        field.name.hasSuffix("_agent_id") || field.name == "agent_id" ? "agent" : field.name
    }

    @Test func descriptorDimensionsAreReportDimensions() {
        let marked = Set(Self.descriptors.flatMap(\.dimensions).map(Self.dimensionName))
        let cut = Set(ReportDimension.allCases.filter { $0.periodUnit == nil }.map(\.rawValue))
        #expect(marked == cut)
    }
}
