import Foundation

/// A throwaway certificate authority and a server certificate for 127.0.0.1 and
/// localhost, made with the `openssl` command at test time (never checked in).
struct TestCertificates {
    let directory: String
    var caFile: String { directory + "/ca.pem" }
    var certificateFile: String { directory + "/server.pem" }
    var keyFile: String { directory + "/server.key" }
    var clientCertificateFile: String { directory + "/client.pem" }
    var clientKeyFile: String { directory + "/client.key" }

    /// Makes a CA and a server certificate it signed in a fresh temporary directory.
    static func make(_ label: String = "tls") throws -> TestCertificates {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tp-\(label)-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let certificates = TestCertificates(directory: directory)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try openssl(["req", "-x509"] + ec + [
            "-keyout", directory + "/ca.key", "-out", certificates.caFile, "-days", "2", "-subj", "/CN=Touchpoint test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
        try certificates.sign("server", subject: "/CN=localhost", extensions: "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth")
        try certificates.sign("client", subject: "/CN=laptop", extensions: "extendedKeyUsage=clientAuth")
        return certificates
    }

    /// Makes `NAME.key` and `NAME.pem`, signed by the CA.
    private func sign(_ name: String, subject: String, extensions: String) throws {
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try Self.openssl(["req"] + ec + ["-keyout", "\(directory)/\(name).key", "-out", "\(directory)/\(name).csr", "-subj", subject])
        try "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n\(extensions)\n"
            .write(toFile: "\(directory)/\(name).ext", atomically: true, encoding: .utf8)
        try Self.openssl([
            "x509", "-req", "-in", "\(directory)/\(name).csr", "-CA", caFile, "-CAkey", directory + "/ca.key",
            "-CAcreateserial", "-out", "\(directory)/\(name).pem", "-days", "2", "-extfile", "\(directory)/\(name).ext",
        ])
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ProcessError("openssl \(arguments.first ?? "") failed") }
    }
}
