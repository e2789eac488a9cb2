"""Check a set a writer delivered, and count its texts that occur word for word in earlier sets.

    python3 checkset.py NEW.yaml HEADER-EXAMPLE.txt [N]

Prints what is wrong (nothing when all is well) and the overlap counts. Run from the project root.
"""
import glob
import os
import sys

import yaml

path, header = sys.argv[1], sys.argv[2]
want = int(sys.argv[3]) if len(sys.argv) > 3 else None
matters = {m["id"] for m in yaml.safe_load(open("catalog/matters.yaml", encoding="utf-8"))["matters"]}
items = yaml.safe_load(open(path, encoding="utf-8"))
problems = []
if want is not None and len(items) != want:
    problems.append(f"{len(items)} items, not {want}")
seen = set()
for n, it in enumerate(items, 1):
    t = it.get("text")
    if not isinstance(t, str) or not t.strip():
        problems.append(f"{n}: no text")
        continue
    if t in seen:
        problems.append(f"{n}: duplicate text")
    seen.add(t)
    if ("expect" in it) == ("expect_any" in it):
        problems.append(f"{n}: not exactly one of expect / expect_any")
    ids = it.get("expect", it.get("expect_any")) or []
    bad = [i for i in ids if i not in matters]
    if bad:
        problems.append(f"{n}: unknown ids {bad}")
    if "competent" in it and it.get("expect") != []:
        problems.append(f"{n}: competent without expect: []")
    tags = it.get("tags") or []
    if ("short" in tags) != (2 <= len(t) <= 10):
        problems.append(f"{n}: short tag and length {len(t)} disagree")
lines = open(path, encoding="utf-8").read().split("\n")
head = open(header, encoding="utf-8").read().split("\n")
head = head[:next(i for i, ln in enumerate(head) if ln.startswith("# ---- example items"))]
if lines[4:4 + len(head)] != head:
    problems.append("the header is not copied byte for byte from line 5")
print("\n".join(problems) or "ok")
earlier = set()
for f in glob.glob("tests/matching/*.yaml"):
    if not os.path.samefile(f, path):
        earlier.update(it["text"] for it in yaml.safe_load(open(f, encoding="utf-8")) or [])
same = [t for t in seen if t in earlier]
print(f"{len(items)} items; {len(same)} texts occur word for word in earlier sets "
      f"({sum(1 for t in same if len(t) <= 10)} of them short)")
