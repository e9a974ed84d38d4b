import ImplementationProbes
import JavaOracle
import RSA

/// How one RsaUtils role is called on one method of the user's class: which parameter takes the
/// data (or ciphertext), which the key, which the signature (verify), and whether calling it
/// confirmed the role (an unconfirmed binding comes from the name alone, for a method that failed).
/// A method without a key parameter (`encrypt(String data)`) uses the class's own hard-coded key:
/// `keyIndex` is nil and it can only be driven with that key (`ownKeys`). A charset parameter
/// (`String charset` or `Charset`) is given "UTF-8": the charset is the caller's choice.
struct RoleBinding: Equatable {
    let role: ImplementationOperation
    let method: JavaUserClass.Method
    let dataIndex: Int
    let keyIndex: Int?
    let signatureIndex: Int?
    let confirmed: Bool
    var charsetIndex: Int? = nil
    /// The class's own key pair (for a method without a key parameter).
    var ownKeys: OwnKeys? = nil

    /// The key strings of the class's own hard-coded keys (as re-encoded by the probe).
    struct OwnKeys: Equatable {
        let publicKey: String
        let privateKey: String?
    }

    /// What a charset parameter is given.
    static let charset = "UTF-8"

    init(role: ImplementationOperation, method: JavaUserClass.Method, dataIndex: Int, keyIndex: Int?, signatureIndex: Int?,
         confirmed: Bool, charsetIndex: Int? = nil, ownKeys: OwnKeys? = nil) {
        self.role = role
        self.method = method
        self.dataIndex = dataIndex
        self.keyIndex = keyIndex
        self.signatureIndex = signatureIndex
        self.confirmed = confirmed
        self.charsetIndex = charsetIndex
        self.ownKeys = keyIndex == nil ? ownKeys : nil
    }

    /// What the plaintext is: the data parameter's type for encrypt/sign/verify, the return type for
    /// decrypt (a String result is text, whatever the ciphertext parameter is).
    var dataKind: DataKind {
        if role == .decryptByPrivateKey || role == .decryptByPublicKey { return method.returns == "String" ? .text : .bytes }
        return method.parameters[dataIndex] == "String" ? .text : .bytes
    }
    var order: String { keyIndex.map { dataIndex < $0 ? "data-first" : "key-first" } ?? "data-only" }

    /// The key parameter's kind (nil: the class's own key).
    var keyKind: ParameterKind? { keyIndex.map { ParameterKind(method.parameters[$0]) } }

    /// The arguments in parameter order.
    func arguments(data: JavaUserClass.Argument, key: String, publicKey isPublic: Bool,
                   signature: JavaUserClass.Argument? = nil) throws -> [JavaUserClass.Argument] {
        var args = [JavaUserClass.Argument](repeating: .int(0), count: method.parameters.count)
        args[dataIndex] = data
        if let keyIndex {
            guard let keyArgument = ParameterKind(method.parameters[keyIndex]).keyArgument(key, isPublic: isPublic) else {
                throw ProbeError.cannotDrive("\(method.signature) takes a \(method.parameters[keyIndex]), not a \(isPublic ? "public" : "private") key")
            }
            args[keyIndex] = keyArgument
        } else {
            // Its key is fixed in the class: only checks with that very key can drive it.
            guard let own = ownKeys else {
                throw ProbeError.cannotDrive("\(method.signature) takes no key and the class's own key pair was not found")
            }
            guard key == (isPublic ? own.publicKey : own.privateKey) else {
                throw ProbeError.cannotDrive("\(method.signature) always uses the class's own hard-coded key; it cannot be given another key")
            }
        }
        if let charsetIndex {
            args[charsetIndex] = ParameterKind(method.parameters[charsetIndex]) == .charset ? .charset(Self.charset) : .string(Self.charset)
        }
        if let signatureIndex {
            guard let signature else { throw ProbeError.cannotDrive("\(method.signature) needs a signature") }
            args[signatureIndex] = signature
        }
        return args
    }

    /// The data (plaintext) argument: bytes for byte[], the text for String.
    func dataArgument(_ data: ProbeData) throws -> JavaUserClass.Argument {
        if dataKind == .bytes { return .bytes(data.bytes) }
        guard let text = data.text else {
            throw ProbeError.cannotDrive("\(method.signature) takes a String and the input is binary")
        }
        return .string(text)
    }

    /// A binary argument (ciphertext, signature) at `index`: bytes for byte[], the text form for String.
    func binaryArgument(_ value: EncodedBinary, at index: Int) -> JavaUserClass.Argument {
        method.parameters[index] == "byte[]" ? .bytes(value.bytes) : .string(value.text)
    }
}

/// What a parameter type can take.
enum ParameterKind: Equatable {
    case bytes, string, publicKey, privateKey, anyKey, charset, other

    init(_ type: String) {
        switch type {
        case "byte[]": self = .bytes
        case "String": self = .string
        case "PublicKey", "RSAPublicKey": self = .publicKey
        case "PrivateKey", "RSAPrivateKey", "RSAPrivateCrtKey": self = .privateKey
        case "Key": self = .anyKey
        case "Charset", "java.nio.charset.Charset": self = .charset
        default: self = .other
        }
    }

    var takesData: Bool { self == .bytes || self == .string }
    var takesKey: Bool { self == .string || self == .publicKey || self == .privateKey || self == .anyKey }
    /// A charset name (String) or a Charset object.
    var takesCharset: Bool { self == .string || self == .charset }

    /// Can hold a public (true) or private (false) key.
    func accepts(publicKey isPublic: Bool) -> Bool {
        switch self {
        case .string, .anyKey: return true
        case .publicKey: return isPublic
        case .privateKey: return !isPublic
        default: return false
        }
    }

    func keyArgument(_ text: String, isPublic: Bool) -> JavaUserClass.Argument? {
        guard accepts(publicKey: isPublic) else { return nil }
        if self == .string { return .string(text) }
        return isPublic ? .publicKey(text) : .privateKey(text)
    }
}

extension ImplementationOperation {
    /// The key the role takes: public (true) or private (false).
    var takesPublicKey: Bool {
        switch self {
        case .verify, .encryptByPublicKey, .decryptByPublicKey: return true
        default: return false
        }
    }
}
