"""Where the catalog and the rules are read from.

Each is a folder: the one named by the caller (`--catalog DIR`, `--rules DIR`), else the one named
by the environment (ZHIFA_CATALOG, ZHIFA_RULES: a district's own copy), else the one shipped with
zhifa. An installed copy carries the shipped folders as package data (router/shipped/catalog,
router/shipped/rules: pyproject.toml maps the top-level folders there); a source checkout, and an
editable install of it, reads the top-level catalog/ and rules/ that policy staff edit.
"""
from __future__ import annotations

import os
from pathlib import Path

ENV_CATALOG = "ZHIFA_CATALOG"
ENV_RULES = "ZHIFA_RULES"
_PACKAGE = Path(__file__).resolve().parents[1]  # router/


def shipped(name: str) -> Path:
    """The shipped folder `name` ("catalog" or "rules")."""
    installed = _PACKAGE / "shipped" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name  # a source checkout: the folder beside router/


def catalog_root(root: str | Path | None = None) -> Path:
    return _choose(root, ENV_CATALOG, "catalog")


def rules_root(root: str | Path | None = None) -> Path:
    return _choose(root, ENV_RULES, "rules")


def _choose(given: str | Path | None, env: str, name: str) -> Path:
    if given is not None:
        return Path(given)
    value = os.environ.get(env)
    return Path(value) if value else shipped(name)
