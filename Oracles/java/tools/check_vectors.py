#!/usr/bin/env python3
"""Independent check of the vector files written by rsautils.vectors.VectorGen.

    python3 Oracles/java/tools/check_vectors.py [Vectors]

Checks every *.json in the folder: valid JSON, numberOfTests = number of cases, tcIds 1..N,
every flag explained in notes, our own schemas (Vectors/schemas/) when the jsonschema module is
available. Then recomputes the expected values without the JDK: MD5 and the getToken sign with
hashlib, the getToken rules, the number-check verify rules, RSA with pow() on the hex numbers (keys taken apart with a small DER
reader), PKCS#1 blocks, FIPS 186-4 rules with a Miller-Rabin test, commons-codec-style lenient
Base64 for key strings. Prints per-file and per-area counts; exits 1 on any mismatch.
"""
import base64
import datetime
import glob
import hashlib
import json
import math
import os
import random
import sys
import unicodedata

failures = []


def fail(where, what):
    failures.append(f"{where}: {what}")


def h(s):
    return bytes.fromhex(s)


def big(s):
    """Wycheproof BigInt: two's complement big-endian hex."""
    v = int(s, 16) if s else 0
    if s and int(s[0], 16) >= 8:
        v -= 1 << (4 * len(s))
    return v


def i2osp(v, k):
    return v.to_bytes(k, "big")


# --- DER -----------------------------------------------------------------------------------------

def der_read(b, off=0):
    tag = b[off]
    ln = b[off + 1]
    pos = off + 2
    if ln & 0x80:
        cnt = ln & 0x7F
        ln = int.from_bytes(b[pos:pos + cnt], "big")
        pos += cnt
    return tag, b[pos:pos + ln], pos + ln


def der_children(content):
    out, pos = [], 0
    while pos < len(content):
        tag, c, pos = der_read(content, pos)
        out.append((tag, c))
    return out


def der_int(c):
    return int.from_bytes(c, "big", signed=True)


def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def der_tlv(tag, content):
    return bytes([tag]) + der_len(len(content)) + content


def der_integer(v):
    return der_tlv(2, v.to_bytes(v.bit_length() // 8 + 1, "big", signed=True))


def spki_to_ne(spki):
    _, top, _ = der_read(spki)
    items = der_children(top)
    bits = items[1][1]
    _, seq, _ = der_read(bits[1:])
    n, e = [der_int(c) for _, c in der_children(seq)]
    return n, e


def pkcs8_to_key(pkcs8):
    _, top, _ = der_read(pkcs8)
    items = der_children(top)
    _, seq, _ = der_read(items[2][1])
    vals = [der_int(c) for _, c in der_children(seq)]
    return dict(zip(["version", "n", "e", "d", "p", "q", "dp", "dq", "qInv"], vals))


def spki_of(n, e):
    rsa = der_tlv(0x30, der_integer(n) + der_integer(e))
    algid = bytes.fromhex("300d06092a864886f70d0101010500")
    return der_tlv(0x30, algid + der_tlv(0x03, b"\x00" + rsa))


def pkcs8_of(n, e, d, p, q, dp, dq, qinv):
    rsa = der_tlv(0x30, b"".join(der_integer(x) for x in [0, n, e, d, p, q, dp, dq, qinv]))
    algid = bytes.fromhex("300d06092a864886f70d0101010500")
    return der_tlv(0x30, der_integer(0) + algid + der_tlv(0x04, rsa))


# --- lenient Base64 like commons-codec 1.15 --------------------------------------------------------

B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
B64["-"] = 62
B64["_"] = 63


def codec_decode(s):
    """commons-codec Base64.decodeBase64(String): UTF-8 bytes, skip non-alphabet, stop at '='."""
    bits, nbits, out = 0, 0, bytearray()
    for byte in s.encode("utf-8"):
        ch = chr(byte) if byte < 128 else None
        if ch == "=":
            break
        if ch is None or ch not in B64:
            continue
        bits = (bits << 6) | B64[ch]
        nbits += 6
        if nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)
    return bytes(out)


# --- primality -----------------------------------------------------------------------------------

def is_probable_prime(n, rounds=40):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    rnd = random.Random(n & 0xFFFFFFFF)
    for _ in range(rounds):
        a = rnd.randrange(2, n - 1)
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def fips_violations(nlen, p, q, e):
    v = []
    half = nlen // 2
    if not is_probable_prime(p):
        v.append("CompositeP")
    if not is_probable_prime(q):
        v.append("CompositeQ")
    if p * p < 1 << (nlen - 1) or q * q < 1 << (nlen - 1):
        v.append("PrimeTooSmall")
    if p >= 1 << half or q >= 1 << half:
        v.append("PrimeTooLarge")
    if abs(p - q) <= 1 << (half - 100):
        v.append("PrimesTooClose")
    if e % 2 == 0:
        v.append("EvenExponent")
    if e <= 1 << 16:
        v.append("SmallExponent")
    if e >= 1 << 256:
        v.append("LargeExponent")
    if math.gcd(e, p - 1) != 1 or math.gcd(e, q - 1) != 1:
        v.append("ExponentNotCoprime")
    if (p * q).bit_length() != nlen:
        v.append("WrongModulusLength")
    return v


# --- PKCS#1 ---------------------------------------------------------------------------------------

OIDS = {
    "MD5": "2a864886f70d0205", "SHA-1": "2b0e03021a", "SHA-256": "608648016503040201",
    "SHA-384": "608648016503040202", "SHA-512": "608648016503040203",
}
HASHLIB = {"MD5": "md5", "SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512"}


def digest_info(sha, msg, with_null=True):
    dg = hashlib.new(HASHLIB[sha], msg).digest()
    algid = der_tlv(0x06, h(OIDS[sha])) + (b"\x05\x00" if with_null else b"")
    return der_tlv(0x30, der_tlv(0x30, algid) + der_tlv(0x04, dg))


def emsa(sha, msg, k, with_null=True):
    di = digest_info(sha, msg, with_null)
    return b"\x00\x01" + b"\xff" * (k - 3 - len(di)) + b"\x00" + di


def unpad(em, block_type, k):
    """Strict PKCS#1 v1.5 decoding; None when invalid."""
    if len(em) != k or em[0] != 0 or em[1] != block_type:
        return None
    i = 2
    while i < k and em[i] != 0:
        if block_type == 1 and em[i] != 0xFF:
            return None
        i += 1
    if i == k or i - 2 < 8:
        return None
    return em[i + 1:]


def rsa_decrypt_block(ct, key, block_type):
    n, k = key["n"], (key["n"].bit_length() + 7) // 8
    if len(ct) > k:
        return None
    c = int.from_bytes(ct, "big")
    if c >= n:
        return None
    exp = key["d"] if block_type == 2 else key["e"]
    return unpad(i2osp(pow(c, exp, n), k), block_type, k)


# --- per-schema checks ------------------------------------------------------------------------------

def check_md5(fn, d):
    for g in d["testGroups"]:
        for t in g["tests"]:
            msg = h(t["msg"]) * t.get("repeat", 1)
            m = hashlib.md5()
            off = 0
            for c in t.get("chunks", []):
                m.update(msg[off:off + c])
                off += c
            m.update(msg[off:])
            if m.hexdigest() != t["digest"] or hashlib.md5(msg).hexdigest() != t["digest"]:
                fail(f"{fn} #{t['tcId']}", "MD5 mismatch")


def check_keygen(fn, d):
    for g in d["testGroups"]:
        for t in g["tests"]:
            where = f"{fn} #{t['tcId']}"
            if g["type"] == "RsaKeyDerivation":
                p, q, e = big(t["p"]), big(t["q"]), big(t["e"])
                n = p * q
                lcm = (p - 1) * (q - 1) // math.gcd(p - 1, q - 1)
                dd = pow(e, -1, lcm)
                exp = {"n": n, "d": dd, "dp": dd % (p - 1), "dq": dd % (q - 1), "qInv": pow(q, -1, p)}
                for name, v in exp.items():
                    if big(t[name]) != v:
                        fail(where, f"{name} differs from the derivation")
                if n.bit_length() != g["keySize"]:
                    fail(where, "keySize")
                if h(t["publicKeyDer"]) != spki_of(n, e):
                    fail(where, "publicKeyDer")
                if h(t["privateKeyPkcs8"]) != pkcs8_of(n, e, dd, p, q, dd % (p - 1), dd % (q - 1), pow(q, -1, p)):
                    fail(where, "privateKeyPkcs8")
                if base64.b64decode(t["publicKeyRsaUtils"]) != h(t["publicKeyDer"]) or \
                        base64.b64decode(t["privateKeyRsaUtils"]) != h(t["privateKeyPkcs8"]):
                    fail(where, "RsaUtils strings")
            elif g["type"] == "RsaKeyStringParse":
                raw = codec_decode(t["keyString"])
                if t["result"] == "valid":
                    der = h(t["der"])
                    if not raw.startswith(der):
                        fail(where, "lenient decode does not give der")
                    elif len(raw) != len(der) and "TrailingData" not in t["flags"]:
                        fail(where, "extra bytes without TrailingData flag")
                    try:
                        if t["keyType"] == "public":
                            spki_to_ne(der)
                        else:
                            pkcs8_to_key(der)
                    except Exception as ex:  # noqa: BLE001
                        fail(where, f"der does not parse: {ex}")
                elif t["der"] != "":
                    fail(where, "invalid case with der")
            elif g["type"] == "RsaKeyParameterCheck":
                v = fips_violations(t["keySize"], big(t["p"]), big(t["q"]), big(t["e"]))
                if ("valid" if not v else "invalid") != t["result"]:
                    fail(where, f"FIPS result {v}")
                for flag in v:
                    if flag not in t["flags"]:
                        fail(where, f"flag {flag} missing")
            else:
                fail(where, "unknown group type")


def group_keys(g):
    n, e = spki_to_ne(h(g["publicKeyDer"]))
    key = pkcs8_to_key(h(g["privateKeyPkcs8"]))
    if (key["n"], key["e"]) != (n, e):
        fail("group", "public and private key differ")
    if base64.b64decode(g["publicKeyRsaUtils"]) != h(g["publicKeyDer"]):
        fail("group", "publicKeyRsaUtils")
    if base64.b64decode(g["privateKeyRsaUtils"]) != h(g["privateKeyPkcs8"]):
        fail("group", "privateKeyRsaUtils")
    if n.bit_length() != g["keySize"]:
        fail("group", "keySize")
    return key


def check_padding(fn, d):
    for g in d["testGroups"]:
        key = group_keys(g)
        n, e, dd = key["n"], key["e"], key["d"]
        k = (n.bit_length() + 7) // 8
        for t in g["tests"]:
            where = f"{fn} #{t['tcId']}"
            ct = h(t.get("ct", ""))
            if g["type"] == "Pkcs1EncryptType2":
                em = b"\x00\x02" + h(t["ps"]) + b"\x00" + h(t["msg"])
                if em != h(t["em"]) or i2osp(pow(int.from_bytes(em, "big"), e, n), k) != ct or \
                        rsa_decrypt_block(ct, key, 2) != h(t["msg"]) or b"\x00" in h(t["ps"]) or len(h(t["ps"])) < 8:
                    fail(where, "type 2")
            elif g["type"] == "Pkcs1EncryptType1":
                em = b"\x00\x01" + b"\xff" * (k - 3 - len(h(t["msg"]))) + b"\x00" + h(t["msg"])
                if em != h(t["em"]) or i2osp(pow(int.from_bytes(em, "big"), dd, n), k) != ct or \
                        rsa_decrypt_block(ct, key, 1) != h(t["msg"]):
                    fail(where, "type 1")
            elif g["type"] == "Pkcs1DigestInfo":
                msg, sig = h(t["msg"]), h(t["sig"])
                if digest_info(t["sha"], msg) != h(t["digestInfo"]) or emsa(t["sha"], msg, k) != h(t["em"]) or \
                        i2osp(pow(int.from_bytes(sig, "big"), e, n), k) != h(t["em"]):
                    fail(where, "DigestInfo")
            elif g["type"] == "Pkcs1DecryptMalformed":
                mode = t["mode"]
                bt = 2 if mode == "privateDecrypt" else 1
                if t["result"] != "invalid":
                    fail(where, "malformed must be invalid")
                if t["em"]:
                    em = h(t["em"])
                    c = int.from_bytes(ct, "big")
                    if c < n:
                        back = i2osp(pow(c, dd if bt == 2 else e, n), k)
                        if back != em:
                            fail(where, "em is not the decryption of ct")
                    elif i2osp(pow(c % n, dd if bt == 2 else e, n), k) != em:
                        fail(where, "em is not the decryption of ct mod n")
                strict_ok = len(ct) == k and rsa_decrypt_block(ct, key, bt) is not None
                if strict_ok:
                    fail(where, "a strict decoder accepts this malformed ciphertext")
            else:
                fail(where, "unknown group type")


def private_key_of_generate_group(g):
    pk = g["privateKey"]
    n, e, dd = big(pk["modulus"]), big(pk["publicExponent"]), big(pk["privateExponent"])
    p, q = big(pk["prime1"]), big(pk["prime2"])
    if p * q != n or big(pk["exponent1"]) != dd % (p - 1) or big(pk["exponent2"]) != dd % (q - 1) or \
            big(pk["coefficient"]) != pow(q, -1, p):
        fail("generate group", "private key components")
    if h(g["keyDer"]) != spki_of(n, e) or h(g["keyAsn"]) != der_tlv(0x30, der_integer(n) + der_integer(e)):
        fail("generate group", "keyDer / keyAsn")
    if h(g["privateKeyPkcs8"]) != pkcs8_of(n, e, dd, p, q, big(pk["exponent1"]), big(pk["exponent2"]), big(pk["coefficient"])):
        fail("generate group", "privateKeyPkcs8")
    pem = g["privateKeyPem"]
    if not pem.startswith("-----BEGIN RSA PRIVATE KEY-----\n"):
        fail("generate group", "privateKeyPem label")
    body = "".join(pem.strip().splitlines()[1:-1])
    rsa = der_tlv(0x30, b"".join(der_integer(x) for x in [0, n, e, dd, p, q, big(pk["exponent1"]), big(pk["exponent2"]),
                                                           big(pk["coefficient"])]))
    if base64.b64decode(body) != rsa:
        fail("generate group", "privateKeyPem body")
    kbody = "".join(g["keyPem"].strip().splitlines()[1:-1])
    if base64.b64decode(kbody) != h(g["keyDer"]):
        fail("generate group", "keyPem")
    if base64.b64decode(g["publicKeyRsaUtils"]) != h(g["keyDer"]) or \
            base64.b64decode(g["privateKeyRsaUtils"]) != h(g["privateKeyPkcs8"]):
        fail("generate group", "RsaUtils strings")
    return n, e, dd


def check_generate(fn, d):
    for g in d["testGroups"]:
        n, e, dd = private_key_of_generate_group(g)
        k = (n.bit_length() + 7) // 8
        for t in g["tests"]:
            em = emsa(g["sha"], h(t["msg"]), k)
            if i2osp(pow(int.from_bytes(em, "big"), dd, n), k) != h(t["sig"]):
                fail(f"{fn} #{t['tcId']}", "signature differs from em^d mod n")


def check_verify(fn, d):
    for g in d["testGroups"]:
        n, e = big(g["publicKey"]["modulus"]), big(g["publicKey"]["publicExponent"])
        if h(g["publicKeyDer"]) != spki_of(n, e) or spki_to_ne(h(g["publicKeyDer"])) != (n, e):
            fail(fn, "publicKeyDer")
        k = (n.bit_length() + 7) // 8
        for t in g["tests"]:
            sig, msg = h(t["sig"]), h(t["msg"])
            ok = len(sig) == k and int.from_bytes(sig, "big") < n and \
                i2osp(pow(int.from_bytes(sig, "big"), e, n), k) == emsa(g["sha"], msg, k)
            where = f"{fn} #{t['tcId']}"
            if t["result"] == "valid" and not ok:
                fail(where, "valid signature does not verify")
            if t["result"] == "invalid" and ok:
                fail(where, "invalid signature verifies")
            if t["result"] == "acceptable":
                legacy = len(sig) == k and i2osp(pow(int.from_bytes(sig, "big"), e, n), k) == emsa(g["sha"], msg, k, False)
                if not legacy:
                    fail(where, "acceptable MissingNull case is not a no-NULL DigestInfo")


def check_chunked(fn, d):
    for g in d["testGroups"]:
        key = group_keys(g)
        n, e, dd = key["n"], key["e"], key["d"]
        k = (n.bit_length() + 7) // 8
        b, db, pub = g["encryptBlock"], g["decryptBlock"], g["encryptKey"] == "public"
        for t in g["tests"]:
            where = f"{fn} #{t['tcId']}"
            msg, ct, ps = h(t["msg"]), h(t["ct"]), [h(x) for x in t["ps"]]
            chunks = [msg[i:i + b] for i in range(0, len(msg), b)]
            if any(len(c) > k - 11 for c in chunks):
                if t.get("failsAt") != "encrypt" or t["result"] != "invalid" or ct or ps:
                    fail(where, "should fail at encrypt")
                continue
            out = b""
            if pub:
                if len(ps) != len(chunks):
                    fail(where, "one ps per block")
                    continue
                for c, p in zip(chunks, ps):
                    em = b"\x00\x02" + p + b"\x00" + c
                    if len(em) != k or b"\x00" in p:
                        fail(where, "bad ps")
                    out += i2osp(pow(int.from_bytes(em, "big"), e, n), k)
            else:
                if ps:
                    fail(where, "type 1 has no ps")
                for c in chunks:
                    em = b"\x00\x01" + b"\xff" * (k - 3 - len(c)) + b"\x00" + c
                    out += i2osp(pow(int.from_bytes(em, "big"), dd, n), k)
            if out != ct:
                fail(where, "ciphertext differs")
            # decryption in decryptBlock slices
            plain, ok = b"", True
            for i in range(0, len(ct), db):
                r = rsa_decrypt_block(ct[i:i + db], key, 2 if pub else 1)
                if r is None:
                    ok = False
                    break
                plain += r
            if ok and plain != msg:
                fail(where, "decryption differs")
            expected = "valid" if ok else "invalid"
            if t["result"] != expected or (not ok and t.get("failsAt") != "decrypt"):
                fail(where, f"decryption outcome: python {expected}, file {t['result']} {t.get('failsAt')}")


JAVA_NOT_WS = {0x00A0, 0x2007, 0x202F}


def java_blank(s):
    for ch in s:
        c = ord(ch)
        if 0x09 <= c <= 0x0D or 0x1C <= c <= 0x1F:
            continue
        if c not in JAVA_NOT_WS and unicodedata.category(ch) in ("Zs", "Zl", "Zp"):
            continue
        return False
    return True


def valid_timestamp(ts):
    if len(ts) != 17 or any(not ("0" <= c <= "9") for c in ts):
        return False
    try:
        datetime.datetime(int(ts[0:4]), int(ts[4:6]), int(ts[6:8]), int(ts[8:10]), int(ts[10:12]), int(ts[12:14]),
                          int(ts[14:17]) * 1000)
        return True
    except ValueError:
        return False


def check_token(fn, d):
    for g in d["testGroups"]:
        for t in g["tests"]:
            where = f"{fn} #{t['tcId']}"
            concat = t["appId"] + t["businessType"] + t["msgId"] + t["timestamp"] + t["traceId"] + t["version"] + t["appKey"]
            formula = hashlib.md5(concat.encode("utf-8")).hexdigest()
            written = formula.upper() if t.get("signCase", "lower") == "upper" else formula
            if written != t["formulaSign"]:
                fail(where, "formulaSign")
            code = None
            if any(java_blank(t[f]) for f in ["version", "sign", "appId", "traceId", "msgId", "timestamp", "appKey"]):
                code = "130010"
            elif not valid_timestamp(t["timestamp"]):
                code = "105112"
            elif t["businessType"] != "5":
                code = "110025"
            elif "configuredBusinessType" in t and t["configuredBusinessType"] != t["businessType"]:
                code = "110024"
            elif t["msgId"] != t["traceId"]:
                code = "103101"
            elif t["sign"].encode().lower() != formula.encode() or not t["sign"].isascii():
                code = "103101"
            if code != t["errorCode"] or ("valid" if code is None else "invalid") != t["result"]:
                fail(where, f"rules give {code}, file says {t['errorCode']} / {t['result']}")


class StrictJsonError(Exception):
    pass


def strict_json(text):
    """RFC 8259 as the number-check reader takes it: no duplicate members, no lone surrogates, no NaN."""
    def pairs(items):
        keys = [k for k, _ in items]
        if len(set(keys)) != len(keys):
            raise StrictJsonError("duplicate member")
        return dict(items)

    def constant(name):
        raise StrictJsonError(name)

    value = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)

    def walk(v):
        if isinstance(v, str):
            v.encode("utf-8")  # a lone surrogate raises UnicodeEncodeError
        elif isinstance(v, dict):
            for k, x in v.items():
                walk(k)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(value)
    return value


def number_check_code(req_text, cust, plat, app_key, rule, expected_phone):
    """The platform-side checks of docs/NUMBER_CHECK.md, recomputed with pow() and hashlib."""
    try:
        root = strict_json(req_text)
    except (ValueError, StrictJsonError, UnicodeEncodeError):
        return "303"
    if not isinstance(root, dict):
        return "303"
    fields = {}
    for section, names in (("header", ["version", "msgId", "appId", "timestamp"]),
                           ("body", ["expandParams", "phoneNum", "token", "sign", "userInformation"])):
        sec = root.get(section)
        if sec is None:
            continue
        if not isinstance(sec, dict):
            return "303"
        for name in names:
            v = sec.get(name)
            if v is None:
                continue
            if not isinstance(v, str):
                return "303"
            fields[name] = v
    for name in ["version", "msgId", "appId", "timestamp", "phoneNum", "token", "sign"]:
        if name not in fields or java_blank(fields[name]):
            return "102"
    if "userInformation" not in fields:
        return "102"
    ts = fields["timestamp"]
    if not valid_timestamp(ts):
        return "102"
    signed = fields["appId"] + fields["msgId"] + fields["phoneNum"] + ts + fields["token"] + fields["version"]
    n, e = cust
    k = (n.bit_length() + 7) // 8
    sig = codec_decode(fields["sign"])
    if len(sig) != k or int.from_bytes(sig, "big") >= n or \
            i2osp(pow(int.from_bytes(sig, "big"), e, n), k) != emsa("MD5", signed.encode("utf-8"), k):
        return "302"
    ct = codec_decode(fields["phoneNum"])
    kp = (plat["n"].bit_length() + 7) // 8
    if len(ct) % kp != 0:
        return "004"
    plain = b""
    for i in range(0, len(ct), kp):
        block = rsa_decrypt_block(ct[i:i + kp], plat, 2)
        if block is None:
            return "004"
        plain += block
    if rule == "phone":
        phone = plain
    else:
        suffix = (app_key + ts).encode("utf-8")
        if len(plain) <= len(suffix) or not plain.endswith(suffix):
            return "004"
        phone = plain[:-len(suffix)]
    try:
        phone.decode("utf-8")
    except UnicodeDecodeError:
        return "004"
    if not phone:
        return "004"
    if expected_phone is not None and phone != expected_phone.encode("utf-8"):
        return "001"
    return "000"


def check_number_check(fn, d):
    for gi, g in enumerate(d["testGroups"]):
        cust = spki_to_ne(codec_decode(g["customerPublicKey"]))
        cust_priv = pkcs8_to_key(codec_decode(g["customerPrivateKey"]))
        plat = pkcs8_to_key(codec_decode(g["platformPrivateKey"]))
        plat_pub = spki_to_ne(codec_decode(g["platformPublicKey"]))
        if (cust_priv["n"], cust_priv["e"]) != cust or (plat["n"], plat["e"]) != plat_pub:
            fail(f"{fn} group {gi}", "public and private keys differ")
        if cust[0].bit_length() != g["customerKeySize"] or plat_pub[0].bit_length() != g["platformKeySize"]:
            fail(f"{fn} group {gi}", "key sizes")
        for t in g["tests"]:
            where = f"{fn} #{t['tcId']}"
            code = number_check_code(t["request"], cust, plat, g["appKey"], g["plaintextRule"], t["expectedPhone"])
            if code != t["resultCode"] or ("valid" if code == "000" else "invalid") != t["result"]:
                fail(where, f"checks give {code}, file says {t['resultCode']} / {t['result']}")
            if t["ps"] is not None:
                # Rebuild phoneNum and sign from the request's own fields with pow().
                req = json.loads(t["request"])
                hd, bd = req["header"], req["body"]
                plain = t["phone"] + (g["appKey"] + hd["timestamp"] if g["plaintextRule"] != "phone" else "")
                kp = (plat["n"].bit_length() + 7) // 8
                em = b"\x00\x02" + h(t["ps"]) + b"\x00" + plain.encode("utf-8")
                ct = i2osp(pow(int.from_bytes(em, "big"), plat["e"], plat["n"]), kp)
                if len(em) != kp or base64.b64encode(ct).decode() != bd["phoneNum"]:
                    fail(where, "phoneNum is not the encryption of the rule's plaintext with ps")
                kc = (cust[0].bit_length() + 7) // 8
                signed = hd["appId"] + hd["msgId"] + bd["phoneNum"] + hd["timestamp"] + bd["token"] + hd["version"]
                s = i2osp(pow(int.from_bytes(emsa("MD5", signed.encode("utf-8"), kc), "big"), cust_priv["d"], cust[0]), kc)
                if base64.b64encode(s).decode() != bd["sign"]:
                    fail(where, "sign is not MD5withRSA of the concatenation")


CHECKS = {
    "md5_schema_v1.json": ("MD5", check_md5),
    "rsa_keygen_schema_v1.json": ("key generation", check_keygen),
    "rsa_pkcs1_padding_schema_v1.json": ("PKCS#1 padding", check_padding),
    "rsassa_pkcs1_generate_schema_v1.json": ("signing", check_generate),
    "rsassa_pkcs1_verify_schema_v1.json": ("signing", check_verify),
    "rsautils_chunked_schema_v1.json": ("chunked encryption", check_chunked),
    "gettoken_sign_schema_v1.json": ("getToken sign", check_token),
    "number_check_schema_v1.json": ("number check", check_number_check),
}


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "Vectors"
    try:
        import jsonschema  # noqa: PLC0415
    except ImportError:
        jsonschema = None
        print("note: jsonschema not installed, schema validation skipped")
    areas, total = {}, 0
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        fn = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        tests = [t for g in d["testGroups"] for t in g["tests"]]
        if d["numberOfTests"] != len(tests):
            fail(fn, f"numberOfTests {d['numberOfTests']} != {len(tests)}")
        if [t["tcId"] for t in tests] != list(range(1, len(tests) + 1)):
            fail(fn, "tcIds are not 1..N")
        used = {fl for t in tests for fl in t["flags"]}
        if used - set(d["notes"]):
            fail(fn, f"flags without notes: {sorted(used - set(d['notes']))}")
        if set(d["notes"]) - used:
            fail(fn, f"notes never used: {sorted(set(d['notes']) - used)}")
        if not any("VectorGen" in line for line in d["header"]) or \
                not any("swift run conformance vectors regenerate" in line for line in d["header"]):
            fail(fn, "header lacks provenance")
        schema_path = os.path.join(folder, "schemas", d["schema"])
        if jsonschema and os.path.exists(schema_path):
            with open(schema_path, encoding="utf-8") as f:
                try:
                    jsonschema.validate(d, json.load(f))
                except jsonschema.ValidationError as ex:
                    fail(fn, f"schema: {ex.message} at {list(ex.absolute_path)}")
        area, check = CHECKS.get(d["schema"], (None, None))
        if check is None:
            fail(fn, f"unknown schema {d['schema']}")
            continue
        before = len(failures)
        check(fn, d)
        results = {}
        for t in tests:
            results[t["result"]] = results.get(t["result"], 0) + 1
        status = "ok" if len(failures) == before else f"{len(failures) - before} FAILURES"
        print(f"{fn:42} {len(tests):5} tests {results}  {status}")
        areas[area] = areas.get(area, 0) + len(tests)
        total += len(tests)
    print()
    for area, count in areas.items():
        print(f"{area:20} {count:5}")
    print(f"{'total':20} {total:5}")
    for fl in failures[:50]:
        print("FAIL", fl)
    if failures:
        print(f"{len(failures)} failures")
        sys.exit(1)


if __name__ == "__main__":
    main()
