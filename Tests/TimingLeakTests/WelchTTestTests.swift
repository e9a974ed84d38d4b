import XCTest
@testable import TimingLeak

/// The statistics of `conformance timing`, checked against independent values (no timing here).
final class WelchTTestTests: XCTestCase {
    func testSmallExampleByHand() {
        // a = 1…5: mean 3, s² = (4+1+0+1+4)/4 = 2.5, s²/n = 0.5.
        // b = 2,4,…,12: mean 7, s² = (25+9+1+1+9+25)/5 = 14, s²/n = 14/6.
        // t = (3 − 7) / √(0.5 + 14/6) = −4 / √(17/6) = −2.376354103144018…
        var test = WelchTTest()
        for x in [1.0, 2, 3, 4, 5] { test.add(x, toClass: 0) }
        for x in [2.0, 4, 6, 8, 10, 12] { test.add(x, toClass: 1) }
        XCTAssertEqual(test.variance(ofClass: 0) ?? .nan, 2.5, accuracy: 1e-12)
        XCTAssertEqual(test.variance(ofClass: 1) ?? .nan, 14, accuracy: 1e-12)
        XCTAssertEqual(test.t ?? .nan, -4 / (17.0 / 6).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(test.t ?? .nan, -2.3763541031440183, accuracy: 1e-12)
    }

    func testUnequalSizesAgainstSciPy() {
        // scipy 1.17.1: stats.ttest_ind(a, b, equal_var=False).statistic = -2.225512039969852
        let a = [19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0]
        let b = [28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7,
                 23.2, 17.5, 20.6, 18.0, 23.9, 21.6, 24.3, 20.4, 23.9, 13.3]
        var test = WelchTTest()
        // Interleaved, as the runner feeds them.
        for i in 0..<max(a.count, b.count) {
            if i < b.count { test.add(b[i], toClass: 1) }
            if i < a.count { test.add(a[i], toClass: 0) }
        }
        XCTAssertEqual(test.t ?? .nan, -2.225512039969852, accuracy: 1e-9)
        XCTAssertEqual(test.variance(ofClass: 1) ?? .nan, 17.00305263157895, accuracy: 1e-9)  // numpy var(ddof=1)
        XCTAssertEqual(test.smallerClassCount, 10)
    }

    func testUndefinedCases() {
        var test = WelchTTest()
        XCTAssertNil(test.t)
        test.add(1, toClass: 0)
        test.add(2, toClass: 0)
        test.add(3, toClass: 1)
        XCTAssertNil(test.t, "one sample in class 1: no variance")
        test.add(3, toClass: 1)
        test.add(.nan, toClass: 1)
        test.add(5, toClass: 2)
        XCTAssertEqual(test.counts, [2, 2], "NaN and unknown classes are ignored")
        XCTAssertNotNil(test.t)
        var constant = WelchTTest()
        for _ in 0..<3 { constant.add(7, toClass: 0); constant.add(7, toClass: 1) }
        XCTAssertNil(constant.t, "zero variance in both classes: t undefined")
    }

    func testCroppingPercentilesAreDudects() {
        // dudect prepare_percentiles: 1 − 0.5^(10·(i+1)/100)
        XCTAssertEqual(DudectAnalysis.croppingPercentile(0), 0.06696700846319259, accuracy: 1e-12)
        XCTAssertEqual(DudectAnalysis.croppingPercentile(49), 0.96875, accuracy: 1e-12)
        XCTAssertEqual(DudectAnalysis.croppingPercentile(99), 0.9990234375, accuracy: 1e-12)
    }

    func testAnalysisSeesAShiftAndNotItsAbsence() {
        // Deterministic "timings": class 1 is 5 % slower in one analysis, identical in the other.
        func timings(shift: Double) -> [(inputClass: Int, time: Double)] {
            (0..<4000).map { i in
                let inputClass = (i * 7 + i / 3) % 2
                let base = 1000 + Double((i * 37) % 101)  // spread 1000…1100, the same for both classes
                return (inputClass, base + (inputClass == 1 ? shift : 0))
            }
        }
        var shifted = DudectAnalysis()
        shifted.add(timings(shift: 50))
        let raw = shifted.statistics.first { $0.kind == .raw }
        XCTAssertNotNil(raw)
        XCTAssertGreaterThan(abs(raw?.t ?? 0), 10)
        XCTAssertEqual(shifted.thresholds.count, DudectAnalysis.percentileCount)

        var same = DudectAnalysis()
        same.add(timings(shift: 0))
        XCTAssertFalse(same.statistics.isEmpty)
        // scipy 1.17.1 on the same two lists: ttest_ind(class0, class1, equal_var=False) = -0.019935944332812733
        let sameRaw = same.statistics.first { $0.kind == .raw }
        XCTAssertEqual(sameRaw?.t ?? .nan, -0.019935944332812733, accuracy: 1e-9)
        XCTAssertEqual(sameRaw?.samples, 4000)
    }
}
