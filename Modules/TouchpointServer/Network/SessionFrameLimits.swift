import TouchpointProtocol

/// The frame limits of one connection, which move with the handshake: the
/// server reads at most ``ProtocolLimits/handshakeFrameBytes`` until the
/// session is ready (an unauthenticated peer cannot make it buffer more), and
/// writes frames no bigger than the client announced in Hello.
struct SessionFrameLimits: Sendable {
    /// What the decoder accepts from the peer.
    let receive = FrameSizeLimit(ProtocolLimits.handshakeFrameBytes)
    /// What the encoder (and the answer size guard) may send to the peer.
    let send: FrameSizeLimit

    init(server: ProtocolLimits) {
        send = FrameSizeLimit(server.maxFrameBytes)
    }

    /// Hello arrived: frames to the client stay within what it announced.
    func helloReceived(_ client: ProtocolLimits) {
        send.set(client.maxFrameBytes)
    }

    /// Welcome was sent: the peer is authenticated, the server's announced limit applies.
    func sessionReady(_ server: ProtocolLimits) {
        receive.set(server.maxFrameBytes)
    }
}
