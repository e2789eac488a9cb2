"""Load benchmark of the web service (not a test). Prints each figure next to its target.

    python bench/web.py [--only route,inbox] [--workers 2] [--clients 20] [--requests 4000]

1. POST /api/route (one case, API token) against `zhifa serve --workers N` on 127.0.0.1, from
   20 concurrent keep-alive clients: p95 ≤ 30 ms and ≥ 300 requests/s.
2. The inbox page (GET /, a logged-in clerk) of a body with 10,000 cases on PostgreSQL:
   p95 ≤ 100 ms. The register is filled through the register's own bulk path (register_items,
   with the referral's `sent` event), so the stored duties are the real ones.

Only 127.0.0.1; every run is bounded in requests and in time (--seconds). PostgreSQL: a fresh
database on ZHIFA_BENCH_PG (default postgresql://postgres@127.0.0.1:5432/test), dropped after.
The load generator runs on the same machine as the server (2 cores here): its own CPU use is
part of the figures.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlencode

import urllib.error
import urllib.request
import sqlalchemy as sa
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
CST = timezone(timedelta(hours=8))
CASE = {"text": "国道边上摆摊卖西瓜，占了半条道", "place": "孟轲乡", "at": "2026-09-30T16:20"}
PASSWORD = "bench-password-123"


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def cli(*args: str, stdin: str | None = None) -> str:
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    out = subprocess.run([PY, str(ROOT / "cli.py"), *args], input=stdin, capture_output=True, text=True,
                         env=env, check=True)
    return out.stdout.strip()


class Server:
    def __init__(self, db: str, workers: int, env: dict | None = None):
        self.port = free_port()
        env = os.environ | {"PYTHONPATH": str(ROOT), "ZHIFA_SECRET": "bench-" + "s" * 40} | (env or {})
        self.proc = subprocess.Popen([PY, str(ROOT / "cli.py"), "serve", "--db", db, "--port", str(self.port),
                                      "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, start_new_session=True)
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        time.sleep(3 if workers > 1 else 0)  # let every worker finish starting
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("server did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def cpu_seconds(pgid: int, extra_pids: tuple[int, ...] = ()) -> float:
    """CPU time (user + system) used so far by the server's process group and `extra_pids`
    (its PostgreSQL backends): a figure that depends far less than latency on what else the
    machine runs. A backend that exits during the run takes its CPU time with it (none here:
    the workers keep their connections)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        if int(fields[2]) == pgid or pid in extra_pids:  # fields[2]: pgrp
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def backends(db: str) -> tuple[int, ...]:
    url = make_url(db)
    with sa.create_engine(url.set(database="postgres")).connect() as conn:
        return tuple(conn.execute(sa.text("SELECT pid FROM pg_stat_activity WHERE datname = :d"),
                                  {"d": url.database}).scalars())


class Conn:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams: the load generator shares the
    2-core machine with the server, so it must cost little CPU (httpx costs ~1 ms a request)."""

    def __init__(self, port: int):
        self.port = port
        self.cookie = ""

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def request(self, method: str, path: str, body: bytes = b"", headers: dict | None = None) -> tuple[int, bytes]:
        head = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}", f"Content-Length: {len(body)}"]
        head += [f"{k}: {v}" for k, v in (headers or {}).items()]
        if self.cookie:
            head.append(f"Cookie: {self.cookie}")
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        length = 0
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "set-cookie":
                pair = value.strip().split(";", 1)[0]
                jar = dict(p.split("=", 1) for p in self.cookie.split("; ") if p)
                k, v = pair.split("=", 1)
                jar[k] = v
                self.cookie = "; ".join(f"{a}={b}" for a, b in jar.items())
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        self.writer.close()


async def load(make_request, port: int, clients: int, total: int, seconds: float, warmup: int = 50,
               cpu=None) -> dict:
    """`total` timed requests (after `warmup` untimed ones) from `clients` keep-alive clients,
    started together once every client has done its setup (a login: argon2, not counted).
    `cpu()`, when given, is read at the start and the end: its difference per request is
    returned as cpu_ms (warm-up requests included in the count)."""
    latencies: list[float] = []
    errors = 0
    counter = iter(range(total + warmup))
    ready, go = 0, asyncio.Event()
    marks: dict[str, float] = {}

    async def client():
        nonlocal errors, ready
        c = Conn(port)
        await c.open()
        try:
            await make_request(c, setup=True)
            ready += 1
            if ready == clients:
                marks["t0"] = time.perf_counter()
                if cpu is not None:
                    marks["cpu0"] = cpu()
                go.set()
            await go.wait()
            stop_at = marks["t0"] + seconds
            for i in counter:
                if time.perf_counter() > stop_at:
                    return
                t0 = time.perf_counter()
                ok = await make_request(c)
                dt = time.perf_counter() - t0
                if i >= warmup:
                    latencies.append(dt)
                    errors += not ok
        finally:
            c.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    wall = time.perf_counter() - marks["t0"]
    latencies.sort()
    q = statistics.quantiles(latencies, n=100)
    out = {"n": len(latencies), "errors": errors, "p50": q[49] * 1000, "p95": q[94] * 1000, "p99": q[98] * 1000,
           "rps": len(latencies) / wall}
    if cpu is not None:
        out["cpu_ms"] = (cpu() - marks["cpu0"]) * 1000 / (len(latencies) + warmup)
    return out


def show(name: str, r: dict, target: str, holds: bool) -> None:
    print(f"{name}: {r['n']} requests, {r['errors']} errors; p50 {r['p50']:.1f} ms, p95 {r['p95']:.1f} ms, "
          f"p99 {r['p99']:.1f} ms; {r['rps']:.0f} req/s; server CPU {r.get('cpu_ms', float('nan')):.2f} ms a request"
          f"   target {target}: {'HOLDS' if holds else 'MISS'}")


def bench_route(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "register.sqlite3")
        token = cli("token", "add", "bench", "--body", "华龙区交通运输局", "--db", db)
        server = Server(db, args.workers)
        try:
            headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
            body = json.dumps(CASE, ensure_ascii=False).encode()

            async def post(c: Conn, setup: bool = False) -> bool:
                if setup:
                    return True
                status, _ = await c.request("POST", "/api/route", body, headers)
                return status == 200
            r = asyncio.run(load(post, server.port, args.clients, args.requests, args.seconds,
                                 cpu=lambda: cpu_seconds(server.proc.pid)))
        finally:
            server.stop()
    show(f"POST /api/route, {args.clients} clients, {args.workers} workers", r, "p95 ≤ 30 ms and ≥ 300 req/s",
         r["p95"] <= 30 and r["rps"] >= 300 and not r["errors"])


def bench_inbox(args) -> None:
    from router.register.register import Register
    from router.register.services import register_items
    from router.web.access import sync_parties
    pg = make_url(os.environ.get("ZHIFA_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")) \
        .set(drivername="postgresql+psycopg")
    admin = sa.create_engine(pg, isolation_level="AUTOCOMMIT")
    name = f"zhifa_webbench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    db = pg.set(database=name).render_as_string(hide_password=False)
    try:
        t0 = time.perf_counter()
        now = datetime.now(timezone.utc)
        with Register(db, user="bench") as reg:
            items, events = [], {}
            for i in range(args.inbox_cases):
                at = now - timedelta(days=30 * i / args.inbox_cases, hours=1)
                items.append((i, {"text": CASE["text"], "place": "孟轲乡", "reported_by": "华龙区交通运输局",
                                  "at": at.astimezone(CST).strftime("%Y-%m-%dT%H:%M")}))
                if i % 3:
                    events[i] = [{"kind": "sent", "at": at + timedelta(minutes=30), "body": "华龙区交通运输局"}]
            for k in range(0, len(items), 1000):
                part = items[k:k + 1000]
                register_items(reg, part, ids=[f"b{i}" for i, _ in part], source="bench",
                               events_of={i: events[i] for i, _ in part if i in events})
            sync_parties(reg.db, full=True)
        # A register in use has planner statistics (autovacuum analyses a table within about a
        # minute of a bulk load); without them PostgreSQL guesses 1 row for every filter.
        with admin.connect() as conn, sa.create_engine(pg.set(database=name)).connect() as fresh:
            fresh.execute(sa.text("ANALYZE"))
            fresh.commit()
        print(f"inbox register: {args.inbox_cases} cases for 孟轲乡人民政府 on PostgreSQL in {time.perf_counter() - t0:.1f} s")
        cli("user", "add", "mk", "--body", "孟轲乡", "--role", "clerk", "--password-stdin", "--db", db, stdin=PASSWORD)
        server = Server(db, args.workers, {"ZHIFA_INBOX_CACHE_SECONDS": str(args.inbox_cache)})
        try:
            async def get(c: Conn, setup: bool = False) -> bool:
                if setup:
                    _, page = await c.request("GET", "/login")
                    token = re.search(r'name="csrftoken" value="([^"]+)"', page.decode()).group(1)
                    form = urlencode({"login": "mk", "password": PASSWORD, "csrftoken": token, "next": "/"}).encode()
                    status, _ = await c.request("POST", "/login", form,
                                                {"Content-Type": "application/x-www-form-urlencoded"})
                    return status == 303
                status, page = await c.request("GET", "/")
                return status == 200 and "移送给我，待接收".encode() in page
            # the server's CPU and its PostgreSQL backends' (the workers keep their connections)
            r = asyncio.run(load(get, server.port, args.inbox_clients, args.inbox_requests, args.seconds, warmup=10,
                                 cpu=lambda: cpu_seconds(server.proc.pid, backends(db))))
        finally:
            server.stop()
        reuse = f"page reused up to {args.inbox_cache:g} s while the register is unchanged" if args.inbox_cache > 0 \
            else "no reuse: every request queries"
        show(f"GET / (inbox, {args.inbox_cases} cases), {args.inbox_clients} clients, PostgreSQL, {reuse}", r,
             "p95 ≤ 100 ms", r["p95"] <= 100 and not r["errors"])
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--only", default="route,inbox")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--requests", type=int, default=4000)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--inbox-cases", type=int, default=10000)
    p.add_argument("--inbox-clients", type=int, default=4)
    p.add_argument("--inbox-requests", type=int, default=400)
    p.add_argument("--inbox-cache", type=float, default=10,
                   help="ZHIFA_INBOX_CACHE_SECONDS of the server (0: every request computes the inbox)")
    args = p.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")
    if "route" in args.only:
        bench_route(args)
    if "inbox" in args.only:
        bench_inbox(args)


if __name__ == "__main__":
    main()
