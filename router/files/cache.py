"""A cache of the built catalog and rules, so a clerk's `zhifa route` starts fast.

Parsing the YAML (pure-Python PyYAML) and compiling the matcher take ~0.4 s; unpickling the
result takes ~10 ms. The cache key is a hash of every input file's path and bytes, of the
library's source files' sizes and modification times, and of the Python version, so any edit to
catalog/, rules/ or router/ invalidates it. Each catalog folder has its own cache file. The cache
is an optimisation only: any problem reading or writing it falls back to building from the files.
"""
from __future__ import annotations

import gc
import os
import pickle
import sys
import tempfile
from pathlib import Path

from router.catalog.load import Catalog, load_catalog
from router.engine.rules import Rule, load_rules
from router.files import locations
from router.model.errors import CatalogError

ENV_DIR = "ZHIFA_CACHE_DIR"
ENV_OFF = "ZHIFA_NO_CACHE"
_CODE = Path(__file__).resolve().parents[1]  # router/


def cache_dir() -> Path:
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zhifa"


def _hasher():
    try:  # hashlib would load OpenSSL (~3 ms of every cold start) just for this key
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover
        from hashlib import blake2b
    return blake2b(digest_size=16)


def _root_tag(catalog_root: Path) -> str:
    h = _hasher()
    h.update(str(catalog_root.resolve()).encode())
    return h.hexdigest()[:12]


def _fingerprint(catalog_root: Path, rules_dir: Path) -> str:
    h = _hasher()
    h.update(sys.version.encode())
    h.update(b"\0")
    for folder, pattern in ((catalog_root, "**/*.y*ml"), (rules_dir, "*.yaml")):
        for path in sorted(folder.glob(pattern)):
            h.update(str(path.relative_to(folder)).encode())
            h.update(b"\0")
            h.update(path.read_bytes())
            h.update(b"\0")
    # The library's code by size and modification time, the rule CPython itself uses to decide
    # whether a .pyc is stale (data files above are hashed by content: policy staff may save an
    # edit of the same length within the same second).
    for path in sorted(_CODE.rglob("*.py")):
        st = path.stat()
        h.update(f"{path.name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    h.update(str(catalog_root.resolve()).encode())
    return h.hexdigest()


def build(catalog_root: Path, rules_dir: Path) -> tuple[Catalog, list[Rule]]:
    catalog = load_catalog(catalog_root)
    for part in ("calendar", "matcher"):
        try:  # warm the lazy parts; if one is broken, it reports itself when it is used
            getattr(catalog, part)
        except CatalogError:
            pass
    return catalog, load_rules(rules_dir)


def load_state(catalog_dir: str | Path | None = None,
               rules_dir: str | Path | None = None) -> tuple[Catalog, list[Rule]]:
    root = locations.catalog_root(catalog_dir)
    rules = locations.rules_root(rules_dir)
    if os.environ.get(ENV_OFF) == "1" or not root.is_dir():
        return build(root, rules)
    try:
        key = _fingerprint(root, rules)
        path = cache_dir() / f"state-{_root_tag(root)}-{key}.pickle"
        if path.exists():
            with open(path, "rb") as fh:
                data = fh.read()
            return _loads(data)
    except Exception:  # noqa: BLE001 - a broken cache is never an error
        key = None
    state = build(root, rules)
    if key:
        _store(path, state)
    return state


def _loads(data: bytes):
    """Unpickle our own file (keyed by content hash) with the cyclic garbage collector paused:
    the catalog is hundreds of thousands of new objects, none of them garbage, and a large
    catalog otherwise triggers collections that scan all of them repeatedly (~1/3 of the load)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)  # noqa: S301
    finally:
        if enabled:
            gc.enable()


def _store(path: Path, state) -> None:
    try:
        data = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - an unpicklable state is simply not cached
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Stale states of the same catalog folder go; other folders keep theirs.
        tag = path.name.split("-")[1]
        for old in path.parent.glob(f"state-{tag}-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        pass
