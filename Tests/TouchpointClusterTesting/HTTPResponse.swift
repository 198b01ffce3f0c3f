import Foundation
import NIOCore
import NIOPosix

/// One plain HTTP/1.1 GET over a real socket, read to the server's close: enough to
/// scrape the metrics endpoint without URLSession (not on every Linux install).
package struct HTTPResponse: Sendable {
    /// The status code, e.g. 200.
    package var status: Int
    /// The body, after the blank line ending the headers.
    package var body: String

    /// Sends `GET path` to `host:port` with `Connection: close` and reads the whole answer.
    package static func get(_ path: String, host: String = "127.0.0.1", port: Int) async throws -> HTTPResponse {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let raw = try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n"))
            var text = ""
            for try await chunk in inbound { text += String(buffer: chunk) }
            return text
        }
        return try HTTPResponse(parsing: raw)
    }

    /// Splits a raw answer into its status code and body.
    package init(parsing raw: String) throws {
        guard let statusLine = raw.split(separator: "\r\n", maxSplits: 1).first,
            let code = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }),
            let blank = raw.range(of: "\r\n\r\n")
        else { throw MalformedHTTP(raw: raw) }
        status = code
        body = String(raw[blank.upperBound...])
    }

    /// An answer that is not HTTP.
    package struct MalformedHTTP: Error, CustomStringConvertible {
        let raw: String
        package var description: String { "not an HTTP response: \(raw.prefix(80))" }
    }
}
