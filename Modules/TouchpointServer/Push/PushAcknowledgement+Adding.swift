import TouchpointProtocol

extension PushAcknowledgement {
    /// Adds the answer to a later part of the same batch (a batch applied one entry at a time).
    package mutating func add(_ later: PushAcknowledgement) {
        ackedSequence = max(ackedSequence, later.ackedSequence)
        applied += later.applied
        duplicates += later.duplicates
        conflicts += later.conflicts
        rejected += later.rejected
        sequenceHead = max(sequenceHead, later.sequenceHead)
    }
}
