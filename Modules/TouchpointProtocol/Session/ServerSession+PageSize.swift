extension ServerSession {
    /// How many changes a pull page may hold: what the request asks for (0: as
    /// many as the limits allow), never more than the client announced in Hello
    /// (`max_page_changes`) nor the server's own cap (PROTOCOL.md §5, §8).
    public func pageSize(asked: UInt32, server: ProtocolLimits) -> Int {
        let cap = min(handshake.clientLimits.maxPageChanges, server.maxPageChanges)
        return asked == 0 ? cap : min(Int(asked), cap)
    }
}
