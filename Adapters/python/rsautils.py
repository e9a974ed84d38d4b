"""RsaUtils ported to Python on the `cryptography` package.

The Java original (Oracles/java/src/rsautils/oracle/RsaUtils.java): 1024-bit RSA keys handed out as
Base64 of X.509 SubjectPublicKeyInfo / PKCS#8 DER, MD5withRSA signatures, RSA/ECB/PKCS1Padding in
slices of 117 bytes to encrypt and 128 bytes to decrypt, Base64 without line breaks. Plus the two
signed strings of China Mobile's number verification: the getToken sign and the number-check request.
"""
import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

SIGNATURE_ALGORITHM = "MD5withRSA"
KEY_SIZE = 1024
MAX_ENCRYPT_BLOCK = 117
MAX_DECRYPT_BLOCK = 128


def gen_key_pair():
    """A fresh key pair as (publicKey, privateKey) strings."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
    public_der = key.public_key().public_bytes(serialization.Encoding.DER,
                                               serialization.PublicFormat.SubjectPublicKeyInfo)
    private_der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    return _b64(public_der), _b64(private_der)


def sign(data, private_key):
    signature = _private(private_key).sign(data, padding.PKCS1v15(), hashes.MD5())
    return _b64(signature)


def verify(data, public_key, signature):
    try:
        _public(public_key).verify(_unb64(signature), data, padding.PKCS1v15(), hashes.MD5())
        return True
    except InvalidSignature:
        return False


def encrypt_by_public_key(data, public_key):
    key = _public(public_key)
    return _b64(b"".join(key.encrypt(chunk, padding.PKCS1v15()) for chunk in _slices(data, MAX_ENCRYPT_BLOCK)))


def decrypt_by_private_key(encrypted, private_key):
    key = _private(private_key)
    return b"".join(key.decrypt(chunk, padding.PKCS1v15()) for chunk in _slices(_unb64(encrypted), MAX_DECRYPT_BLOCK))


def encrypt_by_private_key(data, private_key):
    # cryptography has no raw private-key encryption: the type-1 block (what Java's Cipher makes
    # with a private key) raised to d, as in textbook RSA.
    numbers = _private(private_key).private_numbers()
    n, d = numbers.public_numbers.n, numbers.d
    k = (n.bit_length() + 7) // 8
    out = b""
    for chunk in _slices(data, MAX_ENCRYPT_BLOCK):
        if len(chunk) > k - 11:
            raise ValueError("data too long for the key")
        block = b"\x00\x01" + b"\xff" * (k - 3 - len(chunk)) + b"\x00" + chunk
        out += pow(int.from_bytes(block, "big"), d, n).to_bytes(k, "big")
    return _b64(out)


def decrypt_by_public_key(encrypted, public_key):
    key = _public(public_key)
    # recover_data_from_signature with no hash = the type-1 unpadding of s^e mod n.
    return b"".join(key.recover_data_from_signature(chunk, padding.PKCS1v15(), None)
                    for chunk in _slices(_unb64(encrypted), MAX_DECRYPT_BLOCK))


def token_sign(app_id, business_type, msg_id, timestamp, trace_id, version, app_key):
    """getToken sign: MD5 of the concatenation, upper-case hex (as the public clients send it)."""
    text = app_id + business_type + msg_id + timestamp + trace_id + version + app_key
    return hashlib.md5(text.encode("utf-8")).hexdigest().upper()


def number_check_request(app_id, app_key, msg_id, timestamp, token, version, phone,
                         customer_private_key, platform_public_key, user_information="", expand_params=""):
    """The number-check request: phoneNum = Base64 PKCS#1 encryption of phone + appKey + timestamp with
    the platform key; sign = MD5withRSA of appId + msgId + phoneNum + timestamp + token + version."""
    phone_num = encrypt_by_public_key((phone + app_key + timestamp).encode("utf-8"), platform_public_key)
    signature = sign((app_id + msg_id + phone_num + timestamp + token + version).encode("utf-8"), customer_private_key)
    return {"header": {"version": version, "msgId": msg_id, "appId": app_id, "timestamp": timestamp},
            "body": {"expandParams": expand_params, "phoneNum": phone_num, "token": token, "sign": signature,
                     "userInformation": user_information}}


def _slices(data, size):
    return [data[i:i + size] for i in range(0, len(data), size)]


def _b64(data):
    return base64.b64encode(data).decode("ascii")


def _unb64(text):
    # Like commons-codec: characters outside the alphabet are skipped, missing padding is fine.
    cleaned = "".join(c for c in text if c.isalnum() or c in "+/-_").replace("-", "+").replace("_", "/")
    return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4))


def _public(key):
    return serialization.load_der_public_key(_unb64(key))


def _private(key):
    return serialization.load_der_private_key(_unb64(key), password=None)
