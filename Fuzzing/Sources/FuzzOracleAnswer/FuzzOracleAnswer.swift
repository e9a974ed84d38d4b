@testable import JavaOracle
import FuzzSupport
import StrictJSON

/// The Swift side's reading of the Java bridge's answers: one JSON line read by StrictJSON's
/// `JSONParser` and checked by `JavaOracle.answer` (object, id, ok), then the typed fields (string,
/// hex, Base64) read as the client does. A parsed value must print as one line (the request
/// writer's escaping) and parse back to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    do {
        _ = try JavaOracle.answer(bytes, op: "fuzz", id: 1)
    } catch let error as JavaOracleError {
        fuzzRequire(!error.description.contains(where: \.isNewline), "multi-line error: \(error)")
    } catch {
        fuzzRequire(false, "unexpected error type: \(error)")
    }
    guard let value = try? JSONParser().parse(bytes) else { return 0 }
    let line = JSONSerializer.protocolLine.string(value)
    fuzzRequire(!line.utf8.contains(0x0a) && !line.utf8.contains(0x0d), "printed JSON is not one line")
    // Sorted names: the same members, maybe in another order, so compare the sorted writings.
    let again = try? JSONParser().parse(line)
    fuzzRequire(again.map { JSONSerializer.protocolLine.string($0) } == line, "print/parse round trip changed the value: \(line)")
    fuzzRequire((try? JSONParser().parse(value.description)) == value, "description/parse round trip changed the value")
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
