import Foundation

/// A decoded vector file, ready to run.
public struct LoadedVectorFile: Sendable {
    /// Display path (suite name).
    public let path: String
    public let algorithm: String
    public let schema: String
    public let header: [String]
    public let notes: [String: VectorNote]
    public let testCount: Int
    /// Runs the cases; fails only for a big file decoded in chunks whose later chunk is malformed.
    let runCases: @Sendable (String, RunContext) -> Result<OutcomeLog, VectorFileError>

    /// Every case's outcome, in file order (passes stored compactly), or the file's error.
    public func runLog(context: RunContext) -> Result<OutcomeLog, VectorFileError> { runCases(path, context) }

    /// Every case's outcome (none when the file turned out malformed while it ran).
    public func run(context: RunContext) -> [Outcome] {
        guard case .success(let log) = runLog(context: context) else { return [] }
        return Array(log)
    }
}

/// Reads vector files and picks the model by the file's `schema` field (never by its name).
///
/// A file is parsed once: one `JSONDecoder` pass reads `schema`, counts the cases (the limit is checked
/// before any case is decoded), decodes the schema's model and checks the cases' identities
/// (`VectorCaseIdentities`), all on the same parsed document.
public enum VectorLoader {
    /// What reading a file gave.
    public enum LoadResult: Sendable {
        case loaded(LoadedVectorFile)
        /// A JSON file found in a folder that is not a vector file (no `schema`, no `testGroups`).
        case ignored(reason: String)
        case failed(VectorFileError)
    }

    /// Every schema the harness reads, with its suite.
    static let entries: [String: Entry] = {
        let all: [Entry] = [
            Entry(RsassaPkcs1VerifySuite.self), Entry(RsassaPkcs1GenerateSuite.self), Entry(RsaesPkcs1DecryptSuite.self),
            Entry(Md5Suite.self), Entry(RsaKeygenSuite.self), Entry(RsaPkcs1PaddingSuite.self),
            Entry(RsaUtilsChunkedSuite.self), Entry(GetTokenSignSuite.self), Entry(NumberCheckSuite.self),
        ]
        return Dictionary(uniqueKeysWithValues: all.map { ($0.schema, $0) })
    }()

    /// The schemas the harness reads, sorted.
    public static var knownSchemas: [String] { entries.keys.sorted() }

    /// A decoded file before it is given its display path.
    struct DecodedFile: Sendable {
        let algorithm: String
        let schema: String
        let header: [String]
        let notes: [String: VectorNote]
        let testCount: Int
        let runCases: @Sendable (String, RunContext) -> Result<OutcomeLog, VectorFileError>
    }

    struct Entry: Sendable {
        let schema: String
        let decode: @Sendable (Decoder) throws -> DecodedFile

        init<S: VectorSuite>(_ suite: S.Type) {
            schema = S.schema
            decode = { decoder in
                let file = try WycheproofFile<S.Group>(from: decoder)
                return DecodedFile(
                    algorithm: file.algorithm, schema: file.schema, header: file.header, notes: file.notes,
                    testCount: file.testCount, runCases: { path, context in .success(S().run(file, path: path, context: context)) })
            }
        }
    }

    /// What the one decoding pass found at the top level.
    enum Dispatch: Decodable {
        case notObject
        case noSchema(hasTestGroups: Bool)
        case vectorFile(Found)

        /// What a file with a `schema` field gave.
        enum Found {
            case schemaNotString
            case unknownSchema(String)
            case tooManyCases(Int)
            case decoded(DecodedFile)
        }

        init(from decoder: Decoder) throws {
            guard let top = try? decoder.container(keyedBy: AnyCodingKey.self) else {
                self = .notObject
                return
            }
            let schemaKey = AnyCodingKey(stringValue: "schema")
            guard top.contains(schemaKey) else {
                self = .noSchema(hasTestGroups: top.contains(AnyCodingKey(stringValue: "testGroups")))
                return
            }
            guard let schema = try? top.decode(String.self, forKey: schemaKey) else {
                self = .vectorFile(.schemaNotString)
                return
            }
            guard let entry = VectorLoader.entries[schema] else {
                self = .vectorFile(.unknownSchema(schema))
                return
            }
            let cases = VectorLimits.caseCount(top)
            guard cases <= VectorLimits.maximumCasesPerFile else {
                self = .vectorFile(.tooManyCases(cases))
                return
            }
            let file = try entry.decode(decoder)
            try VectorCaseIdentities.check(top, notes: file.notes)
            self = .vectorFile(.decoded(file))
        }
    }

    /// Reads and decodes one file. `explicit`: the user named this file (a non-vector JSON is then an
    /// error, not ignored). `path` is the display path used in messages and reports.
    public static func load(_ url: URL, path: String, explicit: Bool) -> LoadResult {
        switch read(url) {
        case .success(let data): return decode(data, path: path, explicit: explicit)
        case .failure(let problem): return .failed(VectorFileError(file: path, message: problem.message))
        }
    }

    struct ReadProblem: Error {
        let message: String
    }

    /// Reads a regular file of at most `VectorLimits.maximumFileBytes` (a device, FIFO or huge file is
    /// refused before it is read; the read itself stops one byte past the limit).
    static func read(_ url: URL) -> Result<Data, ReadProblem> {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        } catch {
            return .failure(ReadProblem(message: "cannot read the file (\(reason(error)))"))
        }
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            return .failure(ReadProblem(message: type == .typeDirectory ? "is a folder, not a vector file" : "not a regular file"))
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > VectorLimits.maximumFileBytes {
            return .failure(ReadProblem(message: tooLarge(size)))
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: VectorLimits.maximumFileBytes + 1) ?? Data()
        } catch {
            return .failure(ReadProblem(message: "cannot read the file (\(reason(error)))"))
        }
        guard data.count <= VectorLimits.maximumFileBytes else { return .failure(ReadProblem(message: tooLarge(data.count))) }
        return .success(data)
    }

    static func tooLarge(_ size: Int) -> String {
        "file of \(size) bytes is too large (the limit is \(VectorLimits.maximumFileBytes >> 20) MiB)"
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        return VectorFileError.oneLine(ns.localizedFailureReason ?? ns.localizedDescription)
    }

    /// Decodes file contents (see `load`). A file of many cases is decoded and run in chunks
    /// (`ChunkedVectorFile`); any other, and any file the chunks cannot take, is decoded whole.
    public static func decode(_ data: Data, path: String, explicit: Bool) -> LoadResult {
        if let chunked = ChunkedVectorFile.load(data, path: path) { return chunked }
        return decodeWhole(data, path: path, explicit: explicit)
    }

    /// Decodes the whole file in one `JSONDecoder` pass.
    static func decodeWhole(_ data: Data, path: String, explicit: Bool) -> LoadResult {
        guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }) else {
            return .failed(VectorFileError(file: path, message: "empty file"))
        }
        let dispatch: Dispatch
        do {
            dispatch = try JSONDecoder().decode(Dispatch.self, from: data)
        } catch let problem as VectorCaseIdentities.Problem {
            return .failed(duplicateField(data, path: path)
                ?? VectorFileError(file: path, location: problem.location, message: problem.message))
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                return .failed(syntaxError(data, fallback: error, path: path))
            }
            return .failed(duplicateField(data, path: path) ?? VectorFileError.from(error, file: path))
        } catch {
            return .failed(VectorFileError(file: path, message: VectorFileError.oneLine("\(error)")))
        }
        switch dispatch {
        case .notObject:
            if explicit {
                return .failed(VectorFileError(file: path, location: "top level", message: "not a vector file (expected a JSON object)"))
            }
            return .ignored(reason: "top level is not a JSON object")
        case .noSchema(let hasTestGroups):
            if hasTestGroups {
                return .failed(VectorFileError(file: path, location: "top level", message: "missing field 'schema'"))
            }
            if explicit {
                return .failed(VectorFileError(file: path, location: "top level",
                                               message: "not a vector file (no 'schema' and no 'testGroups')"))
            }
            return .ignored(reason: "not a vector file (no \"schema\" and no \"testGroups\")")
        case .vectorFile(let found):
            // A field named twice is the root of whatever else looks wrong: JSONDecoder kept one value.
            if let duplicate = duplicateField(data, path: path) { return .failed(duplicate) }
            return vectorFile(found, path: path)
        }
    }

    static func vectorFile(_ found: Dispatch.Found, path: String) -> LoadResult {
        switch found {
        case .schemaNotString:
            return .failed(VectorFileError(file: path, location: "schema", message: "wrong type (expected a string)"))
        case .unknownSchema(let schema):
            return .failed(VectorFileError(
                file: path, location: "schema",
                message: "unknown schema '\(schema)' (known: \(knownSchemas.joined(separator: ", ")))"))
        case .tooManyCases(let cases):
            return .failed(VectorFileError(
                file: path, location: "testGroups",
                message: "\(cases) cases is too many (the limit is \(VectorLimits.maximumCasesPerFile) per file)"))
        case .decoded(let file):
            return .loaded(LoadedVectorFile(path: path, algorithm: file.algorithm, schema: file.schema, header: file.header,
                                            notes: file.notes, testCount: file.testCount, runCases: file.runCases))
        }
    }

    /// The first field named twice in one object, as the file's error.
    static func duplicateField(_ data: Data, path: String) -> VectorFileError? {
        JSONTextScan.firstDuplicateKey(in: data).map {
            VectorFileError(file: path, location: $0.location, message: "field '\($0.key)' appears twice in one object")
        }
    }

    /// A file that is not JSON: the position as `JSONSerialization` words it (`line L, column C` /
    /// `end of file`); only reached for a broken file, so its second parse costs nothing on good ones.
    static func syntaxError(_ data: Data, fallback: DecodingError, path: String) -> VectorFileError {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            return VectorFileError.syntax(error, data: data, file: path)
        }
        // Valid JSON: JSONDecoder says "not valid JSON", without a path, for a number that is no Int.
        if let duplicate = duplicateField(data, path: path) { return duplicate }
        if let number = JSONTextScan.firstNonInteger(in: data) {
            return VectorFileError(file: path, location: number.location,
                                   message: "\(number.key) is not an integer of at most 64 bits")
        }
        return VectorFileError.from(fallback, file: path)
    }
}
