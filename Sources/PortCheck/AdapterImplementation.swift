import Foundation
import ImplementationProbes
import RSA

/// A port behind its adapter as the probes see it (`ImplementationUnderTest`): each operation is
/// one request of ADAPTER.md. The port's `ok: false` is `ProbeError.threw` (a finding about the
/// port), an operation `hello` does not list is `ProbeError.cannotDrive` (a skip), and a protocol
/// breach is `PortCheckError`, a `ProbeAbort` that ends the check with exit 2.
///
/// Keys are "strings as the port produces and accepts them": the format of its first key pair
/// (`keyFormat`) is kept, every key handed to it is written that way, and PEM keys it hands out are
/// given to the probes as RsaUtils strings (the probes compare DER and Base64 styles).
final class AdapterImplementation: ImplementationUnderTest {
    let port: AdapterPort
    let subject: ImplementationSubject
    let operations: Set<ImplementationOperation>
    /// How the port writes keys, from its first key pair (RsaUtils Base64 until one is seen).
    private(set) var keyFormat = PortKeyFormat()
    private var sawKeyPair = false

    init(port: AdapterPort, command: String) {
        self.port = port
        let hello = port.hello
        subject = ImplementationSubject(name: hello.name, kind: "adapter", runtime: "adapter \(hello.name) \(hello.version)",
                                        defaultCharset: "n/a (the protocol carries bytes as hex)", location: [command])
        operations = Set(hello.ops.compactMap(ImplementationOperation.init(rawValue:)))
    }

    /// Every operation takes bytes (`dataHex`).
    func dataKind(of operation: ImplementationOperation) -> DataKind { .bytes }

    func genKeyPair(bits: Int) throws -> GeneratedKeyPair {
        let pair = try call { try port.genKeyPair(bits: bits) }
        if !sawKeyPair {
            sawKeyPair = true
            keyFormat = PortKeyFormat(observed: pair.privateKey)
        }
        var publicKey = pair.publicKey, privateKey = pair.privateKey
        if PEMBlock.looksLikePEM(publicKey), let key = try? RSAPublicKey(keyText: publicKey) { publicKey = key.rsaUtilsString }
        if PEMBlock.looksLikePEM(privateKey), let key = try? RSAPrivateKey(keyText: privateKey) { privateKey = key.rsaUtilsString }
        return GeneratedKeyPair(publicKey: publicKey, privateKey: privateKey, via: "genKeyPair (adapter, bits \(bits) requested)")
    }

    func sign(algorithm: String, privateKey: String, data: ProbeData) throws -> ProducedValue {
        .text(try call { try port.sign(alg: algorithm, privateKey: portPrivate(privateKey), data: data.bytes) })
    }

    func verify(algorithm: String, publicKey: String, data: ProbeData, signature: EncodedBinary) throws -> Bool {
        try call { try port.verify(alg: algorithm, publicKey: portPublic(publicKey), data: data.bytes, signature: signature.text) }
    }

    func encryptByPublicKey(publicKey: String, data: ProbeData) throws -> ProducedValue {
        .text(try call { try port.encryptByPublicKey(publicKey: portPublic(publicKey), data: data.bytes) })
    }

    func decryptByPrivateKey(privateKey: String, ciphertext: EncodedBinary) throws -> ProducedValue {
        .bytes(try call { try port.decryptByPrivateKey(privateKey: portPrivate(privateKey), ciphertext: ciphertext.text) })
    }

    func encryptByPrivateKey(privateKey: String, data: ProbeData) throws -> ProducedValue {
        .text(try call { try port.encryptByPrivateKey(privateKey: portPrivate(privateKey), data: data.bytes) })
    }

    func decryptByPublicKey(publicKey: String, ciphertext: EncodedBinary) throws -> ProducedValue {
        .bytes(try call { try port.decryptByPublicKey(publicKey: portPublic(publicKey), ciphertext: ciphertext.text) })
    }

    /// A key string in the port's format (PEM or wrapped lines when that is how it writes keys).
    private func portPublic(_ key: String) -> String {
        keyFormat == PortKeyFormat() || PEMBlock.looksLikePEM(key) ? key : keyFormat.publicKey(rsaUtils: key)
    }

    private func portPrivate(_ key: String) -> String {
        keyFormat == PortKeyFormat() || PEMBlock.looksLikePEM(key) ? key : keyFormat.privateKey(rsaUtils: key)
    }

    func md5(data: [UInt8]) throws -> [UInt8] {
        try call { try port.md5(data) }
    }

    func tokenSign(_ input: TokenSignInput) throws -> String {
        try call {
            try port.tokenSign(["appId": input.appId, "businessType": input.businessType, "msgId": input.msgId,
                                "timestamp": input.timestamp, "traceId": input.traceId, "version": input.version,
                                "appKey": input.appKey])
        }
    }

    func numberCheckRequest(_ input: NumberCheckInput) throws -> String {
        var fields = ["appId": input.appId, "appKey": input.appKey, "msgId": input.msgId, "timestamp": input.timestamp,
                      "token": input.token, "version": input.version, "phone": input.phone,
                      "customerPrivateKey": input.customerPrivateKey, "platformPublicKey": input.platformPublicKey]
        fields["customerPrivateKey"] = portPrivate(input.customerPrivateKey)
        fields["platformPublicKey"] = portPublic(input.platformPublicKey)
        fields["userInformation"] = input.userInformation
        fields["expandParams"] = input.expandParams
        return try call { try port.numberCheckRequest(fields) }
    }

    /// The error mapping of the type comment.
    private func call<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let refusal as PortRefusal {
            throw ProbeError.threw(refusal.message)
        } catch let lacking as PortLacksOperation {
            throw ProbeError.cannotDrive(lacking.description)
        }
    }
}

/// Protocol breaches end the probe run (exit 2).
extension PortCheckError: ProbeAbort {}
