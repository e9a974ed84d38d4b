/// Welch's t statistic of two classes of samples, updated one sample at a time (Welford's
/// running mean and sum of squared deviations), as dudect's `t_push` / `t_compute` do:
///
///     t = (mean₀ − mean₁) / √(s₀²/n₀ + s₁²/n₁),   s² the unbiased sample variance.
public struct WelchTTest: Sendable, Equatable {
    public private(set) var counts: [Double] = [0, 0]
    public private(set) var means: [Double] = [0, 0]
    /// Sum of squared deviations from the running mean (M2 in Welford's method).
    private var squaredDeviations: [Double] = [0, 0]

    public init() {}

    /// Adds one sample to class 0 or 1 (any other class is ignored).
    public mutating func add(_ value: Double, toClass inputClass: Int) {
        guard inputClass == 0 || inputClass == 1, value.isFinite else { return }
        counts[inputClass] += 1
        let delta = value - means[inputClass]
        means[inputClass] += delta / counts[inputClass]
        squaredDeviations[inputClass] += delta * (value - means[inputClass])
    }

    /// The smaller of the two class sizes.
    public var smallerClassCount: Int { Int(min(counts[0], counts[1])) }

    /// Unbiased sample variance of a class (nil below two samples).
    public func variance(ofClass inputClass: Int) -> Double? {
        guard inputClass == 0 || inputClass == 1, counts[inputClass] >= 2 else { return nil }
        return squaredDeviations[inputClass] / (counts[inputClass] - 1)
    }

    /// Welch's t, or nil when a class has fewer than two samples or both variances are zero.
    public var t: Double? {
        guard let v0 = variance(ofClass: 0), let v1 = variance(ofClass: 1) else { return nil }
        let standardError = (v0 / counts[0] + v1 / counts[1]).squareRoot()
        guard standardError > 0, standardError.isFinite else { return nil }
        return (means[0] - means[1]) / standardError
    }
}
