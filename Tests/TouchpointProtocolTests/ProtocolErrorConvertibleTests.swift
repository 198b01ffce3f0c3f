import Testing
import TouchpointModel
import TouchpointProtocol

/// Errors become wire errors in one place, ``ProtocolError/init(converting:)``.
@Suite struct ProtocolErrorConvertibleTests {
    struct Unexpected: Error, CustomStringConvertible {
        var description: String { "SQLite error 1: no such table: changes - while executing `SELECT * FROM changes`" }
    }

    struct Refusal: ProtocolErrorConvertible {
        var protocolErrorCode: ProtocolError.Code { .failedPrecondition }
        var protocolErrorMessage: String { "the conflict was already resolved" }
    }

    @Test func aProtocolErrorStaysAsItIs() {
        let error = ProtocolError(.resourceExhausted, "batch too big", details: ["limit": "1000"], retryAfter: .seconds(1))
        #expect(ProtocolError(converting: error) == error)
    }

    @Test func aConvertibleErrorSaysItsOwnCodeAndMessage() {
        let converted = ProtocolError(converting: Refusal())
        #expect(converted.code == .failedPrecondition)
        #expect(converted.message == "the conflict was already resolved")
        #expect(converted.details.isEmpty)
        #expect(converted.cause is Refusal)
    }

    @Test func aValidationErrorIsTheClientsToFix() {
        let converted = ProtocolError(converting: ValidationError(field: "feedback.score", message: "NPS score must be 0–10, got 11"))
        #expect(converted.code == .invalidArgument)
        #expect(converted.message == "feedback.score: NPS score must be 0–10, got 11")
        #expect(converted.details == ["field": "feedback.score"])
    }

    @Test func anyOtherErrorIsAGenericInternalErrorKeptOnlyAsTheCause() {
        let converted = ProtocolError(converting: Unexpected())
        #expect(converted.code == .internal)
        #expect(converted.message == ProtocolError.internalMessage)
        #expect(!converted.wire(fatal: false).message.contains("SQLite"))
        #expect(converted.cause is Unexpected, "the log still has it")
    }
}
