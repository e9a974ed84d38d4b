import StrictJSON

/// The number-check request a business server sends to the platform (seed flow step 10):
///
/// ```json
/// {"header":{"version":"1.0","msgId":"…","appId":"…","timestamp":"yyyyMMddHHmmssSSS"},
///  "body":{"expandParams":"","phoneNum":"<Base64>","token":"…","sign":"<Base64>","userInformation":"…"}}
/// ```
///
/// A field is nil when the request does not carry it (a parsed request may lack fields; a built one
/// has them all). Values are kept exactly: nothing is trimmed or normalised.
public struct NumberCheckRequest: Sendable, Equatable {
    // header
    public var version: String?
    public var msgId: String?
    public var appId: String?
    public var timestamp: String?
    // body
    public var expandParams: String?
    public var phoneNum: String?
    public var token: String?
    public var sign: String?
    public var userInformation: String?

    public init(version: String?, msgId: String?, appId: String?, timestamp: String?, expandParams: String?,
                phoneNum: String?, token: String?, sign: String?, userInformation: String?) {
        self.version = version
        self.msgId = msgId
        self.appId = appId
        self.timestamp = timestamp
        self.expandParams = expandParams
        self.phoneNum = phoneNum
        self.token = token
        self.sign = sign
        self.userInformation = userInformation
    }

    /// The header fields in the document's order.
    public static let headerFields = ["version", "msgId", "appId", "timestamp"]
    /// The body fields in the document's order.
    public static let bodyFields = ["expandParams", "phoneNum", "token", "sign", "userInformation"]

    /// The string the sign covers: appId + msgId + phoneNum + timestamp + token + version (plain
    /// concatenation, no separators; an absent field counts as empty). Signed as its UTF-8 bytes.
    public var signString: String {
        NumberCheckSigner.signString(appId: appId ?? "", msgId: msgId ?? "", phoneNum: phoneNum ?? "",
                                     timestamp: timestamp ?? "", token: token ?? "", version: version ?? "")
    }

    /// The value of a field by its name in the JSON ("version", "phoneNum", …); nil when absent or unknown.
    public func field(_ name: String) -> String? {
        switch name {
        case "version": return version
        case "msgId": return msgId
        case "appId": return appId
        case "timestamp": return timestamp
        case "expandParams": return expandParams
        case "phoneNum": return phoneNum
        case "token": return token
        case "sign": return sign
        case "userInformation": return userInformation
        default: return nil
        }
    }

    // MARK: - JSON

    /// The request as JSON text: `header` then `body`, fields in the document's order, absent fields
    /// left out, strings with RFC 8259's minimal escaping (`JSONSerializer.Escaping.minimal`: Chinese
    /// text stays as UTF-8, `/` is not escaped). One line, or two-space indented when `pretty`.
    public func jsonText(pretty: Bool = false) -> String {
        func object(_ names: [String]) -> JSONValue {
            var members = JSONObject()
            for name in names { if let value = field(name) { members[name] = .string(value) } }
            return .object(members)
        }
        let root: JSONValue = .object(["header": object(Self.headerFields), "body": object(Self.bodyFields)])
        return JSONSerializer(escaping: .minimal, pretty: pretty).string(root)
    }

    /// The UTF-8 bytes of `jsonText()`: what is POSTed.
    public var jsonBytes: [UInt8] { Array(jsonText().utf8) }

    /// Reads a request. Throws `NumberCheckRequestError` when the text is not JSON, the top level,
    /// `header` or `body` is not an object, or a known field is neither a string nor null (null
    /// counts as absent). Unknown members are ignored; a missing `header` or `body` leaves its
    /// fields absent.
    public init(json bytes: [UInt8]) throws {
        let root: JSONValue
        do { root = try JSONParser().parse(bytes) } catch {
            throw NumberCheckRequestError.notJSON(error.description)
        }
        guard case .object = root else { throw NumberCheckRequestError.wrongType(field: "top level", found: root.typeName) }
        func section(_ name: String) throws -> JSONValue? {
            guard let value = root[name], value != .null else { return nil }
            guard case .object = value else { throw NumberCheckRequestError.wrongType(field: name, found: value.typeName) }
            return value
        }
        let header = try section("header"), body = try section("body")
        func string(_ object: JSONValue?, _ section: String, _ name: String) throws -> String? {
            guard let value = object?[name] else { return nil }
            switch value {
            case .null: return nil
            case .string(let text): return text
            default: throw NumberCheckRequestError.wrongType(field: "\(section).\(name)", found: value.typeName)
            }
        }
        self.init(
            version: try string(header, "header", "version"), msgId: try string(header, "header", "msgId"),
            appId: try string(header, "header", "appId"), timestamp: try string(header, "header", "timestamp"),
            expandParams: try string(body, "body", "expandParams"), phoneNum: try string(body, "body", "phoneNum"),
            token: try string(body, "body", "token"), sign: try string(body, "body", "sign"),
            userInformation: try string(body, "body", "userInformation"))
    }

    public init(json text: String) throws {
        try self.init(json: Array(text.utf8))
    }
}

/// Why a request text could not be read (the platform's 303 parameter parse error).
public enum NumberCheckRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    case notJSON(String)
    case wrongType(field: String, found: String)

    public var description: String {
        switch self {
        case .notJSON(let why): return "the request is not valid JSON (\(why))"
        case .wrongType(let field, let found):
            return field == "top level" ? "the request is \(found), not a JSON object"
                : "\(field) is \(found), expected \(field == "header" || field == "body" ? "an object" : "a string")"
        }
    }
}
