"""Build step for the compiled speed-ups (everything else is in pyproject.toml).

The modules every case goes through (router/compiled.py lists them) are also compiled by Cython,
from the same .py files, into C extensions placed beside them; Python then imports the compiled
form. No source is written for Cython alone: the .py files stay the one source of truth, and
router/compiled.py falls back to them, module by module, when a compiled form is missing, was
built from other source (the file was edited since), or ZHIFA_PURE_PYTHON=1 is set.

If Cython or a C compiler is missing, or a module fails to compile, the install goes on without
that module's compiled form (the product is the same, only slower; the benchmark, bench/run.py,
prints which modules run compiled).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "router"))
from compiled import MANIFEST, MODULES, fingerprint  # noqa: E402 - router/compiled.py on its own
sys.path.pop(0)


class BuildExt(build_ext):
    """build_ext that never fails the install, and records which source each module was compiled
    from (router/_compiled.json) so that an edited .py is never shadowed by an old compiled form.
    Only the modules built (or found up to date) in this run are recorded; a module that failed
    loses any compiled form left from an earlier build."""

    def run(self) -> None:
        self._done: set[str] = set()
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - no compiler: the pure-Python product
            print(f"zhifa: compiled speed-ups not built ({exc}); the pure-Python modules are used",
                  file=sys.stderr)
        self._write_manifest()

    def build_extension(self, ext) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:  # noqa: BLE001 - that module stays pure Python
            print(f"zhifa: {ext.name} not compiled ({exc})", file=sys.stderr)
            Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
        else:
            self._done.add(ext.name)

    def _write_manifest(self) -> None:
        built = {}
        for ext in self.extensions:
            if ext.name in self._done and Path(self.get_ext_fullpath(ext.name)).exists():
                name = ext.name.split(".")[-1]
                built[name] = fingerprint(ROOT / "router" / f"{name}.py")
        target = Path(self.get_ext_fullpath("router._x")).parent / MANIFEST
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(built, sort_keys=True), encoding="utf-8")


def _extensions() -> list:
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("zhifa: Cython is not installed; the pure-Python modules are used", file=sys.stderr)
        return []
    from setuptools import Extension
    out = []
    for name in MODULES:
        # -g0: no debug information (it made the modules ~4x larger, slower to build and to load)
        # (failures are caught by BuildExt.build_extension, which also removes a stale output)
        ext = Extension(f"router.{name}", [f"router/{name}.py"], extra_compile_args=["-g0"])
        try:
            out += cythonize([ext], language_level=3, quiet=True,
                             # The annotations are for readers and type checkers; they must not
                             # become run-time checks (Optional values are passed where `str` is written).
                             compiler_directives={"annotation_typing": False, "binding": True},
                             build_dir="build/cython")
        except Exception as exc:  # noqa: BLE001 - Cython refused this module: it stays pure Python
            print(f"zhifa: router.{name} not translated by Cython ({exc})", file=sys.stderr)
    return out


setup(ext_modules=_extensions(), cmdclass={"build_ext": BuildExt})
