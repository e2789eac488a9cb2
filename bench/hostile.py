"""A hostile batch: 100,000 JSON Lines of the kind a probe throws at `zhifa route --batch`, routed
by the tree on PYTHONPATH in a fresh process; prints lines per second and the peak RSS.

    PYTHONPATH=. .venv/bin/python bench/hostile.py [--lines 100000] [--output out.csv] [--workers 1]

About 5% of the lines are malformed (broken JSON, not UTF-8, not an object, deep nesting, a blank
line, an unknown field); the rest are real cases, many with hostile values: formula-looking text
(=HYPERLINK…, +, -, @), line and paragraph separators (U+2028, U+2029, U+0085), control and
bidi-override characters in ids and text, lone surrogates, 10 KB place and reporter names, ids
beyond 64 bits. The generator is seeded and needs nothing from the library, so the same file is
routed by any version of it.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["岳村镇", "孟轲乡", "王助镇", "胡村乡", "中原路街道", "中原办", "濮东街道", "黄河路街道", "皇甫街道"]
REPORTERS = ["城管局", "华龙区城市管理局", "孟轲乡", "岳村镇综合行政执法大队", "消防大队", "华龙区交通运输局"]
MATTERS = ["SR-05", "XF-01", "JT-03"]
TEXTS = ["国道边上摆摊卖西瓜，占了半条道", "楼道里一排电动车插着电", "村民没批就占耕地盖房子",
         "人行道上占道经营", "饭店油烟直排，味道很大"]
HOSTILE = ['=HYPERLINK("http://example.invalid","点我")', "+1+1", "-2+3", "@SUM(1,2)", "\t=1+1",
           "\r=1+1", "第一行\u2028第二行", "段落\u2029另一段", "下一行\u0085字符", "控制\x01\x02\x1f字符",
           "\u202e倒序\u202c文字", "\u2066隔离\u2069", "孤立代理\ud800字符"]


def _valid(rng: random.Random, i: int) -> dict:
    case = {"id": f"h{i}", "place": rng.choice(PLACES), "reported_by": rng.choice(REPORTERS),
            "at": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:30",
            "channel": rng.choice(["inspection", "complaint"])}
    if rng.random() < 0.5:
        case["text"] = rng.choice(TEXTS)
    else:
        case["matter"] = rng.sample(MATTERS, k=rng.choice([1, 1, 2, 3]))
    roll = rng.random()
    if roll < 0.15:
        case["text"] = rng.choice(HOSTILE) + rng.choice(TEXTS)
    elif roll < 0.20:
        case["id"] = rng.choice(HOSTILE) + str(i)
    elif roll < 0.21:
        case["place"] = "岳" * 10_000
    elif roll < 0.22:
        case["reported_by"] = "局" * 10_000
    elif roll < 0.23:
        case["id"] = 10 ** 30 + i
    return case


def _malformed(rng: random.Random, i: int) -> bytes:
    kind = rng.randrange(7)
    if kind == 0:
        return b'{"id": "x' + str(i).encode() + b'", "place": '
    if kind == 1:
        return b'{"id": "bad-utf8", "text": "\xff\xfe"}'
    if kind == 2:
        return b"[1, 2, 3]"
    if kind == 3:
        return b"[" * 5000 + b"]" * 5000
    if kind == 4:
        return b""
    if kind == 5:
        return json.dumps({"id": i, "where": "?", "place": "岳村镇"}).encode()
    return b'{"id": 1, "place": "\xe5\xb2\xb3\xe6\x9d\x91\xe9\x95\x87", "reported_by": "x", "text": "a"'


def write_hostile(path: Path, lines: int, seed: int = 13) -> None:
    rng = random.Random(seed)
    with open(path, "wb") as fh:
        for i in range(lines):
            if rng.random() < 0.05:
                fh.write(_malformed(rng, i) + b"\n")
            else:
                fh.write(json.dumps(_valid(rng, i), ensure_ascii=rng.random() < 0.5).encode(
                    "utf-8", "surrogatepass") + b"\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--output", default="out.csv", help="output file name (its type by extension)")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    tree = Path(os.environ.get("PYTHONPATH", ".").split(os.pathsep)[0]).resolve()
    with tempfile.TemporaryDirectory(prefix="zhifa-hostile-") as tmp:
        src, out = Path(tmp) / "hostile.jsonl", Path(tmp) / args.output
        write_hostile(src, args.lines)
        env = dict(os.environ, ZHIFA_CACHE_DIR=str(Path(tmp) / "cache"))
        cmd = [sys.executable, str(tree / "cli.py"), "route", "--batch", str(src), "-o", str(out),
               "--workers", str(args.workers)]
        subprocess.run(cmd[:2] + ["route", "--matter", "SR-05", "--place", "岳村镇", "--by", "城管局",
                                  "--at", "2026-01-05"], env=env, capture_output=True)  # warm the cache
        start = time.perf_counter()
        done = subprocess.run(cmd, env=env, capture_output=True)
        seconds = time.perf_counter() - start
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        size = src.stat().st_size
        print(f"tree       {tree}")
        print(f"command    {cmd[1]} route --batch hostile.jsonl -o {args.output} --workers {args.workers}")
        print(f"input      {args.lines:,} lines, {size / 1e6:.1f} MB")
        print(f"exit code  {done.returncode}")
        print(f"stderr     {done.stderr.decode('utf-8', 'replace').strip().splitlines()[-1:] if done.stderr else ''}")
        print(f"output     {out.stat().st_size / 1e6:.1f} MB" if out.exists() else "output     (none)")
        print(f"wall       {seconds:.1f} s")
        print(f"lines/s    {args.lines / seconds:,.0f}")
        print(f"peak RSS   {peak_kb / 1024:.0f} MB (largest child process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
