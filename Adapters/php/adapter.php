<?php
// port-check adapter for the PHP RsaUtils port (protocol: docs/ADAPTER.md):
//   conformance port-check --exec 'php Adapters/php/adapter.php'
require __DIR__ . '/RsaUtils.php';

function handle(array $r): array
{
    $data = hex2bin($r['dataHex'] ?? '');
    switch ($r['op']) {
        case 'hello':
            return ['name' => 'php-rsautils (openssl)', 'version' => PHP_VERSION,
                    'ops' => ['md5', 'genKeyPair', 'sign', 'verify', 'encryptByPublicKey', 'decryptByPrivateKey',
                              'encryptByPrivateKey', 'decryptByPublicKey', 'tokenSign']];
        case 'md5': return ['digestHex' => md5($data)];
        case 'genKeyPair': return RsaUtils::genKeyPair();
        case 'sign':
        case 'verify':
            if ($r['alg'] !== RsaUtils::SIGNATURE_ALGORITHM) throw new RuntimeException('only MD5withRSA is supported');
            return $r['op'] === 'sign' ? ['signature' => RsaUtils::sign($data, $r['privateKey'])]
                : ['valid' => RsaUtils::verify($data, $r['publicKey'], $r['signature'])];
        case 'encryptByPublicKey': return ['ciphertext' => RsaUtils::encryptByPublicKey($data, $r['publicKey'])];
        case 'decryptByPrivateKey': return ['dataHex' => bin2hex(RsaUtils::decryptByPrivateKey($r['ciphertext'], $r['privateKey']))];
        case 'encryptByPrivateKey': return ['ciphertext' => RsaUtils::encryptByPrivateKey($data, $r['privateKey'])];
        case 'decryptByPublicKey': return ['dataHex' => bin2hex(RsaUtils::decryptByPublicKey($r['ciphertext'], $r['publicKey']))];
        case 'tokenSign':
            return ['sign' => strtoupper(md5($r['appId'] . $r['businessType'] . $r['msgId'] . $r['timestamp']
                . $r['traceId'] . $r['version'] . $r['appKey']))];
    }
    throw new RuntimeException('unknown op ' . $r['op']);
}

while (($line = fgets(STDIN)) !== false) {
    $request = json_decode($line, true);
    try {
        $answer = ['ok' => true] + handle($request);
    } catch (Throwable $e) {
        $answer = ['ok' => false, 'error' => strtok($e->getMessage(), "\n")];
    }
    $answer['id'] = $request['id'];
    echo json_encode($answer, JSON_UNESCAPED_SLASHES), "\n";
}
