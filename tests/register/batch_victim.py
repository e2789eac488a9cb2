"""A batch registration in another process, for the kill-and-rerun test: prints each registered
row's number as soon as its chunk is committed. Usage:
    python batch_victim.py DB_URL FILE WORKERS CHUNK"""
from __future__ import annotations

import sys

from router.register.batch import register_batch
from router.register.register import Register


def main() -> None:
    url, path, workers, chunk = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    with Register(url, user="victim") as reg:
        register_batch(reg, path, source="12345", workers=workers, chunk=chunk,
                       on_row=lambda o: print(o.number, flush=True))


if __name__ == "__main__":
    main()
