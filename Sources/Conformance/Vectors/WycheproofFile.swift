/// A group of cases in a vector file; the envelope checks `numberOfTests` against `testCount`.
public protocol VectorTestGroup: Decodable, Sendable {
    var testCount: Int { get }
    /// The `algorithm` values the schema allows (our schemas fix one; upstream Wycheproof schemas leave
    /// it free: nil).
    static var algorithms: [String]? { get }
}

extension VectorTestGroup {
    public static var algorithms: [String]? { nil }
}

/// The Wycheproof envelope shared by every vector file, upstream and ours.
///
/// `numberOfTests` must equal the number of decoded cases; an unknown top-level field is an error.
public struct WycheproofFile<Group: VectorTestGroup>: Decodable, Sendable {
    public let algorithm: String
    public let schema: String
    public let generatorVersion: String?
    public let numberOfTests: Int
    public let header: [String]
    public let notes: [String: VectorNote]
    public let testGroups: [Group]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case algorithm, schema, generatorVersion, numberOfTests, header, notes, testGroups
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        if let allowed = Group.algorithms {
            algorithm = try c.decodeOneOf(allowed, forKey: .algorithm)
        } else {
            algorithm = try c.decode(String.self, forKey: .algorithm)
        }
        schema = try c.decode(String.self, forKey: .schema)
        generatorVersion = try c.decodeIfPresent(String.self, forKey: .generatorVersion)
        numberOfTests = try c.decode(Int.self, forKey: .numberOfTests)
        header = try c.decode([String].self, forKey: .header)
        notes = try c.decode([String: VectorNote].self, forKey: .notes)
        testGroups = try c.decode([Group].self, forKey: .testGroups)
        let decoded = testCount
        guard decoded == numberOfTests else {
            throw DecodingError.dataCorruptedError(
                forKey: .numberOfTests, in: c,
                debugDescription: "numberOfTests is \(numberOfTests) but the file has \(decoded) tests")
        }
    }

    public var testCount: Int { testGroups.reduce(0) { $0 + $1.testCount } }
}

/// `notes[flag]`: why a flag matters (Wycheproof `NoteEntry`).
public struct VectorNote: Codable, Sendable, Equatable {
    public let bugType: String
    public let description: String?
    public let effect: String?
    public let links: [String]?
    public let cves: [String]?

    public init(bugType: String, description: String? = nil, effect: String? = nil,
                links: [String]? = nil, cves: [String]? = nil) {
        self.bugType = bugType
        self.description = description
        self.effect = effect
        self.links = links
        self.cves = cves
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case bugType, description, effect, links, cves
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        bugType = try c.decode(String.self, forKey: .bugType)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        effect = try c.decodeIfPresent(String.self, forKey: .effect)
        links = try c.decodeIfPresent([String].self, forKey: .links)
        cves = try c.decodeIfPresent([String].self, forKey: .cves)
    }
}

/// A group's `source`: who produced the cases.
public struct VectorSource: Decodable, Sendable, Equatable {
    public let name: String
    public let version: String

    enum CodingKeys: String, CodingKey, CaseIterable { case name, version }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        version = try c.decode(String.self, forKey: .version)
    }
}

/// The fields every case has, whatever the schema.
public protocol VectorTestCase: Sendable {
    var tcId: Int { get }
    var comment: String { get }
    var flags: [String] { get }
    var result: ExpectedResult { get }
}
