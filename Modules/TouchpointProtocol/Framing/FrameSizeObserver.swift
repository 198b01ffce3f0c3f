/// Told each frame's sizes as it is encoded or decoded: its payload as serialized
/// (before compression) and the whole frame as it travels (header, payload deflated
/// when compressed). A server counts them for its metrics.
public typealias FrameSizeObserver = @Sendable (_ payloadBytes: Int, _ frameBytes: Int) -> Void
