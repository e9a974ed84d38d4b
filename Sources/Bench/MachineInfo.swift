import BigNum
import Foundation

/// Where the figures come from: CPU, cores, OS, library versions, date and load.
enum MachineInfo {
    static func current() -> [String: String] {
        var info = [String: String]()
        info["cpu"] = cpuModel ?? "unknown"
        info["logicalCores"] = "\(ProcessInfo.processInfo.activeProcessorCount)"
        info["os"] = ProcessInfo.processInfo.operatingSystemVersionString
        info["gmp"] = BigNum.gmpVersion
        // Pinned in Package.swift (exact:), so the build cannot have another one.
        info["swiftCrypto"] = "3.12.3"
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        info["date"] = formatter.string(from: Date())
        #if DEBUG
        info["build"] = "debug (figures not meaningful: use -c release)"
        #else
        info["build"] = "release"
        #endif
        return info
    }

    /// "model name" from /proc/cpuinfo (Linux); nil elsewhere.
    static var cpuModel: String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The 1, 5 and 15 minute load averages (how busy the machine was).
    static var loadAverage: String {
        var loads = [Double](repeating: 0, count: 3)
        let n = getloadavg(&loads, 3)
        guard n == 3 else { return "unknown" }
        return loads.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }
}
