"""The case register as a clerk sees it in a terminal: timelines, duties, due lists, statistics.
Renderers fill a Page; cli.py prints it."""
from __future__ import annotations

from rich.table import Table

from router.register.kinds import STATS_COLUMNS as COLUMNS
from router.render.terminal import Page


def render_duties(con: Page, duties: list[dict]) -> None:
    if not duties:
        con.print("没有待办义务。")
        return
    t = Table(title="待办义务")
    for col in ("义务", "单位", "截止", "状态", "依据"):
        t.add_column(col, overflow="fold")
    for d in duties:
        state = "[red]逾期[/red]" if d["overdue"] else "待办"
        if d.get("escalation"):
            state += "\n" + d["escalation"]["text"]
        t.add_row(d["label"], d["body"], (d["deadline"] or "未规定").replace("T", " "), state, "\n".join(d["cite"]))
    con.print(t)


def render_case(con: Page, view: dict) -> None:
    con.print(f"案件 {view['case']}（{view['body']}，发现于 {view['found_at'].replace('T', ' ')}）", markup=False)
    t = Table(title="时间线")
    for col in ("序号", "时间", "事件", "单位", "经办人", "说明"):
        t.add_column(col, overflow="fold")
    for e in view["events"]:
        note = "；".join(x for x in (e["note"], e["reason"] and f"理由：{e['reason']}",
                                     e["supersedes"] and f"更正事件 {e['supersedes']}",
                                     e["superseded_by"] and f"已被事件 {e['superseded_by']} 更正") if x)
        t.add_row(str(e["id"]), e["at"].replace("T", " "), e["label"], e["body"], e["user"], note,
                  style="dim" if e["superseded_by"] else None)
    con.print(t)
    if view.get("documents"):
        d = Table(title="文书")
        for col in ("文书", "发文字号", "主送", "生成时间", "经办人", "文件"):
            d.add_column(col)
        for doc in view["documents"]:
            d.add_row(doc["title"] or doc["kind"], doc["number"] or "", "、".join(doc["receivers"]),
                      doc["at"].replace("T", " "), f"{doc['by']} {doc['user']}", doc["file"] or "")
        con.print(d)
    render_duties(con, view["duties"])


def render_due(con: Page, rows: list[dict]) -> None:
    t = Table(title=f"到期和逾期的义务（{len(rows)} 项）")
    for col in ("案件", "义务", "单位", "截止", "状态"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(r["case"], r["label"], r["body"], r["deadline"].replace("T", " "),
                  "[red]逾期[/red]" if r["overdue"] else "将到期")
    con.print(t)


def render_stats(con: Page, result) -> None:
    t = Table(title=f"{result.start} 至 {result.end} 各单位协作配合情况（五.4）")
    for key, label in COLUMNS.items():
        t.add_column(label, justify="left" if key == "body" else "right", overflow="fold")
    for r in result.bodies:
        cells = [r[k] for k in COLUMNS]
        t.add_row(*["—" if v is None else f"{v:.0%}" if k == "share_on_time" else str(v)
                    for k, v in zip(COLUMNS, cells)])
    con.print(t)


def render_ledger(con: Page, result, skip_bad: bool) -> None:
    for p in result.problems:
        con.print(str(p), markup=False)
    if result.problems and not skip_bad:
        con.print(f"{len(result.problems)} 处错误，未写入任何行（改正后重试，或加 --skip-bad 只写入通过的行）", markup=False)
        return
    con.print(f"共 {result.rows} 行：写入 {result.written} 件，此前已导入 {result.existing} 件", markup=False)


def render_register_check(con: Page, report) -> None:
    con.print(f"案件 {report.cases} 件，事件 {report.events} 个，义务 {report.duties} 项", markup=False)
    for p in report.problems:
        con.print(f"[red]问题[/red] {p}")
    if report.more:
        con.print(f"另有 {report.more} 处问题未列出", markup=False)
    con.print("台账一致。" if report.ok else f"发现 {len(report.problems) + report.more} 处问题。", markup=False)


def render_letter(con: Page, result: dict) -> None:
    again = f"（重新生成，沿用事件 {result['reissue_of']} 的发文字号）" if result.get("reissue_of") else ""
    con.print(f"已生成{result['title']} {result['number']}{again}：{result['file']}", markup=False)
    con.print(f"发文机关 {result['sender']} → 主送 {'、'.join(result['receivers'])}；已记入案件 {result['case']} "
              f"的时间线（事件 {result['event']}）", markup=False)
    if result.get("pdf"):
        con.print(f"PDF：{result['pdf']}", markup=False)
