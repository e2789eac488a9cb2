"""Re-run the README's `$ zhifa route …` session and paste its real output (80 columns, as in a terminal)."""
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
readme = (ROOT / "README.md").read_text(encoding="utf-8")
m = re.search(r"```\n\$ (zhifa route [^\n]+)\n(.*?)\n```", readme, re.S)
args = shlex.split(m.group(1))[1:]
env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
out = subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True, env=env,
                     cwd=ROOT, check=True).stdout.rstrip("\n")
readme = readme[:m.start(2)] + out + readme[m.end(2):]
(ROOT / "README.md").write_text(readme, encoding="utf-8")
print("README session refreshed")
