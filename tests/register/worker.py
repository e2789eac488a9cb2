"""A clerk in another process, for the concurrency tests: registers cases (some ids shared with
the other workers) and appends events to one shared case. Usage:
    python worker.py DB_URL NAME COUNT SHARED_CASE_NUMBER [--forever]"""
from __future__ import annotations

import sys

from router.register.register import Register
from router.register.services import add_event, register_case

CASE = {"matter": "JT-03", "place": "孟轲乡", "reported_by": "交通运输局", "at": "2026-03-02T09:30"}


def main() -> None:
    url, name, count, shared = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    forever = "--forever" in sys.argv
    with Register(url, user=name) as reg:
        i = 0
        while forever or i < count:
            key = f"shared-{i}" if i % 3 == 0 else f"{name}-{i}"
            register_case(reg, dict(CASE, id=key), external_id=key, source="race")
            add_event(reg, shared, "document", by="交通运输局", at="2026-03-03T10:00", note=f"{name}-{i}")
            i += 1
            if forever:
                print(i, flush=True)


if __name__ == "__main__":
    main()
