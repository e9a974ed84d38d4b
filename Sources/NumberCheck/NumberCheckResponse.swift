import StrictJSON

/// The platform's answer to a number-check request, read from either shape of NUMBER_CHECK.md
/// (the endpoint's own answer has not been seen, so both sibling shapes are accepted):
///
/// 1. App style: `{"header":{"appId","msgId","timestamp","resultCode"},"body":{"resultDesc","message","taskId"}}`,
///    `000` = is the local number, `001` = is not, anything else an error;
/// 2. H5 style: `{"resultCode":"103000","desc":…,"data":{…}}`, `103000` = success (is the local
///    number), `104012` 本机号码校验失败 = is not (our reading), anything else an error.
///
/// Unknown codes are kept as they are (outcome `.error`, `known` nil); the raw body is kept.
public struct NumberCheckResponse: Sendable, Equatable {
    public enum Shape: String, Sendable { case app, h5 }

    public enum Outcome: String, Sendable {
        case localNumber = "is the local number"
        case notLocalNumber = "is not the local number"
        case error
    }

    public let shape: Shape
    public let outcome: Outcome
    /// The result code exactly as sent (a JSON number is kept as its text).
    public let code: String
    /// The description the answer carries (`resultDesc`, else `message`, else `desc`), if any.
    public let description: String?
    /// The row of our code tables for `code`, nil when the code is unknown.
    public let known: NumberCheckResultCode?
    public let appId: String?
    public let msgId: String?
    public let timestamp: String?
    public let taskId: String?
    /// The answer's bytes, unchanged.
    public let raw: [UInt8]

    /// Reads an answer. Throws `NumberCheckResponseError` when it is not JSON or has neither shape.
    public init(json bytes: [UInt8]) throws {
        let root: JSONValue
        do { root = try JSONParser().parse(bytes) } catch {
            throw NumberCheckResponseError.notJSON(error.description)
        }
        guard case .object = root else { throw NumberCheckResponseError.notAResponse("the answer is \(root.typeName), not a JSON object") }
        raw = bytes

        func text(_ value: JSONValue?, _ name: String) throws -> String? {
            switch value {
            case nil, .null?: return nil
            case .string(let s)?: return s
            case .number(let n)?: return n.text
            case let other?: throw NumberCheckResponseError.notAResponse("\(name) is \(other.typeName), expected a string")
            }
        }

        if let header = root["header"], case .object = header, let appCode = try text(header["resultCode"], "header.resultCode") {
            let body = root["body"]
            shape = .app
            code = appCode
            description = try text(body?["resultDesc"], "body.resultDesc") ?? (try text(body?["message"], "body.message"))
            appId = try text(header["appId"], "header.appId")
            msgId = try text(header["msgId"], "header.msgId")
            timestamp = try text(header["timestamp"], "header.timestamp")
            taskId = try text(body?["taskId"], "body.taskId")
            known = NumberCheckResultCode.appTable.first { $0.code == appCode }
            outcome = appCode == "000" ? .localNumber : appCode == "001" ? .notLocalNumber : .error
        } else if let h5Code = try text(root["resultCode"], "resultCode") {
            shape = .h5
            code = h5Code
            description = try text(root["desc"], "desc") ?? (try text(root["message"], "message"))
            let data = root["data"]
            appId = try text(data?["appId"], "data.appId")
            msgId = try text(data?["msgId"], "data.msgId")
            timestamp = try text(data?["timestamp"], "data.timestamp")
            taskId = try text(data?["taskId"], "data.taskId")
            known = NumberCheckResultCode.h5Table.first { $0.code == h5Code }
            outcome = h5Code == "103000" ? .localNumber : h5Code == "104012" ? .notLocalNumber : .error
        } else {
            throw NumberCheckResponseError.notAResponse(
                "neither header.resultCode (App style) nor a top-level resultCode (H5 style) is present")
        }
    }

    /// The description to show: the answer's own, else our table's, else "unknown code".
    public var displayDescription: String {
        description ?? known.map { "\($0.chinese) (\($0.english))" } ?? "unknown code"
    }
}

public enum NumberCheckResponseError: Error, Sendable, Equatable, CustomStringConvertible {
    case notJSON(String)
    case notAResponse(String)

    public var description: String {
        switch self {
        case .notJSON(let why): return "the response is not valid JSON (\(why))"
        case .notAResponse(let why): return "not a number-check response: \(why)"
        }
    }
}
