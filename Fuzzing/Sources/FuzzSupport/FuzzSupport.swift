/// Helpers shared by the libFuzzer targets (never linked into the product).

/// Stops the fuzzer with a message when a property of the code under test does not hold:
/// libFuzzer then saves the input as a crash, like any trap.
public func fuzzRequire(_ condition: Bool, _ message: @autoclosure () -> String,
                        file: StaticString = #file, line: UInt = #line) {
    if !condition { fatalError("property violated: \(message())", file: file, line: line) }
}

/// The fuzzer's input as bytes.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Splits the input at 0x00 bytes into at most `count` fields (missing ones are empty).
public func fuzzFields(_ bytes: [UInt8], count: Int) -> [[UInt8]] {
    var fields = bytes.split(separator: 0x00, maxSplits: count - 1, omittingEmptySubsequences: false).map(Array.init)
    while fields.count < count { fields.append([]) }
    return fields
}
