import Conformance
import MD5

/// MD5 digests and getToken signs.
extension PortVectorRunner {
    func runMd5(_ file: WycheproofFile<Md5HashGroup>, file name: String) throws {
        for (index, group) in file.testGroups.enumerated() {
            let suite = "md5"
            guard port.has(.md5) else {
                skipAll(suite: suite, file: name, group: index, group.tests, Self.lacks(.md5))
                continue
            }
            progress("vectors: \(name) group \(index)")
            for test in group.tests {
                guard test.inputLength <= Self.maximumInput else {
                    record(suite: suite, file: name, group: index, test,
                           .skipped("input of \(test.inputLength) bytes; port-check sends at most \(Self.maximumInput) bytes per request"))
                    continue
                }
                // The whole input in one request (`chunks` is about streaming, which the protocol does not have).
                var input: [UInt8] = []
                input.reserveCapacity(test.inputLength)
                for _ in 0..<test.repeat { input += test.msg.bytes }
                let observation = try observe({
                    let digest = try port.md5(input)
                    guard digest == test.digest.bytes else {
                        return .mismatch("its MD5 differs", expected: test.digest.bytes, actual: digest)
                    }
                    return .accepted(output: digest)
                }, onError: { .rejected("md5 failed: \($0)") })
                record(suite: suite, file: name, group: index, test, observation)
            }
        }
    }

    /// The sign formula on every case's fields, valid or not (the request checks that make a case
    /// invalid are the platform's, not an adapter operation). Upper- and lower-case hex are both
    /// accepted; the case the port uses is reported.
    func runTokenSign(_ file: WycheproofFile<GetTokenSignGroup>, file name: String) throws {
        var cases: Set<String> = []
        for (index, group) in file.testGroups.enumerated() {
            let suite = "tokenSign"
            guard port.has(.tokenSign) else {
                skipAll(suite: suite, file: name, group: index, group.tests, Self.lacks(.tokenSign))
                continue
            }
            progress("vectors: \(name) group \(index)")
            for test in group.tests {
                let fields = ["appId": test.appId, "businessType": test.businessType, "msgId": test.msgId,
                              "timestamp": test.timestamp, "traceId": test.traceId, "version": test.version,
                              "appKey": test.appKey]
                let observation = try observe({
                    let sign = try port.tokenSign(fields)
                    let expected = test.formulaSign.lowercased()
                    guard sign.lowercased() == expected, sign.utf8.count == 32 else {
                        return .mismatch("its sign differs from MD5(appId+businessType+msgId+timestamp+traceId+version+appKey)",
                                         expected: Array(expected.utf8), actual: Array(sign.utf8))
                    }
                    if sign.contains(where: { $0.isLetter }) {
                        cases.insert(sign == sign.uppercased() ? "upper" : sign == sign.lowercased() ? "lower" : "mixed")
                    }
                    return .accepted()
                }, onError: { .rejected("tokenSign failed: \($0)") })
                record(suite: suite, file: name, group: index, test, expected: .valid,
                       comment: "sign formula on the fields of: \(test.comment)", observation)
            }
        }
        if !cases.isEmpty {
            notes.append("getToken sign in \(cases.sorted().joined(separator: " and ")) case hex (the platform accepts either)")
        }
    }
}
