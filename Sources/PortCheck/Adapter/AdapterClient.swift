import Foundation
import OneLineText
import JavaOracle
import RSA
import StrictJSON

/// JSON values on the adapter protocol (StrictJSON: the strict RFC 8259 codec of the whole package).
public typealias PortJSON = JSONValue

/// The `hello` answer: who the adapter is and which operations its port has.
public struct AdapterHello: Sendable, Equatable {
    public let name: String
    public let version: String
    public let ops: [String]
    /// Every field of the answer except `id` and `ok`, as sent (reported as `adapter`).
    let fields: JSONObject

    public func has(_ op: AdapterOp) -> Bool { ops.contains(op.rawValue) }

    /// Listed names that are not operations of ADAPTER.md (ignored; reported).
    public var unknownOps: [String] { ops.filter { AdapterOp(rawValue: $0) == nil } }
}

/// The operations of ADAPTER.md.
public enum AdapterOp: String, CaseIterable, Sendable {
    case hello, md5, genKeyPair, sign, verify, encryptByPublicKey, decryptByPrivateKey
    case encryptByPrivateKey, decryptByPublicKey, tokenSign, numberCheckRequest
}

/// The checker's side of ADAPTER.md: starts the adapter, sends one JSON line per request with an
/// increasing `id`, reads one line per answer within the timeout, and checks it strictly (JSON
/// object, same `id`, boolean `ok`). Any breach kills the adapter's process group and throws
/// `PortCheckError.adapter` with a message that quotes the first 200 bytes read.
public final class AdapterClient {
    public struct Options: Sendable {
        public var command: String
        /// File receiving the adapter's stderr.
        public var stderrLog: String
        /// Longest wait for one answer (`--timeout`).
        public var timeoutSeconds: Double
        /// Longest answer line accepted.
        public var maxLineBytes: Int
        /// How long the adapter may take to exit once its stdin is closed.
        public var graceSeconds: Double

        public init(command: String, stderrLog: String, timeoutSeconds: Double = 30,
                    maxLineBytes: Int = 16 << 20, graceSeconds: Double? = nil) {
            self.command = command
            self.stderrLog = stderrLog
            self.timeoutSeconds = timeoutSeconds
            self.maxLineBytes = maxLineBytes
            self.graceSeconds = graceSeconds ?? min(5, timeoutSeconds)
        }
    }

    /// An answer with `ok: true` (its fields) or `ok: false` (the port's one-line error).
    public enum Answer: Sendable, Equatable {
        case ok(JSONObject)
        case refused(String)
    }

    public let options: Options
    private let process: AdapterProcess
    private var nextID = 1
    private var failure: PortCheckError?
    /// How `sh` ended, once `finish` ran.
    public private(set) var exitStatus: String?

    public init(_ options: Options) throws {
        self.options = options
        process = try AdapterProcess(command: options.command, stderrLog: options.stderrLog)
    }

    deinit {
        process.killGroup()
    }

    /// Requests answered so far.
    public var requestCount: Int { nextID - 1 }

    /// The adapter's process id (= its process group id).
    public var processIdentifier: Int32 { process.pid }

    /// Sends `{"id":N,"op":op,...}` and returns the checked answer.
    public func call(_ op: AdapterOp, _ fields: JSONObject = [:]) throws -> Answer {
        if let failure { throw failure }
        let id = nextID
        nextID += 1
        var request = fields
        request["id"] = .int(id)
        request["op"] = .string(op.rawValue)
        let what = "request \(id) (\(op.rawValue))"
        let deadline = Date().addingTimeInterval(options.timeoutSeconds)
        let line: [UInt8]
        do {
            do {
                try process.writeLine(JSONSerializer.protocolLine.bytes(.object(request)), deadline: deadline)
            } catch AdapterProcess.IOFailure.inputClosed {
                // It stopped reading (it exited, or closed stdin): what it printed before is still
                // judged as its answer, so "printed a banner and exited" reads "not JSON: <banner>".
                _ = process.exitStatus(waitingUpTo: 0.2)
            }
            line = try process.readLine(deadline: min(deadline, Date().addingTimeInterval(process.hasExited ? 0.5 : options.timeoutSeconds)),
                                        maxBytes: options.maxLineBytes)
        } catch let io as AdapterProcess.IOFailure {
            throw fail(message(io, what: what))
        }
        let value: PortJSON
        do {
            value = try JSONParser(maximumBytes: max(options.maxLineBytes, JSONParser.defaultMaximumBytes)).parse(line)
        } catch {
            throw fail("the answer to \(what) is not JSON (\(error)): \(OneLineText.quoted(bytes: line))")
        }
        guard case .object(let answer) = value else {
            throw fail("the answer to \(what) is not a JSON object: \(OneLineText.quoted(bytes: line))")
        }
        // `1.0` is the same number as `1` (JavaScript and some JSON writers print integers that way).
        guard answer["id"]?.intValue == id else {
            let got = answer["id"].map { "id \($0)" } ?? "no id"
            throw fail("the answer to \(what) has \(got), expected \(id): \(OneLineText.quoted(bytes: line))")
        }
        switch answer["ok"] {
        case .bool(true):
            return .ok(answer)
        case .bool(false):
            let error = answer["error"]?.stringValue ?? answer["error"].map(\.description) ?? "(no error message)"
            return .refused(error.split(whereSeparator: \.isNewline).joined(separator: " "))
        default:
            throw fail("the answer to \(what) has no boolean \"ok\": \(OneLineText.quoted(bytes: line))")
        }
    }

    /// `hello`: must be answered with ok and an `ops` list of strings.
    public func hello() throws -> AdapterHello {
        switch try call(.hello) {
        case .refused(let error):
            throw fail("refused hello: \(OneLineText.quoted(prefixOf: error))")
        case .ok(var fields):
            fields["id"] = nil
            fields["ok"] = nil
            guard case .array(let list)? = fields["ops"] else {
                throw fail("the hello answer has no \"ops\" list: \(OneLineText.quoted(prefixOf: PortJSON.object(fields).description))")
            }
            var ops: [String] = []
            for item in list {
                guard let name = item.stringValue else {
                    throw fail("the hello answer's \"ops\" holds \(item), not only strings")
                }
                ops.append(name)
            }
            return AdapterHello(name: fields["name"].flatMap(Self.text) ?? "(unnamed)",
                                version: fields["version"].flatMap(Self.text) ?? "(no version)",
                                ops: ops, fields: fields)
        }
    }

    /// The normal end (ADAPTER.md): stdin closed, the grace period, then the whole process group
    /// ended. Throws when the adapter did not exit by itself or left processes running.
    public func finish() throws {
        if let failure { throw failure }
        let ending = process.finish(grace: options.graceSeconds)
        exitStatus = ending.status
        if !ending.exitedInTime {
            throw fail("did not exit within \(Self.seconds(options.graceSeconds)) after its stdin was closed; its process group was killed")
        }
        if ending.leftoversKilled {
            throw fail("exited but left processes running in its process group; they were killed")
        }
    }

    /// Ends the adapter at once (its whole process group). Safe to call more than once.
    public func kill() {
        process.killGroup()
    }

    // MARK: - Errors

    /// Records a breach found by the caller (e.g. a missing answer field), ends the adapter and
    /// returns the error to throw.
    func violation(_ message: String) -> PortCheckError { fail(message) }

    /// Records the breach, ends the adapter and returns the error to throw.
    private func fail(_ message: String) -> PortCheckError {
        let error = PortCheckError.adapter(message)
        if failure == nil { failure = error }
        process.killGroup()
        return failure ?? error
    }

    private func message(_ failure: AdapterProcess.IOFailure, what: String) -> String {
        let seconds = Self.seconds(options.timeoutSeconds)
        switch failure {
        case .timedOut(let partial):
            return "no answer to \(what) within \(seconds) (--timeout); read: \(OneLineText.quoted(bytes: partial))"
        case .endOfOutput(let partial):
            if let status = process.exitStatus(waitingUpTo: 1) {
                return "exited before answering \(what) (\(status)); read: \(OneLineText.quoted(bytes: partial)); \(stderrHint)"
            }
            return "closed its stdout before answering \(what); read: \(OneLineText.quoted(bytes: partial)); its stderr is in \(options.stderrLog)"
        case .inputClosed(let reason):
            // Writing failed because it is gone: the same message as when its output ends.
            if let status = process.exitStatus(waitingUpTo: 1) {
                return "exited before answering \(what) (\(status)); read: \(OneLineText.quoted(bytes: process.pendingOutput())); \(stderrHint)"
            }
            return "cannot send \(what): \(reason); its stderr is in \(options.stderrLog)"
        case .oversize(let partial):
            return "the answer to \(what) is longer than \(options.maxLineBytes) bytes without a newline; it begins \(OneLineText.quoted(bytes: partial))"
        case .writeTimedOut:
            return "did not read \(what) from its stdin within \(seconds) (--timeout)"
        }
    }

    /// Where its stderr is, with its last line (usually why it died: "php: not found", a stack trace's end).
    private var stderrHint: String {
        var hint = "its stderr is in \(options.stderrLog)"
        if let handle = FileHandle(forReadingAtPath: options.stderrLog) {
            defer { try? handle.close() }
            let size = (try? handle.seekToEnd()) ?? 0
            try? handle.seek(toOffset: size > 4096 ? size - 4096 : 0)
            let tail = (try? handle.readToEnd()) ?? Data()
            if let last = tail.split(separator: 0x0a).last(where: { !$0.allSatisfy { $0 == 0x20 || $0 == 0x0d } }) {
                hint += ", ending \(OneLineText.quoted(bytes: Array(last)))"
            }
        }
        return hint
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private static func text(_ value: PortJSON) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let number): return number.text
        default: return nil
        }
    }
}
