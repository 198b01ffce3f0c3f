import Logging
import NIOConcurrencyHelpers
import NIOCore

/// Counts open connections, in all and per peer address, and admits a new one
/// only under both caps; a connection gives its slot back when it closes.
///
/// The global cap never exceeds what the open-file limit leaves after
/// ``FileDescriptorLimit/reserved``: the server refuses a connection before it
/// could run out of descriptors, so accepting never stalls and the store can
/// always open its files.
final class ConnectionLimiter: Sendable {
    private struct Counts {
        var total = 0
        var perPeer: [String: Int] = [:]
    }

    let maxConnections: Int
    let maxPerPeer: Int
    /// Where open and refused connections are counted.
    let metrics: ServerMetrics
    private let counts = NIOLockedValueBox(Counts())

    init(maxConnections: Int, maxPerPeer: Int, metrics: ServerMetrics) {
        self.maxConnections = maxConnections
        self.maxPerPeer = maxPerPeer
        self.metrics = metrics
    }

    /// The caps of `configuration`, the global one lowered to fit the open-file limit.
    convenience init(_ configuration: SyncServer.Configuration, metrics: ServerMetrics, logger: Logger) {
        let descriptors = FileDescriptorLimit.current
        let room = max(1, descriptors - FileDescriptorLimit.reserved)
        if room < configuration.maxConnections {
            logger.warning(
                "connection cap lowered to fit the open-file limit",
                metadata: ["max_connections": "\(room)", "configured": "\(configuration.maxConnections)", "open_files": "\(descriptors)"])
        }
        self.init(maxConnections: min(configuration.maxConnections, room), maxPerPeer: configuration.maxConnectionsPerPeer, metrics: metrics)
    }

    /// Takes a slot for `channel` until it closes; nil when admitted, else why it is refused.
    func admit(_ channel: any Channel) -> String? {
        let peer = channel.remoteAddress?.ipAddress ?? "?"
        let refusal: String? = counts.withLockedValue { counts in
            if counts.total >= maxConnections { return "\(maxConnections) connections open" }
            if counts.perPeer[peer, default: 0] >= maxPerPeer { return "\(maxPerPeer) connections open from \(peer)" }
            counts.total += 1
            counts.perPeer[peer, default: 0] += 1
            return nil
        }
        if refusal == nil {
            metrics.connectionOpened()
            channel.closeFuture.whenComplete { _ in self.release(peer) }
        } else {
            metrics.connectionRefused()
        }
        return refusal
    }

    private func release(_ peer: String) {
        metrics.connectionClosed()
        counts.withLockedValue { counts in
            counts.total -= 1
            let left = counts.perPeer[peer, default: 1] - 1
            counts.perPeer[peer] = left > 0 ? left : nil
        }
    }
}
