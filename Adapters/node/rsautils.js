'use strict';
// RsaUtils ported to Node.js on its built-in crypto module.
//
// The Java original (Oracles/java/src/rsautils/oracle/RsaUtils.java): 1024-bit RSA keys handed out as
// Base64 of X.509 SubjectPublicKeyInfo / PKCS#8 DER, MD5withRSA signatures, RSA/ECB/PKCS1Padding in
// slices of 117 bytes to encrypt and 128 bytes to decrypt, Base64 without line breaks. Plus the two
// signed strings of China Mobile's number verification (getToken sign, number-check request).
//
// privateDecrypt with RSA_PKCS1_PADDING throws since Node 18.19.1 / 20.11.1 (CVE-2023-46809, the
// Marvin timing attack). `node --security-revert=CVE-2023-46809` re-enables it, but prints a
// "SECURITY WARNING" line on stdout, which would break a JSON-lines adapter. So this port does what
// many Node ports do since: RSA_NO_PADDING and the type-2 padding removed here.
const crypto = require('crypto');

const SIGNATURE_ALGORITHM = 'MD5withRSA';
const KEY_SIZE = 1024;
const MAX_ENCRYPT_BLOCK = 117;
const MAX_DECRYPT_BLOCK = 128;
const PKCS1 = crypto.constants.RSA_PKCS1_PADDING;

function genKeyPair() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: KEY_SIZE,
    publicExponent: 65537,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  return { publicKey: publicKey.toString('base64'), privateKey: privateKey.toString('base64') };
}

function publicKeyOf(text) {
  return crypto.createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
}

function privateKeyOf(text) {
  return crypto.createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
}

function sign(data, privateKey) {
  return crypto.createSign('RSA-MD5').update(data).sign(privateKeyOf(privateKey)).toString('base64');
}

function verify(data, publicKey, signature) {
  return crypto.createVerify('RSA-MD5').update(data).verify(publicKeyOf(publicKey), Buffer.from(signature, 'base64'));
}

function inSlices(data, size, operation) {
  const out = [];
  for (let offset = 0; offset < data.length; offset += size) {
    out.push(operation(data.subarray(offset, offset + size)));
  }
  return Buffer.concat(out);
}

function encryptByPublicKey(data, publicKey) {
  const key = { key: publicKeyOf(publicKey), padding: PKCS1 };
  return inSlices(data, MAX_ENCRYPT_BLOCK, (chunk) => crypto.publicEncrypt(key, chunk)).toString('base64');
}

function decryptByPrivateKey(encrypted, privateKey) {
  const key = { key: privateKeyOf(privateKey), padding: crypto.constants.RSA_NO_PADDING };
  return inSlices(Buffer.from(encrypted, 'base64'), MAX_DECRYPT_BLOCK,
    (chunk) => removeType2Padding(crypto.privateDecrypt(key, chunk)));
}

// EME-PKCS1-v1_5 decoding: 00 02, at least 8 non-zero padding bytes, 00, the message.
function removeType2Padding(block) {
  const separator = block.indexOf(0, 2);
  if (block[0] !== 0 || block[1] !== 2 || separator < 10) throw new Error('decryption error');
  return block.subarray(separator + 1);
}

function encryptByPrivateKey(data, privateKey) {
  const key = { key: privateKeyOf(privateKey), padding: PKCS1 };
  return inSlices(data, MAX_ENCRYPT_BLOCK, (chunk) => crypto.privateEncrypt(key, chunk)).toString('base64');
}

function decryptByPublicKey(encrypted, publicKey) {
  const key = { key: publicKeyOf(publicKey), padding: PKCS1 };
  return inSlices(Buffer.from(encrypted, 'base64'), MAX_DECRYPT_BLOCK, (chunk) => crypto.publicDecrypt(key, chunk));
}

// getToken sign: MD5 of the concatenation, upper-case hex (as the public clients send it).
function tokenSign(f) {
  const text = f.appId + f.businessType + f.msgId + f.timestamp + f.traceId + f.version + f.appKey;
  return crypto.createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();
}

// The number-check request: phoneNum = Base64 PKCS#1 encryption of phone + appKey + timestamp with the
// platform key; sign = MD5withRSA of appId + msgId + phoneNum + timestamp + token + version.
function numberCheckRequest(f) {
  const phoneNum = encryptByPublicKey(Buffer.from(f.phone + f.appKey + f.timestamp, 'utf8'), f.platformPublicKey);
  const signed = f.appId + f.msgId + phoneNum + f.timestamp + f.token + f.version;
  return {
    header: { version: f.version, msgId: f.msgId, appId: f.appId, timestamp: f.timestamp },
    body: {
      expandParams: f.expandParams || '', phoneNum, token: f.token,
      sign: sign(Buffer.from(signed, 'utf8'), f.customerPrivateKey), userInformation: f.userInformation || '',
    },
  };
}

module.exports = {
  SIGNATURE_ALGORITHM, KEY_SIZE, MAX_ENCRYPT_BLOCK, MAX_DECRYPT_BLOCK,
  genKeyPair, sign, verify, encryptByPublicKey, decryptByPrivateKey, encryptByPrivateKey, decryptByPublicKey,
  tokenSign, numberCheckRequest,
};
