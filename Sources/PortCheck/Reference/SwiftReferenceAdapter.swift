import Conformance
import MD5
import NumberCheck
import RSA
import TokenSign
import StrictJSON

/// The adapter of the project's own Swift RsaUtils (served by `conformance adapter`): answers one
/// ADAPTER.md request with the RSA, MD5 and TokenSign modules. Pure: a request object in, an answer
/// object out; the I/O loop is the CLI's.
///
/// As RsaUtils: keys are Base64 (no line breaks) of X.509 / PKCS#8 DER, any `alg` the RSA module
/// implements, blocks of k − 11 bytes to encrypt and k bytes to decrypt.
public enum SwiftReferenceAdapter {
    public static let name = "rsautils-conformance-swift"
    public static let version = "1"

    static let ops: [AdapterOp] = [.md5, .genKeyPair, .sign, .verify, .encryptByPublicKey, .decryptByPrivateKey,
                                   .encryptByPrivateKey, .decryptByPublicKey, .tokenSign, .numberCheckRequest]

    struct Refusal: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// The answer line to one request line (never throws: a bad request gets `ok: false`).
    public static func answer(line: [UInt8]) -> String {
        guard case .object(let request)? = try? JSONParser().parse(line) else {
            return JSONSerializer.line.string(.object(["id": .null, "ok": false, "error": "the request is not a JSON object"]))
        }
        let id = request["id"] ?? .null
        var answer: JSONObject
        do {
            answer = (["id": id, "ok": true] as JSONObject).merging(try perform(request))
        } catch let refusal as Refusal {
            answer = ["id": id, "ok": false, "error": .string(refusal.message)]
        } catch {
            answer = ["id": id, "ok": false, "error": .string(String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " "))]
        }
        return JSONSerializer.line.string(.object(answer))
    }

    static func perform(_ r: JSONObject) throws -> JSONObject {
        guard let op = r["op"]?.stringValue else { throw Refusal("the request has no \"op\"") }
        switch AdapterOp(rawValue: op) {
        case .hello:
            return ["name": .string(name), "version": .string(version), "ops": .array(ops.map { .string($0.rawValue) })]
        case .md5:
            return ["digestHex": .string(MD5.hash(try bytes(r, "dataHex")).hexString)]
        case .genKeyPair:
            let bits = r["bits"]?.intValue ?? 1024
            guard (512...8192).contains(bits) else { throw Refusal("bits must be between 512 and 8192") }
            let key = try RSAPrivateKey.generate(bits: bits)
            return ["publicKey": .string(key.publicKey.rsaUtilsString), "privateKey": .string(key.rsaUtilsString)]
        case .sign:
            let signature = try privateKey(r).signature(for: try bytes(r, "dataHex"), hash: try hash(r))
            return ["signature": .string(LenientBase64.encode(signature))]
        case .verify:
            let signature = LenientBase64.decode(try string(r, "signature"))
            let valid = (try? publicKey(r).isValidSignature(signature, for: try bytes(r, "dataHex"), hash: try hash(r))) ?? false
            return ["valid": .bool(valid)]
        case .encryptByPublicKey:
            let ct = try RsaUtilsCipher.encrypt(try bytes(r, "dataHex"), publicKey: try publicKey(r))
            return ["ciphertext": .string(LenientBase64.encode(ct))]
        case .decryptByPrivateKey:
            let plain = try RsaUtilsCipher.decrypt(LenientBase64.decode(try string(r, "ciphertext")), privateKey: try privateKey(r))
            return ["dataHex": .string(Hex.encode(plain))]
        case .encryptByPrivateKey:
            let ct = try RsaUtilsCipher.encrypt(try bytes(r, "dataHex"), privateKey: try privateKey(r))
            return ["ciphertext": .string(LenientBase64.encode(ct))]
        case .decryptByPublicKey:
            let plain = try RsaUtilsCipher.decrypt(LenientBase64.decode(try string(r, "ciphertext")), publicKey: try publicKey(r))
            return ["dataHex": .string(Hex.encode(plain))]
        case .tokenSign:
            let sign = TokenSigner.sign(appId: try string(r, "appId"), businessType: try string(r, "businessType"),
                                        msgId: try string(r, "msgId"), timestamp: try string(r, "timestamp"),
                                        traceId: try string(r, "traceId"), version: try string(r, "version"),
                                        appKey: try string(r, "appKey"))
            return ["sign": .string(sign)]
        case .numberCheckRequest:
            let parameters = NumberCheckParameters(
                appId: try string(r, "appId"), appKey: try string(r, "appKey"), token: try string(r, "token"),
                phone: try string(r, "phone"), userInformation: r["userInformation"]?.stringValue ?? "",
                expandParams: r["expandParams"]?.stringValue ?? "", msgId: try string(r, "msgId"),
                timestamp: try string(r, "timestamp"), version: try string(r, "version"))
            let request = try NumberCheckBuilder.build(
                parameters, customerPrivateKey: try RSAPrivateKey(keyText: try string(r, "customerPrivateKey")),
                platformPublicKey: try RSAPublicKey(keyText: try string(r, "platformPublicKey")))
            return ["request": try JSONParser().parse(request.jsonText())]
        case nil:
            throw Refusal("unknown op \(op)")
        }
    }

    static func string(_ r: JSONObject, _ key: String) throws -> String {
        guard let value = r[key]?.stringValue else { throw Refusal("missing string \"\(key)\"") }
        return value
    }

    static func bytes(_ r: JSONObject, _ key: String) throws -> [UInt8] {
        switch Hex.decode(try string(r, key)) {
        case .success(let bytes): return bytes
        case .failure(let problem): throw Refusal("\(key): \(problem)")
        }
    }

    static func hash(_ r: JSONObject) throws -> HashAlgorithm {
        let name = try string(r, "alg")
        guard let hash = HashAlgorithm(jcaSignatureName: name), hash.isSupported else {
            throw Refusal("unsupported algorithm \(name)")
        }
        return hash
    }

    static func publicKey(_ r: JSONObject) throws -> RSAPublicKey {
        try RSAPublicKey(keyText: try string(r, "publicKey"))
    }

    static func privateKey(_ r: JSONObject) throws -> RSAPrivateKey {
        try RSAPrivateKey(keyText: try string(r, "privateKey"))
    }
}
