#!/usr/bin/env python3
# A complete port-check adapter: a small RsaUtils port on `cryptography` (1024-bit keys, MD5withRSA, 117/128 blocks).
import base64, json, sys
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization as ser
from cryptography.hazmat.primitives.asymmetric import padding, rsa

PKCS1, b64, unb64 = padding.PKCS1v15(), lambda b: base64.b64encode(b).decode(), base64.b64decode
pub, priv = lambda s: ser.load_der_public_key(unb64(s)), lambda s: ser.load_der_private_key(unb64(s), None)
chunks = lambda data, n: [data[i:i + n] for i in range(0, len(data), n)]

def handle(r):
    op, data = r["op"], bytes.fromhex(r.get("dataHex", ""))
    if op == "hello":
        return {"name": "readme-rsautils", "version": "1",
                "ops": ["genKeyPair", "sign", "verify", "encryptByPublicKey", "decryptByPrivateKey"]}
    if op in ("sign", "verify") and r["alg"] != "MD5withRSA":
        raise ValueError("only MD5withRSA")
    if op == "genKeyPair":
        k = rsa.generate_private_key(65537, 1024)
        return {"publicKey": b64(k.public_key().public_bytes(ser.Encoding.DER, ser.PublicFormat.SubjectPublicKeyInfo)),
                "privateKey": b64(k.private_bytes(ser.Encoding.DER, ser.PrivateFormat.PKCS8, ser.NoEncryption()))}
    if op == "sign":
        return {"signature": b64(priv(r["privateKey"]).sign(data, PKCS1, hashes.MD5()))}
    if op == "verify":
        try:
            pub(r["publicKey"]).verify(unb64(r["signature"]), data, PKCS1, hashes.MD5())
            return {"valid": True}
        except InvalidSignature:
            return {"valid": False}
    if op == "encryptByPublicKey":
        return {"ciphertext": b64(b"".join(pub(r["publicKey"]).encrypt(c, PKCS1) for c in chunks(data, 117)))}
    if op == "decryptByPrivateKey":
        key = priv(r["privateKey"])
        return {"dataHex": b"".join(key.decrypt(c, PKCS1) for c in chunks(unb64(r["ciphertext"]), 128)).hex()}
    raise ValueError("unknown op " + op)

for line in sys.stdin:
    request = json.loads(line)
    try:
        answer = {"ok": True, **handle(request)}
    except Exception as e:  # the port failed: ok false, one line
        answer = {"ok": False, "error": f"{type(e).__name__}: {e}"}
    print(json.dumps({**answer, "id": request["id"]}), flush=True)
