'use strict';
// port-check adapter for a Node.js RsaUtils port (protocol: ADAPTER.md). Run it as
//   conformance port-check --exec 'node Adapters/node/adapter.js'
// With an argument it serves another port module with the same exports, e.g.
//   conformance port-check --exec 'node Adapters/node/adapter.js Adapters/defective/rsautils2048.js'
const crypto = require('crypto');
const path = require('path');
const readline = require('readline');

const rsautils = require(process.argv[2] ? path.resolve(process.argv[2]) : './rsautils.js');

function handle(r) {
  const data = Buffer.from(r.dataHex || '', 'hex');
  switch (r.op) {
    case 'hello':
      return {
        name: rsautils.NAME || 'node-rsautils (crypto)', version: process.version,
        ops: ['md5', 'genKeyPair', 'sign', 'verify', 'encryptByPublicKey', 'decryptByPrivateKey',
          'encryptByPrivateKey', 'decryptByPublicKey', 'tokenSign', 'numberCheckRequest'],
      };
    case 'md5': return { digestHex: crypto.createHash('md5').update(data).digest('hex') };
    case 'genKeyPair': return rsautils.genKeyPair(); // its own KEY_SIZE, whatever "bits" says
    case 'sign':
    case 'verify':
      if (r.alg !== rsautils.SIGNATURE_ALGORITHM) throw new Error(`only ${rsautils.SIGNATURE_ALGORITHM} is supported`);
      return r.op === 'sign' ? { signature: rsautils.sign(data, r.privateKey) }
        : { valid: rsautils.verify(data, r.publicKey, r.signature) };
    case 'encryptByPublicKey': return { ciphertext: rsautils.encryptByPublicKey(data, r.publicKey) };
    case 'decryptByPrivateKey': return { dataHex: rsautils.decryptByPrivateKey(r.ciphertext, r.privateKey).toString('hex') };
    case 'encryptByPrivateKey': return { ciphertext: rsautils.encryptByPrivateKey(data, r.privateKey) };
    case 'decryptByPublicKey': return { dataHex: rsautils.decryptByPublicKey(r.ciphertext, r.publicKey).toString('hex') };
    case 'tokenSign': return { sign: rsautils.tokenSign(r) };
    case 'numberCheckRequest': return { request: rsautils.numberCheckRequest(r) };
    default: throw new Error(`unknown op ${r.op}`);
  }
}

readline.createInterface({ input: process.stdin, terminal: false }).on('line', (line) => {
  const request = JSON.parse(line);
  let answer;
  try {
    answer = { ok: true, ...handle(request) };
  } catch (e) {
    answer = { ok: false, error: String(e.message || e).split('\n')[0] };
  }
  answer.id = request.id;
  process.stdout.write(JSON.stringify(answer) + '\n');
});
