import Conformance
import Foundation
import ImplementationProbes

/// `conformance port-check --exec CMD`: checks an RsaUtils port in any language through its adapter
/// (ADAPTER.md): `hello`, the stored vectors its operations can run, the verdict and the reports.
///
/// Exit codes: 0 compatible, 1 a real incompatibility, 2 usage or adapter-protocol errors (thrown as
/// `PortCheckError`; the adapter's process group is ended on every path).
public enum PortCheck {
    public struct Options: Sendable {
        /// The adapter command, run with `/bin/sh -c` in the current folder.
        public var command: String
        /// Where the reports and the adapter's stderr log go.
        public var reportFolder: URL
        /// The stored vectors (`Vectors/` of the package).
        public var vectorFolder: URL
        /// Longest wait for one answer.
        public var timeoutSeconds: Double

        public init(command: String, reportFolder: URL, vectorFolder: URL, timeoutSeconds: Double = 30) {
            self.command = command
            self.reportFolder = reportFolder
            self.vectorFolder = vectorFolder
            self.timeoutSeconds = timeoutSeconds
        }
    }

    public static func run(_ options: Options, progress: @escaping (String) -> Void = { _ in }) throws -> PortCheckReport {
        let started = Date()
        guard !options.command.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PortCheckError.usage("--exec needs a command")
        }
        do {
            try FileManager.default.createDirectory(at: options.reportFolder, withIntermediateDirectories: true)
        } catch {
            throw PortCheckError.environment("cannot create the report folder \(options.reportFolder.path): \((error as NSError).localizedDescription)")
        }
        // The log is named after the adapter once hello has told its name.
        let startLog = options.reportFolder.appendingPathComponent("port-check-starting-\(getpid()).stderr.log")
        progress("starting the adapter: \(options.command)")
        let port = try AdapterPort(AdapterClient.Options(command: options.command, stderrLog: startLog.path,
                                                         timeoutSeconds: options.timeoutSeconds))
        defer { port.client.kill() }
        let base = PortCheckReportWriter.baseName(adapterName: port.hello.name)
        let log = options.reportFolder.appendingPathComponent(base + ".stderr.log")
        if rename(startLog.path, log.path) != 0 { try? FileManager.default.removeItem(at: startLog) }
        progress("adapter \(port.hello.name) \(port.hello.version): \(port.hello.ops.joined(separator: ", "))")

        progress("probing the port (profile and matrix, as java-check)")
        let implementation = AdapterImplementation(port: port, command: options.command)
        let profile = try ImplementationCheck.run(implementation, options: ProbeOptions(probePlatformCharset: false),
                                                  progress: progress)

        let runner = PortVectorRunner(port: port, progress: progress)
        runner.portKeySize = profile.keySource == "class" ? profile.keySize : nil
        runner.keyFormat = implementation.keyFormat
        if implementation.keyFormat != PortKeyFormat() {
            runner.notes.append("its keys are \(implementation.keyFormat.description): port-check hands it every key (Swift-made, "
                + "stored vectors) the same way; the platform and the servers it talks to exchange RsaUtils Base64 strings, which the port must then convert")
        }
        try runner.run(folder: options.vectorFolder)
        try port.finish()

        let vectors = PortVectorReport(outcomes: runner.outcomes, notes: runner.notes)
        var report = PortCheckReport(profile: profile, hello: port.hello, command: options.command, vectors: vectors)
        report.stderrLog = log.path
        report.adapterExit = port.client.exitStatus
        report.requests = port.client.requestCount
        report.conclude()
        report.profile.durationSeconds = (Date().timeIntervalSince(started) * 1000).rounded() / 1000
        return report
    }
}
