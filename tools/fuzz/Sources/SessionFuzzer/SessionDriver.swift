import Foundation
import NIOCore
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

/// Plays one input's envelopes against a server session as the connection
/// handler does — state machine, authentication, ``RequestResponder`` over the
/// service and its store — and checks every answer:
/// - a decoding error ends the session with a fatal Error frame;
/// - each request of a ready session gets exactly one answer, under its request
///   id; a refusal is a non-fatal Error and the session stays ready;
/// - every answer fits the server's frame limit;
/// - a failure that is not a protocol error (the handler answers it with a generic INTERNAL)
///   is reported through ``UnexpectedErrors``.
struct SessionDriver {
    let service: SyncService
    let responder: RequestResponder
    let world: FuzzWorld
    var machine: ServerSessionStateMachine
    var principal: Principal?

    init(service: SyncService, responder: RequestResponder, world: FuzzWorld, configuration: ServerSessionConfiguration) {
        self.service = service
        self.responder = responder
        self.world = world
        self.machine = ServerSessionStateMachine(configuration: configuration)
    }

    mutating func run(_ items: [FuzzInput.Item]) async {
        for item in items {
            switch item {
            case .failure(let error):
                switch machine.failed(error) {
                case .sendAndClose(let reply):
                    guard case .error(let wire) = reply.body, wire.fatal else { preconditionFailure("decoding error without a fatal Error") }
                    write(reply)
                case .none:
                    break  // already closed
                default:
                    preconditionFailure("a decoding error did not close the session")
                }
                precondition(machine.state == .closed, "a decoding error did not close the session")
                return
            case .envelope(let envelope):
                guard await perform(machine.received(envelope)) else { return }
            }
        }
    }

    /// Performs one action; false once the session is closed.
    private mutating func perform(_ action: ServerSessionStateMachine.Action) async -> Bool {
        switch action {
        case .none:
            return machine.state != .closed
        case .send(let reply):
            write(reply)
            return true
        case .sendAndClose(let reply):
            write(reply)
            precondition(machine.state == .closed, "sendAndClose left the session open")
            return false
        case .close:
            return false
        case .authenticate(let handshake):
            return await perform(await authenticate(handshake))
        case .push(let requestID, _), .pull(let requestID, _, _), .admin(let requestID, _):
            guard let session = machine.session else { preconditionFailure("a request action outside a ready session") }
            let frameBytes = min(session.handshake.clientLimits.maxFrameBytes, machine.configuration.limits.maxFrameBytes)
            guard let reply = await responder.respond(to: action, from: principal, maxFrameBytes: frameBytes) else {
                preconditionFailure("a request got no answer")
            }
            precondition(reply.requestID == requestID, "answer under request id \(reply.requestID), not \(requestID)")
            if case .error(let wire) = reply.body {
                precondition(!wire.fatal, "a request failed the whole session: \(wire.message)")
                if wire.code == .internal { UnexpectedErrors.shared.note(wire.message) }
            }
            write(reply)
            return true
        }
    }

    private mutating func authenticate(_ handshake: ServerHandshake) async -> ServerSessionStateMachine.Action {
        do {
            let principal = try await service.authenticate(
                token: world.token(handshake.token), site: handshake.siteID, protocolVersion: Int(handshake.version))
            guard handshake.agentID == nil || handshake.agentID == principal.agentID || principal.role == .admin else {
                return machine.authenticationFailed(ProtocolError(.unauthenticated, "the token belongs to another agent"))
            }
            self.principal = principal
            let info = try await service.store.info()
            return machine.authenticated(
                role: principal.role, sequenceHead: info.head,
                serverTimeMs: HLC.milliseconds(FuzzWorld.now),
                agent: SessionAgent(id: principal.agentID, name: principal.name, territories: principal.territories),
                serverEpoch: info.epoch)
        } catch let error as ProtocolError {
            return machine.authenticationFailed(error)
        } catch {
            preconditionFailure("authentication failed with a non-protocol error: \(error)")
        }
    }

    private func write(_ reply: Envelope) {
        var out = ByteBuffer()
        do {
            try FrameEncoder(maxFrameBytes: machine.configuration.limits.maxFrameBytes).encode(reply, into: &out)
        } catch {
            preconditionFailure("the server answered with a frame it cannot send: \(error)")
        }
    }
}
