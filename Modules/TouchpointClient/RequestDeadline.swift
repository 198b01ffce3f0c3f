import Foundation
import NIOCore
import TouchpointProtocol

/// One request's timer: when it fires before the answer arrives, the channel is
/// failed with `DEADLINE_EXCEEDED` and closed, so whatever the connection was
/// waiting for (the answer, a write to a peer that stopped reading) ends.
final class RequestDeadline: @unchecked Sendable {
    let error: ProtocolError
    private let lock = NSLock()
    private var firedFlag = false
    private var task: Scheduled<Void>?

    init(channel: any Channel, after timeout: Duration, error: ProtocolError) {
        self.error = error
        task = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) { [self] in
            lock.withLock { firedFlag = true }
            channel.pipeline.fireErrorCaught(error)
            channel.close(promise: nil)
        }
    }

    /// True once the timer went off.
    var fired: Bool { lock.withLock { firedFlag } }

    /// Stops the timer (the answer arrived).
    func cancel() { task?.cancel() }
}
