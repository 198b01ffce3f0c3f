import Foundation
import Testing
import TouchpointModel

/// The fast id text codec agrees with Foundation's, byte for byte, and refuses what Foundation refuses.
@Suite struct UUIDTextTests {
    @Test func formatsAndParsesLikeFoundation() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let id = UUID()
            #expect(id.lowercasedText == id.uuidString.lowercased())
            #expect(UUID(text: id.lowercasedText) == id)
            #expect(UUID(text: id.uuidString) == id, "upper case parses like Foundation's")
            _ = random.next()
        }
    }

    @Test(arguments: [
        "", "0b6c2f4e-1d3a-4c5b-8e7f-9a0b1c2d3e4", "0b6c2f4e-1d3a-4c5b-8e7f-9a0b1c2d3e4ff", "0b6c2f4e_1d3a-4c5b-8e7f-9a0b1c2d3e4f",
        "0b6c2f4e-1d3a-4c5b-8e7f-9a0b1c2d3e4g", "0b6c2f4e1d3a-4c5b-8e7f-9a0b1c2d3e4f-", "ü0b6c2f4e-1d3a-4c5b-8e7f-9a0b1c2d3e4",
    ])
    func refusesWhatFoundationRefuses(text: String) {
        #expect(UUID(text: text) == nil)
        #expect(UUID(uuidString: text) == nil)
    }
}
