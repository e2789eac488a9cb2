"""A cache of the built catalog and rules, so a clerk's `zhifa route` starts fast.

Parsing the YAML (pure-Python PyYAML) and compiling the matcher take ~0.4 s; unpickling the
result takes ~15 ms. The cache key is a hash of every input file's path and bytes plus the
library's own source, so any edit to catalog/, rules/ or router/ invalidates it. The cache is
an optimisation only: any problem reading or writing it falls back to building from the files.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .catalog import Catalog, load_catalog, resolve_root
from .errors import CatalogError
from .rules import DEFAULT_RULES, Rule, load_rules

ENV_DIR = "ZHIFA_CACHE_DIR"
ENV_OFF = "ZHIFA_NO_CACHE"
_CODE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zhifa"


def _fingerprint(catalog_root: Path, rules_dir: Path) -> str:
    h = hashlib.sha256()
    for folder, pattern in ((catalog_root, "**/*.y*ml"), (rules_dir, "*.yaml"), (_CODE, "*.py")):
        for path in sorted(folder.glob(pattern)):
            h.update(str(path.relative_to(folder)).encode())
            h.update(b"\0")
            h.update(path.read_bytes())
            h.update(b"\0")
    h.update(str(catalog_root.resolve()).encode())
    return h.hexdigest()[:32]


def build(catalog_root: Path, rules_dir: Path) -> tuple[Catalog, list[Rule]]:
    catalog = load_catalog(catalog_root)
    for part in ("calendar", "matcher"):
        try:  # warm the lazy parts; if one is broken, it reports itself when it is used
            getattr(catalog, part)
        except CatalogError:
            pass
    return catalog, load_rules(rules_dir)


def load_state(catalog_root: str | Path | None = None,
               rules_dir: str | Path | None = None) -> tuple[Catalog, list[Rule]]:
    root = resolve_root(catalog_root)
    rules = Path(rules_dir) if rules_dir else DEFAULT_RULES
    if os.environ.get(ENV_OFF) == "1" or not root.is_dir():
        return build(root, rules)
    try:
        key = _fingerprint(root, rules)
        path = cache_dir() / f"state-{key}.pickle"
        if path.exists():
            with open(path, "rb") as fh:
                return pickle.load(fh)  # noqa: S301 - our own file, keyed by content hash
    except Exception:  # noqa: BLE001 - a broken cache is never an error
        key = None
    state = build(root, rules)
    if key:
        _store(path, state)
    return state


def _store(path: Path, state) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("state-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
