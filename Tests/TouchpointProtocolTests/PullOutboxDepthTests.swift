import Foundation
import Testing
import TouchpointProtocol

/// `PullRequest.outbox_depth`: the client reports what waits in its outbox, the server
/// hands it on for admins' `status`, range-checked like every integer from the wire.
@Suite struct PullOutboxDepthTests {
    @Test func theClientReportsItsOutboxDepthOnlyWhenGiven() throws {
        var client = try ClientSessionStateMachineTests.ready()
        guard case .pullRequest(let reported) = try client.pull(afterSequence: 0, outboxDepth: 3).body,
            case .pullRequest(let silent) = try client.pull(afterSequence: 0).body
        else { Issue.record("not a PullRequest"); return }
        #expect(reported.hasOutboxDepth && reported.outboxDepth == 3)
        #expect(!silent.hasOutboxDepth, "absent, so an unreported depth never reads as 0")
    }

    @Test func theServerHandsOnTheReportedDepthAndRefusesOneOutOfRange() throws {
        var machine = ServerSessionStateMachineTests.ready()
        #expect(
            machine.received(.pullRequest(requestID: 4, afterSequence: 17, outboxDepth: 0))
                == .pull(requestID: 4, afterSequence: 17, limit: 1000, outboxDepth: 0))
        #expect(
            machine.received(.pullRequest(requestID: 5, afterSequence: 17))
                == .pull(requestID: 5, afterSequence: 17, limit: 1000, outboxDepth: nil))
        var huge = Touchpoint_V1_PullRequest()
        huge.outboxDepth = .max
        let refused = machine.received(Envelope(requestID: 6, body: .pullRequest(huge)))
        #expect(ServerSessionStateMachineTests.requestErrorCode(refused, requestID: 6) == .invalidArgument)
        #expect(machine.session != nil, "only that request fails")
    }

    @Test func aPipelinedPullCarriesTheAppliedCursorWhichMayNotBeAheadOfItsStart() throws {
        var client = try ClientSessionStateMachineTests.ready()
        guard case .pullRequest(let ahead) = try client.pull(afterSequence: 9, appliedSequence: 6).body else {
            Issue.record("not a PullRequest")
            return
        }
        #expect(ahead.hasAppliedSequence && ahead.appliedSequence == 6)
        var machine = ServerSessionStateMachineTests.ready()
        #expect(
            machine.received(.pullRequest(requestID: 4, afterSequence: 9, appliedSequence: 6))
                == .pull(requestID: 4, afterSequence: 9, limit: 1000, outboxDepth: nil, appliedSequence: 6))
        let refused = machine.received(.pullRequest(requestID: 5, afterSequence: 5, appliedSequence: 7))
        #expect(ServerSessionStateMachineTests.requestErrorCode(refused, requestID: 5) == .invalidArgument)
        #expect(machine.session != nil, "only that request fails")
    }
}
