"""Build header-example.txt for blind set writers from the latest two sets.

    python3 header.py NEWER.yaml OLDER.yaml [SIBLING.yaml …] OUT [N_EXAMPLES]

The conventions header of NEWER (its line 5 up to its own "Conventions added in this set" block), then
the added blocks of the SIBLINGs, OLDER and NEWER relabelled "added by an earlier set", then a line
"# ---- example items …" and about N_EXAMPLES items of NEWER and OLDER (default 46) as comment lines.
Block title lines ("# ---- block K ----") are left out: they label nothing in the header. SIBLINGs are
sets written on the same day as NEWER and OLDER, from the same header: their conventions would otherwise
be lost to every later set (the twenty-fifth session added them). The labelling decisions of
decisions.yaml (beside this file) close the conventions: a block of their own, last, said to override
everything above it; a copy of it in NEWER's header is replaced by the current one (the thirtieth session).
"""
import random
import sys

import yaml

ADDED = "# Conventions added in this set:"
EARLIER = "# Conventions added by an earlier set (kept here as well):"
DECIDED = "# Labelling decisions (tests/matching/briefs/decisions.yaml; they override every convention above):"
DECISIONS = __file__.rsplit("/", 1)[0] + "/decisions.yaml"


def decided_block(path=DECISIONS):
    """The decisions as header lines: each decided text and its label."""
    out = [DECIDED]
    for d in yaml.safe_load(open(path, encoding="utf-8")):
        if "expect_any" in d:
            label = f"expect_any [{', '.join(d['expect_any'])}], family:{d['family']}"
        elif d["expect"]:
            label = f"[{', '.join(d['expect'])}]"
        else:
            label = f"out ({d.get('competent') or 'null'})"
        out.append(f"# - {' / '.join(d['texts'])} -> {label}")
        if d.get("rule"):
            out.append(f"#   ({d['rule']})")
    return out


def parts(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    start = lines.index(ADDED)
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("#"))
    added = [EARLIER] + [ln for ln in lines[start + 1:end] if not ln.startswith("# ---- block")]
    return lines[4:start], added


def main(newer, older, out, n=46, siblings=()):
    common, added_new = parts(newer)
    _, added_old = parts(older)
    for path in reversed(siblings):
        added_old = parts(path)[1] + added_old
    if DECIDED in common:     # the decisions copied into NEWER's header: the current ones are added below
        i = common.index(DECIDED)
        end = next((j for j in range(i + 1, len(common)) if not common[j].startswith(("# - ", "#   ("))),
                   len(common))
        common = common[:i] + common[end:]
    head = [ln for ln in common if not ln.startswith("# ---- block")]
    rng = random.Random(0)
    items = []
    for path in (older, newer):
        data = yaml.safe_load(open(path, encoding="utf-8"))
        items += rng.sample(data, n // 2)
    ex = ["# ---- example items (of earlier sets; do not copy or rewrite them) ----"]
    for it in items:
        ex.append("# - text: " + yaml.safe_dump(it["text"], allow_unicode=True, width=1000).split("\n")[0])
        for key in ("expect", "expect_any", "competent", "tags"):
            if key in it:
                value = it[key]
                shown = "[" + ", ".join(value) + "]" if isinstance(value, list) else (value or "null")
                ex.append(f"#   {key}: {shown}")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(head + added_old + added_new + decided_block() + ex) + "\n")


if __name__ == "__main__":
    a = sys.argv[1:]
    n = int(a.pop()) if a[-1].isdigit() else 46
    main(a[0], a[1], a[-1], n, siblings=a[2:-1])
