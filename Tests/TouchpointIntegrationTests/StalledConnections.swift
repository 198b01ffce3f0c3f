import Foundation
import NIOCore
import NIOPosix
import TouchpointClient
import TouchpointProtocol

/// Many connections that each announce a frame and stop one byte short of it:
/// the slowloris attack on a framed protocol. Closed by ``close()``.
struct StalledConnections {
    let channels: [any NIOCore.Channel]

    /// Opens `count` connections; each sends a header announcing `announced` bytes and `announced - 1` of them.
    static func open(_ count: Int, announcing announced: Int, to endpoint: Endpoint) async throws -> StalledConnections {
        var header = ByteBuffer()
        header.writeInteger(UInt8(0))
        header.writeInteger(UInt32(announced))
        header.writeRepeatingByte(0x0a, count: announced - 1)
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connectTimeout(.seconds(10))
        var channels: [any NIOCore.Channel] = []
        var writes: [EventLoopFuture<Void>] = []
        for _ in 0..<count {
            guard let channel = try? await bootstrap.connect(host: endpoint.host, port: endpoint.port).get() else { continue }
            channels.append(channel)
            writes.append(channel.writeAndFlush(header))
        }
        // A server that refuses the header closes the connection: those writes fail, and that is fine.
        for write in writes { try? await write.get() }
        return StalledConnections(channels: channels)
    }

    func close() async {
        for channel in channels { try? await channel.close() }
    }

    /// Waits until the server has read every byte sent to it on `port`: no
    /// established server-side socket has unread data (`/proc/net/tcp`).
    static func waitUntilRead(port: Int, within bound: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + bound
        let local = ":" + String(format: "%04X", port)
        while ContinuousClock.now < deadline {
            let table = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
            let unread = table.split(separator: "\n").dropFirst().contains { line in
                let fields = line.split(separator: " ")
                guard fields.count > 4, fields[1].hasSuffix(local), fields[3] == "01" else { return false }
                return !fields[4].hasSuffix(":00000000")
            }
            if !unread { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
