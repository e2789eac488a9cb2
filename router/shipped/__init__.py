"""The catalog and rules shipped with zhifa, as package data of an installed copy (see
router/files/locations.py; in a checkout they are the top-level catalog/ and rules/ folders)."""
