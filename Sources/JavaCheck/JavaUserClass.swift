import Foundation
import ImplementationProbes
import JavaOracle
import RSA
import StrictJSON

/// Why java-check could not run at all (as opposed to "ran and found the class incompatible").
/// Every case is one line fit to print after `error: `; the CLI exits with 2.
public enum JavaCheckError: Error, CustomStringConvertible, Sendable, Equatable, ProbeAbort {
    /// A bad `--classpath` or `--class` argument.
    case usage(String)
    /// The class could not be loaded, or has none of the RsaUtils methods.
    case load(String)
    /// No JDK / commons-codec, or the oracle could not be compiled or started.
    case environment(String)
    /// The bridge JVM stopped answering while the class was being probed.
    case bridge(String)

    public var description: String {
        switch self {
        case .usage(let text), .load(let text), .environment(let text), .bridge(let text):
            return text
        }
    }
}

/// The Swift end of `UserClassProbe.java`: one user class loaded into a bridge JVM, its RsaUtils
/// methods, and typed calls of them (`userCall`).
final class JavaUserClass {
    /// A declared method of the user's class, as `userLoad` lists it.
    struct Method: Equatable, Hashable {
        let name: String
        let parameters: [String]
        let returns: String
        let signature: String
        var isStatic = true
        /// `public` | `protected` | `package` | `private`.
        var visibility = "public"

        var isPublic: Bool { visibility == "public" }
    }

    /// A value passed to a user method: byte[] / String / int / a key object made from an RsaUtils string.
    enum Argument {
        case bytes([UInt8])
        case string(String)
        case int(Int)
        case publicKey(String)
        case privateKey(String)
        /// A `java.nio.charset.Charset` of that name.
        case charset(String)

        var json: JSONValue {
            switch self {
            case .bytes(let b): return .object(["type": "bytes", "value": .string(JavaOracle.hexString(b))])
            case .string(let s): return .object(["type": "string", "value": .string(s)])
            case .int(let i): return .object(["type": "int", "value": .int(i)])
            case .publicKey(let k): return .object(["type": "publicKey", "value": .string(k)])
            case .privateKey(let k): return .object(["type": "privateKey", "value": .string(k)])
            case .charset(let name): return .object(["type": "charset", "value": .string(name)])
            }
        }
    }

    /// What a user method returned.
    enum Value: Equatable {
        case bytes([UInt8])
        case string(String)
        case bool(Bool)
        case null
        case object(className: String, text: String)

        var summary: String {
            switch self {
            case .bytes(let b): return "\(b.count) bytes"
            case .string(let s): return "string of \(s.count) characters"
            case .bool(let b): return String(b)
            case .null: return "null"
            case .object(let c, _): return "a \(c)"
            }
        }
    }

    /// An exception thrown by the user's method ("ExceptionClass: message").
    struct CallFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    let oracle: JavaOracle
    let className: String
    let methods: [Method]
    /// It has a public no-argument constructor (its instance methods can be called).
    let instantiable: Bool
    /// Its static final int constants (for wording findings only, never for the profile).
    let intConstants: [String: Int]
    /// Its static final String constants that name a cipher transformation (wording fixes only).
    let transformationConstants: [String: String]

    /// Loads the class (`userLoad`). Class-not-found and friends become `JavaCheckError.load`.
    init(oracle: JavaOracle, classpath: [String], className: String, commonsCodecJar: String) throws {
        self.oracle = oracle
        let answer: JSONObject
        do {
            answer = try oracle.call("userLoad", [
                "classpath": .array(classpath.map { .string($0) }),
                "class": .string(className),
                "commonsCodecJar": .string(commonsCodecJar),
            ])
        } catch JavaOracleError.javaException(let message) {
            throw JavaCheckError.load(Self.loadMessage(message, className: className))
        } catch let error as JavaOracleError {
            throw JavaCheckError.bridge("\(error)")
        }
        self.className = answer["class"]?.stringValue ?? className
        guard case .array(let list)? = answer["methods"] else {
            throw JavaCheckError.bridge("Java oracle: bad answer to userLoad (no method list)")
        }
        var methods: [Method] = []
        for item in list {
            guard case .object(let o) = item, let name = o["name"]?.stringValue,
                  case .array(let ps)? = o["parameters"], let returns = o["returns"]?.stringValue,
                  let signature = o["signature"]?.stringValue else { continue }
            methods.append(Method(name: name, parameters: ps.compactMap { $0.stringValue }, returns: returns,
                                  signature: signature, isStatic: o["static"]?.boolValue ?? true,
                                  visibility: o["visibility"]?.stringValue ?? ((o["public"]?.boolValue ?? true) ? "public" : "private")))
        }
        self.methods = methods
        self.instantiable = answer["instantiable"]?.boolValue ?? false
        var constants: [String: Int] = [:]
        if case .object(let map)? = answer["intConstants"] {
            for (name, value) in map { if let v = value.intValue { constants[name] = v } }
        }
        self.intConstants = constants
        var transformations: [String: String] = [:]
        if case .object(let map)? = answer["transformationConstants"] {
            for (name, value) in map { if let v = value.stringValue { transformations[name] = v } }
        }
        self.transformationConstants = transformations
    }

    /// "ClassNotFoundException: class a.B not found on the classpath" → "class a.B not found on the classpath".
    static func loadMessage(_ javaMessage: String, className: String) -> String {
        var text = javaMessage
        for prefix in ["ClassNotFoundException: ", "IllegalArgumentException: ", "IllegalStateException: "]
        where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        if text.hasPrefix("NoClassDefFoundError") || text.hasPrefix("UnsupportedClassVersionError") {
            return "class \(className) cannot be loaded: \(text)"
        }
        return text
    }

    /// The static method `name(parameters...)`, if the class has it.
    func method(_ name: String, _ parameters: [String]) -> Method? {
        methods.first { $0.name == name && $0.parameters == parameters }
    }

    func has(_ name: String) -> Bool { methods.contains { $0.name == name } }

    /// Calls `method` with `arguments`. A Java exception from the method is `CallFailure`; a dead
    /// bridge is `JavaCheckError.bridge`.
    func call(_ method: Method, _ arguments: [Argument]) throws -> Value {
        try call(method.name, arguments, parameters: method.parameters)
    }

    /// Calls `name` with `arguments` (the overload with these parameter types when given).
    func call(_ name: String, _ arguments: [Argument], parameters: [String]? = nil) throws -> Value {
        let answer: JSONObject
        var fields: JSONObject = ["method": .string(name), "args": .array(arguments.map(\.json))]
        if let parameters { fields["parameters"] = .array(parameters.map { .string($0) }) }
        do {
            answer = try oracle.call("userCall", fields)
        } catch JavaOracleError.javaException(let message) {
            throw CallFailure(message: message)
        } catch JavaOracleError.badAnswer(let detail) where detail.contains("surrogate") {
            // The bridge itself only writes valid text: an unreadable answer is the user's return value.
            throw CallFailure(message: Self.unpairedSurrogate)
        } catch let error as JavaOracleError {
            throw JavaCheckError.bridge(Self.stopped(calling: name, of: className, error))
        }
        guard case .object(let result)? = answer["result"], let type = result["type"]?.stringValue else {
            throw JavaCheckError.bridge("Java oracle: bad answer to userCall \(name)")
        }
        switch type {
        case "bytes":
            guard let hex = result["value"]?.stringValue, let bytes = JavaOracle.hexBytes(hex) else {
                throw JavaCheckError.bridge("Java oracle: bad bytes in the answer to userCall \(name)")
            }
            return .bytes(bytes)
        case "string": return .string(result["value"]?.stringValue ?? "")
        case "boolean": return .bool(result["value"]?.boolValue ?? false)
        case "null": return .null
        default:
            return .object(className: result["class"]?.stringValue ?? "?", text: result["value"]?.stringValue ?? "")
        }
    }

    /// Key strings from its genKeyPair (+ getPublicKey/getPrivateKey).
    struct KeyStrings {
        let publicKey: String
        let privateKey: String
        let via: String
        let encodedByProbe: Bool
        let tookBits: Bool
        /// Read from its fields or key accessors (keySource `class-constant`), not made by a generator.
        var fixedInClass = false
    }

    /// One line for a call that ended the bridge: a time-out, or a JVM that exited under it.
    static func stopped(calling method: String, of className: String, _ error: JavaOracleError) -> String {
        switch error {
        case .timedOut(_, let seconds):
            return "\(method) of \(className) did not return within \(Int(seconds)) s (raise --timeout if it is only slow)"
        case .bridgeExited:
            return "the JVM stopped while calling \(method) of \(className) (did it call System.exit or Runtime.halt?): \(error)"
        case .badAnswer(let detail) where detail.contains("surrogate"):
            return "\(method) of \(className) \(unpairedSurrogate)"
        default:
            return "calling \(method) of \(className) failed: \(error)"
        }
    }

    /// What a returned string with a lone UTF-16 surrogate is (the JDK can neither encode nor print it).
    static let unpairedSurrogate = "returned a string with an unpaired UTF-16 surrogate (not valid Unicode text; no charset can encode it)"

    func keyPair(bits: Int) throws -> KeyStrings {
        let answer: JSONObject
        do {
            answer = try oracle.call("userKeyPair", ["bits": .int(bits)])
        } catch JavaOracleError.javaException(let message) {
            throw CallFailure(message: message)
        } catch let error as JavaOracleError {
            throw JavaCheckError.bridge(Self.stopped(calling: "genKeyPair", of: className, error))
        }
        guard let pub = answer["publicKey"]?.stringValue, let priv = answer["privateKey"]?.stringValue else {
            throw JavaCheckError.bridge("Java oracle: bad answer to userKeyPair")
        }
        return KeyStrings(publicKey: pub, privateKey: priv, via: answer["via"]?.stringValue ?? "genKeyPair",
                          encodedByProbe: answer["encodedByProbe"]?.boolValue ?? false,
                          tookBits: answer["bitsArgument"]?.intValue != nil)
    }

    /// The class's own hard-coded keys (`userClassKeys`): fields of any visibility and no-argument
    /// key accessors, re-encoded by the probe as RsaUtils strings. Never shown: only `via` is reported.
    struct ClassKeys {
        var publicKey: String?
        var privateKey: String?
        /// Where each came from: "PUBLIC_KEY (static String, Base64 X.509 DER)".
        var publicVia: String?
        var privateVia: String?
        /// Public and private candidates that were found but do not form a pair (names only).
        var unpaired: [String] = []
    }

    func classKeys() throws -> ClassKeys {
        let answer: JSONObject
        do {
            answer = try oracle.call("userClassKeys", [:])
        } catch JavaOracleError.javaException(let message) {
            throw CallFailure(message: message)
        } catch let error as JavaOracleError {
            throw JavaCheckError.bridge(Self.stopped(calling: "a key field or accessor", of: className, error))
        }
        var keys = ClassKeys()
        keys.publicKey = answer["publicKey"]?.stringValue
        keys.privateKey = answer["privateKey"]?.stringValue
        keys.publicVia = answer["publicVia"]?.stringValue
        keys.privateVia = answer["privateVia"]?.stringValue
        if case .array(let list)? = answer["unpaired"] { keys.unpaired = list.compactMap(\.stringValue) }
        return keys
    }

    /// `text.getBytes(charset)` in the JVM for each charset (nil: the JVM does not know it).
    func encode(_ text: String, charsets: [String]) throws -> [String: [UInt8]] {
        let answer = try bridgeCall("encodeText", ["text": .string(text), "charsets": .array(charsets.map { .string($0) })])
        guard case .object(let map)? = answer["encodings"] else { return [:] }
        var out: [String: [UInt8]] = [:]
        for (name, value) in map {
            if let hex = value.stringValue, let bytes = JavaOracle.hexBytes(hex) { out[name] = bytes }
        }
        return out
    }

    /// `new String(bytes, charset)` in the JVM for each charset.
    func decode(_ bytes: [UInt8], charsets: [String]) throws -> [String: String] {
        let answer = try bridgeCall("decodeText", ["data": .string(JavaOracle.hexString(bytes)),
                                                   "charsets": .array(charsets.map { .string($0) })])
        guard case .object(let map)? = answer["texts"] else { return [:] }
        var out: [String: String] = [:]
        for (name, value) in map {
            if let s = value.stringValue { out[name] = s }
        }
        return out
    }

    private func bridgeCall(_ op: String, _ fields: JSONObject) throws -> JSONObject {
        do {
            return try oracle.call(op, fields)
        } catch let error as JavaOracleError {
            throw JavaCheckError.bridge("\(error)")
        }
    }
}
