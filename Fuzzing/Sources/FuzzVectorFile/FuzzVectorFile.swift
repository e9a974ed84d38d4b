import Conformance
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
    return 0
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
