"""What a clerk or policy officer sees in a terminal: each renderer writes the lines of one
result (a decision, a match, a catalog check, a listing…) into a Page of rich renderables.
Renderers never print; cli.py prints the Page on the console it owns."""
from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from rich.cells import cell_len
from rich.columns import Columns
from rich.console import Console, ConsoleOptions
from rich.markup import escape
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from router.render import NOTICE_EXAMPLES


class Page:
    """The lines a renderer produced, in order: what `Console.print` will be called with."""

    def __init__(self) -> None:
        self.items: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def print(self, *objects: Any, **options: Any) -> None:
        self.items.append((objects, options))


def _problem_lines(con: Page, problems) -> None:
    for p in problems:
        tag = "[red]错误[/red]" if p.severity == "error" else "[yellow]提示[/yellow]"
        con.print(f"{tag} ", end="", markup=True)
        con.print(str(p), markup=False)


def _problem_block(con: Page, tag: str, style: str, problems, indent: str = "") -> None:
    """One line per problem, printed at once: rich takes ~0.5 ms a line when each is a print
    of its own and wrapped by rich (30,000 notices were 12 s); the terminal wraps long lines."""
    text = Text()
    for p in problems:
        text.append(indent)
        text.append(tag, style=style)
        text.append(f" {p}\n")
    con.print(text, end="", soft_wrap=True)


def render_catalog_check(con: Page, report, *, show_all: bool = False) -> None:
    if report.errors:  # every error, never shortened: each one stops the catalog from loading
        _problem_block(con, "错误", "red", report.errors)
        con.print(f"共 {len(report.errors)} 处错误", markup=False)
        return
    groups = report.notice_groups()
    shortened = False
    for _kind, heading, notices in groups:
        # A kind with a few more than the limit is listed whole: "1 more not shown" helps no one.
        full = show_all or len(notices) <= NOTICE_EXAMPLES + NOTICE_EXAMPLES // 2
        shown = notices if full else notices[:NOTICE_EXAMPLES]
        con.print(f"[yellow]提示[/yellow] [bold]{escape(heading)}[/bold]：{len(notices)} 条"
                  + ("" if full else f"，以下是前 {len(shown)} 条"), markup=True, soft_wrap=True)
        _problem_block(con, "提示", "yellow", shown, indent="  ")
        if not full:
            shortened = True
            con.print(f"  …… 另有 {len(notices) - len(shown)} 条同类提示未列出", markup=False)
    if shortened:
        con.print("（提示较多的类别只列出前 {} 条；`zhifa catalog check --all` 逐条列出全部提示，"
                  "`--json` 输出全部错误和提示）".format(NOTICE_EXAMPLES), markup=False, soft_wrap=True)
    con.print("目录和规则检查通过" + (f"（另有 {len(report.notices)} 条提示，不影响使用）" if report.notices else ""),
              markup=False)


def check_json(report) -> dict:
    def one(p, kind=None) -> dict:
        d = {"file": p.file, "entry": p.entry, "key": p.key, "message": p.message}
        return {"kind": kind, **d} if kind else d
    return {
        "ok": report.ok,
        "errors": [one(p) for p in report.errors],
        "notices": [one(p, report.kind_of.get(p, "other")) for p in report.notices],
        "notice_kinds": [{"kind": k, "heading": h, "count": len(ps)} for k, h, ps in report.notice_groups()],
    }


def import_json(result) -> dict:
    return {
        "file": result.file, "catalog": result.root, "rows": result.rows, "dry_run": result.dry_run,
        "unchanged": result.unchanged, "written": result.written,
        "problems": [{"severity": p.severity, "file": p.file, "entry": p.entry, "column": p.key,
                      "message": p.message} for p in result.problems],
        "check": [str(p) for p in result.check],
        "new_matters": [{"id": i, "name": n, "row": w} for i, n, w in result.new_matters],
        "recognised": [{"id": i, "how": h, "row": w} for i, h, w in result.recognised],
        "batches": [{"id": i, "status": s, "matters": n} for i, s, n in result.batches],
        "superseded": [{"id": i, "ends": d.isoformat()} for i, d in result.superseded],
        "matching_stubs": result.stubs,
        "diff": result.diff.to_json() if result.diff is not None else None,
    }


def render_import(con: Page, result) -> None:
    con.print(f"读取 {result.file}：{result.rows} 行事项", markup=False)
    _problem_lines(con, result.problems)
    if result.errors:
        con.print(f"[red]表格中有 {len(result.errors)} 处错误，未写入。[/red]请修改表格后重新导入。")
        return
    for mid, name, where in result.new_matters:
        con.print(f"  新事项 {mid}（建议编号）{name}  ← {where}", markup=False)
    for mid, how, where in result.recognised:
        con.print(f"  识别为 {mid}：{how}  ← {where}", markup=False)
    for bid, status, n in result.batches:
        con.print(f"  批次 {bid}：{status}，{n} 个事项", markup=False)
    for bid, day in result.superseded:
        con.print(f"  批次 {bid}：自 {day} 起收回（--supersede）", markup=False)
    for mid in result.stubs:
        con.print(f"  matching.yaml：为 {mid} 添加了占位条目，请补充匹配线索", markup=False)
    if result.unchanged:
        con.print("与目录一致，没有变化，未写入。")
        return
    if result.check:
        con.print("[red]导入后的目录未通过检查，未写入：[/red]")
        _problem_lines(con, result.check)
        return
    if result.diff is not None:
        render_diff(con, result.diff)
    if result.written:
        con.print(f"[green]已写入[/green] {result.root}（matters.yaml、batches.yaml），导入后的目录已通过检查。"
                  "请在 CHANGELOG.md 中记录受影响的事项和日期。")
    else:
        con.print("（--dry-run：以上为将发生的变化，未写入）")


def _window(w) -> str:
    return w.label()


def render_diff(con: Page, d) -> None:
    con.print(f"[bold]目录变更：{d.old_label} → {d.new_label}[/bold]")
    if d.empty:
        con.print("两个目录的事项、批次和推定完全相同。")
    names = d.names
    if d.added or d.removed or d.matter_changes:
        con.print("[bold]一、事项[/bold]")
        for m in d.added:
            con.print(f"  新增 {m.id} {m.name}（{m.department}）", markup=False)
        for m in d.removed:
            con.print(f"  删除 {m.id} {m.name}", markup=False)
        for c in d.matter_changes:
            kind = {"name": "改名", "legal_basis": "依据改变", "department": "部门改变"}.get(c.key, c.label)
            con.print(f"  {kind} {c.matter}：“{_plain(c.old)}” → “{_plain(c.new)}”", markup=False)
    if d.batch_changes or d.assumption_changes:
        con.print("[bold]二、下放批次与推定[/bold]")
        for b in d.batch_changes:
            label = {"added": "新增批次", "removed": "删除批次", "changed": "修改批次"}[b.kind]
            con.print(f"  {label} {b.batch}：{'；'.join(b.details)}", markup=False)
        for aid, kind, old, new in d.assumption_changes:
            label = {"added": "新增推定", "removed": "删除推定", "changed": "修改推定"}[kind]
            con.print(f"  {label} {aid}：{new or old}", markup=False)
    for year, kind, days in d.calendar_changes:
        label = {"added": "新录入", "removed": "删除", "changed": "修改"}[kind]
        con.print(f"  节假日安排：{label} {year} 年" + (f"，{len(days)} 天的工作日/休息日不同（跨这些日期的移送期限会改变）："
                                                     + "；".join(days[:6]) + ("…" if len(days) > 6 else "") if days else ""),
                  markup=False)
    if d.bodies:
        con.print("[bold]三、各乡镇街道和部门获得、失去的事项[/bold]")
        # Townships/streets with the same change on one line (named as groups when whole).
        towns: dict[tuple, list[str]] = {}
        departments = []
        for b in d.bodies:
            if len(b.townships) == 1 and b.body.startswith(b.townships[0]):
                towns.setdefault((b.kind, b.matter, b.window, b.counterpart, b.batch), []).append(b.body)
            else:
                departments.append(b)
        for (kind, mid, window, other, batch), bodies in towns.items():
            sign = "获得" if kind == "gained" else "失去"
            why = (f"批次 {batch}；" if batch else "") + ("此前：" if kind == "gained" else "改由：") + (other or "目录中无此事项")
            con.print(f"  {d.bodies_text(bodies)} {sign} {mid} {names.get(mid, '')[:30]}，{_window(window)}（{why}）",
                      markup=False)
        for b in departments:
            sign = "获得" if b.kind == "gained" else "失去"
            other = ("此前：" if b.kind == "gained" else "改由：") + (b.counterpart or "目录中无此事项")
            con.print(f"  {b.body} {sign} {b.matter} {names.get(b.matter, '')[:30]}，在{d.bodies_text(b.townships)}，"
                      f"{_window(b.window)}（{other}）", markup=False)
    if d.notifications:
        con.print(f"[bold]四、须相互通报（{len(d.notifications)} 项；华龙法政办〔2021〕13号 三（二）、四（三））[/bold]")
        for i, n in enumerate(d.notifications, 1):
            by = f"，{n.by} 前" if n.by else "，及时"
            con.print(f"  {i}. {d.bodies_text(n.senders)} → {d.bodies_text(n.recipients)}"
                      f"：{n.matter} {names.get(n.matter, '')[:24]}——{n.text}（{n.clause}{by}）", markup=False)
    for note in d.notes:
        con.print(f"  · {note}", markup=False)
    if d.impact is not None:
        im = d.impact
        con.print(f"[bold]五、对案件的影响[/bold]：重放 {im.replayed} 个案件，{im.cases_changed} 个的管辖、处理方式或期限改变"
                  + (f"，{len(im.skipped)} 个无法重放" if im.skipped else ""))
        if im.changed:
            t = Table()
            for col in ("案件", "事项", "改变", "原来", "改后"):
                t.add_column(col, overflow="fold", no_wrap=col in ID_COLUMNS)
            for c in im.changed:
                for i, (what, old, new) in enumerate(c.changes):
                    t.add_row(f"{c.source} {c.name[:30]}" if i == 0 else "", c.matter if i == 0 else "", what, old, new)
            con.print(t)
        for source, reason in im.skipped:
            con.print(f"  · 无法重放 {source}：{reason}", markup=False)


def _plain(v) -> str:
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, (list, tuple)):
        return "、".join(map(str, v))
    return "（无）" if v is None else str(v)


BASIS_NAMES = {"delegated": "下放", "statutory": "法定", "department": "部门"}


def render_listing(con: Page, listing) -> None:
    field_note = f"，领域：{listing.only_field}" if listing.only_field else ""
    if listing.body is None:
        t = Table(title=f"{listing.as_of} 各事项由谁行使{field_note}")
        for col in ("编号", "事项", "领域", "下放给（批次 · 文件）", "其余地方"):
            t.add_column(col, overflow="fold", no_wrap=col in ID_COLUMNS)
        for r in listing.rows:
            cell = "\n".join(f"{listing.places_text(ts)}（{b.id} · {b.number}）" for b, ts in r.delegated) or "—"
            t.add_row(r.matter.id, r.matter.name, r.matter.field, cell, r.elsewhere)
        con.print(t)
        con.print(f"共 {len(listing.rows)} 个事项，其中 {sum(1 for r in listing.rows if r.delegated)} 个在 {listing.as_of} 有下放")
        return
    t = Table(title=f"{listing.body} 在 {listing.as_of} 行使的事项{field_note}")
    if listing.body_kind == "township":
        for col in ("编号", "事项", "领域", "依据", "批次", "文件"):
            t.add_column(col, overflow="fold", no_wrap=col in ID_COLUMNS)
        for h in listing.holdings:
            t.add_row(h.matter, h.name, h.field, BASIS_NAMES[h.basis], h.batch or "—", h.document or "法律直接规定")
    else:
        for col in ("编号", "事项", "领域", "本部门行使的地方", "已下放的地方"):
            t.add_column(col, overflow="fold", no_wrap=col in ID_COLUMNS)
        for h in listing.holdings:
            t.add_row(h.matter, h.name, h.field, "全部" if not h.except_ else (listing.places_text(h.where) or "—"),
                      listing.places_text(h.except_) or "—")
    con.print(t)
    con.print(f"共 {len(listing.holdings)} 个事项", markup=False)


def render_matter(con: Page, view) -> None:
    m = view.matter
    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold", no_wrap=True)
    head.add_column(overflow="fold")
    head.add_row("编号", m.id)
    head.add_row("名称", m.name)
    head.add_row("领域", m.field)
    head.add_row("原实施部门", m.department + (f"（推定 {m.department_assumption}）" if m.department_assumption else ""))
    if m.statutory:
        head.add_row("法定职权", m.statutory_holder or "乡、镇人民政府")
    head.add_row("事项类型", m.kind)
    head.add_row("实施依据", m.legal_basis + ("" if m.basis_checked else "（未核对）"))
    head.add_row("列入情况", "已确认" if m.listed == "confirmed" else "推断（是否列入濮阳目录系推断）")
    head.add_row("出处", "\n".join(m.sources))
    if m.note:
        head.add_row("备注", m.note)
    con.print(head)
    if view.batches:
        t = Table(title="下放批次")
        for col in ("批次", "时间", "承接主体", "文件", "推定"):
            t.add_column(col, overflow="fold", no_wrap=col in ID_COLUMNS)
        for b in view.batches:
            t.add_row(b.id, f"{b.effective} 起" + (f"至 {b.ends} 前" if b.ends else ""), "、".join(b.bodies),
                      b.number, "、".join(b.assumptions) or "—")
        con.print(t)
    else:
        con.print("未下放给任何乡镇街道。")
    t = Table(title=f"{view.as_of} 各乡镇街道由谁行使")
    for col in ("乡镇街道", "行使主体", "依据", "批次"):
        t.add_column(col, overflow="fold", no_wrap=col in ID_COLUMNS)
    for town, body, basis, batch in view.holders:
        t.add_row(town, body, BASIS_NAMES[basis], batch or "—")
    con.print(t)
    for aid, text in view.assumptions:
        con.print(f"[yellow]推定 {aid}[/yellow]：", end="")
        con.print(text, markup=False)


def render_calendar_add(con: Page, result) -> None:
    a = result.arrangement
    con.print(f"{result.year}年节假日安排（来源：{a.source}）：{a.title or '（无标题）'}，{a.published or '（无发布日期）'} 发布",
              markup=False)
    for name, start, end in sorted(a.holidays, key=lambda h: h[1]):
        con.print(f"  放假 {name}：{start} 至 {end}，共 {(end - start).days + 1} 天", markup=False)
    for day, name in sorted(a.makeups):
        con.print(f"  上班 {day}（{'一二三四五六日'[day.weekday()]}）：{name}", markup=False)
    _problem_lines(con, result.problems)
    if result.errors:
        con.print(f"[red]有 {len(result.errors)} 处错误，未写入。[/red]")
    elif result.written:
        con.print(f"[green]已写入[/green] {result.file}" + ("（替换原文件）" if result.replaced else "")
                  + f"。请用 zhifa calendar show {result.year} 逐月核对，并在 CHANGELOG.md 中记录。", markup=True)
    else:
        con.print("（--dry-run：将写入以下内容，未写入）")
        con.print(result.text, markup=False)


# ---- rendering (rich) -----------------------------------------------------------------------
ID_COLUMNS = ("编号", "批次")  # codes stay on one line; names and documents fold instead of being cut
STYLE_WARN = "yellow"
SCHEME = {"handle": "green", "refer": "cyan", "redirect": "magenta", "close_no_violation": "blue",
          "outside_district": "red", "township_error": "yellow"}


WEEKDAYS = "一二三四五六日"
_MATTER_NOTE = re.compile(r"^([A-Z]{2}-\d{2,4})：(.*)$", re.S)


def _deadline_text(referral: dict) -> str:
    """The deadline with its weekday, and why a weekend day counts (e.g. 周六，调休上班日)."""
    when = datetime.fromisoformat(referral["deadline"])
    text = f"{when:%Y-%m-%d %H:%M:%S}（周{WEEKDAYS[when.weekday()]}"
    day = next((d for d in referral.get("count", {}).get("days", []) if d["date"] == when.date().isoformat()), None)
    if day and day["kind"] == "makeup_workday":
        text += f"，{day['name'] or ''}调休上班日，计为工作日"
    if referral.get("count", {}).get("provisional"):  # a year with no official arrangement
        text += "，推定，可能因调休改变"
    return text + "）"


def _grouped(notes: list[str]) -> list[str]:
    """A note that several matters share is shown once, naming them all (JT-01、JT-03：…)."""
    order: dict[str, list[str]] = {}
    for note in notes:
        m = _MATTER_NOTE.match(note)
        key, matter = (m.group(2), m.group(1)) if m else (note, None)
        order.setdefault(key, [])
        if matter and matter not in order[key]:
            order[key].append(matter)
    return [f"{'、'.join(ms)}：{text}" if ms else text for text, ms in order.items()]


def _bullets(items: list[str], style: str) -> Table:
    """A bulleted list whose lines wrap under their own text, filled to the edge: Chinese wraps
    between any two characters, and a break at a space (before “A1：…”) would leave a short line
    and a bullet far from its words."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("  ·", _filled(item, style))
    return grid


class _Filled:
    """Text that fills each line and breaks between characters, never at a space: the way
    Chinese is set (rich breaks at spaces, which leaves short lines when a code such as
    “HN-2025-TOWNSHIPS” sits in a Chinese sentence)."""

    def __init__(self, text: str, style: str = "") -> None:
        self.text, self.style = text, style

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(2, max(2, cell_len(self.text)))

    def __rich_console__(self, console: Console, options: ConsoleOptions):
        for line in _fill_lines(self.text, max(2, options.max_width)):
            yield Text(line, style=self.style)


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-:/_%]*|.", re.S)
_NO_LINE_START = set("，。；：、）》〉」』”’！？%")  # a line never starts with these (as in print)
_NO_LINE_END = set("（《〈「『“‘")  # nor ends with these


def _fill_lines(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells, broken between characters; a run of Latin letters and
    digits (a code, a number, a date) stays whole unless it is wider than a line, and closing
    punctuation never starts a line."""
    if "\n" in text:
        return [line for part in text.split("\n") for line in _fill_lines(part, width)]
    lines: list[list[str]] = [[]]
    used = 0
    for token in _TOKEN.findall(text):
        w = cell_len(token)
        if used + w > width and lines[-1]:
            carry: list[str] = []
            if token in _NO_LINE_START:  # bring the last word (and its own closing marks) down
                while len(lines[-1]) > 1 and len(carry) < 4:
                    carry.insert(0, lines[-1].pop())
                    if carry[0] not in _NO_LINE_START:
                        break
            while len(lines[-1]) > 1 and lines[-1][-1] in _NO_LINE_END and len(carry) < 5:
                carry.insert(0, lines[-1].pop())  # an opening mark goes down with its words
            lines.append(carry)
            used = sum(cell_len(x) for x in carry)
        while w > width:  # a code wider than a whole line: fold it
            head, token = token[:width - used], token[width - used:]
            lines[-1].append(head)
            lines.append([])
            used, w = 0, cell_len(token)
        lines[-1].append(token)
        used += w
    return ["".join(line) for line in lines]


def _add(table: Table, *cells) -> None:
    """A row whose text cells fill their lines the Chinese way (see _Filled)."""
    table.add_row(*(_filled(c) if isinstance(c, str) else c for c in cells))


def _filled(text: str, style: str = "") -> _Filled:
    return _Filled(text, style)


def _highlighted(text: str, spans: list[dict]):
    out = Text(text)
    for span in spans:
        out.stylize("bold reverse", span["start"], span["end"])
    return out


def _cites(cites: list[str]) -> str:
    """Mechanism clauses on one line (华龙法政办〔2021〕13号 三；四（一）1…), statutes after it."""
    seed = "华龙法政办〔2021〕13号"
    clauses = [c[len(seed):].strip() for c in cites if c.startswith(seed)]
    others = [c for c in cites if not c.startswith(seed)]
    lines = [f"{seed} " + "；".join(dict.fromkeys(clauses))] if clauses else []
    return "\n".join(lines + others)


def render_decision(con: Page, result: dict, *, explain: bool = False) -> None:
    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold", no_wrap=True)
    head.add_column(overflow="fold")
    if result.get("id") is not None:
        _add(head, "案件编号", str(result["id"]))
    place = result["place"]
    _add(head, "发生地", place["name"] + (f"（{place['body']}，{place['type']}）" if place["body"] else "（区外）"))
    by = result["reported_by"]
    _add(head, "上报单位", by["name"] + (f"（输入为“{by['as_typed']}”）" if by["as_typed"] else ""))
    _add(head, "时间", result["at"].replace("T", " "))
    _add(head, "来源", "群众投诉举报" if result["channel"] == "complaint" else "执法检查、日常监管")
    match = result.get("match")
    if match:
        spans = [sp for c in match["candidates"] if c["selected"] for sp in c["spans"]]
        _add(head, "描述", _highlighted(match["text"], spans))
    con.print(head)
    for choice in result.get("choices") or []:
        t = Table.grid(padding=(0, 1))
        t.add_column(style="bold", no_wrap=True)
        t.add_column(overflow="fold")
        _add(t, "类别", choice.get("family") or "—")
        _add(t, "请问清", choice.get("question") or "描述不足以区分下列事项")
        for matter, name in zip(choice["matters"], choice.get("names") or choice["matters"]):
            _add(t, matter, name)
        con.print(Panel(t, title="需要办事员选择事项（问清后用 --matter 指定）", title_align="left",
                        border_style=STYLE_WARN))
    asked = result.get("asked_about") or []
    for a in asked:
        con.print(Text(a["note"], style="bold blue"))
    if not result["decisions"] and not result.get("choices") and not asked:
        con.print(Text("没有可路由的事项。", style="bold red"))
    for d in result["decisions"]:
        t = Table.grid(padding=(0, 1))
        t.add_column(style="bold", no_wrap=True)
        t.add_column(overflow="fold")
        j = d["jurisdiction"]
        juris = (j["body"] or "不属本区") + f"（{j['basis_label']}"
        if j.get("batch"):
            juris += f"；批次 {j['batch']}，{j['document']}，{j['batch_window'][0]} 起"
            juris += f"至 {j['batch_window'][1]} 前" if j["batch_window"][1] else ""
        _add(t, "事项", d["name"])
        _add(t, "管辖", juris + "）")
        _add(t, "处理", Text(d["action_label"], style=f"bold {SCHEME.get(d['action'], '')}"))
        r = d["referral"]
        if r:
            _add(t, "移送", f"{r['from']} → {r['to']}（以机关名义）")
            _add(t, "时限", _filled(f"{r['rule_label']}，截止 {_deadline_text(r)}"))
            _add(t, "材料", "；".join(r["materials"]))
        for e in d["escalations"]:
            line = f"{e['text']}（送 {e['to']}" + (f"，抄送 {'、'.join(e['cc'])}" if e["cc"] else "") + "）"
            if e.get("deadline"):
                line += f"，截止 {e['deadline'].replace('T', ' ')}"
            _add(t, Text("上报", style="bold red"), line)
            for limit in e.get("time_limits", []):
                _add(t, "", f"· {limit}")
            if e.get("materials"):
                _add(t, "", "· 材料：" + "；".join(e["materials"]))
            if e.get("note"):
                _add(t, "", f"· {e['note']}")
        for duty in d["duties"]:
            _add(t, "义务", f"{duty['by']}：{duty['text']}")
        for n in d["notices"]:
            _add(t, "说明", n)
        _add(t, "事项依据", d["legal_basis"] + ("" if d["basis_checked"] else "（未核实）"))
        _add(t, "规则依据", _cites(d["cites"]))
        title = f"{d['matter']} {d['action_label']}"
        con.print(Panel(t, title=title, title_align="left",
                        border_style=SCHEME.get(d["action"], "white")))
        if explain and r:
            days = Table(title=f"{d['matter']} 期限逐日计算（自 {r['count']['start'].replace('T', ' ')} 起）")
            days.add_column("日期", overflow="fold")
            days.add_column("计算", overflow="fold")
            for day in r["count"]["days"]:
                days.add_row(day["date"], day["label"], style=None if day["counted"] else "dim")
            if r["count"]["days"]:
                con.print(days)
            for b in r["count"]["basis"]:
                con.print(f"  · {b}", markup=False)
    shown = {a["note"] for a in result.get("asked_about") or ()}   # (printed above as the answer)
    warnings = [w for w in result["warnings"] if w not in shown]
    if warnings:
        con.print(Text("注意（推定、未核实的信息和需要人工确认的情况）：", style=f"bold {STYLE_WARN}"))
        con.print(_bullets(_grouped(warnings), STYLE_WARN))
    if explain and result.get("trace"):
        tr = Table(title="规则触发过程")
        tr.add_column("#", overflow="fold")
        tr.add_column("规则", overflow="fold")
        tr.add_column("条款", overflow="fold")
        tr.add_column("说明", overflow="fold")
        tr.add_column("理由", overflow="fold")
        for i, f in enumerate(result["trace"], 1):
            tr.add_row(str(i), f["rule"], f["clause"], f["title"], f.get("reason", ""))
        con.print(tr)


def render_match(con: Page, result) -> None:
    data = result.to_json()
    spans = [sp for c in data["candidates"] if c["selected"] for sp in c["spans"]]
    con.print(_highlighted(data["text"], spans))
    status = {"matched": "已匹配", "no_fit": "目录中没有相符的事项", "ambiguous": "难以区分，请人工选择"}
    con.print(f"结论：{status.get(data['status'], data['status'])}"
              + (f"（{'、'.join(data['selected'])}）" if data["selected"] else ""))
    if data["candidates"]:  # (a family offered on its everyday word alone has none: no empty table)
        t = Table()
        for col in ("事项", "得分", "选中", "理由"):
            t.add_column(col, overflow="fold", no_wrap=col in ID_COLUMNS)
        for c in data["candidates"]:
            t.add_row(c["matter"], f"{c['score']:.2f}", "✓" if c["selected"] else "",
                      "；".join(c["reasons"]))
        con.print(t)
    for group in data["ambiguous"]:
        con.print(f"[yellow]难以区分：{' / '.join(group)}（路由时用 zhifa route --matter 指定）[/yellow]")
    if data["notes"]:
        con.print(_bullets(data["notes"], ""))


def render_check(con: Page, outcomes, counts: dict[str, int]) -> None:
    failed = [o for o in outcomes if not o.ok]
    for o in failed:
        con.print(f"[red]失败[/red] {o.fixture.file} [{o.fixture.index}] {o.fixture.name}")
        for m in o.mismatches:
            con.print(f"    {m}", markup=False)
    con.print(f"案例 {len(outcomes)} 个：{len(outcomes) - len(failed)} 个通过，{len(failed)} 个失败")
    con.print("按条款：" + "，".join(f"{k} {v}" for k, v in counts.items()), markup=False)
    # The plain closing line CI reads.
    con.print(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed", markup=False)


def render_summary(con: Page, summary) -> None:
    con.print(f"共 {summary.total + summary.skipped} 行：本次处理 {summary.total} 行，{summary.total - summary.failed} 行成功，"
              f"{summary.failed} 行失败" + (f"，{summary.skipped} 行此前已完成（--resume 跳过）" if summary.skipped else "")
              + (f"，其中 {summary.failed_earlier} 行为错误行" if summary.failed_earlier else ""),
              markup=False)
    labels = {"handle": "自行办理", "refer": "移送", "redirect": "告知转办", "close_no_violation": "答复登记",
              "outside_district": "区外", "township_error": "纠正意见"}
    if summary.by_action:
        con.print("按处理方式：" + "，".join(f"{labels.get(k, k)} {v}" for k, v in summary.by_action.most_common()),
                  markup=False)
    if summary.by_body:
        con.print("按管辖主体：" + "，".join(f"{k} {v}" for k, v in summary.by_body.most_common(8)), markup=False)
    for row, message in summary.errors[:5]:
        con.print(f"  第 {row} 行：{message}", markup=False)


def render_cross(con: Page, n: int, bad) -> None:
    for d in bad:
        con.print(f"[red]不一致[/red] 案件 {json.dumps(d.case, ensure_ascii=False)}")
        con.print(f"    规则引擎：{json.dumps(d.engine, ensure_ascii=False)[:2000]}", markup=False)
        con.print(f"    独立求值器：{json.dumps(d.oracle, ensure_ascii=False)[:2000]}", markup=False)
        con.print(f"    引擎触发的规则：{', '.join(d.engine_rules)}", markup=False)
        con.print(f"    求值器触发的规则：{', '.join(d.oracle_rules)}", markup=False)
    con.print(f"交叉核对 {n} 个案件：{n - len(bad)} 个一致，{len(bad)} 个不一致")


def render_calendar(con: Page, cal, year: int) -> None:
    provisional = cal.is_provisional(year)
    if provisional:
        con.print(f"[yellow]{year}年节假日安排尚未录入（待国务院办公厅通知）：以下“推”“补”为按"
                  "《全国年节及纪念日放假办法》推定的法定节假日和补假，调休放假、调休上班日尚不可知；"
                  f"通知公布后请用 zhifa calendar add {year} 录入，届时以通知为准[/yellow]")
        listed = Table.grid(padding=(0, 1))
        listed.add_column(no_wrap=True)
        listed.add_column(overflow="fold")
        for h in cal.holidays(year):  # a grid: a long line wraps under its text, not its bullet
            listed.add_row("  ·", Text(f"{h['text']}：推定，待国务院办公厅通知"))
        con.print(listed)
    elif not cal.covers(year):
        con.print(f"[yellow]{year}年的节假日安排未录入：以下仅区分周末与工作日[/yellow]")
    else:
        con.print(f"{year}年节假日安排来源：{cal.describe_source(year)}", markup=False)
    tables = []
    for month in range(1, 13):
        view = cal.month_view(year, month)
        t = Table(title=f"{month}月", show_edge=False, pad_edge=False)
        for wd in view["weekdays"]:
            t.add_column(wd, justify="right", overflow="fold")
        for week in view["weeks"]:
            row = []
            for cell in week:
                if cell is None:
                    row.append("")
                    continue
                if cell["kind"] == "holiday" and cell["provisional"]:
                    style, mark = "bold yellow", "补" if cell["substitute"] else "推"
                else:
                    style = {"holiday": "bold red", "makeup_workday": "bold green", "weekend": "dim"}.get(cell["kind"], "")
                    mark = "休" if cell["kind"] == "holiday" else "班" if cell["kind"] == "makeup_workday" else ""
                row.append(f"[{style}]{cell['day']}{mark}[/{style}]" if style else str(cell["day"]))
            t.add_row(*row)
        tables.append(t)
    con.print(Columns(tables))
    if provisional:
        con.print("图例：[bold yellow]推[/bold yellow] 法定节假日（推定）  [bold yellow]补[/bold yellow] "
                  "法定节假日适逢周末的补假（推定）  [dim]灰色[/dim] 周末；均待国务院办公厅通知")
    else:
        con.print("图例：[bold red]休[/bold red] 法定节假日放假  [bold green]班[/bold green] 调休上班  [dim]灰色[/dim] 周末")


# ---- entry point ---------------------------------------------------------------------------
