import ArgumentParser
import Foundation
import NumberCheck
import RSA

/// `conformance number-check build|verify|parse-response`: the number-check request of seed step 10.
struct NumberCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "number-check",
        abstract: "Build, verify (as the platform does) and parse the number-check request of the H5 number verification.",
        discussion: "See docs/NUMBER_CHECK.md for the request format, the verify rules and their result codes.",
        subcommands: [Build.self, Verify.self, ParseResponse.self])

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the request JSON: phoneNum encrypted with the platform public key, sign made with the customer private key.")

        @Option(name: .customLong("app-id")) var appId: String
        @Option(name: .customLong("app-key"), help: "The app's key (part of the phone plaintext, never sent).") var appKey: String
        @Option(help: "The token getToken returned.") var token: String
        @Option(help: "The phone number the user typed.") var phone: String
        @Option(name: .customLong("customer-private-key"), help: "Signs the request: RsaUtils string, PEM, or @file.")
        var customerPrivateKey: String
        @Option(name: .customLong("platform-public-key"), help: "Encrypts the phone: RsaUtils string, PEM, or @file.")
        var platformPublicKey: String
        @Option(name: .customLong("user-information"), help: "userInformation exactly as getToken returned it (default empty).")
        var userInformation: String = ""
        @Option(name: .customLong("expand-params"), help: "expandParams (default empty).") var expandParams: String = ""
        @Option(name: .customLong("msg-id"), help: "msgId (default: 32 fresh random hex digits).") var msgId: String?
        @Option(help: "17 digits yyyyMMddHHmmssSSS, China Standard Time (default: now).") var timestamp: String?
        @Flag(help: "Use the current time in UTC+8 (the default when --timestamp is not given).") var now = false
        @Option(help: "header.version.") var version: String = "1.0"
        @Option(name: .customLong("phone-plaintext"), help: "What phoneNum encrypts: phone+appKey+timestamp (default) or phone.")
        var phonePlaintext: String = PhonePlaintextRule.default.rawValue
        @Flag(help: "Indent the JSON (the one-line form is what the tool signs and sends).") var pretty = false

        func run() throws {
            if now && timestamp != nil { throw CLIFailure.usage("give either --timestamp or --now, not both") }
            let rule = try NumberCheckInput.rule(phonePlaintext)
            let customer = try KeyInput.privateKey(customerPrivateKey, option: "--customer-private-key")
            let platform = try KeyInput.publicKey(platformPublicKey, option: "--platform-public-key")
            let parameters = NumberCheckParameters(
                appId: appId, appKey: appKey, token: token, phone: phone, userInformation: userInformation,
                expandParams: expandParams, msgId: msgId, timestamp: timestamp, version: version, plaintextRule: rule)
            do {
                let request = try NumberCheckBuilder.build(parameters, customerPrivateKey: customer, platformPublicKey: platform)
                print(request.jsonText(pretty: pretty))
            } catch let error as NumberCheckBuildError {
                switch error {
                case .emptyParameter, .invalidTimestamp: throw CLIFailure.usage("\(error)")
                default: throw CLIFailure("\(error)")
                }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a request as the platform does; prints the result code and why. Exit 0 for 000, 1 otherwise.",
            discussion: """
                Checks, first failure wins: 303 not JSON / wrong JSON types; 102 a required field missing or blank, \
                or a bad timestamp; 302 sign does not verify with the customer public key; 004 phoneNum does not \
                decrypt with the platform private key to the plaintext rule; 001 not the --expect-phone; 000 accepted.
                """)

        @Option(help: "The request JSON: @file, - for stdin, or the text itself.") var request: String
        @Option(name: .customLong("customer-public-key"), help: "Verifies the sign: RsaUtils string, PEM, or @file.")
        var customerPublicKey: String
        @Option(name: .customLong("platform-private-key"), help: "Decrypts phoneNum: RsaUtils string, PEM, or @file.")
        var platformPrivateKey: String
        @Option(name: .customLong("app-key"), help: "The app's key (checked inside the phone plaintext).") var appKey: String
        @Option(name: .customLong("expect-phone"), help: "The phone behind the token: a different one gives 001.")
        var expectPhone: String?
        @Option(name: .customLong("phone-plaintext"), help: "phone+appKey+timestamp (default) or phone.")
        var phonePlaintext: String = PhonePlaintextRule.default.rawValue
        @Option(name: .customLong("max-age"), help: "Reject (102) a timestamp more than SECONDS away from now (default: no window).")
        var maxAge: Double?

        func run() throws {
            let rule = try NumberCheckInput.rule(phonePlaintext)
            if let maxAge, !(maxAge >= 0 && maxAge.isFinite) { throw CLIFailure.usage("--max-age must be a number of seconds ≥ 0") }
            let customer = try KeyInput.publicKey(customerPublicKey, option: "--customer-public-key")
            let platform = try KeyInput.privateKey(platformPrivateKey, option: "--platform-private-key")
            let bytes = try NumberCheckInput.bytes(request, option: "--request")
            let verdict = NumberCheckVerifier.verify(
                requestJSON: bytes, customerPublicKey: customer, platformPrivateKey: platform, appKey: appKey,
                expectedPhone: expectPhone, plaintextRule: rule,
                freshness: maxAge.map { NumberCheckFreshness(now: Date(), toleranceSeconds: $0) })
            print(verdict.description)
            if !verdict.isAccepted { throw ExitCode(1) }
        }
    }

    struct ParseResponse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse-response",
            abstract: "Read the platform's answer (App or H5 shape) and print the typed result. Exit 0 when it is the local number, 1 otherwise.")

        @Argument(help: "The answer JSON: @file, - for stdin, or the text itself.") var response: String

        func run() throws {
            let bytes = try NumberCheckInput.bytes(response, option: "response")
            let parsed: NumberCheckResponse
            do { parsed = try NumberCheckResponse(json: bytes) } catch { throw CLIFailure.usage("\(error)") }
            print("result: \(parsed.outcome.rawValue)")
            print("code: \(parsed.code)")
            print("description: \(oneLine(parsed.displayDescription))")
            print("known code: \(parsed.known == nil ? "no" : "yes")")
            print("shape: \(parsed.shape == .app ? "App (header/body)" : "H5 (top-level resultCode)")")
            for (name, value) in [("appId", parsed.appId), ("msgId", parsed.msgId), ("timestamp", parsed.timestamp), ("taskId", parsed.taskId)] {
                if let value { print("\(name): \(oneLine(value))") }
            }
            if parsed.outcome != .localNumber { throw ExitCode(1) }
        }
    }
}

enum NumberCheckInput {
    /// A request or answer is a few KB; anything beyond this is not one.
    static let maximumBytes = 16 << 20

    static func rule(_ text: String) throws -> PhonePlaintextRule {
        guard let rule = PhonePlaintextRule(setting: text) else {
            throw CLIFailure.usage("--phone-plaintext must be phone+appKey+timestamp or phone, got '\(oneLine(text))'")
        }
        return rule
    }

    /// `@path` (the file's bytes), `-` (stdin) or the argument's own UTF-8 bytes; a bare argument
    /// that does not start with `{` and names an existing file is read as that file (a forgotten `@`).
    static func bytes(_ argument: String, option: String) throws -> [UInt8] {
        if argument == "-" {
            let data: Data
            do {
                data = try FileHandle.standardInput.read(upToCount: maximumBytes + 1) ?? Data()
            } catch {
                throw CLIFailure.usage("\(option): cannot read stdin")
            }
            guard data.count <= maximumBytes else { throw CLIFailure.usage("\(option): stdin holds more than 16 MiB") }
            return Array(data)
        }
        let looksLikeJSON = argument.drop(while: { $0.isWhitespace }).hasPrefix("{")
        let path: String
        if argument.hasPrefix("@") {
            path = String(argument.dropFirst())
        } else if !looksLikeJSON && !argument.isEmpty && FileManager.default.fileExists(atPath: argument) {
            path = argument
        } else {
            return Array(argument.utf8)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIFailure.usage("\(option): cannot read file '\(oneLine(path))'")
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: maximumBytes + 1) ?? Data() } catch {
            throw CLIFailure.usage("\(option): cannot read file '\(oneLine(path))'")
        }
        guard data.count <= maximumBytes else { throw CLIFailure.usage("\(option): '\(oneLine(path))' is larger than 16 MiB") }
        return Array(data)
    }
}

/// Control characters replaced, so that printed input stays on one line.
private func oneLine(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "?" : $0 }))
}
