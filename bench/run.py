"""zhifa benchmarks: every figure beside its reference, measured in the same run, and its target.

    python bench/run.py            # everything (~10-15 minutes on 2 cores)
    python bench/run.py --quick    # smaller sizes, for a quick look (figures are not the targets' sizes)
    python bench/run.py --only cold,engine

Sections: cold (start-up of one `zhifa route`), batch (cases/s through `zhifa route --batch`), engine
(time inside the rule engine against bare durable-rules), memory (RSS growth over a long run), scale
(a generated catalog of 5,000 matters and 500 batches), register (bench/register.py: batch
registration, `zhifa due` and `zhifa stats` on SQLite and, with ZHIFA_BENCH_PG / --pg, PostgreSQL),
matching (every labelled set of tests/matching/, the frozen unseen sets beside the tuned ones). Everything runs in a temporary folder with
its own start-up cache (ZHIFA_CACHE_DIR), so the user's cache is left alone. Wall times are medians
of interleaved runs: the reference and the figure see the same machine load.
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PY = sys.executable
ZHIFA = str(Path(PY).with_name("zhifa"))
TYPICAL = ["route", "国道边上摆摊卖西瓜，占了半条道", "--place", "孟轲乡", "--by", "华龙区交通运输局",
           "--at", "2026-09-30T16:20", "--json"]
FLOOR = [PY, "-c", "import click, rich, yaml, durable.lang"]

RESULTS: list[tuple[str, str, str, str, bool | None]] = []  # section, figure, reference, target, holds


# ---- output ----------------------------------------------------------------------------------
def say(text: str = "") -> None:
    print(text, flush=True)


def verdict(ok: bool | None) -> str:
    return {True: "HOLDS", False: "MISS", None: "info"}[ok]


def row(section: str, figure: str, reference: str, target: str, ok: bool | None) -> None:
    RESULTS.append((section, figure, reference, target, ok))
    say(f"   {figure}")
    if reference:
        say(f"      reference: {reference}")
    say(f"      target: {target or '-'}   → {verdict(ok)}")


def detail(text: str) -> None:
    for line in textwrap.wrap(text, 96, initial_indent="      · ", subsequent_indent="        "):
        say(line)


# ---- helpers ---------------------------------------------------------------------------------
def env(cache: Path) -> dict:
    e = dict(os.environ)
    e["ZHIFA_CACHE_DIR"] = str(cache)
    e.pop("ZHIFA_NO_CACHE", None)
    e.pop("ZHIFA_CATALOG", None)
    return e


def wall(cmd: list[str], e: dict, **kw) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=e, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, **kw)
    return time.perf_counter() - t


def py_json(code: str, e: dict, timeout: float = 3600) -> dict:
    """Run `code` in a fresh interpreter (cwd = repo); it prints one JSON object last."""
    out = subprocess.run([PY, "-c", code], env=e, cwd=ROOT, capture_output=True, text=True,
                         timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def dev_texts() -> list[str]:
    import yaml
    return [d["text"] for d in yaml.safe_load((ROOT / "tests/matching/dev.yaml").read_text(encoding="utf-8"))]


def write_cases(path: Path, n: int, seed: int) -> None:
    from router.decide.generate import generate_cases
    from router.files.cache import load_state
    catalog, _ = load_state()
    with open(path, "w", encoding="utf-8") as fh:
        for case in generate_cases(catalog, n, seed=seed, texts=dev_texts(), text_share=1.0, vary=True):
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")


def fmt_n(n: int) -> str:
    return f"{n:,}"


def cpu_speed() -> float:
    """Seconds for a fixed pure-Python loop, best of 3: how fast this machine is right now."""
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        s = 0
        for i in range(10_000_000):
            s += i
        best = min(best, time.perf_counter() - t)
    return best


# ---- 1. cold start ---------------------------------------------------------------------------
STAGES = r'''
import json, sys, time, dataclasses, collections
spent = collections.Counter()
orig = dataclasses.dataclass
def timed(cls=None, /, **kw):
    def wrap(c):
        t = time.perf_counter(); r = orig(**kw)(c); spent[c.__module__] += time.perf_counter() - t; return r
    return wrap if cls is None else wrap(cls)
dataclasses.dataclass = timed
t0 = time.perf_counter(); import cli
t1 = time.perf_counter(); import router.decide.route
t2 = time.perf_counter()
from router.files import cache, locations
root = locations.catalog_root(None)
key = cache.fingerprint(cache.read_inputs(root, locations.rules_root(None)), root)
t3 = time.perf_counter()
catalog, rules = cache.load_state()
t4 = time.perf_counter()
from router.engine.driver import Engine
engine = Engine(rules)
t5 = time.perf_counter()
from router.decide.route import Router
r = Router(catalog=catalog, engine=engine)
args = sys.argv[1:]
result = r.route({"text": args[0], "place": args[1], "reported_by": args[2], "at": args[3]})
out = json.dumps(result, ensure_ascii=False, indent=2)
t6 = time.perf_counter()
print(json.dumps({"cli_click": t1 - t0, "router_imports": t2 - t1, "fingerprint": t3 - t2,
                  "cache_load": t4 - t3, "engine": t5 - t4, "route_and_json": t6 - t5,
                  "dataclasses": sum(spent.values()),
                  "dataclasses_by_module": {k: round(v * 1000, 1) for k, v in spent.most_common()}}))
'''


def bench_cold(tmp: Path, quick: bool) -> None:
    say("1. Cold start: one `zhifa route \"…\" --place 孟轲乡 --by 华龙区交通运输局 --json` as a new process")
    cache = tmp / "cache"
    e = env(cache)
    # What any installation has after its first run: bytecode for every module it imports (ours,
    # click, durable, the standard library) and a warm start-up cache. This machine sets
    # PYTHONDONTWRITEBYTECODE and uv installs without bytecode, so nothing would ever write it:
    # until the twenty-first session only cli.py and router/ were compiled here, and the floor
    # (and our route) compiled click, rich, yaml and durable from source in every run, which
    # nearly tripled the floor's instructions (891 M against 316 M with bytecode, callgrind) and made the
    # ratio look far better than an installation sees it. The first runs write all bytecode
    # into a folder of the bench's own (PYTHONPYCACHEPREFIX), read by every run after.
    e["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    writing = {k: v for k, v in e.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cmd = [ZHIFA, *TYPICAL]
    for _ in range(2):
        wall(cmd, writing, cwd=tmp)
        wall(FLOOR, writing, cwd=tmp)
    runs = 9 if quick else 21
    ours, floor = [], []
    for _ in range(runs):
        ours.append(wall(cmd, e, cwd=tmp))
        floor.append(wall(FLOOR, e, cwd=tmp))
    m_ours, m_floor = statistics.median(ours), statistics.median(floor)
    ratio = m_ours / m_floor
    row("cold", f"zhifa route --json: {m_ours * 1000:.0f} ms median of {runs} (min {min(ours) * 1000:.0f})",
        f'floor `python -c "import click, rich, yaml, durable.lang"`: {m_floor * 1000:.0f} ms '
        f"(min {min(floor) * 1000:.0f}) → {ratio:.2f}× the floor", "≤ 1.50× the floor", ratio <= 1.5)
    empty = [PY, "-c", "pass"]
    interp = statistics.median(wall(empty, e, cwd=tmp) for _ in range(7))
    samples = []
    for _ in range(5):
        out = subprocess.run([PY, "-c", STAGES, "国道边上摆摊卖西瓜，占了半条道", "孟轲乡", "华龙区交通运输局",
                              "2026-09-30T16:20"], env=e, cwd=ROOT, capture_output=True, text=True, check=True)
        samples.append(json.loads(out.stdout.strip().splitlines()[-1]))
    med = {k: statistics.median(s[k] for s in samples) * 1000 for k in samples[0] if k != "dataclasses_by_module"}
    detail(f"where the time goes (medians of 5 in-process runs, ms): interpreter start-up {interp * 1000:.0f}; "
           f"import cli + click {med['cli_click']:.0f}; import router.* {med['router_imports']:.0f}; "
           f"cache key {med['fingerprint']:.1f}; cache load (imports of match/calendar + unpickle) "
           f"{med['cache_load']:.0f}; engine build {med['engine']:.1f}; route + JSON {med['route_and_json']:.1f}")
    by_mod = samples[-1]["dataclasses_by_module"]
    detail(f"of which generating dataclass methods at import: {med['dataclasses']:.0f} ms "
           f"({', '.join(f'{k} {v}' for k, v in by_mod.items())})")


# ---- 2. batch throughput ---------------------------------------------------------------------
BREAKDOWN = r'''
import json, sys, time
from router.decide.route import Router
router = Router()
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()[:int(sys.argv[2])]
from router.decide.batch import parse_jsonl_line, render_result
cases = [parse_jsonl_line(n, l.encode()) for n, l in enumerate(lines, 1)]
for c in cases[:200]:
    router.route_safe(c)
m, e = router.catalog.matcher, router.engine
spent = {"match": 0.0, "engine": 0.0}
real_match, real_eval = m.match, e.evaluate
def match(text):
    t = time.perf_counter(); r = real_match(text); spent["match"] += time.perf_counter() - t; return r
def evaluate(facts):
    t = time.perf_counter(); r = real_eval(facts); spent["engine"] += time.perf_counter() - t; return r
m.match, e.evaluate = match, evaluate
t = time.perf_counter()
results = [router.route_safe(c) for c in cases]
total = time.perf_counter() - t
t = time.perf_counter()
text = b"".join(render_result(".jsonl", n, r) for n, r in enumerate(results, 1))
dump = time.perf_counter() - t
n = len(cases)
print(json.dumps({"n": n, "route": total / n, "match": spent["match"] / n, "engine": spent["engine"] / n,
                  "rest": (total - spent["match"] - spent["engine"]) / n, "output": dump / n,
                  "bytes": len(text) / n}))
'''


def bench_batch(tmp: Path, quick: bool, workers: int) -> None:
    say("2. Batch throughput: `zhifa route --batch IN.jsonl -o OUT.jsonl [--workers N]`, generated cases, every one "
        "with free text (tests/matching/dev.yaml descriptions framed as hotline tickets: every text unique)")
    cache = tmp / "cache"
    e = env(cache)
    sizes = [1_000, 10_000] if quick else [10_000, 100_000]
    ones: dict[int, float] = {}
    for n in sizes:
        src = tmp / f"cases-{n}.jsonl"
        write_cases(src, n, seed=n)
        rates = {}
        # A run of a few seconds is easily slowed by a moment of other work on a shared machine:
        # the smaller size is run three times and the median taken (every run is printed).
        repeats = 3 if n <= 10_000 else 1
        runs: dict[int, list[float]] = {}
        for w in (1, workers):
            out = tmp / f"out-{n}-{w}.jsonl"
            for _ in range(repeats):
                out.unlink(missing_ok=True)
                t = wall([ZHIFA, "route", "--batch", str(src), "-o", str(out), "--workers", str(w)], e, cwd=tmp)
                runs.setdefault(w, []).append(n / t)
                with open(out, "rb") as fh:
                    got = [json.loads(line)["row"] for line in fh]
                assert got == list(range(1, n + 1)), "output rows are not the input rows in order"
            rates[w] = statistics.median(runs[w])
        ones[n] = rates[1]
        each = (f", median of {repeats} runs: " + ", ".join(f"{r:,.0f}" for r in runs[1])) if repeats > 1 else ""
        row("batch", f"{fmt_n(n)} cases, 1 process: {rates[1]:,.0f} cases/s ({n / rates[1]:.1f} s, end to end{each})",
            "", "≥ 1,500 cases/s on one core", rates[1] >= 1500)
        eff = rates[workers] / (workers * rates[1])
        each = (f" (median of {repeats}: " + ", ".join(f"{r:,.0f}" for r in runs[workers]) + ")") if repeats > 1 else ""
        row("batch", f"{fmt_n(n)} cases, --workers {workers}: {rates[workers]:,.0f} cases/s{each}",
            f"{workers} × the 1-process rate = {workers * rates[1]:,.0f} cases/s → {eff:.0%} of linear",
            "near-linear: ≥ 80% of linear", eff >= 0.8)
        (tmp / f"out-{n}-1.jsonl").unlink()
        (tmp / f"out-{n}-{workers}.jsonl").unlink()
    src = tmp / f"cases-{sizes[-1]}.jsonl"
    b = py_json(BREAKDOWN.replace("sys.argv[1]", repr(str(src))).replace("sys.argv[2]", "3000"), e)
    per = lambda k: b[k] * 1000  # noqa: E731
    detail(f"where one case's time goes (in-process, 3,000 cases, ms per case): matching {per('match'):.3f}, "
           f"rule engine {per('engine'):.3f}, rest of routing (parse, facts, decisions, deadlines, warnings) "
           f"{per('rest'):.3f}, JSON output {per('output'):.3f} ({b['bytes']:,.0f} bytes per case); "
           f"sum {per('route') + per('output'):.3f} ms → at most {1 / (b['route'] + b['output']):,.0f} cases/s "
           f"on one core before process start-up and file I/O")
    for n in sizes:
        (tmp / f"cases-{n}.jsonl").unlink()


# ---- 3. engine cost --------------------------------------------------------------------------
ENGINE = r'''
import json, time, statistics
from collections import defaultdict, deque
from router.decide.route import Router
from router.decide.case import parse_case
from router.decide.generate import generate_cases
from router.engine.driver import _QuietHost, compile_ruleset
router = Router()
cat, engine = router.catalog, router.engine
factsets = []
for c in generate_cases(cat, 2000, seed=17):
    case = parse_case(c)
    place, rep = cat.resolve_place(case.place), cat.resolve_reporter(case.reported_by)
    ids = list(dict.fromkeys(cat.matter(m).id for m in case.matters))
    factsets.append([router.case_fact(case, place, rep)] + [router.matter_fact(m, place, case) for m in ids])
# Bare durable-rules: the same ruleset on its own host, each action asserting the facts the
# engine's action derived for that firing (a dictionary lookup): durable's own cost for the same
# chain of firings, with the least Python an action can do.
recorded = []
for fs in factsets:
    derived, firings = engine.evaluate(fs)
    per_rule = defaultdict(list)
    for f in firings:
        per_rule[f.rule].append([{k: v for k, v in a.items() if k != "sid"} for a in f.asserted])
    recorded.append((per_rule, derived))
current = [None]
def replay(name):
    def action(c):
        for fact in current[0][name].popleft():
            c.assert_fact(dict(fact))
    return action
host, bare_name = _QuietHost(), "bare_reference"
host.register_rulesets({bare_name: compile_ruleset(engine.rules, {r.name: replay(r.name) for r in engine.rules})})
def bare(i, fs):
    current[0] = {k: deque(v) for k, v in recorded[i][0].items()}
    sid = f"b{i}"
    for fact in fs:
        host.assert_fact(bare_name, {**fact, "sid": sid})
    out = host.get_facts(bare_name, sid)
    host.delete_state(bare_name, sid)
    return out
# The same chain driven through durable's C core with the least Python possible (the way
# Engine.evaluate drives it): assert, take the next action, assert what was recorded (the types a
# rule can read; JSON by orjson, as the engine does), complete.
import durable_rules_engine as dre
host.register_rulesets({"bare_c": compile_ruleset(engine.rules, {r.name: replay(r.name) for r in engine.rules}, sink=False)})
chandle = host.get_ruleset("bare_c")._handle
import orjson
consumed = engine._consumed  # the fact types some rule's condition accepts (the rest never reach durable)
def bare_c(i, fs):
    pending = {k: deque(v) for k, v in recorded[i][0].items()}
    sid = f"c{i}"
    out = list(fs)
    for fact in fs:
        if consumed is not None and fact["t"] not in consumed:
            continue
        code, state = dre.assert_fact(chandle, orjson.dumps({**fact, "sid": sid}).decode())
        started = dre.start_action_for_state(chandle, state) if code == 0 else None
        message = started[1] if started else None
        while message:
            name = next(iter(orjson.loads(message)))
            for f in pending[name].popleft():
                if consumed is None or f["t"] in consumed:
                    dre.assert_fact(chandle, orjson.dumps({**f, "sid": sid}).decode())
                out.append(f)
            message = dre.complete_and_start_action(chandle, state)
    # Read back, as the issue defines the reference (assert_fact + get_facts + delete_state); the
    # engine itself needs no read-back (it keeps the facts it asserted), so `out` is compared.
    orjson.loads(dre.get_facts(chandle, sid))
    dre.delete_state(chandle, sid)
    return out
key = lambda facts: sorted(json.dumps({k: v for k, v in f.items() if k != "sid"}, sort_keys=True, ensure_ascii=False) for f in facts)
same = all(key(bare(i, fs)) == key(recorded[i][1]) == key(bare_c(i, fs)) for i, fs in enumerate(factsets))
ev, br, bc = [], [], []
for _ in range(7):
    t = time.perf_counter()
    for fs in factsets:
        engine.evaluate(fs)
    ev.append((time.perf_counter() - t) / len(factsets))
    t = time.perf_counter()
    for i, fs in enumerate(factsets):
        bare(i, fs)
    br.append((time.perf_counter() - t) / len(factsets))
    t = time.perf_counter()
    for i, fs in enumerate(factsets):
        bare_c(i, fs)
    bc.append((time.perf_counter() - t) / len(factsets))
# The router around the engine: everything route_case does except matching and the engine.
cases = [c for c in generate_cases(cat, 2000, seed=17)]
spent = [0.0]
real = engine.evaluate
def timed(facts):
    t = time.perf_counter(); r = real(facts); spent[0] += time.perf_counter() - t; return r
engine.evaluate = timed
rest = []
for _ in range(5):
    spent[0] = 0.0
    t = time.perf_counter()
    for c in cases:
        router.route_safe(c)
    rest.append((time.perf_counter() - t - spent[0]) / len(cases))
engine.evaluate = real
facts = sum(len(fs) for fs in factsets) / len(factsets)
print(json.dumps({"same": same, "evaluate": statistics.median(ev), "bare_python": statistics.median(br),
                  "bare": statistics.median(bc),
                  "router_rest": statistics.median(rest), "facts": facts}))
'''


def bench_engine(tmp: Path) -> None:
    say("3. Engine cost per case (2,000 generated cases with matter ids: 1-3 matters, all flags and events)")
    e = env(tmp / "cache")
    r = py_json(ENGINE, e)
    ev, bare, rest = r["evaluate"] * 1e6, r["bare"] * 1e6, r["router_rest"] * 1e6
    over = (ev - bare) / bare
    row("engine", f"Engine.evaluate: {ev:.0f} µs per case ({r['facts']:.1f} base facts; firings recorded "
        f"for --explain, every action checked)",
        f"bare durable-rules, the same facts and firings driven through its C core with nothing else "
        f"(assert_fact, start/complete action, get_facts, delete_state; results identical: "
        f"{'yes' if r['same'] else 'NO'}): {bare:.0f} µs → overhead {ev - bare:.0f} µs = {over:.2f}× "
        f"the engine's own cost", "overhead ≤ 0.5× the engine's own cost", over <= 0.5 and r["same"])
    detail(f"the same chain through durable's own Python host instead: {r['bare_python'] * 1e6:.0f} µs "
           f"per case ({r['bare_python'] / r['bare']:.1f}× the C core): why router/engine/driver.py "
           f"drives the C core (the host builds a Closure, starts a lease timer and writes the state "
           f"back for every action)")
    row("engine", f"the rest of routing around the engine (parse, facts, decisions, deadlines, warnings; "
        f"no matching): {rest:.0f} µs per case", f"{rest / bare:.2f}× the bare engine's {bare:.0f} µs",
        "- (for information: a ratio to the engine's cost that a slower engine would improve, so "
        "not a target; the target above is the overhead around the engine)", None)


# ---- 4. memory -------------------------------------------------------------------------------
MEMORY = r'''
import json, os, yaml
from router.decide.route import Router
from router.decide.generate import generate_cases
def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
texts = [d["text"] for d in yaml.safe_load(open("tests/matching/dev.yaml", encoding="utf-8"))]
router = Router()
marks = {}
N = __N__
for i, case in enumerate(generate_cases(router.catalog, N, seed=99, texts=texts, text_share=1.0, vary=True), 1):
    json.dumps(router.route_safe(case), ensure_ascii=False)
    if i in (1000, N // 10, N // 2, N):
        marks[i] = rss()
print(json.dumps(marks))
'''


def bench_memory(tmp: Path, quick: bool) -> None:
    n = 10_000 if quick else 100_000
    say(f"4. Memory: RSS of one process routing {fmt_n(n)} generated free-text cases (Router.route_safe + JSON)")
    marks = {int(k): v for k, v in py_json(MEMORY.replace("__N__", str(n)), env(tmp / "cache")).items()}
    growth = (marks[n] - marks[1000]) / 2**20
    row("memory", f"RSS after {fmt_n(n)} cases: {marks[n] / 2**20:.1f} MB", f"after 1,000 cases: "
        f"{marks[1000] / 2**20:.1f} MB → growth {growth:+.1f} MB "
        f"(at {fmt_n(n // 10)}: {marks[n // 10] / 2**20:.1f} MB, at {fmt_n(n // 2)}: {marks[n // 2] / 2**20:.1f} MB)",
        "growth ≤ 5 MB", growth <= 5)


# ---- 5. catalog scale ------------------------------------------------------------------------
SCALE_LOAD = r'''
import json, sys, time
import router.decide.route, router.matching.matcher, router.catalog.workdays, router.matching.textnorm  # imports are the cold-start figure
from router.files.cache import load_state
from router.engine.driver import Engine
t = time.perf_counter()
catalog, rules = load_state(__ROOT__)
t1 = time.perf_counter()
Engine(rules)
t2 = time.perf_counter()
print(json.dumps({"load": t1 - t, "engine": t2 - t1, "matters": len(catalog.matters), "batches": len(catalog.batches)}))
'''

SCALE_MATCH = r'''
import json, statistics, time
from router.files.cache import load_state
catalog, _ = load_state(__ROOT__)
m = catalog.matcher
texts = json.load(open(__TEXTS__, encoding="utf-8"))
for t in texts[:50]:
    m.match(t)
times, hits, total = [], 0, 0
for t, want in zip(texts, __WANT__):
    a = time.perf_counter(); r = m.match(t); times.append(time.perf_counter() - a)
    if want:
        total += 1
        hits += want in r.selected or want in r.routed()
times.sort()
print(json.dumps({"median": statistics.median(times), "p90": times[int(len(times) * 0.9)], "max": times[-1],
                  "n": len(times), "hits": hits, "total": total}))
'''

SCALE_EDIT = r'''
import json
from router.files.cache import load_state
catalog, _ = load_state(__ROOT__)
print(json.dumps({"name": catalog.matters[__MID__].name}))
'''


def bench_scale(tmp: Path, quick: bool) -> None:
    import scale
    n_matters, n_batches = (1000, 100) if quick else (5000, 500)
    say(f"5. Catalog scale: a generated catalog of {fmt_n(n_matters)} matters and {n_batches} batches "
        "(bench/scale.py: the real catalog plus generated matters, batches and matching knowledge)")
    root = tmp / "scale-catalog"
    t = time.perf_counter()
    info = scale.generate(root, ROOT / "catalog", n_matters, n_batches)
    gen = time.perf_counter() - t
    sizes = ", ".join(f"{k} {v / 2**20:.1f} MB" for k, v in info["bytes"].items())
    detail(f"generated in {gen:.1f} s: {info['matters']:,} matters, {info['batches']} batches; {sizes}")
    cache = tmp / "scale-cache"
    e = env(cache)
    code = SCALE_LOAD.replace("__ROOT__", repr(str(root)))
    first = py_json(code, e)
    detail(f"first load, no cache (YAML parsing, checks, matcher compilation, cache write): {first['load']:.1f} s")
    loads = [py_json(code, e) for _ in range(5 if quick else 7)]
    load = statistics.median(x["load"] for x in loads) * 1000
    eng = statistics.median(x["engine"] for x in loads) * 1000
    row("scale", f"load, warm cache: {load:.0f} ms median in a fresh process (catalog, calendar, matching "
        f"knowledge and rules; module imports excluded: see 1.)",
        f"the real 47-matter catalog: {_small_load(tmp) * 1000:.0f} ms; engine build {eng:.1f} ms",
        "≤ 100 ms warm", load <= 100)
    # the cache is invalidated by an edit
    edited = root / "matters.yaml"
    original = edited.read_text(encoding="utf-8")
    mid = info["descriptions"][0][1]
    edited.write_text(original.replace(f"id: {mid}\n  name: 对在", f"id: {mid}\n  name: 改过的对在", 1), encoding="utf-8")
    after = py_json(SCALE_EDIT.replace("__ROOT__", repr(str(root))).replace("__MID__", repr(mid)), e)["name"]
    edited.write_text(original, encoding="utf-8")
    back = py_json(SCALE_EDIT.replace("__ROOT__", repr(str(root))).replace("__MID__", repr(mid)), e)["name"]
    ok = after.startswith("改过的") and not back.startswith("改过的")
    detail(f"cache invalidation: after editing {mid}'s name in matters.yaml the next load shows "
           f"“{after[:14]}…”; after restoring it, “{back[:14]}…” → {'correct' if ok else 'WRONG'}")
    texts = dev_texts()
    gen_texts = [t for t, _ in info["descriptions"]]
    all_texts = texts + gen_texts
    want = [None] * len(texts) + [m for _, m in info["descriptions"]]
    tfile = tmp / "scale-texts.json"
    tfile.write_text(json.dumps(all_texts, ensure_ascii=False), encoding="utf-8")
    mt = py_json(SCALE_MATCH.replace("__ROOT__", repr(str(root))).replace("__TEXTS__", repr(str(tfile)))
                 .replace("__WANT__", repr(want)), e)
    small = py_json(SCALE_MATCH.replace("load_state(__ROOT__)", "load_state()").replace("__TEXTS__", repr(str(tfile)))
                    .replace("__WANT__", repr([None] * len(all_texts))), e)
    row("scale", f"matching: {mt['median'] * 1000:.1f} ms per description at the median (p90 "
        f"{mt['p90'] * 1000:.1f}, max {mt['max'] * 1000:.1f}; {mt['n']} descriptions: {len(texts)} from "
        f"tests/matching/dev.yaml, {len(gen_texts)} aimed at generated matters)",
        f"the real catalog, same descriptions: {small['median'] * 1000:.2f} ms median",
        "≤ 20 ms per description at the median", mt["median"] * 1000 <= 20)
    detail(f"sanity: {mt['hits']} of {mt['total']} descriptions aimed at a generated matter found it")
    check = wall([ZHIFA, "catalog", "check", "--catalog", str(root)], e, cwd=tmp)
    real = wall([ZHIFA, "catalog", "check"], e, cwd=tmp)
    row("scale", f"`zhifa catalog check --catalog <{fmt_n(n_matters)} matters>`: {check:.1f} s",
        f"the real catalog: {real:.1f} s", "≤ 5 s", check <= 5)
    _check_profile(root, e)


def bench_register(tmp: Path, quick: bool, workers: int, pg: str | None) -> None:
    """bench/register.py in its own process: batch registration, `due` and `stats`."""
    n_batch, n_cases = (5_000, 50_000) if quick else (100_000, 1_000_000)
    dbs = "SQLite" + (" and PostgreSQL" if pg else " (PostgreSQL: set ZHIFA_BENCH_PG or --pg)")
    say(f"6. Case register on {dbs}: a {fmt_n(n_batch)}-case hotline batch registered "
        f"(`zhifa route --batch --register --workers {workers}`); `zhifa due` and `zhifa stats` for a year on "
        f"{fmt_n(n_cases)} cases × 5 events (bench/register.py)")
    out = tmp / "register.json"
    cmd = [PY, str(ROOT / "bench" / "register.py"), "--batch", str(n_batch), "--cases", str(n_cases),
           "--workers", str(workers), "--json", str(out)] + (["--pg", pg] if pg else [])
    e = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.run(cmd, env=e, capture_output=True, text=True, cwd=tmp, timeout=4 * 3600)
    if run.returncode != 0:
        row("register", "bench/register.py failed: " + (run.stderr.strip().splitlines() or ["?"])[-1], "", "-", False)
        return
    for line in run.stdout.splitlines():
        if line.lstrip().startswith("filled"):
            detail(line.strip())
    for db, figures in json.loads(out.read_text(encoding="utf-8")).items():
        b, d = figures.get("batch"), figures.get("due")
        if b:
            ref = (f"routing alone in one process (Router.route, first {b['route_sample']:,} rows): "
                   f"{b['route_only_rate']:,.0f} cases/s")
            if b.get("single_rate"):
                ref += f"; the register in one process: {b['single_rate']:,.0f} cases/s"
            row("register", f"batch registration of {fmt_n(b['n'])} cases into {db}: {b['rate']:,.0f} cases/s "
                f"({b['seconds']:.1f} s; re-run {b['rerun_seconds']:.1f} s, {b['rerun_new']} registered again)",
                ref, "≥ 1,000 cases/s", b["rate"] >= 1000)
        if d:
            row("register", f"`due` on {fmt_n(d['cases'])} cases in {db}: {d['due_ms']:.0f} ms median "
                f"({d['due_rows']:,} duties; runs {', '.join(f'{x:.0f}' for x in d['due_runs_ms'])} ms)",
                f"--body 岳村镇: {d['due_body_ms']:.0f} ms", "≤ 200 ms", d["due_ms"] <= 200)
            row("register", f"`stats` for {d['stats_year']} on {fmt_n(d['cases'])} cases in {db}: {d['stats_s']:.2f} s "
                f"median (runs {', '.join(f'{x:.2f}' for x in d['stats_runs_s'])} s)",
                f"SELECT count(*) FROM events: {d['count_events_s']:.2f} s", "≤ 2 s", d["stats_s"] <= 2)


def _small_load(tmp: Path) -> float:
    code = SCALE_LOAD.replace("load_state(__ROOT__)", "load_state()")
    e = env(tmp / "cache")
    py_json(code, e)
    return statistics.median(py_json(code, e)["load"] for _ in range(5))


CHECK_PROFILE = r'''
import json, time
from pathlib import Path
root = Path(__ROOT__)
out = {}
from router.files.yamlio import load_file
for n in ("matters.yaml", "batches.yaml", "matching.yaml"):
    t = time.perf_counter(); load_file(root / n); out["yaml " + n] = time.perf_counter() - t
from router.catalog.load import load_catalog
import router.files.yamlio as yamlio
yamlio._PARSED.clear()  # parse again: the step's time includes YAML, as in a real check
t = time.perf_counter(); cat = load_catalog(root, check_extras=True); out["load_catalog + calendar + matcher (incl. YAML)"] = time.perf_counter() - t
try:
    from router.policy import lint
    t = time.perf_counter(); notes = lint.lint(cat); out[f"router/lint.py notices ({len(notes)})"] = time.perf_counter() - t
    for name in ("matching_overlaps", "unreached_matters"):
        t = time.perf_counter(); n = len(getattr(lint, name)(cat)); out[f"  of which {name} ({n})"] = time.perf_counter() - t
except Exception as exc:
    out["lint failed"] = 0.0
print(json.dumps(out))
'''


def _check_profile(root: Path, e: dict) -> None:
    try:
        prof = py_json(CHECK_PROFILE.replace("__ROOT__", repr(str(root))), e)
    except Exception as exc:  # noqa: BLE001 - the profile is only an explanation
        detail(f"(check profile unavailable: {str(exc).splitlines()[-1][:200]})")
        return
    detail("where the check's time goes (one run, s): " + "; ".join(f"{k} {v:.1f}" for k, v in prof.items()))


# ---- matching ----------------------------------------------------------------------------------
# The next round's fresh tuning sets (NOT_YET, kept in bench/items.py) are shown after the sets rounds
# have tuned on. Which sets are tuned on and which are frozen is read from the folder, so a set written
# later is never left out.


def bench_matching() -> None:
    """Every labelled set side by side, the tuned ones beside the frozen ones, so the gap between
    what the matcher was tuned on and unseen text is always in view (issue 14)."""
    from router.catalog.load import load_catalog
    from router.matching.evaluate import TARGETS, evaluate, format_sets, load_cases

    say("6. Matching: every labelled set (tests/matching/), tuned sets beside the frozen ones")
    cat = load_catalog(ROOT / "catalog")
    names = {m.id: m.name for m in cat.matters.values()}
    from items import NOT_YET, frozen_sets, tuning_sets
    tuned, frozen = tuning_sets(), frozen_sets()
    fresh = [p for p in tuned if p.stem in NOT_YET]
    reports = [dataclasses.replace(evaluate(cat.matcher, load_cases(path, names)), name=path.stem)
               for path in [p for p in tuned if p not in fresh] + fresh + frozen]
    for line in format_sets(reports).splitlines():
        say("   " + line)
    for r in reports[len(tuned):]:      # the frozen sets
        for label, value, target, low in (("single-matter top-1", r.top1, TARGETS["top1"], True),
                                          ("short phrasings to the right family", r.short_share,
                                           TARGETS["short_family"], True),
                                          ("multi-matter recall", r.multi_recall, TARGETS["multi_recall"], True),
                                          ("multi-matter precision", r.multi_precision,
                                           TARGETS["multi_precision"], True),
                                          ("out-of-catalog wrongly routed", r.nofit_routed_share,
                                           TARGETS["nofit_routed"], False)):
            if value is None:
                continue
            ok = value >= target if low else value <= target
            row("matching", f"{r.name} (frozen): {label}: {value:.1%}", "",
                f"{'≥' if low else '≤'} {target:.0%}", ok)
        row("matching", f"{r.name} (frozen): median {r.median_ms:.2f} ms, p99 {r.p99_ms:.2f} ms", "",
            f"median ≤ {TARGETS['median_ms']:.0f} ms, p99 ≤ {TARGETS['p99_ms']:.0f} ms",
            r.median_ms <= TARGETS["median_ms"] and r.p99_ms <= TARGETS["p99_ms"])


# ---- main ------------------------------------------------------------------------------------
def main() -> int:
    ap = argparse.ArgumentParser(description="zhifa benchmarks (see the module docstring)")
    ap.add_argument("--quick", action="store_true", help="small sizes: a quick look, not the targets' sizes")
    ap.add_argument("--only", default="cold,batch,engine,memory,scale,register,matching",
                    help="comma-separated sections: cold,batch,engine,memory,scale,register,matching")
    ap.add_argument("--pg", default=os.environ.get("ZHIFA_BENCH_PG") or os.environ.get("ZHIFA_TEST_PG"),
                    help="register section: also on this PostgreSQL server (a fresh database, dropped after)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="processes for the pool figure")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    sections = [s.strip() for s in args.only.split(",") if s.strip()]
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "?"
    say(f"zhifa benchmark — {time.strftime('%Y-%m-%d %H:%M')}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}, commit {commit}{' (quick)' if args.quick else ''}")
    try:
        load = os.getloadavg()[0]
        say(f"load average at start: {load:.2f}" + ("  (other work is running: figures will be noisier)"
                                                     if load > 1.0 else ""))
    except OSError:
        pass
    say(f"CPU speed now: {cpu_speed() * 1000:.0f} ms for a fixed pure-Python loop of 10,000,000 steps "
        "(best of 3; on a shared virtual machine it varies by tens of percent over the day, and every "
        "absolute figure below with it)")
    tmp = Path(tempfile.mkdtemp(prefix="zhifa-bench-"))
    started = time.perf_counter()
    try:
        for s in sections:
            say()
            t = time.perf_counter()
            {"cold": lambda: bench_cold(tmp, args.quick),
             "batch": lambda: bench_batch(tmp, args.quick, args.workers),
             "engine": lambda: bench_engine(tmp),
             "memory": lambda: bench_memory(tmp, args.quick),
             "scale": lambda: bench_scale(tmp, args.quick),
             "register": lambda: bench_register(tmp, args.quick, args.workers, args.pg),
             "matching": bench_matching}[s]()
            say(f"   ({time.perf_counter() - t:.0f} s)")
    finally:
        if args.keep:
            say(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    say()
    say(f"CPU speed at the end: {cpu_speed() * 1000:.0f} ms for the same loop")
    say(f"Summary ({time.perf_counter() - started:.0f} s):")
    for section, figure, _, target, ok in RESULTS:
        say(f"  {verdict(ok):5s}  [{section}] {figure.split(':')[0]} — target {target}")
    held = sum(1 for r in RESULTS if r[4])
    say(f"  {held} of {sum(1 for r in RESULTS if r[4] is not None)} targets hold")
    return 0


if __name__ == "__main__":
    gc.collect()
    sys.exit(main())
