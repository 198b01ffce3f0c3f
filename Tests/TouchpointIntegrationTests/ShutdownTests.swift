import Foundation
import Testing
import TouchpointClient
import TouchpointProtocol

/// Issue 9, "shutting down cleanly": SIGTERM ends every session as PROTOCOL.md §9
/// says — Goodbye to ready sessions, a fatal UNAVAILABLE to handshaking ones —
/// and the process exits within its drain time, idle clients or not.
@Suite(.serialized) struct ShutdownTests {
    @Test func sigtermSendsGoodbyeToIdleSessionsAndExits() async throws {
        let fixture = try ServerProcessFixture("shutdown")
        defer { fixture.tearDown() }
        try fixture.start()
        let ready = try await RawPeer.connect(to: fixture.server.endpoint)
        defer { ready.close() }
        guard case .welcome? = try await ready.hello(fixture.configuration)?.envelope.body else {
            Issue.record("no Welcome")
            return
        }
        let handshaking = try await RawPeer.connect(to: fixture.server.endpoint)
        defer { handshaking.close() }
        // Both sessions are idle: one ready, one that has sent nothing yet.
        guard case .pong? = try await ready.request({ .ping(requestID: $0, nonce: 7) })?.envelope.body else {
            Issue.record("no Pong")
            return
        }

        fixture.server.terminate()

        let goodbye = await ready.next()?.envelope
        guard case .goodbye(let farewell)? = goodbye?.body else {
            Issue.record("the ready session got \(goodbye?.kindName ?? "no frame"), not Goodbye")
            return
        }
        #expect(farewell.reason.contains("shutting down"), "\(farewell.reason)")
        let refusal = await handshaking.next()?.envelope
        guard case .error(let error)? = refusal?.body else {
            Issue.record("the handshaking session got \(refusal?.kindName ?? "no frame"), not an Error")
            return
        }
        #expect(error.code == .unavailable && error.fatal)
        // Bounded only so a hung server fails the test instead of stalling the suite.
        let status = try await fixture.server.waitForExit(within: .seconds(60))
        #expect(status == 0, "the server should exit on SIGTERM (exit status \(String(describing: status)))")
    }
}
