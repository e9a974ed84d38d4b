import FuzzSupport
import NumberCheck
import StrictJSON

/// StrictJSON's reader and writer, and the number-check request/answer readers built on them.
/// Properties: an error is one line at an offset inside the text; an accepted text's value is
/// written by every serializer style as a text that reads back to the same value (member order and
/// number text included), and the minimal one-line writing of a minimally written text is that
/// text again; the number accessors agree (an integer's Double is the text's Double); a request
/// that reads writes out as a text that reads to the same request.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let value: JSONValue
    do {
        value = try JSONParser().parse(bytes)
    } catch {
        fuzzRequire(error.offset >= 0 && error.offset <= bytes.count, "error offset \(error.offset) outside the text")
        fuzzRequire(!error.description.contains(where: \.isNewline), "multi-line error: \(error)")
        checkNumberCheckReaders(bytes)
        return 0
    }
    for serializer in [JSONSerializer(), JSONSerializer.line, JSONSerializer(pretty: true)] {
        let text = serializer.string(value)
        fuzzRequire((try? JSONParser().parse(text)) == value, "written text reads back differently: \(text)")
    }
    let minimal = JSONSerializer().string(value)
    fuzzRequire((try? JSONParser().parse(minimal)).map(JSONSerializer().string) == minimal, "minimal writing is not stable")
    checkNumbers(value)
    checkNumberCheckReaders(bytes)
    return 0
}

private func checkNumbers(_ value: JSONValue) {
    switch value {
    case .number(let n):
        fuzzRequire(JSONNumber(text: n.text) == n, "number text \(n.text) is not a number")
        if let i = n.intValue {
            fuzzRequire(n.doubleValue == Double(i), "\(n.text): Int \(i) and Double \(String(describing: n.doubleValue)) disagree")
        }
    case .array(let items): items.forEach(checkNumbers)
    case .object(let object): object.forEach { checkNumbers($0.value) }
    default: break
    }
}

private func checkNumberCheckReaders(_ bytes: [UInt8]) {
    if let request = try? NumberCheckRequest(json: bytes) {
        for pretty in [false, true] {
            fuzzRequire((try? NumberCheckRequest(json: request.jsonText(pretty: pretty))) == request, "request text does not read back")
        }
    }
    _ = try? NumberCheckResponse(json: bytes)
}
