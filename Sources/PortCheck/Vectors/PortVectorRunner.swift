import Conformance
import Foundation
import NumberCheck
import RSA

/// Runs the stored vectors that the port's operations can run, through the adapter:
/// MD5 (`md5`), byte-exact signatures (`sign`), verification verdicts (`verify`), decryption of
/// the JDK-made chunked ciphertexts (`decryptByPrivateKey`/`decryptByPublicKey`) and byte-exact
/// private-key encryption (`encryptByPrivateKey`), getToken signs (`tokenSign`).
///
/// Each case becomes an `Outcome` judged by the harness's `CaseVerdict` (the same rules as
/// `conformance run`); an operation the adapter does not list makes its cases skips with the reason.
/// Files are picked by their `schema` field and decoded with the harness's models.
final class PortVectorRunner {
    /// Inputs larger than this are not sent to an adapter (skipped with the reason).
    static let maximumInput = 1 << 20

    let port: AdapterPort
    let progress: (String) -> Void
    /// Modulus bits of the port's own keys (its genKeyPair), when known: the chunked vectors of that
    /// size are checks, the others are run for information only.
    var portKeySize: Int?
    /// How the port writes keys: vector keys are handed to it the same way.
    var keyFormat = PortKeyFormat()
    var outcomes: [Outcome] = []
    /// What the runs showed beyond pass/fail (e.g. the getToken sign's letter case), for the findings.
    var notes: [String] = []
    /// Base64 strings the port produced (signatures, ciphertexts), for the Base64 style finding.
    var base64Outputs: [String] = []
    var sawNumberCheckVectors = false
    /// Acceptable verify cases the port decided differently from the JDK's `javaVerdict`.
    var javaDisagreements: [(alg: String, text: String)] = []
    /// Signature algorithms the port uses (see `resolveAlgorithmRefusals`).
    var usedAlgorithms: Set<String> = []
    /// The plaintext rules the port's number-check requests verified with.
    var numberCheckRules: Set<PhonePlaintextRule> = []
    /// Per JCA algorithm: the first refusal (ok:false) of `sign`/`verify`.
    var algorithmUse: [String: AlgorithmUse] = [:]

    struct AlgorithmUse {
        var firstRefusal: String?
    }

    init(port: AdapterPort, progress: @escaping (String) -> Void) {
        self.port = port
        self.progress = progress
    }

    /// Runs every vector file of `folder` whose schema has a port check.
    func run(folder: URL) throws {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw PortCheckError.environment("cannot read the vector folder \(folder.path): \((error as NSError).localizedDescription)")
        }
        for url in files {
            let name = url.lastPathComponent
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw PortCheckError.environment("cannot read \(url.path): \((error as NSError).localizedDescription)")
            }
            guard let schema = Self.schema(of: data) else { continue }
            switch schema {
            case Md5HashGroup.schema:
                try runMd5(try decode(data, name), file: name)
            case RsassaPkcs1GenerateGroup.schema:
                try runSign(try decode(data, name), file: name)
            case RsassaPkcs1VerifyGroup.schema:
                try runVerify(try decode(data, name), file: name)
            case RsaUtilsChunkedGroup.schema:
                try runChunked(try decode(data, name), file: name)
            case GetTokenSignGroup.schema:
                try runTokenSign(try decode(data, name), file: name)
            case NumberCheckGroup.schema:
                try runNumberCheck(try decode(data, name), file: name)
            default:
                continue  // keys, padding, Wycheproof decryption: no adapter operation runs them
            }
        }
        if !sawNumberCheckVectors { try runGeneratedNumberCheck() }
        if numberCheckRules == [.phone] {
            notes.append("its number-check phoneNum encrypts the bare phone (plaintext rule \"phone\", not the default "
                + "phone+appKey+timestamp): set the Swift side with --phone-plaintext phone")
        } else if numberCheckRules.count > 1 {
            notes.append("its number-check phoneNum follows both plaintext rules in different requests")
        }
        resolveAlgorithmRefusals()
        if let note = javaDisagreementNote { notes.append(note) }
    }

    // MARK: - Recording

    /// Runs `body` for one case: a protocol breach (`PortCheckError`) stops the check, any other
    /// error is the port's failure and becomes the observation `onError` makes of it.
    func observe(_ body: () throws -> Observation, onError: (Error) -> Observation) throws -> Observation {
        do {
            return try body()
        } catch let error as PortCheckError {
            throw error
        } catch {
            return onError(error)
        }
    }

    func record(suite: String, file: String, group: Int, _ test: some VectorTestCase,
                expected: ExpectedResult? = nil, comment: String? = nil, _ observation: Observation) {
        let expected = expected ?? test.result
        let (verdict, actual) = CaseVerdict.make(expected: expected, observation: observation)
        outcomes.append(Outcome(file: file, suite: suite, groupIndex: group, tcId: test.tcId,
                                comment: comment ?? test.comment, flags: test.flags, expected: expected,
                                actual: actual, verdict: verdict))
    }

    /// Every case of a group with the same skip reason.
    func skipAll(suite: String, file: String, group: Int, _ tests: [some VectorTestCase], _ reason: String) {
        for test in tests { record(suite: suite, file: file, group: group, test, .skipped(reason)) }
    }

    static func lacks(_ op: AdapterOp) -> String { "the adapter does not list \(op.rawValue)" }

    // MARK: - Files

    private static func schema(of data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["schema"] as? String
    }

    private func decode<G: VectorTestGroup>(_ data: Data, _ name: String) throws -> WycheproofFile<G> {
        do {
            return try JSONDecoder().decode(WycheproofFile<G>.self, from: data)
        } catch {
            throw PortCheckError.environment("stored vector file \(name) does not decode: \(String(describing: error).prefix(300))")
        }
    }

    /// Signature algorithms the port does not use are skipped, not failed: a port with a fixed
    /// algorithm answers ok:false for the others (ADAPTER.md) or ignores `alg`. An algorithm is
    /// "used" when at least one of its sign cases or valid verify cases passed. When the port uses
    /// none at all, every failure stays (a broken port must not look compatible).
    private func resolveAlgorithmRefusals() {
        var used: Set<String> = []
        for outcome in outcomes where outcome.verdict == .pass {
            guard let (op, alg) = Self.signatureSuite(outcome.suite) else { continue }
            if op == "sign" || outcome.expected == .valid { used.insert(alg) }
        }
        usedAlgorithms = used
        guard !used.isEmpty else { return }
        let usedList = used.sorted().joined(separator: ", ")
        for index in outcomes.indices {
            guard let (_, alg) = Self.signatureSuite(outcomes[index].suite), !used.contains(alg) else { continue }
            let reason = algorithmUse[alg]?.firstRefusal.map { "it answered ok:false: \($0)" }
                ?? "its answers match \(usedList) only"
            outcomes[index].verdict = .skip(reason: "the port does not use \(alg) (\(reason))")
            outcomes[index].actual = nil
        }
        let unused = Set(outcomes.compactMap { Self.signatureSuite($0.suite)?.1 }).subtracting(used).sorted()
        if !unused.isEmpty {
            notes.append("signature vectors run for \(usedList); skipped for \(unused.joined(separator: ", ")) (algorithms the port does not use)")
        }
    }

    /// "sign MD5withRSA 1024" / "verify SHA1withRSA 2048": the op and the algorithm.
    static func signatureSuite(_ suite: String) -> (String, String)? {
        let parts = suite.split(separator: " ")
        guard parts.count >= 2, parts[0] == "sign" || parts[0] == "verify" else { return nil }
        return (String(parts[0]), String(parts[1]))
    }
}
