import Foundation
import JavaOracle
import RSA

/// `conformance java-check`: probes a user's own RsaUtils class (loaded by reflection in the
/// oracle JVM), detects its profile, runs the bidirectional matrix with that profile and says
/// whether (and with which settings) the Swift side is compatible. See docs/DESIGN.md.
public enum JavaCheck {
    public struct Options: Sendable {
        /// `--classpath`: entries separated by ':' (folders, .jar/.zip files, `dir/*` for every jar in dir).
        public var classpath: String
        /// `--class`: fully qualified class name.
        public var className: String
        /// Package root (for the oracle sources); nil = found as `JavaToolchain.locate` does.
        public var packageRoot: String?
        /// Relative classpath entries are resolved against this folder.
        public var currentDirectory: String
        /// Start a second JVM with another `file.encoding` to tell "platform charset" from "fixed".
        public var probePlatformCharset: Bool
        /// Where the bridge JVM's stderr goes (the user's class may print stack traces).
        public var errorOutput: JavaOracle.ErrorOutput
        /// Longest wait for one call into the user's class (a method that never returns stops the check).
        public var callTimeoutSeconds: Double

        public init(classpath: String, className: String, packageRoot: String? = nil,
                    currentDirectory: String = FileManager.default.currentDirectoryPath,
                    probePlatformCharset: Bool = true, errorOutput: JavaOracle.ErrorOutput = .logFile,
                    callTimeoutSeconds: Double = 60) {
            self.callTimeoutSeconds = callTimeoutSeconds
            self.classpath = classpath
            self.className = className
            self.packageRoot = packageRoot
            self.currentDirectory = currentDirectory
            self.probePlatformCharset = probePlatformCharset
            self.errorOutput = errorOutput
        }
    }

    /// Splits and checks `--classpath`: every entry must exist; files must be .jar or .zip;
    /// `dir/*` expands to the jars of dir (as `java -cp` does). Returns absolute paths.
    public static func classpathEntries(_ text: String, currentDirectory: String) throws -> [String] {
        let fm = FileManager.default
        let parts = text.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !parts.isEmpty else { throw JavaCheckError.usage("--classpath is empty") }
        var out: [String] = []
        for part in parts {
            let absolute = part.hasPrefix("/") ? part : (currentDirectory as NSString).appendingPathComponent(part)
            let path = (absolute as NSString).standardizingPath
            if part.hasSuffix("/*") || part == "*" {
                let dir = (path as NSString).deletingLastPathComponent
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                    throw JavaCheckError.usage("--classpath: folder '\(part.dropLast(2))' does not exist")
                }
                let jars = ((try? fm.contentsOfDirectory(atPath: dir)) ?? [])
                    .filter { $0.lowercased().hasSuffix(".jar") }.sorted()
                out += jars.map { (dir as NSString).appendingPathComponent($0) }
                continue
            }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                throw JavaCheckError.usage("--classpath: entry '\(part)' does not exist")
            }
            if !isDir.boolValue {
                let lower = path.lowercased()
                guard lower.hasSuffix(".jar") || lower.hasSuffix(".zip") else {
                    throw JavaCheckError.usage("--classpath: entry '\(part)' is neither a folder nor a .jar/.zip file")
                }
                guard fm.isReadableFile(atPath: path) else {
                    throw JavaCheckError.usage("--classpath: entry '\(part)' is not readable")
                }
            }
            out.append(path)
        }
        guard !out.isEmpty else { throw JavaCheckError.usage("--classpath: no jars in '\(text)'") }
        return out
    }

    /// A Java binary class name: dot-separated identifiers (`$` allowed for nested classes).
    public static func checkClassName(_ name: String) throws {
        let segments = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid = !name.isEmpty && segments.allSatisfy { segment in
            guard let first = segment.unicodeScalars.first else { return false }
            let startOK = CharacterSet.letters.contains(first) || first == "_" || first == "$"
            return startOK && segment.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "$"
            }
        }
        guard valid else {
            throw JavaCheckError.usage("--class: '\(name)' is not a Java class name (expected e.g. com.example.RsaUtils)")
        }
    }

    /// Runs the whole check. Throws `JavaCheckError` when it cannot run (exit 2); an incompatible
    /// class is a report with `compatible == false` (exit 1).
    public static func run(_ options: Options, progress: @escaping (String) -> Void = { _ in }) throws -> JavaCheckReport {
        let started = Date()
        try checkClassName(options.className)
        let entries = try classpathEntries(options.classpath, currentDirectory: options.currentDirectory)

        let toolchain: JavaToolchain
        do {
            toolchain = try JavaToolchain.locate(packageRoot: options.packageRoot)
        } catch {
            throw JavaCheckError.environment("\(error)")
        }
        progress("starting the Java oracle")
        let oracle: JavaOracle
        do {
            oracle = try JavaOracle(toolchain: toolchain, errorOutput: options.errorOutput)
            oracle.answerTimeoutSeconds = options.callTimeoutSeconds
        } catch {
            throw JavaCheckError.environment("\(error)")
        }
        defer { oracle.close() }
        let hello: JavaOracle.Hello
        do { hello = try oracle.hello() } catch { throw JavaCheckError.bridge("\(error)") }

        progress("loading \(options.className)")
        let user = try JavaUserClass(oracle: oracle, classpath: entries, className: options.className,
                                     commonsCodecJar: toolchain.commonsCodecJar)
        let facade = RsaUtilsFacade(user: user)
        guard facade.hasAnyOperation else {
            let found = user.methods.isEmpty ? "none" : user.methods.map(\.signature).joined(separator: "; ")
            throw JavaCheckError.load("\(user.className) has no usable RsaUtils methods (looked for static sign, verify, "
                + "encryptByPublicKey, decryptByPrivateKey, encryptByPrivateKey, decryptByPublicKey, "
                + "encryptedDataOnJava, decryptDataOnJava with byte[]/String parameters; found: \(found))")
        }

        let session = JavaCheckSession(user: user, facade: facade, hello: hello, toolchain: toolchain,
                                       classpath: entries, options: options, progress: progress)
        try session.probe()
        try session.runMatrix()
        return session.report(duration: Date().timeIntervalSince(started))
    }
}
