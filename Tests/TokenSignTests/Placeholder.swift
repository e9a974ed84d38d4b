import XCTest
final class TokenSignTestsPlaceholder: XCTestCase {}
