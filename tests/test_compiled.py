"""The compiled speed-ups (setup.py, router/compiled.py) change speed, never results.

- The same cases routed with the compiled modules and with the pure-Python ones give
  byte-identical output (explanations included), and so do the matcher's results.
- A compiled form built from other source than the .py beside it is never used.
- After an install on a machine with a C compiler (CI), every listed module runs compiled: a
  build that silently failed, or wrote a wrong manifest, would otherwise only show as a slower
  benchmark.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import router
from router import compiled

ROOT = Path(__file__).resolve().parents[1]

_ROUTE_ALL = r"""
import hashlib, json, sys
from pathlib import Path
import yaml
import router.compiled as compiled
from router.batch import render_result
from router.cache import load_state
from router.generate import generate_cases
from router.route import Router
root = Path(sys.argv[1])
texts = [d["text"] for name in ("dev", "tune", "tune2", "holdout")
         for d in yaml.safe_load((root / "tests" / "matching" / f"{name}.yaml").read_text(encoding="utf-8"))
         if isinstance(d, dict) and "text" in d]
r = Router()
catalog, _ = load_state()
cases = list(generate_cases(catalog, 1500, seed=5, texts=texts, text_share=0.8, vary=True))
routed, matched = hashlib.sha256(), hashlib.sha256()
for n, case in enumerate(cases, 1):
    routed.update(render_result(".jsonl", n, r.route_safe(case, explain=True)))
for text in texts:
    matched.update(json.dumps(r.catalog.matcher.match(text).to_json(), ensure_ascii=False,
                              sort_keys=True).encode())
print(json.dumps({"routed": routed.hexdigest(), "matched": matched.hexdigest(),
                  "in_use": compiled.in_use(), "status": compiled.STATUS,
                  "cases": len(cases), "texts": len(texts)}))
"""


def _run(code: str, *args: str, pure: bool, pythonpath: Path | None = None) -> dict:
    env = dict(os.environ)
    env.pop(compiled.ENV_PURE, None)
    if pure:
        env[compiled.ENV_PURE] = "1"
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         env=env, cwd=pythonpath or ROOT, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def _compiled_files() -> list[str]:
    return [name for name in compiled.MODULES if compiled._compiled_file(name) is not None]


def test_compiled_and_pure_python_route_identically():
    fast = _run(_ROUTE_ALL, str(ROOT), pure=False)
    if not any(fast["in_use"].values()):
        pytest.skip("no module runs compiled here: there is nothing to compare")
    pure = _run(_ROUTE_ALL, str(ROOT), pure=True)
    assert not any(pure["in_use"].values())  # the pure run really ran the .py files
    assert pure["cases"] == 1500 and pure["texts"] > 1000
    assert fast["routed"] == pure["routed"]
    assert fast["matched"] == pure["matched"]
    # ... and the other run ran what the guard chose: compiled wherever a fresh build exists
    assert fast["in_use"] == {name: fast["status"][name] == "已编译（Cython）"
                              for name in compiled.MODULES}


def test_every_module_runs_compiled_after_an_install_in_ci():
    if os.environ.get(compiled.ENV_PURE, "") not in ("", "0"):
        pytest.skip(f"{compiled.ENV_PURE} is set: this run asked for pure Python")
    if not os.environ.get("CI"):
        pytest.skip("a check of CI's fresh install (here a .py may have been edited since the build)")
    assert _compiled_files() == list(compiled.MODULES), "setup.py did not compile every module"
    assert {n: compiled.STATUS[n] for n in compiled.MODULES} == \
        {n: "已编译（Cython）" for n in compiled.MODULES}
    assert all(compiled.in_use().values())


def test_a_compiled_form_of_other_source_is_not_used(tmp_path):
    fresh = [n for n in compiled.MODULES if compiled.STATUS[n] == "已编译（Cython）"]
    if not fresh:
        pytest.skip("no module runs compiled here")
    copy = tmp_path / "router"
    shutil.copytree(Path(router.__file__).parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__"))
    name = fresh[0]
    source = copy / f"{name}.py"
    source.write_text(source.read_text(encoding="utf-8") + "\n# edited after the build\n",
                      encoding="utf-8")
    code = ("import json, router, router.compiled as c; "
            f"import router.{name} as m; "
            f"print(json.dumps({{'file': m.__file__, 'status': c.STATUS[{name!r}], "
            "'others': [c.STATUS[n] for n in c.MODULES]}))")
    got = _run(code, pure=False, pythonpath=tmp_path)
    assert got["file"] == str(source)
    assert "源文件在编译后有改动" in got["status"]
    # the modules left as built still run compiled
    assert got["others"].count("已编译（Cython）") == len(fresh) - 1

