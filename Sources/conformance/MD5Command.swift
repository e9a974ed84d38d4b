import ArgumentParser
import Foundation
import MD5

/// `conformance md5`: MD5 of hex, a UTF-8 string, a file or stdin, as lowercase hex.
struct MD5Command: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "md5", abstract: "MD5 of the input, lowercase hex.")

    @Option(name: .customLong("data-hex"), parsing: .unconditional, help: "Input as hexadecimal.")
    var dataHex: String?

    @Option(name: .customLong("data"), parsing: .unconditional, help: "Input as a UTF-8 string (must be valid UTF-8).")
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
            md5.update(try RawArguments.utf8Value(data, option: "--data"))
        } else {
            var fd: Int32 = 0  // standard input
            if let file {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
                    throw CLIFailure.usage("'\(file)' is a folder, not a file")
                }
                // A device such as /dev/zero or /dev/urandom never ends: refused (a pipe or /dev/stdin is fine).
                var info = stat()
                if stat(file, &info) == 0, [S_IFCHR, S_IFBLK].contains(info.st_mode & S_IFMT), file != "/dev/null" {
                    throw CLIFailure.usage("'\(file)' is a device, not a file (pipe it to standard input to hash a stream)")
                }
                fd = open(file, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { throw CLIFailure.usage("cannot read file '\(file)' (\(String(cString: strerror(errno))))") }
            }
            defer { if file != nil { close(fd) } }
            let name = file.map { "'\($0)'" } ?? "standard input"
            if let error = FileDigest.update(&md5, from: fd) {
                throw CLIFailure.usage("cannot read \(name): \(error)")
            }
        }
        print(md5.finalize().hexString)
    }
}

/// Streams a file descriptor through MD5 with read(2) into one reused buffer: large reads, no copy
/// into `Data`, no allocation per chunk. (Not mmap: a file truncated while mapped would crash the
/// process with SIGBUS instead of giving an error.)
enum FileDigest {
    static let chunk = 1 << 20

    /// Nil when the whole input was read; else the reason (e.g. "Is a directory").
    static func update(_ md5: inout MD5, from fd: Int32) -> String? {
        #if os(Linux)
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 64)
        defer { buffer.deallocate() }
        while true {
            let got = read(fd, buffer, chunk)
            if got == 0 { return nil }
            if got < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            md5.update(UnsafeRawBufferPointer(start: buffer, count: got))
        }
    }
}

/// One line for a Foundation I/O error: the POSIX reason when there is one (e.g. "Is a directory").
enum IOErrorText {
    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}
