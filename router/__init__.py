"""zhifa: jurisdiction router for township/street comprehensive administrative enforcement
in 华龙区, 濮阳市 (mechanism: 华龙法政办〔2021〕13号).

The library never prints and never exits; `cli.py` is the only terminal-facing code.
"""

from . import compiled as _compiled

_compiled.install()  # compiled modules only where built from the current source (router/compiled.py)
