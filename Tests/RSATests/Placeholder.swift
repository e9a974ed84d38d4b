import XCTest
final class RSATestsPlaceholder: XCTestCase {}
