"""The Daftar Informasi yang Dikecualikan (DIK): topic matching, import of a published list, publication."""
