import Foundation
import Logging
import NIOCore
import TouchpointModel
import TouchpointProtocol

/// Runs one connection: loops over inbound envelopes, feeds them to the pure
/// ``ServerSessionStateMachine`` and performs the actions it returns. Every
/// failure ends in an Error frame and a closed connection, never a crash, and
/// one bad peer never affects another.
struct SessionHandler: Sendable {
    let service: SyncService
    let configuration: ServerSessionConfiguration
    let logger: Logger

    private enum Next { case carryOn, close }

    func serve(_ accepted: SyncServer.Accepted, shutdown: ShutdownSignal) async {
        let peer = accepted.channel.channel.remoteAddress.map { "\($0)" } ?? "?"
        await SessionLogContext.$current.withValue(SessionLogContext(peer: peer)) {
            await serve(accepted, peer: peer, shutdown: shutdown)
        }
    }

    private func serve(_ accepted: SyncServer.Accepted, peer: String, shutdown: ShutdownSignal) async {
        // No Welcome within the handshake timeout: fail the read side, which the loop
        // answers with a fatal DEADLINE_EXCEEDED Error frame and a close.
        let channel = accepted.channel.channel
        let timeout = configuration.handshakeTimeout
        let handshake = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            channel.pipeline.fireErrorCaught(ProtocolError(.deadlineExceeded, "no Hello within \(timeout)"))
        }
        defer { handshake.cancel() }
        shutdown.register(channel)
        defer { shutdown.unregister(channel) }
        do {
            try await accepted.channel.executeThenClose { inbound, outbound in
                var session = Session(
                    machine: ServerSessionStateMachine(configuration: configuration), channel: channel, handshakeTimer: handshake,
                    frames: accepted.frames, gate: accepted.gate,
                    peerAddress: accepted.channel.channel.remoteAddress?.ipAddress ?? "unknown")
                // A backup this session was fetching goes with it.
                defer { if let principal = session.principal { service.backups.sessionEnded(site: principal.site) } }
                var iterator = inbound.makeAsyncIterator()
                while true {
                    let envelope: Envelope?
                    do {
                        envelope = try await iterator.next()
                    } catch {
                        let failure = ProtocolError(converting: error)
                        let action: ServerSessionStateMachine.Action
                        if shutdown.isTriggered {
                            // Woken by the shutdown: Goodbye, or UNAVAILABLE before Welcome (PROTOCOL.md §9).
                            action = session.machine.shutDown(reason: "server shutting down")
                        } else if failure.code == .deadlineExceeded {
                            // A timer fired: before Welcome a fatal Error, after it a Goodbye (PROTOCOL.md §9).
                            action = session.machine.session == nil
                                ? session.machine.handshakeTimedOut() : session.machine.idleTimedOut()
                        } else {
                            logger.info("closing session on bad input", metadata: ["peer": "\(peer)", "error": "\(failure)"])
                            action = session.machine.failed(failure)
                        }
                        _ = try await perform(action, &session, outbound, accepted.compression)
                        return
                    }
                    guard let envelope else { return }
                    let action = session.machine.received(envelope)
                    if action.isRequest, let revoked = await revocation(of: session.principal) {
                        _ = try await perform(session.machine.failed(revoked), &session, outbound, accepted.compression)
                        return
                    }
                    if try await perform(action, &session, outbound, accepted.compression) == .close { return }
                    if shutdown.isTriggered {
                        _ = try await perform(session.machine.shutDown(reason: "server shutting down"), &session, outbound, accepted.compression)
                        return
                    }
                }
            }
        } catch {
            logger.debug("connection ended", metadata: ["peer": "\(peer)", "error": "\(error)"])
        }
    }

    private struct Session {
        var machine: ServerSessionStateMachine
        let channel: any NIOCore.Channel
        var handshakeTimer: Scheduled<Void>?
        let frames: SessionFrameLimits
        let gate: NIOLoopBound<HandshakeGate>
        /// The peer's IP address: failed Hellos are counted and throttled per address.
        let peerAddress: String
        var principal: Principal?
    }

    private func perform(
        _ action: ServerSessionStateMachine.Action, _ session: inout Session,
        _ outbound: NIOAsyncChannelOutboundWriter<Envelope>, _ compression: CompressionSwitch
    ) async throws -> Next {
        switch action {
        case .none:
            return .carryOn
        case .send(let envelope):
            try await outbound.write(envelope)
            return .carryOn
        case .sendAndClose(let envelope):
            try await outbound.write(envelope)
            return .close
        case .close:
            return .close
        case .authenticate(let handshake):
            // Hello arrived: the handshake timeout measures the peer, not how long we take to check it.
            session.handshakeTimer?.cancel()
            session.frames.helloReceived(handshake.clientLimits)
            let next: ServerSessionStateMachine.Action
            do {
                let principal = try await service.admit(handshake, peer: session.peerAddress)
                session.principal = principal
                SessionLogContext.current?.identify(agent: principal.name, id: principal.agentID)
                let info = try await service.store.info()
                let gate = session.gate
                if let early = try await session.channel.eventLoop.submit({ gate.value.open() }).get() {
                    // Sent before Welcome: answered as the authenticating state says (PROTOCOL.md §4).
                    next = session.machine.received(early)
                } else {
                    next = session.machine.authenticated(
                        role: principal.role, sequenceHead: info.head,
                        serverTimeMs: HLC.milliseconds(Date()),
                        agent: SessionAgent(id: principal.agentID, name: principal.name, territories: principal.territories),
                        serverEpoch: info.epoch, resyncRequired: principal.resyncRequired)
                    service.metrics.sessionStarted(role: principal.role)
                    logger.info("session started", metadata: ["agent": "\(principal.name)", "site": "\(principal.site)"])
                }
            } catch {
                let failure = ProtocolError(converting: error)
                if failure.code == .internal {
                    logger.error("hello failed", metadata: ["peer": "\(session.peerAddress)", "error": "\(error)"])
                }
                next = session.machine.authenticationFailed(failure)
            }
            // Ready: the server's own frame limit applies before the client can answer Welcome.
            if session.machine.session != nil { session.frames.sessionReady(configuration.limits) }
            let result = try await perform(next, &session, outbound, compression)
            if session.machine.session != nil {
                // From now on the idle timer applies (ready sessions only).
                try await IdleTimeoutHandler.install(on: session.channel, timeout: configuration.idleTimeout)
            }
            if session.machine.session?.handshake.compression == .zlib { compression.enable() }
            return result
        case .push, .pull, .admin:
            let responder = RequestResponder(service: service, logger: logger)
            if let reply = await responder.respond(to: action, from: session.principal, maxFrameBytes: pageFrameBytes(session)) {
                try await outbound.write(reply)
            }
            return .carryOn
        }
    }

    /// Pages fit the client's frame limit from Hello (and this server's encoder, set to its own).
    private func pageFrameBytes(_ session: Session) -> Int {
        let client = session.machine.session?.handshake.clientLimits.maxFrameBytes ?? ProtocolLimits.defaultMaxFrameBytes
        return min(client, configuration.limits.maxFrameBytes)
    }

    /// Why a ready session must end before this request: its agent was revoked or deleted since Hello.
    private func revocation(of principal: Principal?) async -> ProtocolError? {
        guard let principal else { return nil }
        do {
            try await service.reauthorize(principal)
            return nil
        } catch let error as ProtocolError {
            logger.notice("session of a revoked agent ended", metadata: ["agent": "\(principal.name)"])
            return error
        } catch {
            logger.error("could not check a session's credentials", metadata: ["agent": "\(principal.name)", "error": "\(error)"])
            return ProtocolError(.unavailable, "server could not check the session's credentials; connect again later", cause: error)
        }
    }
}
