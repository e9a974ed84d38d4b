import Foundation

/// The statistics of dudect (Reparaz, Balasch, Verbauwhede, "Dude, is my code constant time?",
/// DATE 2017; reference implementation dudect.h) over timings of two interleaved input classes:
///
/// - `raw`: Welch's t over every measurement;
/// - `cropped`: 100 more t-tests, each over the measurements below one percentile of the first
///   batch's timings (percentile 1 − 0.5^(10·(i+1)/100), as dudect's `prepare_percentiles`), which
///   removes the long upper tail that interrupts and other processes add;
/// - `secondOrder`: Welch's t over (x − running class mean)², which sees differences in spread.
///
/// A test counts only once each class has `minimumClassSamples` samples (dudect waits for 10⁴).
public struct DudectAnalysis: Sendable {
    public static let percentileCount = 100
    public static let minimumClassSamples = 100

    public private(set) var raw = WelchTTest()
    public private(set) var cropped = [WelchTTest](repeating: WelchTTest(), count: percentileCount)
    public private(set) var secondOrder = WelchTTest()
    /// Timing thresholds of the cropped tests (set from the first batch).
    public private(set) var thresholds: [Double] = []

    public init() {}

    /// The percentile (0…1) of the timings that cropped test `index` keeps.
    public static func croppingPercentile(_ index: Int) -> Double {
        1 - pow(0.5, 10 * Double(index + 1) / Double(percentileCount))
    }

    /// Adds a batch of (class, time) measurements. The first batch also fixes the thresholds.
    public mutating func add(_ batch: [(inputClass: Int, time: Double)]) {
        if thresholds.isEmpty {
            let sorted = batch.map(\.time).sorted()
            guard !sorted.isEmpty else { return }
            thresholds = (0..<Self.percentileCount).map { index in
                let position = Int(Self.croppingPercentile(index) * Double(sorted.count))
                return sorted[min(max(position, 0), sorted.count - 1)]
            }
        }
        for (inputClass, time) in batch {
            if raw.counts[0] >= 2, raw.counts[1] >= 2 {
                let centred = time - raw.means[inputClass]
                secondOrder.add(centred * centred, toClass: inputClass)
            }
            raw.add(time, toClass: inputClass)
            for index in 0..<Self.percentileCount where time < thresholds[index] {
                cropped[index].add(time, toClass: inputClass)
            }
        }
    }

    /// The statistics that have enough samples, in a fixed order: raw, second order, then the
    /// cropped tests from the lowest percentile up.
    public var statistics: [TStatistic] {
        var out: [TStatistic] = []
        func append(_ test: WelchTTest, _ kind: TStatistic.Kind) {
            guard test.smallerClassCount >= Self.minimumClassSamples, let t = test.t else { return }
            out.append(TStatistic(kind: kind, t: t, samples: Int(test.counts[0] + test.counts[1])))
        }
        append(raw, .raw)
        append(secondOrder, .secondOrder)
        for (index, test) in cropped.enumerated() {
            append(test, .cropped(percentile: Self.croppingPercentile(index)))
        }
        return out
    }
}

/// One Welch t statistic of a timing experiment.
public struct TStatistic: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case raw
        case secondOrder
        case cropped(percentile: Double)
    }

    public let kind: Kind
    public let t: Double
    /// Samples of both classes that went into this test.
    public let samples: Int

    public var name: String {
        switch kind {
        case .raw: return "raw"
        case .secondOrder: return "second-order"
        case .cropped(let p): return "cropped p\(Int((p * 1000).rounded()) / 10).\(Int((p * 1000).rounded()) % 10)"
        }
    }
}
