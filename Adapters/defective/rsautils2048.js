'use strict';
// A DEFECTIVE RsaUtils port, kept as a fixture: port-check must flag it (exit 1).
//
// The defect is the most common one in RsaUtils copies: the key size was raised to 2048 bits but the
// chunk constants stayed those of a 1024-bit key (117/128). Encryption still works (117-byte chunks
// fit a 256-byte block) but decryption cuts every 256-byte block into two 128-byte slices, which
// fail the padding check: nothing encrypted for it (by Java, Swift or itself) can be decrypted.
const crypto = require('crypto');

const NAME = 'defective-rsautils-2048 (node crypto)';
const SIGNATURE_ALGORITHM = 'MD5withRSA';
const KEY_SIZE = 2048;
const MAX_ENCRYPT_BLOCK = 117; // should be 245 for 2048-bit keys
const MAX_DECRYPT_BLOCK = 128; // should be 256 for 2048-bit keys

function genKeyPair() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: KEY_SIZE,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  return { publicKey: publicKey.toString('base64'), privateKey: privateKey.toString('base64') };
}

const publicKeyOf = (text) => crypto.createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
const privateKeyOf = (text) => crypto.createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });

function sign(data, privateKey) {
  return crypto.createSign('RSA-MD5').update(data).sign(privateKeyOf(privateKey)).toString('base64');
}

function verify(data, publicKey, signature) {
  return crypto.createVerify('RSA-MD5').update(data).verify(publicKeyOf(publicKey), Buffer.from(signature, 'base64'));
}

function inSlices(data, size, operation) {
  const out = [];
  for (let offset = 0; offset < data.length; offset += size) out.push(operation(data.subarray(offset, offset + size)));
  return Buffer.concat(out);
}

// PKCS#1 v1.5 padding removed by hand (Node refuses RSA_PKCS1_PADDING in privateDecrypt, CVE-2023-46809).
function removeType2Padding(block) {
  const separator = block.indexOf(0, 2);
  if (block[0] !== 0 || block[1] !== 2 || separator < 10) throw new Error('decryption error');
  return block.subarray(separator + 1);
}

function encryptByPublicKey(data, publicKey) {
  const key = { key: publicKeyOf(publicKey), padding: crypto.constants.RSA_PKCS1_PADDING };
  return inSlices(data, MAX_ENCRYPT_BLOCK, (chunk) => crypto.publicEncrypt(key, chunk)).toString('base64');
}

function decryptByPrivateKey(encrypted, privateKey) {
  const key = { key: privateKeyOf(privateKey), padding: crypto.constants.RSA_NO_PADDING };
  return inSlices(Buffer.from(encrypted, 'base64'), MAX_DECRYPT_BLOCK,
    (chunk) => removeType2Padding(crypto.privateDecrypt(key, chunk)));
}

function encryptByPrivateKey(data, privateKey) {
  const key = { key: privateKeyOf(privateKey), padding: crypto.constants.RSA_PKCS1_PADDING };
  return inSlices(data, MAX_ENCRYPT_BLOCK, (chunk) => crypto.privateEncrypt(key, chunk)).toString('base64');
}

function decryptByPublicKey(encrypted, publicKey) {
  const key = { key: publicKeyOf(publicKey), padding: crypto.constants.RSA_PKCS1_PADDING };
  return inSlices(Buffer.from(encrypted, 'base64'), MAX_DECRYPT_BLOCK, (chunk) => crypto.publicDecrypt(key, chunk));
}

function tokenSign(f) {
  const text = f.appId + f.businessType + f.msgId + f.timestamp + f.traceId + f.version + f.appKey;
  return crypto.createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();
}

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
  NAME, SIGNATURE_ALGORITHM, KEY_SIZE, MAX_ENCRYPT_BLOCK, MAX_DECRYPT_BLOCK,
  genKeyPair, sign, verify, encryptByPublicKey, decryptByPrivateKey, encryptByPrivateKey, decryptByPublicKey,
  tokenSign, numberCheckRequest,
};
