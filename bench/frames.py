"""Robustness to what frames a report: how many right-routed descriptions go wrong under a frame.

    python bench/frames.py [--tree DIR] [--n 6000] [--seed 33] [--examples 3] [--json]
                           [--frame FRAME ...]
    python bench/frames.py cmp A.json B.json      # two --json runs side by side, frame by frame

A report means the same thing with "昨天晚上十点多，" or "网格员上报：" before it, "，谢谢！" after it,
or its commas left out. The tool samples `--n` labelled descriptions (a fixed `--seed`) of the
TUNING sets only (bench/items.py's own listing, which leaves out the fresh NOT_YET sets; the frozen
holdout / unseen* sets are never read): single-matter descriptions and out-of-catalog ones (vague and
multi-matter ones are left out: their rightness is a family or a set). It keeps those the tree routes
right (as evaluate() counts them: the first routed matter is the expected one; an out-of-catalog text
is no_fit), puts each frame on every kept description and counts those that then go wrong, split by
how: an in-catalog text routed to another matter ("other") or to nothing ("none"), an
out-of-catalog text routed ("routed").

A frame is written with {} where the description goes ("网格员上报：{}", "{}，谢谢！"); without {} it
is an opening. Named frames change the text itself: nocommas (every comma left out), spaces (every
comma a space), nopunct (all the punctuation inside left out). No --frame: DEFAULT_FRAMES.

`--tree DIR` measures another checkout's router/ and catalog/ (the descriptions are always read from
this checkout's tuning sets, so two trees are measured on one sample). `--json` prints one object:
the sample, and per frame the count, the split and the keys (set:index) of the texts that broke, so
that `cmp` can say which texts a change mended and which it broke.
"""
from __future__ import annotations

import argparse
import functools
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "bench"))
import items as bench_items  # noqa: E402  (bench/items.py: the set listing and the tree loader)

# The frames measured in the thirty-third session, and more of their kinds: a time before the report,
# who reports it, a ticket's header, its punctuation, what follows it.
DEFAULT_FRAMES = (
    "昨天晚上十点多，{}", "今天上午，{}", "凌晨两点，{}", "nocommas", "spaces",
    "网格员上报：{}", "网格员反映：{}", "村干部反映：{}", "村民反映：{}", "居民反映：{}", "群众举报：{}",
    "巡查发现：{}", "【12345】市民来电反映：{}", "【网络问政】网友留言：{}", "12345工单：来电人称，{}",
    "{}，谢谢！", "{}[图片]", "{}，请处理。",
)

_COMMAS = re.compile(r"[，,]")
_PUNCT = re.compile(r"[，,。.、；;：:！!？?…~～“”\"'（）()]")


def _no_inner_punct(text: str) -> str:
    """All punctuation left out but a closing one (a report typed in one breath)."""
    body = text.rstrip("。.！!？?")
    return _PUNCT.sub("", body) + text[len(body):]


NAMED = {
    "nocommas": lambda t: _COMMAS.sub("", t),
    "spaces": lambda t: _COMMAS.sub(" ", t),
    "nopunct": _no_inner_punct,
}


def apply(frame: str, text: str) -> str:
    """`text` in `frame` (a named frame, a template with {}, or an opening)."""
    if frame in NAMED:
        return NAMED[frame](text)
    if "{}" in frame:
        return frame.replace("{}", text, 1)
    return frame + text


@functools.lru_cache(maxsize=2)
def _pool(sets_dir: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    """(key, text, expected matters) of the tuning sets' single-matter and out-of-catalog items, each
    text once (its first item), by text."""
    pool: dict[str, tuple[str, tuple[str, ...]]] = {}
    for p in bench_items._paths([], sets_dir):
        for i, item in enumerate(bench_items._items(p)):
            if not isinstance(item, dict) or "expect" not in item or not isinstance(item.get("text"), str):
                continue
            expect = tuple(item.get("expect") or ())
            if len(expect) > 1 or not item["text"].strip():
                continue
            pool.setdefault(item["text"], (f"{p.stem}:{i}", expect))
    return sorted((key, text, expect) for text, (key, expect) in pool.items())


def sample(n: int, seed: int, sets_dir: Path | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
    """`n` (key, text, expected matters) of the tuning sets' single-matter and out-of-catalog items,
    each text once (its first item), chosen with `seed`; in the sets' order."""
    rows = _pool(sets_dir or bench_items.SETS)
    chosen = random.Random(seed).sample(rows, min(n, len(rows)))
    return sorted(chosen, key=lambda r: (bench_items._set_order(r[0].split(":")[0]), int(r[0].split(":")[1])))


def outcome(result, expect: tuple[str, ...]) -> str:
    """"ok", or how the result is wrong ("other", "none", "routed"), as evaluate() counts a
    single-matter or out-of-catalog case. (Counted here, not through router.matching.evaluate:
    `--tree` imports the router of the tree measured, after this module is loaded, and an older
    tree's evaluate has no such helper.)"""
    if not expect:
        return "ok" if result.status == "no_fit" else "routed"
    if result.status == "no_fit":
        return "none"
    routed = result.routed() if hasattr(result, "routed") else result.selected
    first = routed[0] if routed else (result.candidates[0].matter if result.candidates else None)
    return "ok" if first in expect else "other"


def _shown(result) -> str:
    if result.status == "no_fit":
        return "no_fit"
    routed = result.routed() if hasattr(result, "routed") else result.selected
    return "/".join(routed) or (result.candidates[0].matter if result.candidates else "-")


def measure(matcher, rows, frames, examples: int = 3) -> dict:
    """Per frame, how many of `rows` (key, text, expect) routed right break under it."""
    kept = [r for r in rows if outcome(matcher.match(r[1]), r[2]) == "ok"]
    out = {"sample": len(rows), "kept": len(kept), "frames": []}
    for frame in frames:
        split = {"other": 0, "none": 0, "routed": 0}
        broke, shown = [], []
        for key, text, expect in kept:
            framed = apply(frame, text)
            if framed == text:
                continue
            result = matcher.match(framed)
            how = outcome(result, expect)
            if how == "ok":
                continue
            split[how] += 1
            broke.append(key)
            if len(shown) < examples:
                shown.append({"key": key, "text": framed, "expect": list(expect) or "out",
                              "got": _shown(result)})
        out["frames"].append({"frame": frame, "broke": len(broke), **split, "keys": broke,
                              "examples": shown})
    return out


def _commit(tree: Path) -> str:
    try:
        return subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def run(tree: str, n: int, seed: int, frames, examples: int) -> dict:
    rows = sample(n, seed)
    cat, _ev = bench_items._load(tree)
    t0 = time.perf_counter()
    res = measure(cat.matcher, rows, frames, examples)
    res.update(tree=str(Path(tree).resolve()), commit=_commit(Path(tree)), seed=seed, n=n,
               seconds=round(time.perf_counter() - t0, 1))
    return res


def report(res: dict) -> str:
    lines = [f"{res['tree']} ({res['commit']}): {res['kept']} of {res['sample']} sampled descriptions "
             f"routed right (seed {res['seed']}), {res['seconds']} s"]
    for f in res["frames"]:
        lines.append(f"{f['broke']:5d}  {f['frame']}   (other matter {f['other']}, none {f['none']}, "
                     f"out-of-catalog routed {f['routed']})")
        for e in f["examples"]:
            lines.append(f"         {e['key']}: {e['text']}  [{'/'.join(e['expect']) if isinstance(e['expect'], list) else e['expect']}"
                         f" → {e['got']}]")
    return "\n".join(lines)


def compare(a: dict, b: dict) -> str:
    """Two runs frame by frame: the counts, and how many texts mended and newly broken."""
    lines = [f"A {a['commit']} ({a['kept']} kept)  →  B {b['commit']} ({b['kept']} kept)"]
    fb = {f["frame"]: f for f in b["frames"]}
    for f in a["frames"]:
        g = fb.get(f["frame"])
        if g is None:
            continue
        ka, kb = set(f["keys"]), set(g["keys"])
        lines.append(f"{f['broke']:5d} → {g['broke']:5d}  {f['frame']}   (mended {len(ka - kb)}, "
                     f"newly broken {len(kb - ka)})")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv[:1] == ["cmp"]:
        a, b = (json.loads(Path(p).read_text(encoding="utf-8")) for p in argv[1:3])
        print(compare(a, b))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tree", default=str(HERE))
    ap.add_argument("--n", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=33)
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--frame", action="append")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    res = run(args.tree, args.n, args.seed, tuple(args.frame or DEFAULT_FRAMES), args.examples)
    print(json.dumps(res, ensure_ascii=False) if args.json else report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
