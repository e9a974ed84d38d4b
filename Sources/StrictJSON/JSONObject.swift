/// The members of a JSON object in order, names unique.
///
/// Names are compared by their UTF-8 bytes (as the parser's duplicate check does), not by Swift's
/// canonical equivalence. Lookups scan the members: objects on this project's protocols have a few
/// dozen members at most.
public struct JSONObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Member = (key: String, value: JSONValue)

    public private(set) var members: [Member] = []

    public init() {}

    /// Members in the order given; a repeated name keeps its first place and takes the last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// The dictionary's entries sorted by name (a `Dictionary` has no order of its own).
    public init(_ dictionary: [String: JSONValue]) {
        for (key, value) in dictionary.sorted(by: { JSONSerializer.utf8Less($0.key, $1.key) }) {
            members.append((key, value))
        }
    }

    /// Members read by the parser (names already checked unique).
    init(checkedMembers: [Member]) { members = checkedMembers }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

    /// The value of member `key`; setting nil removes the member, setting a new name appends it.
    public subscript(key: String) -> JSONValue? {
        get { index(of: key).map { members[$0].value } }
        set {
            switch (index(of: key), newValue) {
            case (let i?, let value?): members[i].value = value
            case (let i?, nil): members.remove(at: i)
            case (nil, let value?): members.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// This object with `other`'s members set in it (replacing, then appending).
    public func merging(_ other: JSONObject) -> JSONObject {
        var result = self
        for (key, value) in other { result[key] = value }
        return result
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key.utf8.elementsEqual($1.key.utf8) && $0.value == $1.value }
    }

    private func index(of key: String) -> Int? {
        members.firstIndex { $0.key.utf8.elementsEqual(key.utf8) }
    }
}
