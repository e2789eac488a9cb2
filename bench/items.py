"""Per-item comparison of the matcher in two trees (a tuning round's check that nothing is lost).

    python bench/items.py sig TREE OUT.json [SET ...]   # per tuning item: [ok, named, tp, fp, other]
                                                        # (no SET: all but the fresh NOT_YET ones)
    python bench/items.py cmp A.json B.json [PREFIX ...] # items won and lost from A to B
    python bench/items.py figs TREE FILE.yaml ...       # figures only (no text), as --eval counts
    python bench/items.py digests TREE OUT.json [FILE ...] # per text: hash of decision, of result
    python bench/items.py misses TREE FILE.yaml ...     # a tuning set's misses, one JSON line each,
                                                        # with why an in-catalog text found nothing
    python bench/items.py conflicts [--json]            # one text labelled two ways in the tuning sets
                                                        # (for a policy decision), most items first
    python bench/items.py relabel [--check]             # the tuning sets' items given the labels of
                                                        # tests/matching/briefs/decisions.yaml

TREE is a checkout of this project (its router/ and catalog/ are the ones loaded); each command
runs in its own process, so two trees are never loaded together. `sig` reads only the tuning sets
(dev*, tune*, everyday) of TREE's tests/matching unless sets are named; `cmp` prints the
text of lost items (tuning sets only). `figs` prints no text, so it may be run on frozen sets.
The counting is evaluate()'s (router/matching/evaluate.py), one case at a time.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SETS = HERE / "tests" / "matching"


def _load(tree: str):
    tree_p = Path(tree).resolve()
    os.environ["ZHIFA_NO_CACHE"] = "1"
    sys.path.insert(0, str(tree_p))
    from router.catalog.load import load_catalog
    from router.matching import evaluate as ev
    cat = load_catalog(tree_p / "catalog")
    return cat, ev


def _set_order(name: str) -> tuple[str, int]:
    """dev2 before dev10: a set's name in numeric order."""
    return re.sub(r"\d+", "", name), int(re.sub(r"\D", "", name) or 0)


def _sets(pattern: str, sets: Path) -> list[Path]:
    out = [p for p in sets.glob("*.yaml") if re.fullmatch(pattern, p.stem)]
    return sorted(out, key=lambda p: _set_order(p.stem))


# The next round's fresh tuning sets, measured only so far (tests/matching/README.md): no signature
# reads them unless named (`sig` with no sets), `misses` refuses them, and bench/run.py shows them after
# the sets rounds have tuned on. Moved on when a round tunes on the sets it names.
NOT_YET = ("dev182", "dev183")


def tuning_sets(sets: Path = SETS) -> list[Path]:
    """The sets rounds tune on (dev*, tune*, everyday), in numeric order."""
    return _sets(r"dev\d*|tune\d*|everyday", sets)


def frozen_sets(sets: Path = SETS) -> list[Path]:
    """The sets never tuned on (holdout, unseen*), in numeric order."""
    return _sets(r"holdout|unseen\d*", sets)


def _paths(names: list[str], sets: Path = SETS) -> list[Path]:
    if not names:    # every tuning set but the fresh ones
        return [p for p in tuning_sets(sets) if p.stem not in NOT_YET]
    return [Path(n) if n.endswith(".yaml") else sets / f"{n}.yaml" for n in names]


def sig(tree: str, out: str, names: list[str]) -> None:
    cat, ev = _load(tree)
    m = cat.matcher
    known = set(cat.matters)
    res: dict[str, list] = {}
    for p in _paths(names, Path(tree).resolve() / "tests" / "matching"):
        for i, case in enumerate(ev.load_cases(p, known)):
            r = ev.evaluate(m, [case], warmup=0)
            res[f"{p.stem}:{i}"] = [int(not r.failures), r.competent_named, r.multi_tp, r.multi_fp,
                                    r.competent_other]
    Path(out).write_text(json.dumps(res))
    print(f"{len(res)} items -> {out}")


def _items(p: Path) -> list:
    """The items of one set file as written (a list, or a mapping with `cases`)."""
    return _parsed(p.read_text(encoding="utf-8"))


def _parsed(source: str) -> list:
    import yaml
    data = yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return (data["cases"] if isinstance(data, dict) else data) or []


def _texts(sets: set[str] | None = None) -> dict[str, str]:
    """The text and label of each tuning item (of `sets` only, when named: reading every set's YAML
    takes half a minute)."""
    out = {}
    for p in tuning_sets():
        if sets is not None and p.stem not in sets:
            continue
        for i, item in enumerate(_items(p)):
            out[f"{p.stem}:{i}"] = f"{item.get('text')}  -> {item.get('expect', item.get('expect_any'))}"
    return out


def cmp(a: str, b: str, prefixes: list[str]) -> None:
    A, B = json.loads(Path(a).read_text()), json.loads(Path(b).read_text())
    keys = [k for k in A if k in B and (not prefixes or any(k.startswith(p + ":") for p in prefixes))]
    won, lost = [], []
    for k in keys:
        x, y = A[k], B[k]
        # better: right where it was wrong; the competent body named; more true, fewer false
        # matters in a multi-matter item; another body no longer named beside the competent one,
        # compared only where the competent body is named in both (that figure counts only items
        # naming it) and both signatures have it (one written before it has four values)
        dx = (y[0] - x[0], y[1] - x[1], y[2] - x[2], x[3] - y[3]) \
            + ((x[4] - y[4],) if len(x) > 4 and len(y) > 4 and x[1] == y[1] else ())
        if any(d < 0 for d in dx):
            lost.append(k)
        elif any(d > 0 for d in dx):
            won.append(k)
    print(f"items {len(keys)}  WON {len(won)}  LOST {len(lost)}")
    shown = lost + (won if os.environ.get("SHOW_WON") else [])
    texts = _texts({k.rsplit(":", 1)[0] for k in shown}) if shown else {}
    for k in lost:
        print("LOST", k, A[k], "->", B[k], texts.get(k, ""))
    if os.environ.get("SHOW_WON"):
        for k in won:
            print("WON ", k, A[k], "->", B[k], texts.get(k, ""))


def figs(tree: str, files: list[str]) -> None:
    cat, ev = _load(tree)
    m = cat.matcher
    known = set(cat.matters)
    base = os.environ.get("BASE") == "1"
    for f in files:
        cases = ev.load_cases(f, known)
        r = ev.evaluate(ev.Baseline({k: v.name for k, v in cat.matters.items()}) if base else m,
                        cases, Path(f).stem)

        # (a tree from before evaluate() named its targets' keys gives only their number)
        missed = ([_FIGURE[key] for key, _ in r.missed_targets()] if hasattr(r, "missed_targets")
                  else ["?"] * len(r.targets_met()))

        def p(x):
            return "  -  " if x is None else f"{100 * x:5.1f}"
        print(f"{Path(f).stem:10s} n={r.n:4d} top1 {p(r.top1)} multiR {p(r.multi_recall)} "
              f"multiP {p(r.multi_precision)} short {p(r.short_share)} vague {p(r.vague_share)} "
              f"ooc {p(r.nofit_routed_share)} ({r.nofit_routed}/{r.nofit_n}) "
              f"unrouted {p(r.incat_unrouted_share)} "
              f"comp {p(r.competent_named_share)} ({r.competent_named}/{r.competent_n}) "
              f"other {p(getattr(r, 'competent_other_share', None))} ({getattr(r, 'competent_other', '-')}) "
              f"med {r.median_ms or 0:.2f} p99 {r.p99_ms or 0:.2f} "
              f"{'MEETS' if not missed else f'miss {len(missed)} (' + ', '.join(missed) + ')'}")


# The targets of evaluate.TARGETS by the names the line above gives their figures.
_FIGURE = {"top1": "top1", "multi_recall": "multiR", "multi_precision": "multiP", "short_family": "short",
           "nofit_routed": "ooc", "incatalog_unrouted": "unrouted", "median_ms": "med", "p99_ms": "p99"}


def _h(obj) -> str:
    return hashlib.sha1(json.dumps(obj, ensure_ascii=False, sort_keys=True, default=str)
                        .encode()).hexdigest()[:16]


def digests(tree: str, out: str, files: list[str]) -> None:
    cat, ev = _load(tree)
    m = cat.matcher
    paths = [Path(f) for f in files] if files else sorted(SETS.glob("*.yaml"))
    res = {}
    for p in paths:
        for i, case in enumerate(ev.load_cases(p)):
            r = m.match(case.text)
            decision = [r.status, list(r.selected), [list(g) for g in r.ambiguous],
                        [getattr(g, "body", None) for g in (getattr(r, "guidance", ()) or ())]]
            res[f"{p.stem}:{i}"] = [_h(decision), _h(repr(r))]
    Path(out).write_text(json.dumps(res))
    print(f"{len(res)} texts -> {out}")


def misses(tree: str, files: list[str]) -> None:
    """Each miss of the tuning sets `files` as a JSON line: the text, its label, what was routed,
    the first candidates, and for an in-catalog text left no_fit, why (`why`): "topic" (a nofit
    topic named in the text raised the bar; `topics` lists them), "veto" (the out-of-catalog model
    set the matter aside), "below" (the best candidate stayed under the bar) or "nothing". Frozen
    sets are refused: their texts are never read."""
    frozen = {p.stem for p in frozen_sets()}
    if any(Path(f).stem in frozen for f in files):
        raise SystemExit("misses: frozen sets (holdout, unseen*) are never read; use figs")
    if any(Path(f).stem in NOT_YET for f in files):
        raise SystemExit(f"misses: {', '.join(NOT_YET)} are fresh (NOT_YET), measured only; use figs")
    cat, ev = _load(tree)
    m = cat.matcher
    for f in files:
        report = ev.evaluate(m, ev.load_cases(f, set(cat.matters)), Path(f).stem, warmup=0)
        for miss in report.failures:
            if miss["expect"] and miss["status"] == "no_fit":
                r = m.match(miss["text"])
                # (the note Matcher._outside_check writes when the model sets the matter aside)
                if any("目录外的概率" in n for n in r.notes):
                    miss["why"] = "veto"
                elif r.outside:
                    miss["why"], miss["topics"] = "topic", list(r.outside)
                else:
                    miss["why"] = "below" if r.candidates else "nothing"
            print(json.dumps({"set": Path(f).stem, **miss}, ensure_ascii=False))


# Spaces and punctuation are not part of what a text says: 噪音扰民 and 噪音扰民！ are one text.
_UNSAID = re.compile(r"[\s，。、,.！!？?；;：:“”\"'…~～（）()]+")


def _label(item: dict) -> str:
    """An item's label as one string: the matters it expects ("out" for none, with the body
    competent), or "any of" the family it offers."""
    if "expect_any" in item:
        return "any of " + "/".join(sorted(item["expect_any"] or []))
    expect = sorted(item.get("expect") or [])
    if expect:
        return "/".join(expect)
    return f"out ({item.get('competent') or '-'})"


def conflicts(sets: Path = SETS) -> list[dict]:
    """Texts (read without spaces and punctuation) that the tuning sets label in more than one
    way: a matter in one set, outside the catalog in another, or two different matters. Each is a
    question of policy, not of matching: no cue can be right on both labels. The fresh sets
    (NOT_YET) and the frozen ones are never read. Most items first, then by text."""
    seen: dict[str, dict[str, list[str]]] = {}
    shown: dict[str, str] = {}
    for p in _paths([], sets):
        for item in _items(p):
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                continue
            key = _UNSAID.sub("", item["text"])
            shown.setdefault(key, item["text"].strip())
            seen.setdefault(key, {}).setdefault(_label(item), []).append(p.stem)
    out = []
    for k, labels in seen.items():
        kind = _conflict_kind(set(labels)) if len(labels) > 1 else None
        if kind:
            out.append({"text": shown[k], "kind": kind, "items": sum(len(v) for v in labels.values()),
                        "labels": {lab: sorted(set(v), key=_set_order) for lab, v in labels.items()}})
    out.sort(key=lambda c: (CONFLICT_KINDS.index(c["kind"]), -c["items"], c["text"]))
    return out


# From the weightiest: in the catalog in one set and outside it in another; two different matters
# (or a matter and a family without it); a family offered in one set and one of its matters (or
# another family) in another; two bodies named for a text outside the catalog.
CONFLICT_KINDS = ("in/out", "matter", "family", "body")


def _conflict_kind(labels: set[str]) -> str | None:
    """How the labels of one text differ, or None where they do not (an out-of-catalog text with
    its body named in one set and left open, null, in another: the sets agree where both speak; or
    with one body named in two ways, which `evaluate.body_core` reads as one)."""
    outs = {lab for lab in labels if lab.startswith("out (")}
    if outs and outs != labels:
        return "in/out"
    if outs:
        # two names of one body (市场监督管理部门 / 市场监管部门) are one body, as the evaluation reads them
        from router.matching.evaluate import body_core
        return "body" if len({body_core(lab[5:-1]) for lab in outs - {"out (-)"}}) > 1 else None
    single = {lab for lab in labels if not lab.startswith("any of ")}
    families = [set(lab[len("any of "):].split("/")) for lab in labels - single]
    if len(single) > 1 or any(not set(lab.split("/")) <= f for lab in single for f in families):
        return "matter"
    return "family"


DECISIONS = SETS / "briefs" / "decisions.yaml"
_LABEL_KEYS = ("expect", "expect_any", "competent")


def decisions(path: Path = DECISIONS) -> dict[str, dict]:
    """Each decided text (read without spaces and punctuation) and the label decided for it: expect
    (with competent when []) or expect_any (with the family tag)."""
    out: dict[str, dict] = {}
    for entry in _items(path):
        label = {k: entry[k] for k in (*_LABEL_KEYS, "family") if k in entry}
        if ("expect" in label) == ("expect_any" in label):
            raise ValueError(f"{path.name}: {entry.get('texts')}: exactly one of expect / expect_any")
        for text in entry["texts"]:
            key = _UNSAID.sub("", text)
            if key in out:
                raise ValueError(f"{path.name}: {text} is decided twice")
            out[key] = label
    return out


def _decided_label(label: dict) -> str:
    return _label({k: v for k, v in label.items() if k in _LABEL_KEYS})


def _flow(value) -> str:
    return "null" if value is None else "[" + ", ".join(value) + "]" if isinstance(value, list) else str(value)


def _retag(tags: list[str], label: dict) -> list[str]:
    """The item's tags with those of its old label left out (vague, family:…; nofit and its kinds
    for a text now in the catalog) and those of the decided label in."""
    out = label.get("expect") == []
    outside = ("nofit", "nearmiss", "unrelated", "noise")
    kept = [t for t in tags if t != "vague" and not t.startswith("family:") and (out or t not in outside)]
    if out and "nofit" not in kept:
        kept.append("nofit")
    if "expect_any" in label:
        kept.append("vague")
    if label.get("family"):
        kept.append(f"family:{label['family']}")
    return kept


def _relabel_text(source: str, decided: dict[str, dict]) -> tuple[str, int]:
    """`source` (a set file) with every item whose text is decided given the decided label; the
    rest of the file (comments, order, other items, the text itself) as it was. The items are read
    with libyaml; only a file with an item to change is composed again for the lines and columns of
    its keys, which are written again where they were, the label keys replaced by the decided ones."""
    import yaml
    items = _parsed(source)
    todo = {}
    for i, item in enumerate(items):
        key = _UNSAID.sub("", item["text"]) if isinstance(item, dict) and isinstance(item.get("text"), str) else None
        if key in decided and _label(item) != _decided_label(decided[key]):
            todo[i] = decided[key]
    if not todo:
        return source, 0
    lines = source.split("\n")
    root = yaml.compose(source, Loader=yaml.SafeLoader)
    if isinstance(root, yaml.MappingNode):
        root = next(v for k, v in root.value if k.value == "cases")

    def src(a, b) -> str:
        if a.line == b.line:
            return lines[a.line][a.column:b.column]
        return "\n".join([lines[a.line][a.column:], *lines[a.line + 1:b.line], lines[b.line][:b.column]])

    edits = []          # (first line, last line, new lines), made bottom up
    for i, label in todo.items():
        node = root.value[i]
        written, placed = [], False
        for k, v in node.value:
            if k.value in _LABEL_KEYS:
                if not placed:
                    placed = True
                    written += [(key, _flow(label[key])) for key in _LABEL_KEYS if key in label
                                and (key != "competent" or label.get("expect") == [])]
            elif k.value == "tags":
                written.append(("tags", _flow(_retag(items[i].get("tags") or [], label))))
            else:
                written.append((k.value, src(v.start_mark, v.end_mark)))
        if node.flow_style:
            line = lines[node.start_mark.line]
            new = (line[:node.start_mark.column] + "{" + ", ".join(f"{k}: {v}" for k, v in written) + "}"
                   + line[node.end_mark.column:])
            edits.append((node.start_mark.line, node.end_mark.line, [new]))
        else:
            first, last = node.value[0][0].start_mark, node.value[-1][1].end_mark
            pad = " " * first.column
            new = [(lines[first.line][:first.column] if j == 0 else pad) + f"{k}: {v}"
                   for j, (k, v) in enumerate(written)]
            edits.append((first.line, last.line if last.column > 0 else last.line - 1, new))
    for a, b, new in sorted(edits, reverse=True):
        lines[a:b + 1] = "\n".join(new).split("\n")
    return "\n".join(lines), len(edits)


def relabel(check: bool = False, sets: Path = SETS) -> list[tuple[str, int]]:
    """Give the tuning sets' items the decided labels (the fresh NOT_YET sets and the frozen ones are
    never rewritten). With check, nothing is written: the sets and counts that would change."""
    sys.path.insert(0, str(HERE))
    from router.files.atomic import write_text
    decided = decisions()
    changed = []
    for p in _paths([], sets):
        new, n = _relabel_text(p.read_text(encoding="utf-8"), decided)
        if n:
            changed.append((p.stem, n))
            if not check:
                write_text(p, new)
    return changed


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        print(__doc__)
        return
    cmd, rest = argv[1], argv[2:]
    if cmd == "sig":
        sig(rest[0], rest[1], rest[2:])
    elif cmd == "cmp":
        cmp(rest[0], rest[1], rest[2:])
    elif cmd == "figs":
        figs(rest[0], rest[1:])
    elif cmd == "digests":
        digests(rest[0], rest[1], rest[2:])
    elif cmd == "misses":
        misses(rest[0], rest[1:])
    elif cmd == "conflicts":
        found = conflicts()
        for c in found:
            if "--json" in rest:
                print(json.dumps(c, ensure_ascii=False))
            else:
                print(f"[{c['kind']}] {c['text']}  ({c['items']} items)")
                for lab, names in c["labels"].items():
                    print(f"    {lab}: {', '.join(names)}")
        if "--json" not in rest:
            by_kind = {k: sum(1 for c in found if c["kind"] == k) for k in CONFLICT_KINDS}
            print(f"{len(found)} texts labelled in more than one way: "
                  + ", ".join(f"{k} {n}" for k, n in by_kind.items()))
    elif cmd == "relabel":
        changed = relabel(check="--check" in rest)
        for name, n in changed:
            print(f"{name}: {n} items {'to relabel' if '--check' in rest else 'relabelled'}")
        print(f"{sum(n for _, n in changed)} items in {len(changed)} sets")
    else:
        print(__doc__)


if __name__ == "__main__":
    main(sys.argv)
