import ArgumentParser
import Conformance
import JavaOracle
import Foundation

/// `conformance vectors regenerate`: rewrites the stored vector files with the JDK
/// (compiles Oracles/java/src, runs `rsautils.vectors.VectorGen <dir>`).
struct VectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vectors", abstract: "Maintain the stored test vectors.", subcommands: [Regenerate.self])

    struct Regenerate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Regenerate Vectors/*.json from the JDK through the Java oracle's vector generator.")

        @Option(help: "Output folder (default: Vectors/ of the package).")
        var output: String?

        func run() throws {
            let toolchain: JavaToolchain
            do { toolchain = try JavaToolchain.locate() } catch { throw CLIFailure.usage("\(error)") }
            let folder = output ?? toolchain.packageRoot + "/Vectors"
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CLIFailure.usage("--output: '\(folder)' is not a folder")
            }
            let status: Int32
            do {
                status = try toolchain.runMain(className: "rsautils.vectors.VectorGen", arguments: [folder])
            } catch {
                throw CLIFailure.usage("\(error)")
            }
            guard status == 0 else { throw CLIFailure("the vector generator exited with status \(status)") }
        }
    }
}
