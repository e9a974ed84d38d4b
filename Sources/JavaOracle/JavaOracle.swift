import Foundation
import ProcessGroups
import RSA
import StrictJSON

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A client of the Java oracle bridge (`rsautils.oracle.OracleBridge`): one JVM, many requests,
/// one JSON line each way (protocol table in docs/DESIGN.md).
///
/// Thread-safe: calls are serialised by a lock (the bridge answers in order). The JVM's stderr goes
/// to a log file under `.build/java-oracle/` by default, never to the terminal unless asked.
///
/// Answers travel on a private channel, not the JVM's stdout: a FIFO the bridge opens before any user
/// code runs and whose name is removed as soon as both ends are open; the JVM's stdout (fd 1, where
/// `FileDescriptor.out` and a stray `System.out` write land) goes to the stderr log. The JVM runs as
/// its own process group (`ChildProcessGroup`): ended with everything it started on a timeout, on
/// `close()`, on every exit of the tool and on SIGINT/SIGTERM/SIGHUP.
public final class JavaOracle: @unchecked Sendable {
    /// Where the bridge JVM's stderr goes.
    public enum ErrorOutput: Sendable, Equatable {
        /// `<root>/.build/java-oracle/bridge-stderr.log` (appended; reset when over 1 MB).
        case logFile
        /// A file of the caller's choice (appended).
        case file(String)
        /// /dev/null.
        case discard
        /// This process's stderr.
        case inherit
    }

    public struct Hello: Sendable, Equatable {
        public let java: String
        public let commonsCodec: String
        public let charset: String

        public init(java: String, commonsCodec: String, charset: String) {
            self.java = java
            self.commonsCodec = commonsCodec
            self.charset = charset
        }
    }

    /// RsaUtils key strings (Base64 of X.509 SubjectPublicKeyInfo / PKCS#8 DER).
    public struct KeyPair: Sendable, Equatable {
        public let publicKey: String
        public let privateKey: String

        public init(publicKey: String, privateKey: String) {
            self.publicKey = publicKey
            self.privateKey = privateKey
        }
    }

    /// What the JDK read from a public key string. Integers are two's complement big-endian bytes.
    public struct PublicKeyInfo: Sendable, Equatable {
        public let modulus: [UInt8]
        public let publicExponent: [UInt8]
        /// `getEncoded()`: X.509 SubjectPublicKeyInfo DER.
        public let der: [UInt8]
        /// Bit length of the modulus (1024 for a default RsaUtils key).
        public var modulusBitCount: Int { JavaOracle.bitCount(modulus) }
    }

    /// What the JDK read from a private key string. CRT fields are nil for a key without them.
    public struct PrivateKeyInfo: Sendable, Equatable {
        public let modulus: [UInt8]
        public let publicExponent: [UInt8]?
        public let privateExponent: [UInt8]
        public let prime1: [UInt8]?
        public let prime2: [UInt8]?
        public let exponent1: [UInt8]?
        public let exponent2: [UInt8]?
        public let coefficient: [UInt8]?
        /// `getEncoded()`: PKCS#8 DER.
        public let der: [UInt8]
        public var modulusBitCount: Int { JavaOracle.bitCount(modulus) }
    }

    private enum State {
        case running
        case dead(JavaOracleError)
        case closed
    }

    public let toolchain: JavaToolchain
    public let build: JavaToolchain.Build
    /// The file receiving the JVM's stderr, when it goes to a file.
    public let stderrLog: String?

    private let lock = NSLock()
    private let process: Process
    private let group: ChildProcessGroup?
    private let stdinPipe: Pipe
    /// Read end of the answer FIFO (non-blocking).
    private let answerFD: Int32
    private var state = State.running
    private var nextID = 1
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    private var timeoutSeconds: Double = 300
    /// The bridge has opened the answer channel (EOF before that does not mean it died).
    private var connected = false

    /// Finds the toolchain (see `JavaToolchain.locate`) and starts a bridge.
    public convenience init(packageRoot: String? = nil, errorOutput: ErrorOutput = .logFile) throws {
        try self.init(toolchain: JavaToolchain.locate(packageRoot: packageRoot), errorOutput: errorOutput)
    }

    /// Compiles the oracle if needed and starts one bridge JVM.
    /// - Parameters:
    ///   - jvmArguments: extra `java` options (e.g. `-Dfile.encoding=GBK` to test the platform charset).
    ///   - environment: the JVM's environment; nil inherits this process's.
    public init(toolchain: JavaToolchain, errorOutput: ErrorOutput = .logFile,
                jvmArguments: [String] = [], environment: [String: String]? = nil) throws {
        JavaOracle.ignoreSIGPIPE
        self.toolchain = toolchain
        let build = try toolchain.compile()
        self.build = build

        let channel = try AnswerChannel(folder: toolchain.buildRoot)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: toolchain.java)
        process.arguments = ["-XX:+UseSerialGC"] + jvmArguments
            + ["-cp", build.classpath, "rsautils.oracle.OracleBridge", "--answers", channel.path]
        if let environment { process.environment = environment }
        let stdinPipe = Pipe()
        process.standardInput = stdinPipe

        var errorHandle: FileHandle?
        switch errorOutput {
        case .logFile:
            let path = toolchain.buildRoot + "/bridge-stderr.log"
            errorHandle = try JavaOracle.openLog(path, resetAbove: 1 << 20)
            stderrLog = path
        case .file(let path):
            errorHandle = try JavaOracle.openLog(path, resetAbove: nil)
            stderrLog = path
        case .discard:
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            stderrLog = nil
        case .inherit:
            // Stray stdout writes of user code go to this tool's stderr, never to its stdout.
            process.standardOutput = FileHandle.standardError
            stderrLog = nil
        }
        if let errorHandle {
            process.standardError = errorHandle
            process.standardOutput = errorHandle
        }

        do {
            try process.run()
        } catch {
            try? errorHandle?.close()
            channel.remove()
            throw JavaOracleError.launchFailed(executable: toolchain.java, reason: error.localizedDescription)
        }
        let group = ChildProcessGroup(process: process)
        try? errorHandle?.close()
        // Drop this process's copy of the child's stdin read end.
        try? stdinPipe.fileHandleForReading.close()
        self.process = process
        self.group = group
        self.stdinPipe = stdinPipe
        self.answerFD = channel.readFD
        // The bridge opens the FIFO first thing and says it is ready; then the name goes away, so
        // user code loaded later cannot open it.
        defer { channel.remove() }
        let ready: [UInt8]
        do {
            ready = try receiveLine(op: "start-up", timeout: JavaOracle.startupTimeout)
        } catch {
            throw error
        }
        guard ready == Array(JavaOracle.readyLine.utf8) else {
            close()
            throw JavaOracleError.badAnswer("the bridge did not start with its ready line")
        }
    }

    /// The bridge's first line on the answer channel.
    static let readyLine = "{\"ready\":true}"
    /// Longest wait for the JVM to start and open the answer channel.
    static let startupTimeout: Double = 120

    deinit {
        close()
    }

    /// The bridge JVM's process id.
    public var processIdentifier: Int32 { process.processIdentifier }

    // MARK: - Generic call

    /// Sends `{"id":N,"op":op,...fields}` and returns the answer's fields (including `id` and `ok`).
    /// Throws `JavaOracleError.javaException` on `ok:false`, `.bridgeExited` when the JVM is gone.
    @discardableResult
    public func call(_ op: String, _ fields: JSONObject = [:]) throws -> JSONObject {
        lock.lock()
        defer { lock.unlock() }
        switch state {
        case .running: break
        case .dead(let error): throw error
        case .closed: throw JavaOracleError.closed
        }
        let id = nextID
        nextID += 1
        var request = fields
        request["id"] = .int(id)
        request["op"] = .string(op)
        try send(JSONSerializer.protocolLine.string(.object(request)))
        let line = try receiveLine(op: op)

        return try Self.answer(line, op: op, id: id)
    }

    /// The fields of the bridge's answer `line` to request `id` (`op`), checked: a JSON object with
    /// that `id` and `ok: true`. A lone surrogate escape (a user method's unpaired UTF-16, which the
    /// bridge writes as `\uD800`) is a `badAnswer` whose text names the surrogate: JavaCheck tells
    /// it apart from a broken bridge by that word.
    static func answer(_ line: [UInt8], op: String, id: Int) throws -> JSONObject {
        let answer: JSONValue
        do {
            answer = try JSONParser().parse(line)
        } catch {
            throw JavaOracleError.badAnswer("invalid JSON (\(error)) in answer to \(op)")
        }
        guard case .object(let object) = answer else {
            throw JavaOracleError.badAnswer("answer to \(op) is not a JSON object")
        }
        guard object["id"]?.intValue == id else {
            throw JavaOracleError.badAnswer("answer to \(op) has id \(object["id"]?.description ?? "none"), expected \(id)")
        }
        switch object["ok"] {
        case .bool(true):
            return object
        case .bool(false):
            throw JavaOracleError.javaException(object["error"]?.stringValue ?? "unknown error")
        default:
            throw JavaOracleError.badAnswer("answer to \(op) has no boolean \"ok\"")
        }
    }

    /// Asks the bridge to quit and waits for the JVM (at most a few seconds, then terminates it).
    /// Later calls throw `JavaOracleError.closed`. Safe to call more than once.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        if case .running = state {
            let id = nextID
            nextID += 1
            if (try? send("{\"id\":\(id),\"op\":\"quit\"}")) != nil {
                _ = try? receiveLine()
            }
        }
        if case .closed = state { return }
        state = .closed
        try? stdinPipe.fileHandleForWriting.close()
        reap()
        Glibc.close(answerFD)
    }

    // MARK: - Typed operations

    public func hello() throws -> Hello {
        let a = try call("hello")
        return Hello(java: try Self.string(a, "java", "hello"),
                     commonsCodec: try Self.string(a, "commonsCodec", "hello"),
                     charset: try Self.string(a, "charset", "hello"))
    }

    /// `KeyPairGenerator("RSA")` with `bits`; keys as RsaUtils strings.
    /// A JDK key pair; with `seed`, the JDK draws from a SHA1PRNG seeded with it (replayable cross-checks).
    public func keygen(bits: Int = 1024, seed: [UInt8]? = nil) throws -> KeyPair {
        var fields: JSONObject = ["bits": .int(bits)]
        if let seed { fields["seed"] = .string(Self.hexString(seed)) }
        let a = try call("keygen", fields)
        return KeyPair(publicKey: try Self.string(a, "publicKey", "keygen"),
                       privateKey: try Self.string(a, "privateKey", "keygen"))
    }

    /// Parses a public key string the RsaUtils way (commons-codec Base64 + X509EncodedKeySpec).
    public func parsePublicKey(_ key: String) throws -> PublicKeyInfo {
        let a = try call("parsePublicKey", ["key": .string(key)])
        let op = "parsePublicKey"
        return PublicKeyInfo(modulus: try Self.hex(a, "modulus", op),
                             publicExponent: try Self.hex(a, "publicExponent", op),
                             der: try Self.hex(a, "der", op))
    }

    /// Parses a private key string the RsaUtils way (commons-codec Base64 + PKCS8EncodedKeySpec).
    public func parsePrivateKey(_ key: String) throws -> PrivateKeyInfo {
        let a = try call("parsePrivateKey", ["key": .string(key)])
        let op = "parsePrivateKey"
        return PrivateKeyInfo(modulus: try Self.hex(a, "modulus", op),
                              publicExponent: try Self.optionalHex(a, "publicExponent", op),
                              privateExponent: try Self.hex(a, "privateExponent", op),
                              prime1: try Self.optionalHex(a, "prime1", op),
                              prime2: try Self.optionalHex(a, "prime2", op),
                              exponent1: try Self.optionalHex(a, "exponent1", op),
                              exponent2: try Self.optionalHex(a, "exponent2", op),
                              coefficient: try Self.optionalHex(a, "coefficient", op),
                              der: try Self.hex(a, "der", op))
    }

    /// JCA `Signature` (`alg` e.g. "MD5withRSA", "SHA256withRSA"); MD5withRSA goes through `RsaUtils.sign`.
    public func sign(alg: String, privateKey: String, data: [UInt8]) throws -> [UInt8] {
        let a = try call("sign", ["alg": .string(alg), "privateKey": .string(privateKey), "data": .string(Self.hexString(data))])
        return try Self.base64(a, "signature", "sign")
    }

    /// JCA verification; JDK exceptions (e.g. a signature of the wrong length) throw `javaException`.
    public func verify(alg: String, publicKey: String, data: [UInt8], signature: [UInt8]) throws -> Bool {
        try verify(alg: alg, publicKey: publicKey, data: data,
                   signatureBase64: Data(signature).base64EncodedString())
    }

    /// As `verify(alg:publicKey:data:signature:)` with the signature text passed as is to commons-codec.
    public func verify(alg: String, publicKey: String, data: [UInt8], signatureBase64: String) throws -> Bool {
        let a = try call("verify", ["alg": .string(alg), "publicKey": .string(publicKey),
                                    "data": .string(Self.hexString(data)), "signature": .string(signatureBase64)])
        guard let valid = a["valid"]?.boolValue else { throw JavaOracleError.badAnswer("answer to verify has no boolean \"valid\"") }
        return valid
    }

    /// `RsaUtils.encryptByPublicKey` (block nil = 117) or the same loop with `block`.
    public func encryptByPublicKey(publicKey: String, data: [UInt8], block: Int? = nil) throws -> [UInt8] {
        try cipherCall("encryptByPublicKey", keyField: "publicKey", key: publicKey,
                       inputField: "data", input: .string(Self.hexString(data)), block: block)
    }

    /// `RsaUtils.encryptByPrivateKey` (block nil = 117) or the same loop with `block`.
    public func encryptByPrivateKey(privateKey: String, data: [UInt8], block: Int? = nil) throws -> [UInt8] {
        try cipherCall("encryptByPrivateKey", keyField: "privateKey", key: privateKey,
                       inputField: "data", input: .string(Self.hexString(data)), block: block)
    }

    /// `RsaUtils.decryptByPrivateKey` (block nil = 128) or the same loop with `block`.
    public func decryptByPrivateKey(privateKey: String, ciphertext: [UInt8], block: Int? = nil) throws -> [UInt8] {
        try cipherCall("decryptByPrivateKey", keyField: "privateKey", key: privateKey,
                       inputField: "ciphertext", input: .string(Data(ciphertext).base64EncodedString()), block: block)
    }

    /// `RsaUtils.decryptByPublicKey` (block nil = 128) or the same loop with `block`.
    public func decryptByPublicKey(publicKey: String, ciphertext: [UInt8], block: Int? = nil) throws -> [UInt8] {
        try cipherCall("decryptByPublicKey", keyField: "publicKey", key: publicKey,
                       inputField: "ciphertext", input: .string(Data(ciphertext).base64EncodedString()), block: block)
    }

    /// `RsaUtils.encryptedDataOnJava`: Base64 ciphertext of `text.getBytes()` (platform charset),
    /// or `text` unchanged when Java failed (fail-open, as the original).
    public func encryptedDataOnJava(publicKey: String, text: String) throws -> String {
        let a = try call("encryptedDataOnJava", ["publicKey": .string(publicKey), "text": .string(text)])
        return try Self.string(a, "result", "encryptedDataOnJava")
    }

    /// JDK `MessageDigest("MD5")`.
    public func md5(data: [UInt8]) throws -> [UInt8] {
        let a = try call("md5", ["data": .string(Self.hexString(data))])
        return try Self.hex(a, "digest", "md5")
    }

    /// getToken sign: lowercase hex MD5 (JDK) of the UTF-8 concatenation of the seven fields.
    public func tokenSign(appId: String, businessType: String, msgId: String, timestamp: String,
                          traceId: String, version: String, appKey: String) throws -> String {
        let a = try call("tokenSign", [
            "appId": .string(appId), "businessType": .string(businessType), "msgId": .string(msgId),
            "timestamp": .string(timestamp), "traceId": .string(traceId), "version": .string(version),
            "appKey": .string(appKey),
        ])
        return try Self.string(a, "sign", "tokenSign")
    }

    /// RSA/ECB/NoPadding with the public key: data^e mod n as k bytes (recovers an encoded block).
    public func rawPublic(publicKey: String, data: [UInt8]) throws -> [UInt8] {
        let a = try call("rawPublic", ["publicKey": .string(publicKey), "data": .string(Self.hexString(data))])
        return try Self.hex(a, "data", "rawPublic")
    }

    /// RSA/ECB/NoPadding with the private key: data^d mod n as k bytes.
    public func rawPrivate(privateKey: String, data: [UInt8]) throws -> [UInt8] {
        let a = try call("rawPrivate", ["privateKey": .string(privateKey), "data": .string(Self.hexString(data))])
        return try Self.hex(a, "data", "rawPrivate")
    }

    private func cipherCall(_ op: String, keyField: String, key: String, inputField: String,
                            input: JSONValue, block: Int?) throws -> [UInt8] {
        var fields: JSONObject = [keyField: .string(key), inputField: input]
        if let block { fields["block"] = .int(block) }
        let a = try call(op, fields)
        return op.hasPrefix("encrypt") ? try Self.base64(a, "ciphertext", op) : try Self.hex(a, "data", op)
    }

    // MARK: - Line I/O (called with the lock held)

    private func send(_ line: String) throws {
        var bytes = Array(line.utf8)
        bytes.append(0x0a)
        let fd = stdinPipe.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(fd, base + offset, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw died()
            }
            offset += n
        }
    }

    /// Longest wait for one answer; a user's method that never returns must not hang the tool.
    public var answerTimeoutSeconds: Double {
        get { lock.lock(); defer { lock.unlock() }; return timeoutSeconds }
        set { lock.lock(); timeoutSeconds = newValue; lock.unlock() }
    }

    private func receiveLine(op: String = "quit", timeout: Double? = nil) throws -> [UInt8] {
        let fd = answerFD
        var scanFrom = bufferStart
        while true {
            if let newline = buffer[scanFrom...].firstIndex(of: 0x0a) {
                let line = Array(buffer[bufferStart..<newline])
                bufferStart = newline + 1
                if bufferStart == buffer.count {
                    buffer.removeAll(keepingCapacity: true)
                    bufferStart = 0
                } else if bufferStart > 1 << 16 {
                    buffer.removeSubrange(0..<bufferStart)
                    bufferStart = 0
                }
                return line
            }
            scanFrom = buffer.count
            try waitForData(fd, op: op, timeout: timeout ?? timeoutSeconds)
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(fd, base, raw.count)
            }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw died()
            }
            if n == 0 {
                // EOF: every writer is gone. Before the bridge opened the FIFO there was none yet:
                // that is only the end if the JVM has exited.
                if connected || !process.isRunning { throw died() }
                usleep(10_000)
                continue
            }
            connected = true
            buffer.append(contentsOf: chunk[0..<n])
        }
    }

    /// Waits until the answer channel is readable, at most `timeout` seconds; then ends the JVM's
    /// process group (SIGTERM, then SIGKILL: a blocking shutdown hook cannot keep it alive).
    private func waitForData(_ fd: Int32, op: String, timeout: Double) throws {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                endProcessGroup()
                _ = died()
                let error = JavaOracleError.timedOut(op: op, seconds: timeout)
                state = .dead(error)
                throw error
            }
            let ready = poll(&descriptor, 1, Int32(min(remaining, 0.2) * 1000))
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { return }  // let read() report the problem
            // No writer has connected yet and the JVM is gone (it failed to start): no answer will come.
            if !connected && !process.isRunning { return }
        }
    }

    /// SIGTERM to the JVM's process group, SIGKILL after the grace period.
    private func endProcessGroup() {
        if let group { group.terminate() } else { process.terminate() }
    }

    /// Marks the bridge dead (EOF or broken pipe) and returns the one-line error.
    private func died() -> JavaOracleError {
        try? stdinPipe.fileHandleForWriting.close()
        let status = reap()
        let error = JavaOracleError.bridgeExited(status: status, log: stderrLog)
        state = .dead(error)
        return error
    }

    /// Waits up to 3 s for the JVM to exit, then terminates it; returns its exit status.
    @discardableResult
    private func reap() -> Int32? {
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning && Date() < deadline {
            usleep(10_000)
        }
        if process.isRunning {
            endProcessGroup()
            let hardDeadline = Date().addingTimeInterval(2)
            while process.isRunning && Date() < hardDeadline { usleep(10_000) }
            if process.isRunning { return nil }
        } else {
            // Anything the JVM left in its group goes too; then the group id is forgotten.
            endProcessGroup()
        }
        return process.terminationStatus
    }

    // MARK: - Helpers

    private static let ignoreSIGPIPE: Void = {
        // A write to the pipe of a dead JVM must fail with EPIPE, not kill this process.
        signal(SIGPIPE, SIG_IGN)
    }()

    private static func openLog(_ path: String, resetAbove limit: UInt64?) throws -> FileHandle {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if let limit, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let size = attributes[.size] as? NSNumber, size.uint64Value > limit {
            _ = truncate(path, 0)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw JavaOracleError.buildFolder("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    static func string(_ answer: JSONObject, _ key: String, _ op: String) throws -> String {
        guard let value = answer[key]?.stringValue else {
            throw JavaOracleError.badAnswer("answer to \(op) has no string \"\(key)\"")
        }
        return value
    }

    static func hex(_ answer: JSONObject, _ key: String, _ op: String) throws -> [UInt8] {
        let text = try string(answer, key, op)
        guard let bytes = hexBytes(text) else {
            throw JavaOracleError.badAnswer("answer to \(op): \"\(key)\" is not hex")
        }
        return bytes
    }

    static func optionalHex(_ answer: JSONObject, _ key: String, _ op: String) throws -> [UInt8]? {
        if answer[key] == nil || answer[key] == .null { return nil }
        return try hex(answer, key, op)
    }

    static func base64(_ answer: JSONObject, _ key: String, _ op: String) throws -> [UInt8] {
        let text = try string(answer, key, op)
        // The bridge writes canonical Base64 (commons-codec encodeBase64String); Foundation alone also
        // takes '=' inside the text ("al=b") and non-zero trailing bits ("QR=="), found by fuzzing.
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else {
            throw JavaOracleError.badAnswer("answer to \(op): \"\(key)\" is not Base64")
        }
        return [UInt8](data)
    }

    /// Lowercase hex (the vector files' `Hex` codec).
    public static func hexString(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }

    /// Strict hex (either case, even length); nil otherwise.
    public static func hexBytes(_ text: String) -> [UInt8]? { try? Hex.decode(text).get() }

    /// Bit length of a two's complement big-endian non-negative integer.
    static func bitCount(_ bytes: [UInt8]) -> Int {
        guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (bytes.count - first - 1) * 8 + (8 - bytes[first].leadingZeroBitCount)
    }
}
