/// Checks what makes the cases of a file identifiable and explained, for every schema (run after the
/// model decoded, on the same parsed document):
///
/// - `tcId` is 1 … 2^31−1 (Wycheproof numbers cases from 1) and unique in the file: reports and
///   `suite#tcId` name a case by it, so a duplicate would make two cases one;
/// - every flag a case lists is defined in the file's `notes` and listed once: reports explain a
///   failure by its flags' notes, so an undefined flag (usually a typo) would explain nothing.
///
/// Upstream Wycheproof files and the stored vectors meet all of these. A file that does not is that
/// file's error (one line naming the case), like any other malformed field.
enum VectorCaseIdentities {
    static let maximumTcId = Int(Int32.max)

    struct Problem: Error {
        let location: String
        let message: String
    }

    static func check(_ top: KeyedDecodingContainer<AnyCodingKey>, notes: [String: VectorNote]) throws {
        let groups = (try? top.decode([GroupCases?].self, forKey: AnyCodingKey(stringValue: "testGroups"))) ?? []
        var seen = [Int: String]()
        for (g, group) in groups.enumerated() {
            for (i, identity) in (group?.cases ?? []).enumerated() {
                guard let identity else { continue }
                let where_ = "testGroups[\(g)].tests[\(i)]"
                if let tcId = identity.tcId {
                    guard tcId >= 1, tcId <= maximumTcId else {
                        throw Problem(location: where_ + ".tcId", message: "tcId \(tcId) is out of range (1 ... \(maximumTcId))")
                    }
                    if let first = seen[tcId] {
                        throw Problem(location: where_ + ".tcId", message: "duplicate tcId \(tcId) (also \(first))")
                    }
                    seen[tcId] = where_
                }
                var listed = Set<String>()
                for flag in identity.flags ?? [] {
                    guard notes[flag] != nil else {
                        throw Problem(location: where_ + ".flags",
                                      message: "flag '\(flag)' is not defined in the file's notes")
                    }
                    guard listed.insert(flag).inserted else {
                        throw Problem(location: where_ + ".flags", message: "flag '\(flag)' is listed twice")
                    }
                }
            }
        }
    }

    /// A group's cases, read leniently (the model has already checked their types).
    struct GroupCases: Decodable {
        let cases: [CaseIdentity?]

        init(from decoder: Decoder) {
            let group = try? decoder.container(keyedBy: AnyCodingKey.self)
            cases = (try? group?.decode([CaseIdentity?].self, forKey: AnyCodingKey(stringValue: "tests"))) ?? []
        }
    }

    struct CaseIdentity: Decodable {
        let tcId: Int?
        let flags: [String]?

        init(from decoder: Decoder) {
            let c = try? decoder.container(keyedBy: AnyCodingKey.self)
            tcId = try? c?.decode(Int.self, forKey: AnyCodingKey(stringValue: "tcId"))
            flags = try? c?.decode([String].self, forKey: AnyCodingKey(stringValue: "flags"))
        }
    }
}
