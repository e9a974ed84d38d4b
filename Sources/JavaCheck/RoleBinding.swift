import ImplementationProbes
import JavaOracle
import RSA

/// How one RsaUtils role is called on one method of the user's class: which parameter takes the
/// data (or ciphertext), which the key, which the signature (verify), and whether calling it
/// confirmed the role (an unconfirmed binding comes from the name alone, for a method that failed).
struct RoleBinding: Equatable {
    let role: ImplementationOperation
    let method: JavaUserClass.Method
    let dataIndex: Int
    let keyIndex: Int
    let signatureIndex: Int?
    let confirmed: Bool

    /// What the plaintext is: the data parameter's type for encrypt/sign/verify, the return type for
    /// decrypt (a String result is text, whatever the ciphertext parameter is).
    var dataKind: DataKind {
        if role == .decryptByPrivateKey || role == .decryptByPublicKey { return method.returns == "String" ? .text : .bytes }
        return method.parameters[dataIndex] == "String" ? .text : .bytes
    }
    var order: String { dataIndex < keyIndex ? "data-first" : "key-first" }

    /// The arguments in parameter order.
    func arguments(data: JavaUserClass.Argument, key: String, publicKey isPublic: Bool,
                   signature: JavaUserClass.Argument? = nil) throws -> [JavaUserClass.Argument] {
        var args = [JavaUserClass.Argument](repeating: .int(0), count: method.parameters.count)
        args[dataIndex] = data
        guard let keyArgument = ParameterKind(method.parameters[keyIndex]).keyArgument(key, isPublic: isPublic) else {
            throw ProbeError.cannotDrive("\(method.signature) takes a \(method.parameters[keyIndex]), not a \(isPublic ? "public" : "private") key")
        }
        args[keyIndex] = keyArgument
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
    case bytes, string, publicKey, privateKey, anyKey, other

    init(_ type: String) {
        switch type {
        case "byte[]": self = .bytes
        case "String": self = .string
        case "PublicKey", "RSAPublicKey": self = .publicKey
        case "PrivateKey", "RSAPrivateKey", "RSAPrivateCrtKey": self = .privateKey
        case "Key": self = .anyKey
        default: self = .other
        }
    }

    var takesData: Bool { self == .bytes || self == .string }
    var takesKey: Bool { self == .string || self == .publicKey || self == .privateKey || self == .anyKey }

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
