/// An RsaUtils implementation under test, as the probes see it: a Java class (java-check) or a
/// port reached through an adapter (port-check). The operations mirror docs/ADAPTER.md one to one,
/// so an adapter maps onto this protocol without translation.
///
/// Errors: an operation the implementation ran and that failed throws `ProbeError.threw` (or
/// `.misbehaved` for a null or wrong-typed answer) (a
/// finding: "the implementation threw X"); an operation the probe cannot drive (absent, wrong
/// parameter kind) throws `ProbeError.cannotDrive` (a skip); an implementation that stopped
/// answering throws an error conforming to `ProbeAbort`, which ends the whole check (exit 2).
public protocol ImplementationUnderTest: AnyObject {
    /// What is under test (name and kind), for the report.
    var subject: ImplementationSubject { get }
    /// The operations it has; every other one is a `skip` with its reason.
    var operations: Set<ImplementationOperation> { get }
    /// How an operation takes its data: as bytes, or as text (a Java String parameter).
    func dataKind(of operation: ImplementationOperation) -> DataKind
    /// The name the report uses for the method/op behind an operation ("encryptByPublicKey").
    func methodName(of operation: ImplementationOperation) -> String

    /// A key pair as the implementation produces it (RsaUtils strings). `bits` may be ignored.
    func genKeyPair(bits: Int) throws -> GeneratedKeyPair
    func sign(algorithm: String, privateKey: String, data: ProbeData) throws -> ProducedValue
    func verify(algorithm: String, publicKey: String, data: ProbeData, signature: EncodedBinary) throws -> Bool
    func encryptByPublicKey(publicKey: String, data: ProbeData) throws -> ProducedValue
    func decryptByPrivateKey(privateKey: String, ciphertext: EncodedBinary) throws -> ProducedValue
    func encryptByPrivateKey(privateKey: String, data: ProbeData) throws -> ProducedValue
    func decryptByPublicKey(publicKey: String, ciphertext: EncodedBinary) throws -> ProducedValue
    func md5(data: [UInt8]) throws -> [UInt8]
    func tokenSign(_ input: TokenSignInput) throws -> String
    /// The request (a JSON object as text) the implementation would send.
    func numberCheckRequest(_ input: NumberCheckInput) throws -> String
}

/// Defaults for the optional operations: unsupported (a skip).
extension ImplementationUnderTest {
    public func dataKind(of operation: ImplementationOperation) -> DataKind { .bytes }
    public func methodName(of operation: ImplementationOperation) -> String { operation.rawValue }
    public func md5(data: [UInt8]) throws -> [UInt8] { throw ProbeError.cannotDrive("no md5 operation") }
    public func tokenSign(_ input: TokenSignInput) throws -> String { throw ProbeError.cannotDrive("no tokenSign operation") }
    public func numberCheckRequest(_ input: NumberCheckInput) throws -> String {
        throw ProbeError.cannotDrive("no numberCheckRequest operation")
    }
    public func has(_ operation: ImplementationOperation) -> Bool { operations.contains(operation) }
}

/// The operations of ADAPTER.md (raw values = its op names).
public enum ImplementationOperation: String, CaseIterable, Codable, Sendable, Hashable {
    case genKeyPair, sign, verify
    case encryptByPublicKey, decryptByPrivateKey, encryptByPrivateKey, decryptByPublicKey
    case md5, tokenSign, numberCheckRequest
}

/// What a check is about: "com.example.RsaUtils" (kind `java-class`) or an adapter's name (`adapter`).
public struct ImplementationSubject: Sendable, Equatable {
    public var name: String
    public var kind: String
    /// Runtime details for the report: e.g. "Java 17.0.9", and its default charset.
    public var runtime: String
    public var defaultCharset: String
    /// Where it was loaded from (classpath entries, or the adapter command).
    public var location: [String]

    public init(name: String, kind: String, runtime: String, defaultCharset: String, location: [String]) {
        self.name = name
        self.kind = kind
        self.runtime = runtime
        self.defaultCharset = defaultCharset
        self.location = location
    }
}

public enum DataKind: Sendable, Equatable {
    case bytes
    case text
}

/// A key pair as the implementation gave it.
public struct GeneratedKeyPair: Sendable, Equatable {
    public var publicKey: String
    public var privateKey: String
    /// How it was obtained ("genKeyPair() + getPublicKey(Map) + getPrivateKey(Map)").
    public var via: String
    /// True when the implementation handed out Key objects or bytes that the probe encoded.
    public var encodedByProbe: Bool
    /// True when the generator took the key size as an argument.
    public var tookBits: Bool
    /// True when the pair is hard-coded in the implementation (fields, key accessors), not generated:
    /// keySource `class-constant`; its private key is never shown in a report.
    public var fixedInClass: Bool

    public init(publicKey: String, privateKey: String, via: String, encodedByProbe: Bool = false, tookBits: Bool = false,
                fixedInClass: Bool = false) {
        self.fixedInClass = fixedInClass
        self.publicKey = publicKey
        self.privateKey = privateKey
        self.via = via
        self.encodedByProbe = encodedByProbe
        self.tookBits = tookBits
    }
}

/// The fields of a getToken sign request (ADAPTER.md `tokenSign`).
public struct TokenSignInput: Sendable, Equatable {
    public var appId, businessType, msgId, timestamp, traceId, version, appKey: String

    public init(appId: String, businessType: String, msgId: String, timestamp: String, traceId: String,
                version: String, appKey: String) {
        self.appId = appId
        self.businessType = businessType
        self.msgId = msgId
        self.timestamp = timestamp
        self.traceId = traceId
        self.version = version
        self.appKey = appKey
    }
}

/// The fields of a number-check request (ADAPTER.md `numberCheckRequest`).
public struct NumberCheckInput: Sendable, Equatable {
    public var appId, appKey, msgId, timestamp, token, version, phone: String
    public var customerPrivateKey, platformPublicKey: String
    public var userInformation: String?
    public var expandParams: String?

    public init(appId: String, appKey: String, msgId: String, timestamp: String, token: String, version: String,
                phone: String, customerPrivateKey: String, platformPublicKey: String,
                userInformation: String? = nil, expandParams: String? = nil) {
        self.appId = appId
        self.appKey = appKey
        self.msgId = msgId
        self.timestamp = timestamp
        self.token = token
        self.version = version
        self.phone = phone
        self.customerPrivateKey = customerPrivateKey
        self.platformPublicKey = platformPublicKey
        self.userInformation = userInformation
        self.expandParams = expandParams
    }
}
