"""Compare two outputs of `bench/items.py figs` (start and final, one line per set; no text of any set):
how many sets meet every target in each, which figures rose and fell (each fall printed), and the
out-of-catalog and competent-body counts summed over the sets.

    python3 figcmp.py START.txt FINAL.txt
"""
import re, sys
def parse(path):
    out = {}
    for line in open(path):
        if not re.match(r'^\S+\s+n=', line): continue
        name = line.split()[0]
        d = {'meets': 'MEETS' in line}
        for key in ('top1','multiR','multiP','short','vague','unrouted'):
            m = re.search(key + r'\s+([\d.]+|-)', line); d[key] = float(m.group(1)) if m and m.group(1) != '-' else None
        m = re.search(r'ooc\s+[\d.]+ \((\d+)/(\d+)\)', line); d['ooc'] = (int(m.group(1)), int(m.group(2))) if m else (0,0)
        m = re.search(r'comp\s+(?:[\d.]+|-)\s+\((\d+)/(\d+)\)', line); d['comp'] = (int(m.group(1)), int(m.group(2))) if m else (0,0)
        m = re.search(r'other\s+(?:[\d.]+|-)\s+\((\d+)\)', line); d['other'] = int(m.group(1)) if m else 0
        out[name] = d
    return out
a, b = parse(sys.argv[1]), parse(sys.argv[2])
names = [n for n in a if n in b]
print(len(names), 'sets; meets start', sum(a[n]['meets'] for n in names), 'final', sum(b[n]['meets'] for n in names))
up = down = 0
for n in names:
    for k in ('top1','multiR','multiP','short','vague'):
        x, y = a[n][k], b[n][k]
        if x is None or y is None or x == y: continue
        if y > x: up += 1
        else: down += 1; print('DOWN', n, k, x, '->', y)
    for k, better_low in (('unrouted', True),):
        x, y = a[n][k], b[n][k]
        if x is None or y is None or x == y: continue
        if (y < x): up += 1
        else: down += 1; print('DOWN', n, k, x, '->', y)
    if a[n]['ooc'][0] != b[n]['ooc'][0]:
        if b[n]['ooc'][0] < a[n]['ooc'][0]: up += 1
        else: down += 1; print('DOWN', n, 'ooc', a[n]['ooc'], '->', b[n]['ooc'])
    if a[n]['comp'][0] != b[n]['comp'][0]:
        if b[n]['comp'][0] > a[n]['comp'][0]: up += 1
        else: down += 1; print('DOWN', n, 'comp', a[n]['comp'], '->', b[n]['comp'])
    if a[n]['other'] != b[n]['other']:
        if b[n]['other'] < a[n]['other']: up += 1
        else: down += 1; print('DOWN', n, 'other', a[n]['other'], '->', b[n]['other'])
print('figures up', up, 'down', down)
for key in ('ooc', 'comp'):
    print(key, sum(a[n][key][0] for n in names), '->', sum(b[n][key][0] for n in names), 'of', sum(a[n][key][1] for n in names))
for n in names:
    if a[n]['meets'] != b[n]['meets']: print('MEETS CHANGED', n, a[n]['meets'], '->', b[n]['meets'])
