"""The Excel layer: read workbooks into plain data, write Changes back safely."""
