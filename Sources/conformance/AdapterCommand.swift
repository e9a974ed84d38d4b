import ArgumentParser
import Foundation
import PortCheck

/// `conformance adapter`: this project's Swift RsaUtils as a port-check adapter (ADAPTER.md): one
/// JSON request per stdin line, one JSON answer per stdout line, until stdin ends.
struct AdapterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adapter",
        abstract: "Serve the Swift RsaUtils over the port-check adapter protocol (stdin/stdout JSON lines).",
        discussion: "The reference adapter: `conformance port-check --exec 'conformance adapter'` checks the Swift library itself.")

    func run() throws {
        let output = FileHandle.standardOutput
        while let line = readLine(strippingNewline: true) {
            let answer = SwiftReferenceAdapter.answer(line: Array(line.utf8))
            do {
                try output.write(contentsOf: Data((answer + "\n").utf8))
            } catch {
                // The checker closed the pipe: nothing left to answer.
                return
            }
        }
    }
}
