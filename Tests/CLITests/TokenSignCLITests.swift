import Crypto
import Foundation
import XCTest

/// `conformance token-sign`: expected signs are swift-crypto `Insecure.MD5` of the formula
/// appId + businessType + msgId + timestamp + traceId + version + appKey (UTF-8), never the code under test.
final class TokenSignCLITests: XCTestCase {
    private func md5Hex(_ text: String) -> String {
        Insecure.MD5.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private struct Fields {
        var appId = "300011860001"
        var businessType = "5"
        var id = "0123456789abcdef0123456789abcdef"
        var timestamp = "20121227180001165"
        var version = "1.0"
        var appKey = "appkey-中文"

        /// Upper-case hex: the CLI's default letter case.
        var formulaSign: String {
            Insecure.MD5.hash(data: Data((appId + businessType + id + timestamp + id + version + appKey).utf8))
                .map { String(format: "%02X", $0) }.joined()
        }

        /// `--option value`, or `--option=value` when a random value starts with '-' (else it reads as an option).
        var arguments: [String] {
            let pairs = [("--app-id", appId), ("--business-type", businessType), ("--msg-id", id), ("--timestamp", timestamp),
                         ("--trace-id", id), ("--version", version), ("--app-key", appKey)]
            return ["token-sign"] + pairs.flatMap { option, value in value.hasPrefix("-") ? ["\(option)=\(value)"] : [option, value] }
        }
    }

    private func randomString(_ alphabet: [Character], _ length: Int) -> String {
        String((0..<length).map { _ in alphabet.randomElement() ?? "x" })
    }

    func testKnownAnswer() throws {
        // printf %s '3000115abc20121227180001165abc1.0密钥KEY' | md5sum → b2e09353243a40b25910c3820574f0cb (run once, by hand)
        let result = try CLIRunner.run(["token-sign", "--app-id", "300011", "--business-type", "5", "--msg-id", "abc",
                                        "--timestamp", "20121227180001165", "--trace-id", "abc", "--version", "1.0",
                                        "--app-key", "密钥KEY"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "B2E09353243A40B25910C3820574F0CB\n")
        XCTAssertEqual(result.stderr, "")
        let lower = try CLIRunner.run(["token-sign", "--app-id", "300011", "--business-type", "5", "--msg-id", "abc",
                                       "--timestamp", "20121227180001165", "--trace-id", "abc", "--version", "1.0",
                                       "--app-key", "密钥KEY", "--case", "lower"])
        XCTAssertEqual(lower.stdout, "b2e09353243a40b25910c3820574f0cb\n", lower.stderr)
        assertOneLineError(try CLIRunner.run(["token-sign", "--case", "title"]), exitCode: 2, mentioning: "--case")
    }

    func testRandomASCIIAndChineseFieldSetsMatchInsecureMD5() throws {
        let ascii = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        let chinese = Array("中国移动本机号码校验微信小程序密钥应用令牌签名")
        let stamps = ["20121227180001165", "20240229235959999", "19700101080000000"]
        for round in 0..<6 {
            let alphabet = round % 2 == 0 ? ascii : ascii + chinese
            var fields = Fields()
            fields.appId = randomString(alphabet, Int.random(in: 1...20))
            fields.id = randomString(alphabet, Int.random(in: 1...40))
            fields.timestamp = stamps[round % stamps.count]
            fields.version = randomString(alphabet, Int.random(in: 1...5))
            fields.appKey = randomString(alphabet, Int.random(in: 1...64))
            let result = try CLIRunner.run(fields.arguments)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, fields.formulaSign + "\n", "\(fields)")
        }
    }

    func testGivenSignIsChecked() throws {
        let fields = Fields()
        // Checks accept either letter case.
        for given in [fields.formulaSign, fields.formulaSign.lowercased()] {
            let good = try CLIRunner.run(fields.arguments + ["--sign", given, "--expand-params", "a=b"])
            XCTAssertEqual(good.status, 0, good.stderr)
            XCTAssertEqual(good.stdout, fields.formulaSign + "\n")
        }
        let bad = try CLIRunner.run(fields.arguments + ["--sign", md5Hex("something else")])
        assertOneLineError(bad, exitCode: 1, mentioning: "103101")
        XCTAssertEqual(bad.stdout, "")
    }

    func testEachRuleExitsOneWithItsCode() throws {
        let base = Fields()
        func run(_ change: (inout Fields) -> Void, extra: [String] = []) throws -> CLIResult {
            var fields = base
            change(&fields)
            return try CLIRunner.run(fields.arguments + extra)
        }
        // 130010: each required option empty, and options simply left out.
        for option in ["--app-id", "--msg-id", "--timestamp", "--trace-id", "--version", "--app-key"] {
            var arguments = base.arguments
            if let i = arguments.firstIndex(of: option) { arguments[i + 1] = " " }
            assertOneLineError(try CLIRunner.run(arguments), exitCode: 1, mentioning: "130010")
            if let i = arguments.firstIndex(of: option) { arguments.removeSubrange(i...(i + 1)) }
            assertOneLineError(try CLIRunner.run(arguments), exitCode: 1, mentioning: "130010")
        }
        assertOneLineError(try run({ _ in }, extra: ["--sign", ""]), exitCode: 1, mentioning: "130010")
        assertOneLineError(try CLIRunner.run(["token-sign"]), exitCode: 1, mentioning: "130010")
        // 105112
        for stamp in ["20231327180001165", "20230231180001165", "20230229180001165", "20121227240001165",
                      "2012122718000116", "201212271800011650", "2012122718000116a"] {
            assertOneLineError(try run { $0.timestamp = stamp }, exitCode: 1, mentioning: "105112")
        }
        XCTAssertEqual(try run { $0.timestamp = "20240229180001165" }.status, 0)
        // 110025
        assertOneLineError(try run { $0.businessType = "4" }, exitCode: 1, mentioning: "110025")
        assertOneLineError(try run { $0.businessType = "" }, exitCode: 1, mentioning: "110025")
        // 110024
        assertOneLineError(try run({ _ in }, extra: ["--configured-business-type", "3"]), exitCode: 1, mentioning: "110024")
        XCTAssertEqual(try run({ _ in }, extra: ["--configured-business-type", "5"]).status, 0)
        // 103101: msgId ≠ traceId
        var arguments = base.arguments
        if let i = arguments.firstIndex(of: "--msg-id") { arguments[i + 1] = "other" }
        assertOneLineError(try CLIRunner.run(arguments), exitCode: 1, mentioning: "msgId must equal traceId")
        assertOneLineError(try CLIRunner.run(arguments), exitCode: 1, mentioning: "103101")
    }

    func testErrorLineFormat() throws {
        var fields = Fields()
        fields.timestamp = "20231327180001165"
        let result = try CLIRunner.run(fields.arguments)
        XCTAssertTrue(result.stderr.hasPrefix("error: 105112 时间戳非法 (illegal timestamp): "), result.stderr)
        // User input with a newline stays on one line.
        fields.timestamp = "2012\n1227180001165"
        assertOneLineError(try CLIRunner.run(fields.arguments), exitCode: 1, mentioning: "105112")
    }

    func testNowAndNewIdFillMissingFields() throws {
        let result = try CLIRunner.run(["token-sign", "--now", "--new-id", "--app-id", "a", "--business-type", "5",
                                        "--version", "1.0", "--app-key", "k"])
        XCTAssertEqual(result.status, 0, result.stderr)
        // The generated values are reported on stderr; recompute the sign from them independently.
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let stamp = try XCTUnwrap(lines.first { $0.hasPrefix("timestamp: ") }).dropFirst("timestamp: ".count)
        let id = try XCTUnwrap(lines.first { $0.hasPrefix("msgId = traceId: ") }).dropFirst("msgId = traceId: ".count)
        XCTAssertEqual(stamp.count, 17)
        XCTAssertTrue(stamp.allSatisfy(\.isASCII) && stamp.allSatisfy(\.isNumber))
        XCTAssertEqual(id.count, 32)
        XCTAssertEqual(result.stdout, md5Hex("a5\(id)\(stamp)\(id)1.0k").uppercased() + "\n")
    }

    func testExplainAllListsEveryCodeOfTheSeed() throws {
        let result = try CLIRunner.run(["token-sign", "--explain", "all"])
        XCTAssertEqual(result.status, 0, result.stderr)
        // The seed's table (§3.2.3) in its order, copied by hand.
        let seed = ["103000", "130010", "105112", "103101", "110024", "110025", "110023", "110025", "103111", "111002",
                    "103609", "105002", "103211"]
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.map { String($0.prefix(6)) }, seed)
        for (line, chinese) in zip(lines, ["token 获取成功", "参数为空", "时间戳非法", "错误的请求签名", "businessType 配置错误",
                                           "businessType 错误", "应用没有权益", "权益已失效", "WAP 网关 IP 错误", "黑名单号码用户",
                                           "物联网 IP 不允许取号", "移动网关取号失败", "其他错误"]) {
            XCTAssertTrue(line.contains(chinese), line)
            XCTAssertEqual(line.split(separator: "\t").count, 3, line)
        }
    }

    func testExplainOneCode() throws {
        let one = try CLIRunner.run(["token-sign", "--explain", "130010"])
        XCTAssertEqual(one.status, 0)
        XCTAssertEqual(one.stdout, "130010\t参数为空\tempty parameter\n")
        let twice = try CLIRunner.run(["token-sign", "--explain", "110025"])
        XCTAssertEqual(twice.stdout.split(separator: "\n").count, 2)
        XCTAssertTrue(twice.stdout.contains("权益已失效") && twice.stdout.contains("businessType 错误"))
    }

    func testExplainUnknownCodeIsUsageError() throws {
        let result = try CLIRunner.run(["token-sign", "--explain", "999"])
        assertOneLineError(result, exitCode: 2, mentioning: "unknown error code")
        XCTAssertEqual(result.stdout, "")
    }
}
