import Foundation

/// Decodes and runs a big vector file a slice of cases at a time, so that its parsed document and
/// decoded cases never exist for the whole file at once (issue 8: memory grows by a few hundred bytes
/// per passing case, not by the ~800 bytes a whole-file `JSONDecoder` pass costs).
///
/// Each chunk is a small vector file made from the original text (`VectorFileLayout`): every top-level
/// member, `numberOfTests` = the chunk's count, and the groups that have cases in the chunk with only
/// those cases. A chunk is decoded and run like any file (same models, checks and suites); its
/// outcomes get their original group index. The results equal a whole-file run's. Anything unusual
/// (a file the layout scan does not understand, a `numberOfTests` that does not match, a chunk that
/// does not decode, a tcId repeated across chunks) goes to the whole-file decoding, whose error is
/// the file's error, word for word.
enum ChunkedVectorFile {
    /// Files with more cases than this are decoded in chunks.
    static let threshold = 8_192
    static let chunkSize = 4_096

    /// The file, loaded for a chunked run (or refused for its number of cases, before any decoding);
    /// nil when it is small or not for chunking (decode it whole).
    static func load(_ bytes: Data, path: String, chunkSize: Int = chunkSize, threshold: Int = threshold) -> VectorLoader.LoadResult? {
        // The layout's ranges count from 0; a slice of a larger Data does not.
        let data = bytes.startIndex == 0 ? bytes : Data(bytes)
        guard let layout = data.withUnsafeBytes({ VectorFileLayout($0.bindMemory(to: UInt8.self)) }) else { return nil }
        let total = layout.caseCount
        if total > VectorLimits.maximumCasesPerFile, let schema = layout.members.first(where: { $0.name == "schema" }),
           let name = try? JSONDecoder().decode(String.self, from: data[schema.value]), VectorLoader.entries[name] != nil {
            // Refused from the layout alone: a whole-file decoding would build the parsed document first.
            return .failed(VectorFileError(
                file: path, location: "testGroups",
                message: "\(total) cases is too many (the limit is \(VectorLimits.maximumCasesPerFile) per file)"))
        }
        guard total > threshold, total <= VectorLimits.maximumCasesPerFile,
              let declared = layout.members.first(where: { $0.name == "numberOfTests" }),
              Int(String(decoding: data[declared.value], as: UTF8.self)) == total else { return nil }
        let plan = Plan(layout: layout, chunkSize: chunkSize)
        // The first chunk is decoded now: the file's metadata, and most malformed files, come from it.
        guard case .loaded(let first) = plan.decode(0, data: data, path: path) else { return nil }
        return .loaded(LoadedVectorFile(
            path: path, algorithm: first.algorithm, schema: first.schema, header: first.header, notes: first.notes,
            testCount: total, runCases: { path, context in plan.run(data: data, path: path, first: first, context: context) }))
    }

    /// Which cases go into which chunk.
    struct Plan: Sendable {
        let layout: VectorFileLayout
        /// Chunk k holds the cases [starts[k], starts[k + 1]) in file order.
        let starts: [Int]

        init(layout: VectorFileLayout, chunkSize: Int) {
            self.layout = layout
            starts = Array(stride(from: 0, to: layout.caseCount, by: max(1, chunkSize))) + [layout.caseCount]
        }

        var count: Int { starts.count - 1 }

        /// The chunk's text and, for each of its groups, the group's index in the file.
        func text(_ k: Int, data: Data) -> (Data, [Int]) {
            let from = starts[k], to = starts[k + 1]
            var out = Data("{".utf8)
            for member in layout.members where member.name != "testGroups" && member.name != "numberOfTests" {
                out.append(contentsOf: "\"\(member.name)\":".utf8)
                out.append(data[member.value])
                out.append(contentsOf: ",".utf8)
            }
            out.append(contentsOf: "\"numberOfTests\":\(to - from),\"testGroups\":[".utf8)
            var groupIndexes = [Int]()
            var offset = 0
            for (g, group) in layout.groups.enumerated() {
                defer { offset += group.cases.count }
                let lower = max(from, offset) - offset, upper = min(to, offset + group.cases.count) - offset
                // A group without cases goes into the first chunk (its fields are still checked).
                guard lower < upper || (group.cases.isEmpty && k == 0) else { continue }
                if !groupIndexes.isEmpty { out.append(contentsOf: ",".utf8) }
                groupIndexes.append(g)
                guard let tests = group.tests else {
                    out.append(data[group.object])
                    continue
                }
                out.append(data[group.object.lowerBound..<tests.lowerBound])
                out.append(contentsOf: "[".utf8)
                for i in lower..<max(lower, upper) {
                    if i > lower { out.append(contentsOf: ",".utf8) }
                    out.append(data[group.cases[i]])
                }
                out.append(contentsOf: "]".utf8)
                out.append(data[tests.upperBound..<group.object.upperBound])
            }
            out.append(contentsOf: "]}".utf8)
            return (out, groupIndexes)
        }

        func decode(_ k: Int, data: Data, path: String) -> VectorLoader.LoadResult {
            VectorLoader.decodeWhole(text(k, data: data).0, path: path, explicit: true)
        }

        /// Decodes and runs chunk after chunk; any problem is the whole-file decoding's error.
        func run(data: Data, path: String, first: LoadedVectorFile, context: RunContext) -> Result<OutcomeLog, VectorFileError> {
            var log = OutcomeLog()
            var tcIds = Set<Int>()
            for k in 0..<count {
                let (chunk, groupIndexes) = text(k, data: data)
                let file: LoadedVectorFile
                if k == 0 {
                    file = first
                } else if case .loaded(let loaded) = VectorLoader.decodeWhole(chunk, path: path, explicit: true) {
                    file = loaded
                } else {
                    return .failure(wholeFileError(data, path: path))
                }
                guard case .success(let part) = file.runCases(path, context) else {
                    return .failure(wholeFileError(data, path: path))
                }
                for var outcome in part {
                    guard tcIds.insert(outcome.tcId).inserted else { return .failure(wholeFileError(data, path: path)) }
                    if let index = outcome.groupIndex, groupIndexes.indices.contains(index) {
                        outcome.groupIndex = groupIndexes[index]
                    }
                    log.append(outcome)
                }
            }
            return .success(log)
        }

        /// The error the whole-file decoding gives (it is what a reader of the file must see).
        func wholeFileError(_ data: Data, path: String) -> VectorFileError {
            if case .failed(let error) = VectorLoader.decodeWhole(data, path: path, explicit: true) { return error }
            return VectorFileError(file: path, message: "the file decodes whole but not in parts (please report this)")
        }
    }
}
