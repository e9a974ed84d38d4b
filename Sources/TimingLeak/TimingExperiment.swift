/// One constant-time question: does an operation take the same time for inputs of class 0 and
/// class 1? `prepare` builds the operation for one measurement (untimed); the runner times only
/// the returned closure.
public struct TimingExperiment: Sendable {
    public let name: String
    /// What the two classes are, e.g. ("valid padding", "invalid padding").
    public let classNames: (String, String)
    public let prepare: @Sendable (_ inputClass: Int) throws -> () -> Void

    public init(name: String, classNames: (String, String), prepare: @escaping @Sendable (_ inputClass: Int) throws -> () -> Void) {
        self.name = name
        self.classNames = classNames
        self.prepare = prepare
    }
}

/// The verdict of one experiment.
public struct TimingResult: Sendable {
    public let experiment: String
    public let classNames: (String, String)
    public let measurements: Int
    /// Every statistic with enough samples (raw, second order, cropped).
    public let statistics: [TStatistic]
    /// Median time per class in nanoseconds (for the report; not part of the verdict).
    public let medianNanoseconds: (Double, Double)

    /// dudect's threshold: |t| above 4.5 means the two classes are distinguishable.
    public static let threshold = 4.5

    public var largest: TStatistic? { statistics.max { abs($0.t) < abs($1.t) } }
    public var passed: Bool { statistics.allSatisfy { abs($0.t) < Self.threshold } }
}
