@testable import Conformance
import Foundation
import FuzzSupport

/// Vector files of every schema the runner knows, decoded by the runner's own loader
/// (`VectorLoader.decode`: JSON syntax, `schema` dispatch, strict models). A bad file must be one
/// error of one line, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Data(fuzzBytes(data, size))
    // Found in a folder (explicit: false) first; only a file that is then ignored reads differently
    // when the user names it, so decode that one again as explicit.
    let found = VectorLoader.decode(bytes, path: "fuzz.json", explicit: false)
    check(found, explicit: false)
    if case .ignored = found {
        check(VectorLoader.decode(bytes, path: "fuzz.json", explicit: true), explicit: true)
    }
    checkChunks(bytes)
    return 0
}

/// The chunked decoding of big files (`VectorFileLayout`, `ChunkedVectorFile`), forced on with one case
/// per chunk: never a trap, and when both readings load they agree on what the reports show.
func checkChunks(_ bytes: Data) {
    guard let chunked = ChunkedVectorFile.load(bytes, path: "fuzz.json", chunkSize: 1, threshold: 0) else { return }
    check(chunked, explicit: true)
    guard case .loaded(let parts) = chunked, case .loaded(let whole) = VectorLoader.decodeWhole(bytes, path: "fuzz.json", explicit: true) else {
        return
    }
    fuzzRequire(parts.testCount == whole.testCount, "chunked test count \(parts.testCount) vs \(whole.testCount)")
    fuzzRequire(parts.schema == whole.schema && parts.algorithm == whole.algorithm && parts.header == whole.header
                && parts.notes == whole.notes, "chunked metadata differs")
}

func check(_ result: VectorLoader.LoadResult, explicit: Bool) {
    switch result {
    case .loaded(let file):
        fuzzRequire(file.testCount >= 0, "negative test count")
        fuzzRequire(VectorLoader.knownSchemas.contains(file.schema), "loaded an unknown schema")
    case .ignored(let reason):
        fuzzRequire(!explicit, "a file the user named was ignored")
        fuzzRequire(!reason.contains(where: \.isNewline), "multi-line reason")
    case .failed(let error):
        fuzzRequire(!error.description.contains(where: \.isNewline), "multi-line error: \(error.description)")
    }
}
