"""Which router modules run compiled, and the guard that keeps a compiled form honest.

setup.py compiles the modules below with Cython, from the very .py files, when the project is
installed; each compiled form sits beside its .py and Python would import it first. This guard
(installed by router/__init__.py before any submodule is imported) makes Python import the .py
instead when:

- the compiled form was built from different source: the .py was edited, or checked out at
  another commit, since the install (router/_compiled.json holds the size and CRC-32 of each
  source as compiled);
- the last install did not compile the module (it is not in router/_compiled.json): what is
  there is left from an earlier build;
- ZHIFA_PURE_PYTHON=1 is set (for profiling, and for the tests that compare both forms).

Results never depend on the form: tests/test_compiled.py routes the same cases both ways and
requires identical output. bench/run.py prints what is in use.

This file is imported by setup.py on its own (not as part of the package): standard library
only, no relative imports.
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import sys
import zlib
from pathlib import Path

# The modules every routed case goes through (bench/run.py, "where one case's time goes").
MODULES = ("record", "textnorm", "match", "case", "calendar", "deadlines", "catalog", "engine",
           "route", "batch")
MANIFEST = "_compiled.json"
ENV_PURE = "ZHIFA_PURE_PYTHON"
_HERE = Path(__file__).resolve().parent
_PACKAGE = "router"

# What the guard decided, per module: compiled, or why the .py is used (printed by bench/run.py).
STATUS: dict[str, str] = {}


def fingerprint(path: Path) -> list[int]:
    data = path.read_bytes()
    return [len(data), zlib.crc32(data)]


def _compiled_file(name: str) -> Path | None:
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = _HERE / f"{name}{suffix}"
        if path.exists():
            return path
    return None


class _SourceFinder:
    """Finds `router.<name>` in its .py file for the modules whose compiled form is not used."""

    def __init__(self, names: frozenset[str]):
        self.names = names

    def find_spec(self, fullname: str, path=None, target=None):
        package, _, name = fullname.rpartition(".")
        if package != _PACKAGE or name not in self.names:
            return None
        return importlib.util.spec_from_file_location(fullname, _HERE / f"{name}.py")


def install() -> None:
    """Decide, module by module, between the compiled form and the .py (see the docstring)."""
    pure = os.environ.get(ENV_PURE, "") not in ("", "0")
    try:
        built = json.loads((_HERE / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        built = {}
    use_source = set()
    for name in MODULES:
        if _compiled_file(name) is None:
            STATUS[name] = "未编译（纯 Python）"
            continue
        if pure:
            STATUS[name] = f"纯 Python（{ENV_PURE}=1）"
            use_source.add(name)
        elif name not in built:
            STATUS[name] = "纯 Python（最近一次安装未能编译此模块，编译形式是更早留下的）"
            use_source.add(name)
        elif built[name] != fingerprint(_HERE / f"{name}.py"):
            STATUS[name] = "纯 Python（源文件在编译后有改动：重新运行 pip install -e . 以重新编译）"
            use_source.add(name)
        else:
            STATUS[name] = "已编译（Cython）"
    if use_source:
        sys.meta_path.insert(0, _SourceFinder(frozenset(use_source)))


def in_use() -> dict[str, bool]:
    """Module -> whether its compiled form is the one imported (after importing it)."""
    out = {}
    for name in MODULES:
        module = sys.modules.get(f"{_PACKAGE}.{name}")
        if module is None:
            module = importlib.import_module(f"{_PACKAGE}.{name}")
        out[name] = not str(getattr(module, "__file__", "")).endswith(".py")
    return out
