"""The matcher's output on every labelled description is the one recorded in
tests/data/match_outputs.json: a change of code (speed, refactoring) must not change any result
(status, selected, candidates, scores, spans, reasons, notes).

The record belongs to one version of catalog/matching.yaml. Editing the matching knowledge
changes outputs on purpose: the test then FAILS (it never skips) until the record is made again,
deliberately, after looking at what changed (`zhifa match --eval …`):

    .venv/bin/python tests/test_match_outputs.py --record
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MATCHING = ROOT / "catalog" / "matching.yaml"
RECORD = ROOT / "tests" / "data" / "match_outputs.json"
SETS = ("dev", "tune", "tune2", "holdout", "everyday")   # never unseen.yaml


def _texts() -> list[str]:
    out: list[str] = []
    for name in SETS:
        items = yaml.load((ROOT / "tests" / "matching" / f"{name}.yaml").read_text(encoding="utf-8"),  # noqa: S506
                          Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        out += [item["text"] for item in items if isinstance(item, dict) and "text" in item]
    return list(dict.fromkeys(out))


def _digest(result) -> str:
    data = json.dumps(result.to_json(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def _knowledge() -> str:
    return hashlib.sha256(MATCHING.read_bytes()).hexdigest()


def _matcher():
    from router.catalog.load import load_catalog
    return load_catalog(ROOT / "catalog").matcher


def test_every_labelled_description_matches_as_recorded():
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    assert record["matching.yaml"] == _knowledge(), (
        "catalog/matching.yaml changed since the outputs were recorded: check what changed "
        "(zhifa match --eval …), then record them again: "
        ".venv/bin/python tests/test_match_outputs.py --record")
    matcher = _matcher()
    texts = [t for t in _texts() if t in record["outputs"]]
    assert len(texts) > 1000
    changed = [t for t in texts if _digest(matcher.match(t)) != record["outputs"][t]]
    assert not changed, f"{len(changed)} descriptions match differently, e.g. {changed[:3]}"


def record() -> None:
    matcher = _matcher()
    outputs = {t: _digest(matcher.match(t)) for t in _texts()}
    RECORD.write_text(json.dumps({"matching.yaml": _knowledge(), "outputs": outputs},
                                 ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"recorded {len(outputs)} outputs in {RECORD}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--record"]:
        sys.exit(__doc__)
    sys.path.insert(0, str(ROOT))
    record()
