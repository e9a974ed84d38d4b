@testable import Conformance
import RSA
import Foundation
import XCTest

/// Strict decoding of every schema, and malformed files giving one-line errors that name the file and
/// the JSON path.
final class VectorDecodingTests: XCTestCase {
    // MARK: - Helpers

    static func envelope(schema: String, algorithm: String = "X", count: Int, groups: String) -> String {
        """
        {"algorithm": "\(algorithm)", "schema": "\(schema)", "numberOfTests": \(count),
         "header": ["hand-written test file"], "notes": {"Edge": {"bugType": "EDGE_CASE", "description": "an edge"}},
         "testGroups": [\(groups)]}
        """
    }

    static let source = #""source": {"name": "test", "version": "1"}"#

    func load(_ json: String, explicit: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws -> LoadedVectorFile {
        switch VectorLoader.decode(Data(json.utf8), path: "inline.json", explicit: explicit) {
        case .loaded(let loaded): return loaded
        case .failed(let error): throw error
        case .ignored(let reason): throw VectorFileError(file: "inline.json", message: "ignored: \(reason)")
        }
    }

    func failure(_ json: String, explicit: Bool = true, file: StaticString = #filePath, line: UInt = #line) -> VectorFileError? {
        switch VectorLoader.decode(Data(json.utf8), path: "inline.json", explicit: explicit) {
        case .failed(let error): return error
        case .loaded: XCTFail("decoded a malformed file", file: file, line: line); return nil
        case .ignored(let reason): XCTFail("ignored: \(reason)", file: file, line: line); return nil
        }
    }

    func run(_ json: String) throws -> [Outcome] {
        try load(json).run(context: RunContext(javaMode: .off))
    }

    // MARK: - Each schema decodes

    static let md5File = envelope(schema: "md5_schema_v1.json", algorithm: "MD5", count: 4, groups: """
        {"type": "Md5Hash", \(source), "tests": [
          {"tcId": 1, "comment": "abc", "flags": [], "msg": "616263", "digest": "900150983cd24fb0d6963f7d28e17f72", "result": "valid"},
          {"tcId": 2, "comment": "a x 1000 in chunks", "flags": ["Edge"], "msg": "61", "repeat": 1000, "chunks": [1, 63, 64, 0, 500],
           "digest": "cabe45dcc9ae5b66ba86600cca6b8ba8", "result": "valid"},
          {"tcId": 3, "comment": "empty", "flags": [], "msg": "", "repeat": 0, "digest": "d41d8cd98f00b204e9800998ecf8427e", "result": "valid"},
          {"tcId": 4, "comment": "wrong digest", "flags": [], "msg": "616263", "digest": "00000000000000000000000000000000", "result": "invalid"}
        ]}
        """)

    func testMD5FileDecodesAndRuns() throws {
        let file = try load(Self.md5File)
        XCTAssertEqual(file.schema, "md5_schema_v1.json")
        XCTAssertEqual(file.testCount, 4)
        XCTAssertEqual(file.notes["Edge"]?.bugType, "EDGE_CASE")
        let outcomes = try run(Self.md5File)
        XCTAssertEqual(outcomes.map(\.verdict), [.pass, .pass, .pass, .pass])
        XCTAssertEqual(outcomes.map(\.actual), [.valid, .valid, .valid, .invalid])
    }

    func testMD5WrongDigestFailsWithBytes() throws {
        let json = Self.md5File.replacingOccurrences(of: "900150983cd24fb0d6963f7d28e17f72", with: "900150983cd24fb0d6963f7d28e17f73")
        let outcome = try XCTUnwrap(try run(json).first)
        guard case .fail(_, let expected, let actual) = outcome.verdict else { return XCTFail("\(outcome.verdict)") }
        XCTAssertEqual(expected.map { Hex.encode($0) }, "900150983cd24fb0d6963f7d28e17f73")
        XCTAssertEqual(actual.map { Hex.encode($0) }, "900150983cd24fb0d6963f7d28e17f72")
    }

    static let tokenFile = envelope(schema: "gettoken_sign_schema_v1.json", algorithm: "CMCC-getToken-sign", count: 3, groups: """
        {"type": "GetTokenSign", \(source), "tests": [
          {"tcId": 1, "comment": "valid", "flags": [], "appId": "300011862498", "businessType": "5", "msgId": "a1b2",
           "timestamp": "20240229123456789", "traceId": "a1b2", "version": "1.0", "appKey": "key",
           "sign": "041311c33e428fa70e06abee3a59b3a9", "formulaSign": "041311c33e428fa70e06abee3a59b3a9", "errorCode": null,
           "result": "valid"},
          {"tcId": 2, "comment": "30 February", "flags": ["Edge"], "appId": "300011862498", "businessType": "5", "msgId": "a1b2",
           "timestamp": "20240230123456789", "traceId": "a1b2", "version": "1.0", "appKey": "key",
           "sign": "32b8010aae1bb39ebe6c21b2aed18190", "formulaSign": "32b8010aae1bb39ebe6c21b2aed18190", "errorCode": "105112",
           "result": "invalid"},
          {"tcId": 3, "comment": "wrong code expected", "flags": [], "appId": "300011862498", "businessType": "5", "msgId": "a1b2",
           "timestamp": "20240230123456789", "traceId": "a1b2", "version": "1.0", "appKey": "key", "expandParams": "x=1",
           "configuredBusinessType": "5",
           "sign": "32b8010aae1bb39ebe6c21b2aed18190", "formulaSign": "32b8010aae1bb39ebe6c21b2aed18190", "errorCode": "103101",
           "result": "invalid"}
        ]}
        """)

    func testGetTokenFileDecodesAndRuns() throws {
        let outcomes = try run(Self.tokenFile)
        XCTAssertEqual(outcomes.count, 3)
        XCTAssertEqual(outcomes[0].verdict, .pass)
        XCTAssertEqual(outcomes[1].verdict, .pass)
        // The check gives 105112, the case says 103101: a failure naming both codes.
        XCTAssertTrue(outcomes[2].verdict.isFailure)
        XCTAssertTrue((outcomes[2].verdict.reason ?? "").contains("105112"), outcomes[2].verdict.reason ?? "")
    }

    func testUpstreamSchemasDecode() throws {
        let verify = Self.envelope(schema: "rsassa_pkcs1_verify_schema_v1.json", count: 1, groups: """
            {"type": "RsassaPkcs1Verify", \(Self.source), "keySize": 2048, "publicKeyAsn": "3000", "publicKeyDer": "3000",
             "publicKeyPem": "-----BEGIN PUBLIC KEY-----", "publicKey": {"modulus": "00c1", "publicExponent": "010001"},
             "keyJwk": {"kty": "RSA"}, "sha": "MD5", "publicKeyRsaUtils": "MA==",
             "tests": [{"tcId": 1, "comment": "", "flags": [], "msg": "", "sig": "00", "result": "acceptable"}]}
            """)
        XCTAssertEqual(try load(verify).testCount, 1)
        let generate = Self.envelope(schema: "rsassa_pkcs1_generate_schema_v1.json", count: 1, groups: """
            {"type": "RsassaPkcs1Generate", \(Self.source), "privateKey": {"modulus": "00c1", "publicExponent": "03", "privateExponent": "01"},
             "keyAsn": "30", "keyDer": "30", "keyPem": "p", "keySize": 1024, "privateKeyPkcs8": "30", "privateKeyPem": "p",
             "sha": "SHA-1", "tests": [{"tcId": 1, "comment": "", "flags": [], "msg": "", "sig": "00", "result": "valid"}]}
            """)
        XCTAssertEqual(try load(generate).testCount, 1)
        let decrypt = Self.envelope(schema: "rsaes_pkcs1_decrypt_schema_v1.json", count: 2, groups: """
            {"type": "RsaesPkcs1Decrypt", \(Self.source), "privateKey": {"modulus": "00c1", "publicExponent": "03",
             "privateExponent": "01", "prime1": "0b", "prime2": "0d", "exponent1": "01", "exponent2": "01", "coefficient": "01"},
             "privateKeyJwk": {}, "privateKeyPem": "p", "privateKeyPkcs8": "30", "keySize": 2048,
             "tests": [{"tcId": 1, "comment": "", "flags": [], "msg": "", "ct": "00", "result": "valid"},
                       {"tcId": 2, "comment": "", "flags": [], "msg": "", "ct": "", "result": "invalid"}]}
            """)
        XCTAssertEqual(try load(decrypt).testCount, 2)
    }

    func testOurRSASchemasDecode() throws {
        let keys = #""keySize": 1024, "publicKeyDer": "30", "privateKeyPkcs8": "30", "publicKeyRsaUtils": "MA==", "privateKeyRsaUtils": "MA==""#
        let keygen = Self.envelope(schema: "rsa_keygen_schema_v1.json", algorithm: "RSA-KeyGen", count: 3, groups: """
            {"type": "RsaKeyDerivation", \(Self.source), "keySize": 1024, "tests": [{"tcId": 1, "comment": "", "flags": [],
              "p": "0b", "q": "0d", "e": "03", "n": "008f", "d": "01", "dp": "01", "dq": "01", "qInv": "01",
              "publicKeyDer": "30", "privateKeyPkcs8": "30", "publicKeyRsaUtils": "MA==", "privateKeyRsaUtils": "MA==", "result": "valid"}]},
            {"type": "RsaKeyStringParse", \(Self.source), "tests": [{"tcId": 2, "comment": "", "flags": [], "keyType": "public",
              "keyString": "MA==\\r\\n", "der": "", "result": "invalid"}]},
            {"type": "RsaKeyParameterCheck", \(Self.source), "tests": [{"tcId": 3, "comment": "", "flags": ["Edge"],
              "keySize": 1024, "p": "0b", "q": "0d", "e": "04", "result": "invalid"}]}
            """)
        XCTAssertEqual(try load(keygen).testCount, 3)
        let padding = Self.envelope(schema: "rsa_pkcs1_padding_schema_v1.json", algorithm: "RSA-PKCS1-v1_5-Padding", count: 4, groups: """
            {"type": "Pkcs1EncryptType2", \(Self.source), \(keys), "tests": [{"tcId": 1, "comment": "", "flags": [],
              "msg": "", "ps": "01", "em": "00", "ct": "00", "result": "valid"}]},
            {"type": "Pkcs1EncryptType1", \(Self.source), \(keys), "tests": [{"tcId": 2, "comment": "", "flags": [],
              "msg": "", "em": "00", "ct": "00", "result": "valid"}]},
            {"type": "Pkcs1DigestInfo", \(Self.source), \(keys), "tests": [{"tcId": 3, "comment": "", "flags": [],
              "sha": "MD5", "msg": "", "digestInfo": "30", "em": "00", "sig": "00", "result": "valid"}]},
            {"type": "Pkcs1DecryptMalformed", \(Self.source), \(keys), "tests": [{"tcId": 4, "comment": "", "flags": [],
              "mode": "publicDecrypt", "em": "", "ct": "00", "result": "invalid"}]}
            """)
        XCTAssertEqual(try load(padding).testCount, 4)
        let chunked = Self.envelope(schema: "rsautils_chunked_schema_v1.json", algorithm: "RsaUtils-Chunked", count: 2, groups: """
            {"type": "RsaUtilsChunked", \(Self.source), \(keys), "encryptKey": "public", "encryptBlock": 117, "decryptBlock": 128,
             "tests": [{"tcId": 1, "comment": "", "flags": [], "msg": "00", "ps": ["0102"], "ct": "00", "result": "valid"},
                       {"tcId": 2, "comment": "", "flags": [], "msg": "00", "ps": [], "ct": "", "failsAt": "encrypt", "result": "invalid"}]}
            """)
        XCTAssertEqual(try load(chunked).testCount, 2)
    }

    // MARK: - Malformed files: exit 2 with file and location

    func testTruncatedJSONNamesTheFileAndEndOfFile() throws {
        let json = Self.md5File
        let truncated = String(json.prefix(json.count / 2))
        let error = try XCTUnwrap(failure(truncated))
        XCTAssertEqual(error.file, "inline.json")
        XCTAssertTrue(error.location?.contains("end of file") ?? false, error.description)
        XCTAssertTrue(error.description.hasPrefix("inline.json: "), error.description)
        XCTAssertFalse(error.description.contains("\n"))
    }

    func testSyntaxErrorGivesLineAndColumn() throws {
        let error = try XCTUnwrap(failure("{\n  \"schema\" 1\n}"))
        XCTAssertTrue(error.location?.hasPrefix("line 2") ?? false, error.description)
    }

    func testWrongHexNamesTheField() throws {
        let json = Self.md5File.replacingOccurrences(of: #""msg": "616263", "digest""#, with: #""msg": "61626", "digest""#)
        let error = try XCTUnwrap(failure(json))
        XCTAssertEqual(error.location, "testGroups[0].tests[0].msg")
        XCTAssertTrue(error.message.contains("odd number of digits"), error.message)
        let bad = Self.md5File.replacingOccurrences(of: "616263", with: "61zz63")
        XCTAssertEqual(failure(bad)?.location, "testGroups[0].tests[0].msg")
    }

    func testNumberOfTestsMismatch() throws {
        let json = Self.md5File.replacingOccurrences(of: #""numberOfTests": 4"#, with: #""numberOfTests": 5"#)
        let error = try XCTUnwrap(failure(json))
        XCTAssertEqual(error.location, "numberOfTests")
        XCTAssertTrue(error.message.contains("5") && error.message.contains("4"), error.message)
    }

    func testUnknownSchemaNamesTheValue() throws {
        let json = Self.md5File.replacingOccurrences(of: "md5_schema_v1.json", with: "ecdsa_verify_schema_v1.json")
        let error = try XCTUnwrap(failure(json))
        XCTAssertEqual(error.location, "schema")
        XCTAssertTrue(error.message.contains("ecdsa_verify_schema_v1.json"), error.message)
    }

    func testUnknownFieldMissingFieldWrongTypeAndBadResult() throws {
        let unknown = Self.md5File.replacingOccurrences(of: #""comment": "abc""#, with: #""comment": "abc", "digset": "00""#)
        XCTAssertEqual(failure(unknown)?.location, "testGroups[0].tests[0].digset")
        let missing = Self.md5File.replacingOccurrences(of: #", "digest": "900150983cd24fb0d6963f7d28e17f72""#, with: "")
        let missingError = failure(missing)
        XCTAssertEqual(missingError?.location, "testGroups[0].tests[0]")
        XCTAssertTrue(missingError?.message.contains("'digest'") ?? false)
        let wrongType = Self.md5File.replacingOccurrences(of: #""tcId": 1,"#, with: #""tcId": "1","#)
        XCTAssertEqual(failure(wrongType)?.location, "testGroups[0].tests[0].tcId")
        let badResult = Self.md5File.replacingOccurrences(of: #""result": "valid"}"#, with: #""result": "ok"}"#)
        XCTAssertEqual(failure(badResult)?.location, "testGroups[0].tests[0].result")
        let badAlgorithm = Self.md5File.replacingOccurrences(of: #""algorithm": "MD5""#, with: #""algorithm": "SHA-1""#)
        XCTAssertEqual(failure(badAlgorithm)?.description, #"inline.json: algorithm: expected one of "MD5", found "SHA-1""#)
        let badType = Self.md5File.replacingOccurrences(of: #""type": "Md5Hash""#, with: #""type": "Sha1Hash""#)
        XCTAssertEqual(failure(badType)?.location, "testGroups[0].type")
    }

    func testNonVectorJSONIsIgnoredInFoldersButAnErrorWhenNamed() {
        let other = #"{"name": "package.json-like"}"#
        guard case .ignored = VectorLoader.decode(Data(other.utf8), path: "x.json", explicit: false) else {
            return XCTFail("should be ignored")
        }
        XCTAssertNotNil(failure(other, explicit: true))
        // testGroups without schema is a malformed vector file even inside a folder.
        let noSchema = #"{"testGroups": []}"#
        guard case .failed(let error) = VectorLoader.decode(Data(noSchema.utf8), path: "x.json", explicit: false) else {
            return XCTFail("should fail")
        }
        XCTAssertTrue(error.message.contains("schema"))
        XCTAssertNotNil(failure(""))
    }

    func testCollectorSkipsSchemasFoldersAndDeduplicates() throws {
        let folder = try TestPaths.temporaryFolder(self)
        let fm = FileManager.default
        try fm.createDirectory(at: folder.appendingPathComponent("schemas"), withIntermediateDirectories: true)
        try fm.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: folder.appendingPathComponent("schemas/md5_schema_v1.json"))
        try Data(Self.md5File.utf8).write(to: folder.appendingPathComponent("sub/b_test.json"))
        try Data(Self.md5File.utf8).write(to: folder.appendingPathComponent("a_test.json"))
        try Data("not json".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let found = try VectorCollector.collect([folder, folder.appendingPathComponent("a_test.json")])
        XCTAssertEqual(found.map(\.url.lastPathComponent), ["a_test.json", "b_test.json"])
        XCTAssertTrue(found.allSatisfy { !$0.explicit })
        XCTAssertThrowsError(try VectorCollector.collect([folder.appendingPathComponent("missing")]))
    }
}
