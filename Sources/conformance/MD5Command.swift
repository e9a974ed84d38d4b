import ArgumentParser
import Foundation
import MD5

/// `conformance md5`: MD5 of hex, a UTF-8 string, a file or stdin, as lowercase hex.
struct MD5Command: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "md5", abstract: "MD5 of the input, lowercase hex.")

    @Option(name: .customLong("data-hex"), help: "Input as hexadecimal.")
    var dataHex: String?

    @Option(name: .customLong("data"), help: "Input as a UTF-8 string.")
    var data: String?

    @Option(name: .customLong("file"), help: "Input file (read in streaming fashion).")
    var file: String?

    func validate() throws {
        if [dataHex, data, file].compactMap({ $0 }).count > 1 {
            throw ValidationError("give at most one of --data-hex, --data, --file")
        }
    }

    func run() throws {
        var md5 = MD5()
        if let dataHex {
            md5.update(try HexInput.decode(dataHex, option: "--data-hex"))
        } else if let data {
            md5.update(Array(data.utf8))
        } else {
            let handle: FileHandle
            if let file {
                guard let h = FileHandle(forReadingAtPath: file) else {
                    throw CLIFailure.usage("cannot read file '\(file)'")
                }
                handle = h
            } else {
                handle = FileHandle.standardInput
            }
            while true {
                let chunk = handle.readData(ofLength: 1 << 20)
                if chunk.isEmpty { break }
                chunk.withUnsafeBytes { md5.update($0) }
            }
        }
        print(md5.finalize().hexString)
    }
}
