import Foundation

/// Where a report is written as it is produced: a file (through a small buffer) or memory.
///
/// Writers stream into a sink case by case, so writing a report never holds the whole text: with
/// 100,000 cases the JSON report is tens of MB on disk and a few KB in memory.
public final class ReportSink {
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    /// Everything written, for a sink without a file (tests, small reports).
    public private(set) var data = Data()

    public static let bufferSize = 1 << 16

    /// A sink that keeps what is written in `data`.
    public init() {
        handle = nil
    }

    /// A sink that writes to `handle` (call `flush()` at the end).
    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(Self.bufferSize)
    }

    public func write(_ text: String) throws {
        guard handle != nil else {
            data.append(contentsOf: text.utf8)
            return
        }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    public func write(_ bytes: Data) throws {
        guard handle != nil else {
            data.append(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
