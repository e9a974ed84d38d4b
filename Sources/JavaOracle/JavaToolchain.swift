import Foundation
import MD5

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything that can go wrong while finding, compiling or talking to the Java oracle.
/// Each description is one line, fit to print after `error: `.
public enum JavaOracleError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No `java` in `$JAVA_HOME/bin` or on `PATH`.
    case javaNotFound
    /// No `javac` in `$JAVA_HOME/bin` or on `PATH` (a JRE without a compiler).
    case javacNotFound
    /// No commons-codec jar; `searched` lists the places tried.
    case commonsCodecNotFound(searched: [String])
    /// No `Oracles/java/src` folder; the detail says where it was looked for.
    case sourcesNotFound(String)
    /// javac failed; the payload is its first error line.
    case compileFailed(String)
    /// A file-system operation failed while preparing the build folder.
    case buildFolder(String)
    /// A program could not be started at all.
    case launchFailed(executable: String, reason: String)
    /// The bridge JVM is gone (EOF on its stdout, or a broken pipe). `log` is where its stderr went.
    case bridgeExited(status: Int32?, log: String?)
    /// The bridge answered something that is not the expected JSON answer.
    case badAnswer(String)
    /// The bridge answered `ok:false`: "ExceptionSimpleClassName: message".
    case javaException(String)
    /// The oracle was closed by the caller.
    case closed
    /// No answer within the time limit (e.g. a user's RsaUtils method that never returns); the JVM was stopped.
    case timedOut(op: String, seconds: Double)

    public var description: String {
        switch self {
        case .javaNotFound:
            return "Java oracle: `java` not found (looked in $JAVA_HOME/bin and on PATH); install a JDK (e.g. `apt-get install openjdk-17-jdk-headless`) or set JAVA_HOME"
        case .javacNotFound:
            return "Java oracle: `javac` not found (looked in $JAVA_HOME/bin and on PATH); a full JDK is needed, not only a JRE (e.g. `apt-get install openjdk-17-jdk-headless`)"
        case .commonsCodecNotFound(let searched):
            return "Java oracle: commons-codec jar not found (tried \(searched.joined(separator: ", "))); install it with `apt-get install libcommons-codec-java` or set COMMONS_CODEC_JAR"
        case .sourcesNotFound(let detail):
            return "Java oracle: sources Oracles/java/src not found (\(detail)); run from the package folder or set CONFORMANCE_ROOT"
        case .compileFailed(let line):
            return "Java oracle: javac failed: \(line)"
        case .buildFolder(let detail):
            return "Java oracle: build folder: \(detail)"
        case .launchFailed(let executable, let reason):
            return "Java oracle: cannot start \(executable): \(reason)"
        case .bridgeExited(let status, let log):
            var text = "Java oracle: the bridge JVM exited"
            if let status { text += " (status \(status))" }
            if let log { text += "; its stderr is in \(log)" }
            return text
        case .badAnswer(let detail):
            return "Java oracle: bad answer from the bridge: \(detail)"
        case .javaException(let message):
            return "Java oracle: \(message)"
        case .closed:
            return "Java oracle: the bridge was closed"
        case .timedOut(let op, let seconds):
            return "Java oracle: no answer to \(op) within \(Int(seconds)) s; the JVM was stopped"
        }
    }
}

/// Finds `java`, `javac`, the commons-codec jar and the oracle sources, and compiles the sources
/// (once per content hash) into `<root>/.build/java-oracle/<hash>/classes`.
public struct JavaToolchain: Sendable {
    /// Path of the `java` launcher.
    public let java: String
    /// Path of `javac`.
    public let javac: String
    /// Path of the commons-codec jar.
    public let commonsCodecJar: String
    /// The package root (holds `Package.swift` and `Oracles/java/src`).
    public let packageRoot: String

    /// `<root>/Oracles/java/src`.
    public var sourceDirectory: String { packageRoot + "/Oracles/java/src" }
    /// `<root>/.build/java-oracle`.
    public var buildRoot: String { packageRoot + "/.build/java-oracle" }

    /// The result of `compile()`.
    public struct Build: Sendable, Equatable {
        /// MD5 (hex) over the sorted relative paths and contents of the sources.
        public let hash: String
        /// `<root>/.build/java-oracle/<hash>`.
        public let directory: String
        /// `<directory>/classes`.
        public let classesDirectory: String
        /// `classes` + the commons-codec jar, joined with ':'.
        public let classpath: String
        /// True when an earlier compilation was reused (javac did not run).
        public let reused: Bool
    }

    /// Builds a toolchain from known paths (no search, no checks).
    public init(java: String, javac: String, commonsCodecJar: String, packageRoot: String) {
        self.java = java
        self.javac = javac
        self.commonsCodecJar = commonsCodecJar
        self.packageRoot = packageRoot
    }

    /// Finds everything. Order: `java`/`javac` in `$JAVA_HOME/bin`, then on `PATH`; the jar from
    /// `$COMMONS_CODEC_JAR`, `/usr/share/java/commons-codec.jar`, `/usr/share/java/commons-codec-*.jar`;
    /// the package root from `packageRoot`, else `$CONFORMANCE_ROOT`, else the first folder up from
    /// `currentDirectory` holding both `Package.swift` and `Oracles/java/src`.
    public static func locate(
        packageRoot: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws -> JavaToolchain {
        let java = try findTool("java", environment: environment, missing: .javaNotFound)
        let javac = try findTool("javac", environment: environment, missing: .javacNotFound)
        let jar = try findCommonsCodec(environment: environment)
        let root = try findPackageRoot(explicit: packageRoot, environment: environment, currentDirectory: currentDirectory)
        return JavaToolchain(java: java, javac: javac, commonsCodecJar: jar, packageRoot: root)
    }

    // MARK: - Searching

    static func findTool(_ name: String, environment: [String: String], missing: JavaOracleError) throws -> String {
        let fm = FileManager.default
        if let home = environment["JAVA_HOME"], !home.isEmpty {
            let candidate = (home as NSString).appendingPathComponent("bin/\(name)")
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        for dir in (environment["PATH"] ?? "").split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = (String(dir) as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue, fm.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        throw missing
    }

    static func findCommonsCodec(environment: [String: String]) throws -> String {
        let fm = FileManager.default
        var searched: [String] = []
        if let explicit = environment["COMMONS_CODEC_JAR"], !explicit.isEmpty {
            // Named explicitly: it must be a jar (no silent fallback to another one).
            guard fm.isReadableFile(atPath: explicit) else {
                throw JavaOracleError.commonsCodecNotFound(searched: ["$COMMONS_CODEC_JAR=\(explicit) (not readable)"])
            }
            guard JarFile.isArchive(explicit) else {
                throw JavaOracleError.commonsCodecNotFound(searched: ["$COMMONS_CODEC_JAR=\(explicit) (not a jar)"])
            }
            return explicit
        }
        let standard = "/usr/share/java/commons-codec.jar"
        if fm.isReadableFile(atPath: standard) { return standard }
        searched.append(standard)
        searched.append("/usr/share/java/commons-codec-*.jar")
        let names = (try? fm.contentsOfDirectory(atPath: "/usr/share/java")) ?? []
        let versioned = names
            .filter { $0.hasPrefix("commons-codec-") && $0.hasSuffix(".jar") && !$0.contains("sources") && !$0.contains("javadoc") }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        if let best = versioned.last {
            return "/usr/share/java/" + best
        }
        throw JavaOracleError.commonsCodecNotFound(searched: searched)
    }

    static func isPackageRoot(_ dir: String) -> Bool {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        return fm.fileExists(atPath: dir + "/Package.swift")
            && fm.fileExists(atPath: dir + "/Oracles/java/src", isDirectory: &isDir) && isDir.boolValue
    }

    static func findPackageRoot(explicit: String?, environment: [String: String], currentDirectory: String) throws -> String {
        let fm = FileManager.default
        func hasSources(_ dir: String) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: dir + "/Oracles/java/src", isDirectory: &isDir) && isDir.boolValue
        }
        func absolute(_ path: String) -> String {
            let full = path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
            return (full as NSString).standardizingPath
        }
        if let explicit {
            let root = absolute(explicit)
            guard hasSources(root) else { throw JavaOracleError.sourcesNotFound("no Oracles/java/src under \(root)") }
            return root
        }
        if let fromEnv = environment["CONFORMANCE_ROOT"], !fromEnv.isEmpty {
            let root = absolute(fromEnv)
            guard hasSources(root) else {
                throw JavaOracleError.sourcesNotFound("CONFORMANCE_ROOT=\(fromEnv) has no Oracles/java/src")
            }
            return root
        }
        if let found = walkUp(from: absolute(currentDirectory)) { return found }
        // Last resort: the source tree this module was built from (useful for `swift run`/tests
        // started from another folder).
        let builtFrom = ((#filePath as NSString).deletingLastPathComponent as NSString).standardizingPath
        if let found = walkUp(from: builtFrom) { return found }
        throw JavaOracleError.sourcesNotFound("no folder with Package.swift and Oracles/java/src above \(currentDirectory)")
    }

    private static func walkUp(from start: String) -> String? {
        var dir = start
        while true {
            if isPackageRoot(dir) { return dir }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return nil }
            dir = parent
        }
    }

    // MARK: - Compiling

    /// The `.java` files under `sourceDirectory`, as sorted relative paths.
    public func sourceFiles() throws -> [String] {
        let fm = FileManager.default
        var files: [String] = []
        // Own walk (not FileManager.enumerator) so that symlinked folders are followed; the depth
        // limit stops symlink cycles.
        func walk(_ relative: String, depth: Int) throws {
            let dir = relative.isEmpty ? sourceDirectory : sourceDirectory + "/" + relative
            let names: [String]
            do { names = try fm.contentsOfDirectory(atPath: dir) } catch {
                throw JavaOracleError.sourcesNotFound("cannot list \(dir)")
            }
            for name in names where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: sourceDirectory + "/" + path, isDirectory: &isDir) else { continue }
                if isDir.boolValue {
                    if depth < 32 { try walk(path, depth: depth + 1) }
                } else if name.hasSuffix(".java") {
                    files.append(path)
                }
            }
        }
        try walk("", depth: 0)
        if files.isEmpty { throw JavaOracleError.sourcesNotFound("no .java files in \(sourceDirectory)") }
        return files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// MD5 (pure-Swift module) over each source's relative path and contents, in sorted order.
    public func sourceHash() throws -> String {
        var md5 = MD5()
        for path in try sourceFiles() {
            guard let data = FileManager.default.contents(atPath: sourceDirectory + "/" + path) else {
                throw JavaOracleError.sourcesNotFound("cannot read \(sourceDirectory)/\(path)")
            }
            md5.update(Array(path.utf8))
            md5.update([0])
            md5.update(Array(String(data.count).utf8))
            md5.update([0])
            md5.update(data)
        }
        return md5.finalize().hexString
    }

    static let markerName = "compiled.ok"

    /// Compiles the sources unless `<root>/.build/java-oracle/<hash>` already holds a finished
    /// compilation. javac writes to a temporary folder that is renamed into place after a marker
    /// file was written, so a half-compiled folder is never reused (and concurrent compilations
    /// do not disturb each other).
    public func compile() throws -> Build {
        let hash = try sourceHash()
        let directory = buildRoot + "/" + hash
        let fm = FileManager.default
        func build(reused: Bool) -> Build {
            let classes = directory + "/classes"
            return Build(hash: hash, directory: directory, classesDirectory: classes,
                         classpath: classes + ":" + commonsCodecJar, reused: reused)
        }
        if fm.fileExists(atPath: directory + "/" + Self.markerName) {
            return build(reused: true)
        }
        if fm.fileExists(atPath: directory) {
            // Left over without a marker (not produced by this code's rename): start again.
            do { try fm.removeItem(atPath: directory) } catch {
                throw JavaOracleError.buildFolder("cannot remove unfinished \(directory): \(error.localizedDescription)")
            }
        }
        let temp = buildRoot + "/.tmp-\(hash)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try fm.createDirectory(atPath: temp + "/classes", withIntermediateDirectories: true)
        } catch {
            throw JavaOracleError.buildFolder("cannot create \(temp): \(error.localizedDescription)")
        }
        var keepTemp = false
        defer { if !keepTemp { try? fm.removeItem(atPath: temp) } }

        let files = try sourceFiles().map { sourceDirectory + "/" + $0 }
        let logPath = temp + "/javac.log"
        let status = try Self.run(
            javac,
            ["-encoding", "UTF-8", "-nowarn", "-implicit:none", "-d", temp + "/classes", "-cp", commonsCodecJar] + files,
            outputPath: logPath)
        if status != 0 {
            let log = (fm.contents(atPath: logPath)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            throw JavaOracleError.compileFailed(firstError(in: log) ?? "exit status \(status)")
        }
        guard fm.createFile(atPath: temp + "/" + Self.markerName, contents: Data("\(hash)\n".utf8)) else {
            throw JavaOracleError.buildFolder("cannot write the marker in \(temp)")
        }
        if rename(temp, directory) != 0 {
            // Someone else finished the same compilation first: use theirs.
            if fm.fileExists(atPath: directory + "/" + Self.markerName) { return build(reused: true) }
            let reason = String(cString: strerror(errno))
            throw JavaOracleError.buildFolder("cannot move \(temp) to \(directory): \(reason)")
        }
        keepTemp = true
        return build(reused: false)
    }

    /// The first javac line that names an error, with the source folder prefix removed.
    func firstError(in log: String) -> String? {
        let lines = log.split(whereSeparator: \.isNewline).map(String.init)
        guard let index = lines.firstIndex(where: { $0.contains("error:") })
            ?? lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        else { return nil }
        let prefix = sourceDirectory + "/"
        var line = lines[index].hasPrefix(prefix) ? String(lines[index].dropFirst(prefix.count)) : lines[index]
        // "cannot find symbol" and friends name the culprit a few lines further down.
        if let detail = lines.dropFirst(index + 1).prefix(4).first(where: {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix("symbol:")
        }) {
            line += " (" + detail.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") + ")"
        }
        return line
    }

    /// The classpath (classes + commons-codec jar), compiling first when needed.
    public func classpath() throws -> String {
        try compile().classpath
    }

    /// Runs `java -cp <classpath> className arguments...` with the terminal's stdout and stderr;
    /// returns the exit status (128 + signal number when the JVM was killed by a signal).
    public func runMain(className: String, arguments: [String], jvmArguments: [String] = []) throws -> Int32 {
        let cp = try classpath()
        return try Self.run(java, jvmArguments + ["-cp", cp, className] + arguments, outputPath: nil)
    }

    /// Runs a program to completion. `outputPath` receives stdout and stderr; nil inherits both.
    public static func run(_ executable: String, _ arguments: [String], outputPath: String?) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var logHandle: FileHandle?
        if let outputPath {
            guard FileManager.default.createFile(atPath: outputPath, contents: nil),
                  let handle = FileHandle(forWritingAtPath: outputPath) else {
                throw JavaOracleError.buildFolder("cannot create \(outputPath)")
            }
            logHandle = handle
            process.standardOutput = handle
            process.standardError = handle
        }
        defer { try? logHandle?.close() }
        do {
            try process.run()
        } catch {
            throw JavaOracleError.launchFailed(executable: executable, reason: error.localizedDescription)
        }
        process.waitUntilExit()
        switch process.terminationReason {
        case .exit: return process.terminationStatus
        case .uncaughtSignal: return 128 + process.terminationStatus
        @unknown default: return process.terminationStatus
        }
    }
}
