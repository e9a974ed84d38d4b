import Foundation
import NumberCheck
import RSA
import TestSupport
import XCTest

/// An independent implementation (Python `cryptography`, i.e. OpenSSL) checks our requests and
/// builds requests our verifier must accept: expected values never come from the code under test.
final class NumberCheckIndependentTests: XCTestCase {
    /// The Python side: `verify` checks a request the way the held-out checker does (MD5withRSA over
    /// the concatenation with the customer public key, PKCS#1 v1.5 decryption of phoneNum with the
    /// platform private key, plaintext = phone + appKey + timestamp); `build` makes a request.
    static let script = #"""
import base64, json, sys
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
a = json.load(sys.stdin)
if a["mode"] == "verify":
    req = json.loads(a["request"])
    h, b = req["header"], req["body"]
    assert list(req) == ["header", "body"], list(req)
    assert list(h) == ["version", "msgId", "appId", "timestamp"], list(h)
    assert list(b) == ["expandParams", "phoneNum", "token", "sign", "userInformation"], list(b)
    pub = serialization.load_der_public_key(bytes.fromhex(a["customerPublic"]))
    s = h["appId"] + h["msgId"] + b["phoneNum"] + h["timestamp"] + b["token"] + h["version"]
    pub.verify(base64.b64decode(b["sign"], validate=True), s.encode("utf-8"), padding.PKCS1v15(), hashes.MD5())
    priv = serialization.load_der_private_key(bytes.fromhex(a["platformPrivate"]), None)
    plain = priv.decrypt(base64.b64decode(b["phoneNum"], validate=True), padding.PKCS1v15())
    assert plain == (a["phone"] + a["appKey"] + h["timestamp"]).encode("utf-8"), plain
    print(json.dumps({"userInformation": b["userInformation"], "version": h["version"]}))
else:
    priv = serialization.load_der_private_key(bytes.fromhex(a["customerPrivate"]), None)
    pub = serialization.load_der_public_key(bytes.fromhex(a["platformPublic"]))
    ts, app_id, msg_id, token = "20240229123456789", "300011862498", "0f8e2b9a6c1d4e5f8a7b3c2d1e0f9a8b", "STsid0000001"
    phone_num = base64.b64encode(pub.encrypt((a["phone"] + a["appKey"] + ts).encode("utf-8"), padding.PKCS1v15())).decode()
    s = app_id + msg_id + phone_num + ts + token + "1.0"
    sign = base64.b64encode(priv.sign(s.encode("utf-8"), padding.PKCS1v15(), hashes.MD5())).decode()
    print(json.dumps({"header": {"version": "1.0", "msgId": msg_id, "appId": app_id, "timestamp": ts},
                      "body": {"expandParams": "", "phoneNum": phone_num, "token": token, "sign": sign,
                               "userInformation": "指纹-fp"}}, ensure_ascii=False))
"""#

    func python(_ arguments: [String: String]) throws -> Data {
        guard Python.hasCryptography() else { throw XCTSkip("python3 with the cryptography package is not installed") }
        let input = try JSONSerialization.data(withJSONObject: arguments)
        let result = try Python.run(["-c", Self.script], input: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testPythonAcceptsOurRequest() throws {
        let keys = try TestKeys.all()
        let userInformation = "浏览器指纹 \"fp\"\\n/😀"
        let parameters = NumberCheckParameters(appId: "300011862498", appKey: "应用密钥AppKey", token: "STsid0000001_abc",
                                               phone: "13800138000", userInformation: userInformation)
        let request = try NumberCheckBuilder.build(parameters, customerPrivateKey: keys.customer,
                                                   platformPublicKey: keys.platform.publicKey)
        let out = try python(["mode": "verify", "request": request.jsonText(), "phone": "13800138000",
                              "appKey": "应用密钥AppKey", "customerPublic": Hex.encode(keys.customer.publicKey.spkiDER),
                              "platformPrivate": Hex.encode(keys.platform.pkcs8DER)])
        // Python's json read userInformation back unchanged (escapes and Chinese intact).
        let echoed = try JSONSerialization.jsonObject(with: out) as? [String: String]
        XCTAssertEqual(echoed?["userInformation"], userInformation)
        XCTAssertEqual(echoed?["version"], "1.0")
    }

    func testWeAcceptPythonRequest() throws {
        let keys = try TestKeys.all()
        let text = try python(["mode": "build", "phone": "13912345678", "appKey": "k3y",
                               "customerPrivate": Hex.encode(keys.customer.pkcs8DER), "platformPublic": Hex.encode(keys.platform.publicKey.spkiDER)])
        let verdict = NumberCheckVerifier.verify(requestJSON: Array(text), customerPublicKey: keys.customer.publicKey,
                                                 platformPrivateKey: keys.platform, appKey: "k3y", expectedPhone: "13912345678")
        XCTAssertEqual(verdict.code, "000", verdict.reason)
        XCTAssertEqual(verdict.phone, "13912345678")
        let other = NumberCheckVerifier.verify(requestJSON: Array(text), customerPublicKey: keys.customer.publicKey,
                                               platformPrivateKey: keys.platform, appKey: "k3y", expectedPhone: "13912345679")
        XCTAssertEqual(other.code, "001", other.reason)
    }
}
