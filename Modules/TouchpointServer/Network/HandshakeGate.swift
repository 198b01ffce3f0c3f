import NIOCore
import TouchpointProtocol

/// Holds back what a client sends after its Hello until the server decides to
/// welcome it. PROTOCOL.md §4: while the token is checked the client may send
/// nothing but `goodbye`. The session loop checks the token before it reads
/// the next envelope, so without this gate a request pipelined behind Hello
/// would wait in the inbound buffer and be served as if it came after Welcome.
///
/// Lives on the channel's event loop: ``open()`` runs there too.
final class HandshakeGate: ChannelInboundHandler {
    typealias InboundIn = Envelope
    typealias InboundOut = Envelope

    private var helloPassed = false
    private var isOpen = false
    private var early: Envelope?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if isOpen || !helloPassed {
            helloPassed = true
            context.fireChannelRead(data)
        } else if early == nil {
            // The first one decides the session's fate; any later ones are dropped with it.
            early = unwrapInboundIn(data)
        }
    }

    /// Opens the gate for a session about to be welcomed. Returns instead what
    /// arrived while the token was checked (the gate stays shut): the session
    /// must answer it as the `authenticating` state says.
    func open() -> Envelope? {
        if let early { return early }
        isOpen = true
        return nil
    }
}
