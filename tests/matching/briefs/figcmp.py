"""Compare two outputs of `bench/items.py figs` (start and final, one line per set; no text of any set):
how many sets meet every target in each, which figures rose and fell (each fall printed), per figure the
sets higher and lower and the mean over the sets, and the out-of-catalog and competent-body counts
summed over the sets.

    python3 figcmp.py START.txt FINAL.txt
"""
import re
import sys

# figure -> +1 when higher is better, -1 when lower is better
PERCENT = {"top1": 1, "multiR": 1, "multiP": 1, "short": 1, "vague": 1, "unrouted": -1}
COUNTED = {"ooc": -1, "comp": 1}          # "(k/n)" after the percentage
OTHER = -1                                # another body named: "(k)"


def parse(path):
    out = {}
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    for line in text.splitlines():
        if not re.match(r"^\S+\s+n=", line):
            continue
        d = {"meets": line.rstrip().endswith("MEETS")}
        for key in PERCENT:
            m = re.search(key + r"\s+([\d.]+)", line)
            d[key] = float(m.group(1)) if m else None
        for key in COUNTED:
            m = re.search(key + r"\s+(?:[\d.]+|-)\s+\((\d+)/(\d+)\)", line)
            d[key] = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
        m = re.search(r"other\s+(?:[\d.]+|-)\s+\((\d+)\)", line)
        d["other"] = int(m.group(1)) if m else 0
        out[line.split()[0]] = d
    return out


def compare(a, b):
    names = [n for n in a if n in b]
    lines = [f"{len(names)} sets; meets start {sum(a[n]['meets'] for n in names)} "
             f"final {sum(b[n]['meets'] for n in names)}"]
    up = down = 0
    for n in names:
        pairs = [(k, a[n][k], b[n][k], s) for k, s in PERCENT.items()]
        pairs += [(k, a[n][k][0], b[n][k][0], s) for k, s in COUNTED.items()]
        pairs.append(("other", a[n]["other"], b[n]["other"], OTHER))
        for key, x, y, sign in pairs:
            if x is None or y is None or x == y:
                continue
            if (y - x) * sign > 0:
                up += 1
            else:
                down += 1
                lines.append(f"DOWN {n} {key} {x} -> {y}")
        if a[n]["meets"] != b[n]["meets"]:
            lines.append(f"MEETS CHANGED {n} {a[n]['meets']} -> {b[n]['meets']}")
    lines.append(f"figures up {up} down {down}")
    for key in ("top1", "multiR", "short", "vague"):
        both = [n for n in names if a[n][key] is not None and b[n][key] is not None]
        if not both:
            continue
        rose = sum(b[n][key] > a[n][key] for n in both)
        fell = sum(b[n][key] < a[n][key] for n in both)
        mean_a = sum(a[n][key] for n in both) / len(both)
        mean_b = sum(b[n][key] for n in both) / len(both)
        lines.append(f"{key}: higher on {rose}, lower on {fell} of {len(both)} sets; "
                     f"mean {mean_a:.3f} -> {mean_b:.3f}")
    for key in COUNTED:
        lines.append(f"{key} {sum(a[n][key][0] for n in names)} -> {sum(b[n][key][0] for n in names)} "
                     f"of {sum(a[n][key][1] for n in names)}")
    return lines


if __name__ == "__main__":
    print("\n".join(compare(parse(sys.argv[1]), parse(sys.argv[2]))))
