import Foundation

#if os(Linux)
/// The members of a process group, read from /proc.
enum GroupMembers {
    /// A process of group `pgid` that is not a zombie exists (unreadable /proc: assume one does).
    static func anyAlive(inGroup pgid: pid_t) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return true }
        for entry in entries where entry.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard let data = FileManager.default.contents(atPath: "/proc/\(entry)/stat") else { continue }
            // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
            let text = String(decoding: data, as: UTF8.self)
            guard let close = text.lastIndex(of: ")") else { continue }
            let fields = text[text.index(after: close)...].split(separator: " ")
            guard fields.count > 2, let group = Int32(fields[2]), group == pgid else { continue }
            if fields[0] != "Z" && fields[0] != "X" { return true }
        }
        return false
    }
}
#endif
