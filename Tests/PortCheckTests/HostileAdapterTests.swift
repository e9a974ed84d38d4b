import Foundation
import PortCheck
import TestSupport
import XCTest

/// Adapters that break ADAPTER.md: each must end the check with one PortCheckError.adapter whose
/// message is one line (quoting what was read), within the timeout, and leave no process behind.
final class HostileAdapterTests: XCTestCase {
    static let hello = #"{"id":1,"ok":true,"name":"hostile","version":"0","ops":["md5"]}"#

    func testNotJSON() throws {
        let failure = try expectFailure("read l; echo 'hello world'; cat >/dev/null")
        XCTAssertTrue(failure.message.contains("not JSON"), failure.message)
        XCTAssertTrue(failure.message.contains(#""hello world""#), failure.message)
    }

    func testNotAnObject() throws {
        let failure = try expectFailure("read l; echo '[1,2]'; cat >/dev/null")
        XCTAssertTrue(failure.message.contains("not a JSON object"), failure.message)
    }

    func testWrongID() throws {
        let failure = try expectFailure(#"read l; echo '{"id":7,"ok":true,"ops":[]}'; cat >/dev/null"#)
        XCTAssertTrue(failure.message.contains("has id 7, expected 1"), failure.message)
    }

    func testIdWrittenAsADecimalIsTheSameId() throws {
        let folder = try TestFolder(self)
        let port = try AdapterPort(AdapterClient.Options(
            command: try folder.script(#"read l; echo '{"id":1.0,"ok":true,"name":"n","version":"1","ops":[]}'; cat >/dev/null"#),
            stderrLog: folder.log, timeoutSeconds: 5))
        XCTAssertEqual(port.hello.name, "n")
        try port.finish()
    }

    func testAnsweringTwiceIsAWrongIdNextTime() throws {
        let twice = #"{"id":1,"ok":true,"name":"n","version":"1","ops":["md5"]}"#
        let failure = try expectFailure("read l; echo '\(twice)'; echo '\(twice)'; cat >/dev/null") { port in
            _ = try port.md5([1])
        }
        XCTAssertTrue(failure.message.contains("request 2 (md5) has id 1, expected 2"), failure.message)
    }

    func testMissingOK() throws {
        let failure = try expectFailure(#"read l; echo '{"id":1,"ops":[]}'; cat >/dev/null"#)
        XCTAssertTrue(failure.message.contains("no boolean \"ok\""), failure.message)
    }

    func testControlCharactersAreEscaped() throws {
        let failure = try expectFailure(#"read l; printf 'bad\033[31m\tanswer\r\n'; cat >/dev/null"#)
        XCTAssertTrue(failure.message.contains(#""bad\e[31m\tanswer\r""#), failure.message)
        XCTAssertFalse(failure.message.unicodeScalars.contains { $0.value < 0x20 }, failure.message)
    }

    func testExitsAtOnce() throws {
        let failure = try expectFailure("echo 'cannot load the port' >&2; exit 3")
        XCTAssertTrue(failure.message.contains("exited before answering request 1 (hello)"), failure.message)
        XCTAssertTrue(failure.message.contains("exit status 3"), failure.message)
        let log = try String(contentsOfFile: failure.log, encoding: .utf8)
        XCTAssertEqual(log, "cannot load the port\n", "the adapter's stderr goes to the log file")
    }

    func testNeverAnswers() throws {
        let started = Date()
        let failure = try expectFailure("exec sleep 60", timeout: 1)
        XCTAssertTrue(failure.message.contains("no answer to request 1 (hello) within 1 s"), failure.message)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testNeverReadsItsStdin() throws {
        // It answers hello, then stops reading: a 1 MB request fills the pipe and the write times out.
        let failure = try expectFailure("read l; echo '\(Self.hello)'; exec sleep 60", timeout: 1) { port in
            _ = try port.md5([UInt8](repeating: 0x61, count: 1 << 20))
        }
        XCTAssertTrue(failure.message.contains("did not read request 2 (md5)"), failure.message)
    }

    func testHugeLineWithoutNewline() throws {
        let started = Date()
        let failure = try expectFailure("read l; head -c 1000000000 /dev/zero | tr '\\000' x", timeout: 20)
        XCTAssertTrue(failure.message.contains("longer than 16777216 bytes without a newline"), failure.message)
        XCTAssertTrue(failure.message.contains(#""xxxxxxxx"#), failure.message)
        XCTAssertLessThan(Date().timeIntervalSince(started), 15)
    }

    func testNeverExitsAfterStdinCloses() throws {
        // Ignores SIGTERM (so do its children): only SIGKILL to the group ends it.
        let failure = try expectFailure(
            "trap '' TERM; read l; echo '\(Self.hello)'; cat >/dev/null; while :; do sleep 1; done",
            timeout: 1, afterHello: { port in try port.finish() })
        XCTAssertTrue(failure.message.contains("did not exit within 1 s after its stdin was closed"), failure.message)
    }

    func testBackgroundChildIgnoringSIGTERM() throws {
        let failure = try expectFailure(
            "(trap '' TERM; exec sleep 60) & read l; echo '\(Self.hello)'; cat >/dev/null",
            timeout: 1, afterHello: { port in try port.finish() })
        XCTAssertTrue(failure.message.contains("left processes running"), failure.message)
    }

    func testExitsLeavingAChildThatHoldsItsStdout() throws {
        // sh exits after hello; the background child keeps stdout open, so no EOF ever comes.
        let started = Date()
        let failure = try expectFailure(
            "(trap '' TERM; exec sleep 60) & read l; echo '\(Self.hello)'; read l; exit 4",
            timeout: 20) { port in _ = try port.md5([1, 2, 3]) }
        XCTAssertTrue(failure.message.contains("before answering request 2 (md5)"), failure.message)
        XCTAssertTrue(failure.message.contains("exit status 4"), failure.message)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "reported when sh exits, not after the timeout")
    }

    func testBackgroundChildOfAHangingAdapter() throws {
        let failure = try expectFailure(
            "(trap '' TERM; exec sleep 60) & read l; echo '\(Self.hello)'; exec sleep 60",
            timeout: 1) { port in _ = try port.md5([1, 2, 3]) }
        XCTAssertTrue(failure.message.contains("no answer to request 2 (md5)"), failure.message)
    }

    func testWellBehavedAdapterEndsCleanly() throws {
        let folder = try TestFolder(self)
        let script = """
            echo started >&2
            while read -r line; do
              case "$line" in
                *'"op":"hello"'*) echo '\(Self.hello)';;
                *) id=$(echo "$line" | sed 's/.*"id":\\([0-9]*\\).*/\\1/'); echo "{\\"id\\":$id,\\"ok\\":false,\\"error\\":\\"no\\"}";;
              esac
            done
            """
        let port = try AdapterPort(AdapterClient.Options(command: try folder.script(script), stderrLog: folder.log, timeoutSeconds: 5))
        let group = port.client.processIdentifier
        XCTAssertEqual(port.hello.name, "hostile")
        XCTAssertEqual(port.hello.ops, ["md5"])
        XCTAssertThrowsError(try port.md5([1])) { error in
            XCTAssertEqual((error as? PortRefusal)?.message, "no")
        }
        XCTAssertThrowsError(try port.sign(alg: "MD5withRSA", privateKey: "", data: [])) { error in
            XCTAssertTrue(error is PortLacksOperation, "\(error)")
        }
        try port.finish()
        XCTAssertEqual(port.client.exitStatus, "exit status 0")
        XCTAssertFalse(ProcessGroupProbe.hasLiveMembers(group))
        XCTAssertEqual(try String(contentsOfFile: folder.log, encoding: .utf8), "started\n")
    }

    // MARK: - Helpers

    struct Failure {
        let message: String
        let log: String
    }

    /// Runs `script` as the adapter, then `afterHello`; expects a PortCheckError.adapter and an
    /// empty process group afterwards.
    private func expectFailure(_ script: String, timeout: Double = 5,
                               afterHello: (AdapterPort) throws -> Void = { _ in },
                               file: StaticString = #filePath, line: UInt = #line) throws -> Failure {
        let folder = try TestFolder(self)
        let options = AdapterClient.Options(command: try folder.script(script), stderrLog: folder.log, timeoutSeconds: timeout)
        var client: AdapterClient?
        do {
            let port = try AdapterPort(options)
            client = port.client
            try afterHello(port)
            XCTFail("expected an adapter error", file: file, line: line)
            return Failure(message: "", log: folder.log)
        } catch let error as PortCheckError {
            guard case .adapter(let message) = error else {
                XCTFail("expected an adapter error, got \(error)", file: file, line: line)
                return Failure(message: "", log: folder.log)
            }
            XCTAssertFalse(error.description.contains("\n"), "one line: \(error.description)", file: file, line: line)
            if let group = client?.processIdentifier ?? ProcessGroupProbe.lastGroup(startedBy: folder) {
                XCTAssertFalse(ProcessGroupProbe.hasLiveMembers(group), "process group \(group) still has processes", file: file, line: line)
            }
            return Failure(message: message, log: folder.log)
        }
    }
}
