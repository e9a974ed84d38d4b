import Foundation
import OneLineText
import RSA
import StrictJSON

/// The port answered `ok: false` (its one-line error): for the checks, the port refused or failed.
public struct PortRefusal: Error, CustomStringConvertible, Sendable {
    public let op: String
    public let message: String
    public var description: String { "the port refused \(op): \(message)" }
}

/// The operation is not in the adapter's `hello` list.
public struct PortLacksOperation: Error, CustomStringConvertible, Sendable {
    public let op: String
    public var description: String { "the adapter does not list \(op)" }
}

/// The typed operations of ADAPTER.md over an `AdapterClient`. Answers are checked for their
/// fields (a missing or mistyped field is a protocol breach, exit 2); `ok: false` throws
/// `PortRefusal`, which the checks record as the port's failure.
public final class AdapterPort {
    public let client: AdapterClient
    public let hello: AdapterHello

    /// Starts the adapter and asks `hello`.
    public init(_ options: AdapterClient.Options) throws {
        client = try AdapterClient(options)
        do {
            hello = try client.hello()
        } catch {
            client.kill()
            throw error
        }
    }

    public func has(_ op: AdapterOp) -> Bool { hello.has(op) }

    public func md5(_ data: [UInt8]) throws -> [UInt8] {
        let a = try call(.md5, ["dataHex": .string(Hex.encode(data))])
        return try hex(a, "digestHex", .md5)
    }

    public func genKeyPair(bits: Int) throws -> (publicKey: String, privateKey: String) {
        let a = try call(.genKeyPair, ["bits": .int(bits)])
        return (try string(a, "publicKey", .genKeyPair), try string(a, "privateKey", .genKeyPair))
    }

    public func sign(alg: String, privateKey: String, data: [UInt8]) throws -> String {
        let a = try call(.sign, ["alg": .string(alg), "privateKey": .string(privateKey), "dataHex": .string(Hex.encode(data))])
        return try string(a, "signature", .sign)
    }

    public func verify(alg: String, publicKey: String, data: [UInt8], signature: String) throws -> Bool {
        let a = try call(.verify, ["alg": .string(alg), "publicKey": .string(publicKey),
                                   "dataHex": .string(Hex.encode(data)), "signature": .string(signature)])
        guard let valid = a["valid"]?.boolValue else {
            throw client.violation("the answer to verify has no boolean \"valid\": \(OneLineText.quoted(prefixOf: PortJSON.object(a).description))")
        }
        return valid
    }

    public func encryptByPublicKey(publicKey: String, data: [UInt8]) throws -> String {
        let a = try call(.encryptByPublicKey, ["publicKey": .string(publicKey), "dataHex": .string(Hex.encode(data))])
        return try string(a, "ciphertext", .encryptByPublicKey)
    }

    public func decryptByPrivateKey(privateKey: String, ciphertext: String) throws -> [UInt8] {
        let a = try call(.decryptByPrivateKey, ["privateKey": .string(privateKey), "ciphertext": .string(ciphertext)])
        return try hex(a, "dataHex", .decryptByPrivateKey)
    }

    public func encryptByPrivateKey(privateKey: String, data: [UInt8]) throws -> String {
        let a = try call(.encryptByPrivateKey, ["privateKey": .string(privateKey), "dataHex": .string(Hex.encode(data))])
        return try string(a, "ciphertext", .encryptByPrivateKey)
    }

    public func decryptByPublicKey(publicKey: String, ciphertext: String) throws -> [UInt8] {
        let a = try call(.decryptByPublicKey, ["publicKey": .string(publicKey), "ciphertext": .string(ciphertext)])
        return try hex(a, "dataHex", .decryptByPublicKey)
    }

    /// The getToken sign of the seven fields (`appId`, `businessType`, `msgId`, `timestamp`,
    /// `traceId`, `version`, `appKey`).
    public func tokenSign(_ fields: [String: String]) throws -> String {
        let a = try call(.tokenSign, JSONObject(fields.mapValues { .string($0) }))
        return try string(a, "sign", .tokenSign)
    }

    /// The text of the number-check request the port builds (`request`: a JSON object, written back
    /// in its member order with its numbers' text and minimal escaping; or a string holding one,
    /// returned as it is).
    public func numberCheckRequest(_ fields: [String: String]) throws -> String {
        let a = try call(.numberCheckRequest, JSONObject(fields.mapValues { .string($0) }))
        switch a["request"] {
        case .object(let object)?:
            return JSONSerializer(escaping: .minimal).string(.object(object))
        case .string(let text)?:
            if case .object? = try? JSONParser().parse(text) { return text }
            fallthrough
        default:
            throw client.violation("the answer to numberCheckRequest has no JSON object \"request\": \(OneLineText.quoted(prefixOf: PortJSON.object(a).description))")
        }
    }

    /// Ends the session (see `AdapterClient.finish`).
    public func finish() throws { try client.finish() }

    // MARK: - Helpers

    private func call(_ op: AdapterOp, _ fields: JSONObject) throws -> JSONObject {
        guard has(op) else { throw PortLacksOperation(op: op.rawValue) }
        switch try client.call(op, fields) {
        case .ok(let answer): return answer
        case .refused(let message): throw PortRefusal(op: op.rawValue, message: message)
        }
    }

    private func string(_ answer: JSONObject, _ key: String, _ op: AdapterOp) throws -> String {
        guard let value = answer[key]?.stringValue else {
            throw client.violation("the answer to \(op.rawValue) has no string \"\(key)\": \(OneLineText.quoted(prefixOf: PortJSON.object(answer).description))")
        }
        return value
    }

    private func hex(_ answer: JSONObject, _ key: String, _ op: AdapterOp) throws -> [UInt8] {
        let text = try string(answer, key, op)
        switch Hex.decode(text) {
        case .success(let bytes): return bytes
        case .failure(let problem):
            throw client.violation("the answer to \(op.rawValue): \"\(key)\" is \(problem): \(OneLineText.quoted(prefixOf: text))")
        }
    }
}
