"""A demo register: one clerk account per body (13 townships/streets, the departments), two
supervisors and a policy officer, and cases between them in every state — referred and waiting,
received, opened, closed and fed back, overdue, refused — dated in the last weeks so the inbox
has something in each section. Used by `zhifa serve --demo` and the browser tests."""
from __future__ import annotations

import random
import secrets
from datetime import datetime, timedelta, timezone

from router.model.clock import CST
from router.model.lazydc import dataclass
from router.register.services import add_event, register_case

from . import auth

TEXTS = [
    ("国道边上摆摊卖西瓜，占了半条道", "department"),
    ("国道两边摆满了小吃和水果摊，路都变窄了，买东西的车直接停在路上", "department"),
    ("有货车在路口红绿灯旁边倒建筑垃圾，已经堆成堆了", "township"),
    ("村口空地被人晚上偷偷倒了旧家具和生活垃圾，臭味很远都能闻到", "township"),
    ("渣土车滴撒漏严重，路面全是泥沙，沿街房子外墙都是灰", "township"),
    ("工地从晚上十点干到凌晨四点，天天吵得睡不着", "any"),
    ("有居民晚上从楼上扯电线下来给电动车充电", "department"),
    ("镇上天天有人烧秸秆，浓烟呛人，学生上课都得捂着鼻子", "any"),
    ("村民没批就占了耕地盖房子", "any"),
    ("楼道、电线杆、车库门上贴满了办证小广告", "township"),
    ("乡道一半被拿来晒粮食，车只能逆行，路中间还摆着石块和酒瓶", "department"),
    ("人行道上占道经营，绿化带也被踩坏了", "township"),
    ("底商开了一排烧烤火锅店，油烟熏得居民没法开窗", "any"),
]
POLICY_LOGIN = "政策室"


@dataclass(frozen=True)
class DemoLogin:
    login: str
    body: str
    role: str
    password: str


def demo_accounts(catalog) -> list[tuple[str, str, str]]:
    """(login, body, role): a clerk per township/street and department, two supervisors, policy."""
    out = [(t.name, t.body, "clerk") for t in catalog.townships.values()]
    taken = {o[0] for o in out}
    for d in catalog.departments.values():
        login = next((a for a in d.aliases if a not in taken), None) or d.name
        taken.add(login)
        out.append((login, d.name, "clerk"))
    out += [("司法局", "华龙区司法局", "supervisor"), ("区政府办", "华龙区人民政府", "supervisor"),
            (POLICY_LOGIN, "华龙区司法局", "policy")]
    return out


def seed(reg, *, password: str | None = None, cases: int = 60, now: datetime | None = None,
         seed_value: int = 17) -> list[DemoLogin]:
    """Create the demo accounts and cases. Returns the logins (all share one random password)."""
    password = password or secrets.token_urlsafe(9)
    catalog = reg.router.catalog
    logins = []
    for login, body, role in demo_accounts(catalog):
        auth.add_user(reg.db, catalog, login, body=body, role=role, password=password, name=login, by="演示数据")
        logins.append(DemoLogin(login, body, role, password))
    now = now or datetime.now(timezone.utc)
    rng = random.Random(seed_value)
    towns = list(catalog.townships.values())
    depts = [d for d in catalog.departments.values() if "公安" not in d.name]
    for i in range(cases):
        text, who = TEXTS[i % len(TEXTS)]
        town = rng.choice(towns)
        kind = who if who != "any" else rng.choice(["township", "department"])
        reporter = town.body if kind == "township" else rng.choice(depts).name
        found = now - timedelta(days=rng.uniform(0.2, 20), hours=rng.uniform(0, 8))
        raw = {"text": text, "place": town.name, "reported_by": reporter,
               "at": found.astimezone(CST).strftime("%Y-%m-%dT%H:%M"),
               "channel": "complaint" if rng.random() < 0.3 else "inspection"}
        if rng.random() < 0.15:
            raw["ongoing"] = True
        reg.user = "演示数据"
        out = register_case(reg, raw, source="demo", external_id=f"demo-{i}")
        _progress(reg, out, found, now, rng)
    return logins


def _progress(reg, out, found: datetime, now: datetime, rng: random.Random) -> None:
    """Move a demo case along: referral sent, received, opened, closed, fed back (or refused)."""
    for d in out.result["decisions"]:
        ref = d.get("referral")
        if not ref:
            if d.get("action") == "handle" and rng.random() < 0.6:
                _event(reg, out.number, "opened", d["jurisdiction"]["body"], found + timedelta(hours=5), now)
            continue
        stage = rng.random()
        if stage < 0.25:
            return  # not yet referred: due soon or overdue for the finder
        t = found + timedelta(hours=rng.uniform(2, 30))
        if not _event(reg, out.number, "sent", ref["from"], t, now):
            return
        if stage < 0.45:
            return  # waiting in the receiver's inbox
        t += timedelta(hours=rng.uniform(1, 20))
        if stage < 0.52:
            _event(reg, out.number, "refused", ref["to"], t, now, reason="认为不属于本单位管辖（演示）")
            return
        if not _event(reg, out.number, "received", ref["to"], t, now):
            return
        t += timedelta(hours=rng.uniform(2, 48))
        if stage < 0.7 or not _event(reg, out.number, "opened", ref["to"], t, now):
            return
        t += timedelta(days=rng.uniform(1, 5))
        if stage < 0.85 or not _event(reg, out.number, "closed", ref["to"], t, now):
            return
        _event(reg, out.number, "fed_back", ref["to"], t + timedelta(days=rng.uniform(0.5, 6)), now)
        return


def _event(reg, number, kind, body, at: datetime, now: datetime, **kw) -> bool:
    if at > now:
        return False
    reg.user = "演示数据"
    add_event(reg, number, kind, by=body, at=at.astimezone(CST).isoformat(timespec="minutes"), now=now, **kw)
    return True
