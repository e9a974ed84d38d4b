enum RSAPlaceholder {}
