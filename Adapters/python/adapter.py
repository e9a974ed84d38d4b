#!/usr/bin/env python3
"""port-check adapter for the Python RsaUtils port (protocol: ADAPTER.md).

    conformance port-check --exec '.build/venv/bin/python Adapters/python/adapter.py'
"""
import json
import sys

import rsautils


def handle(r):
    op = r["op"]
    data = bytes.fromhex(r.get("dataHex", ""))
    if op == "hello":
        return {"name": "python-rsautils (cryptography)", "version": "1.0",
                "ops": ["md5", "genKeyPair", "sign", "verify", "encryptByPublicKey", "decryptByPrivateKey",
                        "encryptByPrivateKey", "decryptByPublicKey", "tokenSign", "numberCheckRequest"]}
    if op in ("sign", "verify") and r["alg"] != rsautils.SIGNATURE_ALGORITHM:
        raise ValueError("only %s is supported" % rsautils.SIGNATURE_ALGORITHM)
    if op == "md5":
        import hashlib
        return {"digestHex": hashlib.md5(data).hexdigest()}
    if op == "genKeyPair":  # RsaUtils makes 1024-bit keys whatever "bits" says
        public_key, private_key = rsautils.gen_key_pair()
        return {"publicKey": public_key, "privateKey": private_key}
    if op == "sign":
        return {"signature": rsautils.sign(data, r["privateKey"])}
    if op == "verify":
        return {"valid": rsautils.verify(data, r["publicKey"], r["signature"])}
    if op == "encryptByPublicKey":
        return {"ciphertext": rsautils.encrypt_by_public_key(data, r["publicKey"])}
    if op == "decryptByPrivateKey":
        return {"dataHex": rsautils.decrypt_by_private_key(r["ciphertext"], r["privateKey"]).hex()}
    if op == "encryptByPrivateKey":
        return {"ciphertext": rsautils.encrypt_by_private_key(data, r["privateKey"])}
    if op == "decryptByPublicKey":
        return {"dataHex": rsautils.decrypt_by_public_key(r["ciphertext"], r["publicKey"]).hex()}
    if op == "tokenSign":
        return {"sign": rsautils.token_sign(r["appId"], r["businessType"], r["msgId"], r["timestamp"],
                                            r["traceId"], r["version"], r["appKey"])}
    if op == "numberCheckRequest":
        return {"request": rsautils.number_check_request(
            r["appId"], r["appKey"], r["msgId"], r["timestamp"], r["token"], r["version"], r["phone"],
            r["customerPrivateKey"], r["platformPublicKey"], r.get("userInformation", ""), r.get("expandParams", ""))}
    raise ValueError("unknown op %s" % op)


for line in sys.stdin:
    request = json.loads(line)
    try:
        answer = {"ok": True, **handle(request)}
    except Exception as e:  # the port's failure, as one line
        answer = {"ok": False, "error": ("%s: %s" % (type(e).__name__, e)).splitlines()[0]}
    answer["id"] = request.get("id")
    print(json.dumps(answer), flush=True)
