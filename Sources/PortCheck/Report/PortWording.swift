import Foundation

/// The shared probes word their checks for a Java class ("Java encrypts …", "fix the class …");
/// for a port they read "the port encrypts …", "fix the port …". Only whole words are replaced
/// (`encryptedDataOnJava` stays).
enum PortWording {
    private static let rules: [(NSRegularExpression, String)] = [
        (#"(?<![A-Za-z])Java's(?![A-Za-z])"#, "the port's"), (#"(?<![A-Za-z])Java(?= )"#, "the port"),
        (#"(?<![A-Za-z])JVM(?![A-Za-z])"#, "runtime"), (#"(?<![A-Za-z])the class(?![A-Za-z])"#, "the port"),
        (#"(?<![A-Za-z])java-check(?![A-Za-z])"#, "port-check"),
    ].compactMap { pattern, template in (try? NSRegularExpression(pattern: pattern)).map { ($0, template) } }

    static func apply(_ text: String) -> String {
        var out = text
        for (regex, template) in rules {
            out = regex.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: template)
        }
        if out.hasPrefix("the port") { out = "The port" + out.dropFirst("the port".count) }
        return out
    }
}
