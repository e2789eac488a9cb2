import sys, re
tpl, out, *kv = sys.argv[1:]
s = open(tpl).read()
for a in kv:
    k, v = a.split('=', 1)
    s = s.replace(f'__{k}__', v)
left = re.findall(r'__[A-Z]+__', s)
assert not left, left
open(out, 'w').write(s)
