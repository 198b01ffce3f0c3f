import Testing
import TouchpointModel
import TouchpointProtocol

/// One role: the model's `AgentRole`, and the wire `Role` it converts to and from in one place.
@Suite struct AgentRoleWireTests {
    @Test(arguments: AgentRole.allCases)
    func everyRoleSurvivesTheWire(role: AgentRole) {
        #expect(AgentRole(wire: role.wire) == role)
    }

    @Test func unspecifiedAndUnknownRolesReadAsNone() {
        #expect(AgentRole(wire: .unspecified) == nil)
        #expect(AgentRole(wire: .UNRECOGNIZED(7)) == nil)
    }
}
