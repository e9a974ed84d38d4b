<?php
// RsaUtils ported to PHP on the openssl extension: 1024-bit keys as Base64 of X.509 / PKCS#8 DER
// (the PEM bodies without their armour and line breaks), MD5withRSA, PKCS#1 v1.5 in slices of
// 117 bytes (encrypt) and 128 bytes (decrypt), Base64 without line breaks.
final class RsaUtils
{
    const SIGNATURE_ALGORITHM = 'MD5withRSA';
    const KEY_SIZE = 1024;
    const MAX_ENCRYPT_BLOCK = 117;
    const MAX_DECRYPT_BLOCK = 128;

    public static function genKeyPair(): array
    {
        $key = openssl_pkey_new(['private_key_bits' => self::KEY_SIZE, 'private_key_type' => OPENSSL_KEYTYPE_RSA]);
        openssl_pkey_export($key, $privatePem);
        $publicPem = openssl_pkey_get_details($key)['key'];
        return ['publicKey' => self::body($publicPem), 'privateKey' => self::body($privatePem)];
    }

    public static function sign(string $data, string $privateKey): string
    {
        if (!openssl_sign($data, $signature, self::privateKey($privateKey), OPENSSL_ALGO_MD5)) {
            throw new RuntimeException('sign failed: ' . openssl_error_string());
        }
        return base64_encode($signature);
    }

    public static function verify(string $data, string $publicKey, string $sign): bool
    {
        return openssl_verify($data, base64_decode($sign), self::publicKey($publicKey), OPENSSL_ALGO_MD5) === 1;
    }

    public static function encryptByPublicKey(string $data, string $publicKey): string
    {
        $key = self::publicKey($publicKey);
        $out = '';
        foreach (self::slices($data, self::MAX_ENCRYPT_BLOCK) as $chunk) {
            if (!openssl_public_encrypt($chunk, $encrypted, $key, OPENSSL_PKCS1_PADDING)) {
                throw new RuntimeException('encrypt failed: ' . openssl_error_string());
            }
            $out .= $encrypted;
        }
        return base64_encode($out);
    }

    public static function decryptByPrivateKey(string $encrypted, string $privateKey): string
    {
        $key = self::privateKey($privateKey);
        $out = '';
        foreach (self::slices(base64_decode($encrypted), self::MAX_DECRYPT_BLOCK) as $chunk) {
            if (!openssl_private_decrypt($chunk, $decrypted, $key, OPENSSL_PKCS1_PADDING)) {
                throw new RuntimeException('decrypt failed: ' . openssl_error_string());
            }
            $out .= $decrypted;
        }
        return $out;
    }

    public static function encryptByPrivateKey(string $data, string $privateKey): string
    {
        $key = self::privateKey($privateKey);
        $out = '';
        foreach (self::slices($data, self::MAX_ENCRYPT_BLOCK) as $chunk) {
            if (!openssl_private_encrypt($chunk, $encrypted, $key, OPENSSL_PKCS1_PADDING)) {
                throw new RuntimeException('encrypt failed: ' . openssl_error_string());
            }
            $out .= $encrypted;
        }
        return base64_encode($out);
    }

    public static function decryptByPublicKey(string $encrypted, string $publicKey): string
    {
        $key = self::publicKey($publicKey);
        $out = '';
        foreach (self::slices(base64_decode($encrypted), self::MAX_DECRYPT_BLOCK) as $chunk) {
            if (!openssl_public_decrypt($chunk, $decrypted, $key, OPENSSL_PKCS1_PADDING)) {
                throw new RuntimeException('decrypt failed: ' . openssl_error_string());
            }
            $out .= $decrypted;
        }
        return $out;
    }

    private static function slices(string $data, int $size): array
    {
        return $data === '' ? [] : str_split($data, $size);
    }

    private static function body(string $pem): string
    {
        return preg_replace('/-----[A-Z ]+-----|\s+/', '', $pem);
    }

    private static function publicKey(string $base64)
    {
        $pem = "-----BEGIN PUBLIC KEY-----\n" . chunk_split($base64, 64, "\n") . "-----END PUBLIC KEY-----\n";
        $key = openssl_pkey_get_public($pem);
        if ($key === false) throw new RuntimeException('bad public key');
        return $key;
    }

    private static function privateKey(string $base64)
    {
        $pem = "-----BEGIN PRIVATE KEY-----\n" . chunk_split($base64, 64, "\n") . "-----END PRIVATE KEY-----\n";
        $key = openssl_pkey_get_private($pem);
        if ($key === false) throw new RuntimeException('bad private key');
        return $key;
    }
}
