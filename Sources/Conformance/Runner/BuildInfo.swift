import BigNum
import Foundation

/// Versions for the report metadata.
public enum BuildInfo {
    /// The Swift language mode of the compiler that built this binary (compile-time, major.minor).
    public static let swiftVersion: String = {
        #if compiler(>=6.4)
        return "6.4 or later"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #elseif compiler(>=6.0)
        return "6.0"
        #else
        return "5.x"
        #endif
    }()

    /// libgmp's version string (`gmp_version`).
    public static var gmpVersion: String { BigNum.gmpVersion }

    public static var platform: String {
        #if os(Linux)
        let os = "Linux"
        #elseif os(macOS)
        let os = "macOS"
        #else
        let os = "unknown OS"
        #endif
        return "\(os) \(ProcessInfo.processInfo.operatingSystemVersionString)"
    }
}
