import Foundation
import ImplementationProbes
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
        /// Key size asked of a generator that takes one.
        public var requestedKeyBits = 1024

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
                let paths = jars.map { (dir as NSString).appendingPathComponent($0) }
                for jar in paths { try checkJar(jar, shown: jar) }
                out += paths
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
                try checkJar(path, shown: part)
            }
            out.append(path)
        }
        guard !out.isEmpty else { throw JavaCheckError.usage("--classpath: no jars in '\(text)'") }
        return out
    }

    /// A jar must be a zip archive (`JarFile.isArchive`): a broken one is named, not "class not found".
    static func checkJar(_ path: String, shown: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw JavaCheckError.usage("--classpath: cannot read jar '\(shown)'")
        }
        guard JarFile.isArchive(path) else {
            throw JavaCheckError.usage("--classpath: cannot read jar '\(shown)': not a zip/jar archive (no central directory)")
        }
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

    /// Runs the whole check of one class. Throws `JavaCheckError` when it cannot run (exit 2); an
    /// incompatible or not evaluable class is a report (`verdict`, exit 1 / 2).
    public static func run(_ options: Options, progress: @escaping (String) -> Void = { _ in }) throws -> JavaCheckReport {
        try checkClassName(options.className)
        let entries = try classpathEntries(options.classpath, currentDirectory: options.currentDirectory)
        let runtime = try JavaRuntime.start(options, progress: progress)
        defer { runtime.oracle.close() }
        return try check(className: options.className, entries: entries, runtime: runtime, options: options, progress: progress)
    }

    /// Checks one class in an already running JVM (java-check --jar checks many in one).
    static func check(className: String, entries: [String], runtime: JavaRuntime, options: Options,
                      progress: @escaping (String) -> Void) throws -> JavaCheckReport {
        progress("loading \(className)")
        let user = try JavaUserClass(oracle: runtime.oracle, classpath: entries, className: className,
                                     commonsCodecJar: runtime.toolchain.commonsCodecJar)
        guard user.methods.contains(where: JavaDiscovery.hasHelperShape) else {
            let found = user.methods.isEmpty ? "none" : user.methods.map(\.signature).joined(separator: "; ")
            throw JavaCheckError.load("\(user.className) has no usable RsaUtils methods (looked for methods taking data and a key "
                + "and returning String/byte[] (encrypt, decrypt, sign) or boolean (verify); found: \(found))")
        }
        progress("reading its key pair")
        var keyPair: Result<JavaUserClass.KeyStrings, Error>
        do {
            keyPair = .success(try user.keyPair(bits: options.requestedKeyBits))
        } catch let abort as JavaCheckError {
            throw abort
        } catch {
            keyPair = .failure(error)
        }
        // Methods without a key parameter use the class's own hard-coded keys: those are the pair then.
        var own: OwnKeyPair?
        if user.methods.contains(where: { $0.isPublic && JavaDiscovery.takesNoKey($0) }) {
            progress("reading its own hard-coded keys")
            own = try OwnKeyPair.read(user)
            if let pair = own?.pair { keyPair = .success(pair) }
        }
        // Discovery needs a working key pair: its own when it parses, else a Swift-made one.
        var pub: RSAPublicKey?, priv: RSAPrivateKey?, pubText = "", privText = ""
        if case .success(let pair) = keyPair, let p = try? RSAPublicKey(keyText: pair.publicKey),
           let q = try? RSAPrivateKey(keyText: pair.privateKey), q.publicKey == p {
            (pub, priv, pubText, privText) = (p, q, pair.publicKey, pair.privateKey)
        }
        if pub == nil || priv == nil {
            let key: RSAPrivateKey
            do { key = try RSAPrivateKey.generate(bits: options.requestedKeyBits) } catch {
                throw JavaCheckError.environment("cannot make a Swift key pair: \(error)")
            }
            (pub, priv, pubText, privText) = (key.publicKey, key, key.publicKey.rsaUtilsString, key.rsaUtilsString)
        }
        guard let pub, let priv else { throw JavaCheckError.environment("no key pair") }
        progress("discovering its methods by calling them")
        var discovery = try JavaDiscovery(user: user, publicString: pubText, privateString: privText, publicKey: pub, privateKey: priv,
                                          ownKeys: own?.keys).run()
        discovery.findings += own?.findings ?? []
        discovery.skips += own?.skips ?? []
        let implementation = JavaClassImplementation(user: user, hello: runtime.hello, toolchain: runtime.toolchain, classpath: entries,
                                                     options: options, discovery: discovery, keyPair: keyPair)
        do {
            return try ImplementationCheck.run(implementation, options: ProbeOptions(probePlatformCharset: options.probePlatformCharset,
                                                                                     requestedKeyBits: options.requestedKeyBits),
                                               progress: progress)
        } catch let error as JavaCheckError {
            throw error
        } catch let abort as ProbeAbort {
            throw JavaCheckError.bridge(abort.description)
        }
    }
}

/// The JVM java-check runs the user's classes in, with what its hello said.
struct JavaRuntime {
    let toolchain: JavaToolchain
    let oracle: JavaOracle
    let hello: JavaOracle.Hello

    static func start(_ options: JavaCheck.Options, progress: (String) -> Void) throws -> JavaRuntime {
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
        do {
            return JavaRuntime(toolchain: toolchain, oracle: oracle, hello: try oracle.hello())
        } catch {
            oracle.close()
            throw JavaCheckError.bridge("\(error)")
        }
    }
}

/// The report types under their java-check names.
public typealias JavaCheckReport = ImplementationReport
public typealias JavaCheckItem = MatrixItem

/// java-check's report files: `java-check-<fully.qualified.Name>.json` and `.md`.
public enum JavaCheckReportWriter {
    public static func json(_ report: JavaCheckReport) throws -> Data { try ImplementationReportWriter.json(report) }
    @discardableResult
    public static func write(_ report: JavaCheckReport, to folder: URL) throws -> [URL] {
        try ImplementationReportWriter.write(report, to: folder, prefix: "java-check")
    }
    public static func markdown(_ report: JavaCheckReport) -> String { ImplementationReportWriter.markdown(report) }
    public static func text(_ report: JavaCheckReport) -> String { ImplementationReportWriter.text(report) }
}
