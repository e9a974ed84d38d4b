@testable import JavaOracle
import FuzzSupport

/// The Swift side's reading of the Java bridge's answers: one JSON line parsed by
/// `JavaOracle.JSONValue.parse`, then the typed fields (string, hex, Base64) read as the client
/// does. A parsed value must print as one line and parse back to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    guard let value = try? JavaOracle.JSONValue.parse(bytes) else { return 0 }
    let line = value.description
    fuzzRequire(!line.utf8.contains(0x0a) && !line.utf8.contains(0x0d), "printed JSON is not one line")
    let again = try? JavaOracle.JSONValue.parse(line)
    fuzzRequire(again == value, "print/parse round trip changed the value: \(line)")
    if case .object(let answer) = value {
        for key in answer.keys {
            _ = try? JavaOracle.string(answer, key, "fuzz")
            _ = try? JavaOracle.hex(answer, key, "fuzz")
            _ = try? JavaOracle.optionalHex(answer, key, "fuzz")
            _ = try? JavaOracle.base64(answer, key, "fuzz")
        }
    }
    return 0
}
