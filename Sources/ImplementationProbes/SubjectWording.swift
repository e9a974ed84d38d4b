/// How findings, matrix checks and reports name the implementation under test, chosen from the
/// subject's kind: a Java class ("Java encrypts …", "fix the class …", "this JVM's default") or a
/// port reached through an adapter ("the port encrypts …", "fix the port …", "this runtime's default").
public struct SubjectWording: Sendable, Equatable {
    /// Who acts in a sentence: "Java" (Java signs … → Swift verifies) or "the port".
    public let actor: String
    /// What is to be fixed or changed: "the class" or "the port".
    public let subject: String
    /// Where it runs: "JVM" or "runtime".
    public let runtime: String
    /// The command that checks it: "java-check" or "port-check".
    public let command: String

    public static let javaClass = SubjectWording(actor: "Java", subject: "the class", runtime: "JVM", command: "java-check")
    public static let port = SubjectWording(actor: "the port", subject: "the port", runtime: "runtime", command: "port-check")

    /// `java-class` reads as a Java class; any other kind (`adapter`) as a port.
    public init(kind: String) {
        self = kind == "java-class" ? .javaClass : .port
    }

    private init(actor: String, subject: String, runtime: String, command: String) {
        self.actor = actor
        self.subject = subject
        self.runtime = runtime
        self.command = command
    }

    /// The actor at the start of a sentence: "Java" or "The port".
    public var sentenceActor: String { actor.prefix(1).uppercased() + actor.dropFirst() }
    /// "Java's" or "the port's".
    public var possessive: String { actor + "'s" }
}
