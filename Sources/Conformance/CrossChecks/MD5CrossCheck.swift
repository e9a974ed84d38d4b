import Crypto
import MD5

/// Pure-Swift MD5 against swift-crypto's `Insecure.MD5` (BoringSSL) on seeded random inputs,
/// one-shot and streamed with random splits.
struct MD5CrossCheck: CheckSuite {
    let name = "cross-check: MD5 (pure Swift) vs swift-crypto Insecure.MD5"
    let inputs: Int

    init(inputs: Int = 300) { self.inputs = inputs }

    var notes: [String: VectorNote] {
        ["Streamed": VectorNote(bugType: "FUNCTIONALITY", description: "The input is fed in random splits; any split must give the one-shot digest.")]
    }

    func run(context: RunContext) -> [Outcome] {
        var random = SeededRandom.forSuite(name, seed: context.effectiveSeed)
        var recorder = CheckRecorder(suite: name)
        for i in 0..<inputs {
            // Mostly short inputs around the block boundaries, some up to 64 KiB.
            let length = i < 200 ? i : Int.random(in: 0...65_536, using: &random)
            let message = random.bytes(length)
            let streamed = i % 2 == 1
            recorder.check("\(length) bytes\(streamed ? ", streamed" : "")", flags: streamed ? ["Streamed"] : []) {
                let reference = Array(Insecure.MD5.hash(data: message))
                var md5 = MD5()
                if streamed {
                    var offset = 0
                    while offset < message.count {
                        let end = min(message.count, offset + Int.random(in: 0...150, using: &random))
                        md5.update(message[offset..<end])
                        offset = end
                    }
                } else {
                    md5.update(message)
                }
                return CheckRecorder.same(reference, md5.finalize().bytes, "digests")
            }
        }
        return recorder.outcomes
    }
}
