"""An installed copy (a built wheel, not the checkout) routes with the shipped catalog and rules,
and a district's own folders are chosen with --catalog / --rules and ZHIFA_CATALOG / ZHIFA_RULES."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASE = ["route", "国道边上摆摊卖西瓜，占了半条道", "--place", "孟轲乡", "--by", "华龙区交通运输局",
        "--at", "2026-09-30T16:20", "--json"]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel built from this tree, installed (without its dependencies, which this
    environment has) into a folder of its own."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(work / "dist"), str(ROOT)], check=True, capture_output=True)
    wheel = next((work / "dist").glob("zhifa-*.whl"))
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    return target


def _zhifa(installed: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    e = {k: v for k, v in os.environ.items() if not k.startswith("ZHIFA_")}
    e.update(PYTHONPATH=str(installed), ZHIFA_NO_CACHE="1", **(env or {}))
    code = "import sys, cli, router; assert router.__file__.startswith(sys.argv[1]), router.__file__; " \
           "sys.argv = ['zhifa'] + sys.argv[2:]; sys.exit(cli.main())"
    # Run from an empty folder: nothing of the checkout is on the path or in the working directory.
    return subprocess.run([sys.executable, "-c", code, str(installed), *args], env=e, text=True,
                          capture_output=True, cwd=installed.parent, timeout=120)


def test_the_wheel_carries_the_catalog_and_rules(installed):
    shipped = installed / "router" / "shipped"
    assert (shipped / "catalog" / "matters.yaml").is_file()
    assert (shipped / "catalog" / "calendar" / "2026.yaml").is_file()
    assert {p.name for p in (shipped / "catalog").glob("*.json")} == {p.name for p in (ROOT / "catalog").glob("*.json")}
    assert {p.name for p in (shipped / "rules").glob("*.yaml")} == {p.name for p in (ROOT / "rules").glob("*.yaml")}
    assert not (installed / "tests").exists()


def test_an_installed_copy_routes_with_the_shipped_catalog(installed):
    proc = _zhifa(installed, *CASE)
    assert proc.returncode == 0, proc.stderr
    decision = json.loads(proc.stdout)["decisions"][0]
    assert decision["matter"] == "JT-03" and decision["jurisdiction"]["body"] == "孟轲乡人民政府"
    assert decision["referral"]["deadline"].startswith("2026-10-10")


def test_a_districts_own_catalog_and_rules_are_chosen_by_option_and_environment(installed, tmp_path):
    catalog, rules = tmp_path / "our-catalog", tmp_path / "our-rules"
    shutil.copytree(ROOT / "catalog", catalog)
    shutil.copytree(ROOT / "rules", rules)
    # In our district JT-03 was not delegated in 2026: the department keeps it, which shows that
    # this catalog, not the shipped one, was read.
    batches = catalog / "batches.yaml"
    text = batches.read_text(encoding="utf-8")
    assert "matters: [JT-01, JT-02, JT-03, JT-04," in text
    batches.write_text(text.replace("matters: [JT-01, JT-02, JT-03, JT-04,", "matters: [JT-01, JT-02, JT-04,"),
                       encoding="utf-8")
    shipped = json.loads(_zhifa(installed, *CASE).stdout)["decisions"][0]["jurisdiction"]["body"]
    assert shipped == "孟轲乡人民政府"
    for args, env in ((("--catalog", str(catalog)), {}), ((), {"ZHIFA_CATALOG": str(catalog)})):
        proc = _zhifa(installed, *CASE, *args, env=env)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["decisions"][0]["jurisdiction"]["body"] == "华龙区交通运输局"
    # Rules: our copy words a rule's title differently; --explain shows which copy fired.
    title = "事项在案发之日已下放事发地乡镇街道，由其管辖"
    jurisdiction = rules / "jurisdiction.yaml"
    text = jurisdiction.read_text(encoding="utf-8")
    assert title in text
    jurisdiction.write_text(text.replace(title, "本区自定：已下放的事项由事发地管辖"), encoding="utf-8")
    for args, env in ((("--rules", str(rules)), {}), ((), {"ZHIFA_RULES": str(rules)})):
        proc = _zhifa(installed, *CASE, "--explain", *args, env=env)
        assert proc.returncode == 0, proc.stderr
        assert "本区自定" in proc.stdout and title not in proc.stdout
