"""zhifa command line: parses options, calls one library function, renders the result.

Only this module knows about a terminal; `router/` never prints or exits.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Iterator

import click

EXIT_OK = 0          # 成功
EXIT_INPUT = 1       # 输入有误（案件字段、选项、文件）
EXIT_PARTIAL = 2     # 批量处理中有案件失败（其余案件已输出）
EXIT_CATALOG = 3     # 目录（catalog/ 或 rules/）有误
EXIT_INTERNAL = 4    # 内部错误（规则引擎故障或程序缺陷）
EXIT_INTERRUPTED = 130  # 被中断（Ctrl-C）

EXIT_HELP = """\b
退出码：
  0    成功
  1    输入有误（案件字段、选项或文件）
  2    批量处理中有案件失败（其余案件照常输出）
  3    目录（catalog/ 或 rules/）有误
  4    内部错误（规则引擎故障或程序缺陷）；加 --traceback 或设置 ZHIFA_TRACEBACK=1 查看详情
  130  被中断（Ctrl-C）
"""


def _console(stderr: bool = False):
    from rich.console import Console
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


class _Fail(Exception):
    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def _router(catalog: str | None):
    from router.route import Router
    return Router(catalog_root=catalog)


catalog_option = click.option("--catalog", "catalog", type=click.Path(file_okay=False),
                              envvar="ZHIFA_CATALOG", help="目录文件夹（默认为随程序提供的 catalog/）")


@click.group(help="华龙区乡镇街道综合行政执法管辖路由（依据 华龙法政办〔2021〕13号）。\n\n" + EXIT_HELP,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--traceback", "show_traceback", is_flag=True, help="出错时显示 Python 调用栈（开发人员用）")
@click.pass_context
def cli(ctx: click.Context, show_traceback: bool) -> None:
    ctx.obj = {"traceback": show_traceback or os.environ.get("ZHIFA_TRACEBACK") == "1"}


# ---- route ---------------------------------------------------------------------------------
@cli.command(help="判断一个案件（或一批案件）由谁管辖、办理还是移送、何时截止、需要上报什么。\n\n"
                  "例：zhifa route \"人行道上占道经营\" --place 岳村镇 --by 城管局 --at 2025-09-01T10:00")
@click.argument("text", required=False)
@click.option("--place", help="发生地：乡镇街道名称或简称，如 岳村镇、中原路街道、中原办")
@click.option("--by", "reported_by", help="上报（发现或受理）单位：乡镇街道或区直部门，含其执法大队、中队")
@click.option("--at", "at", help="发现或受理时间，如 2026-03-02T09:30（默认北京时间；默认为现在）")
@click.option("--channel", type=click.Choice(["inspection", "complaint"]), default=None,
              help="来源：inspection 执法检查、日常监管发现（默认）；complaint 群众投诉举报")
@click.option("--complaint", is_flag=True, help="同 --channel complaint")
@click.option("--urgent", is_flag=True, help="情况紧急（24小时内移送）")
@click.option("--ongoing", is_flag=True, help="违法行为正在进行（立即劝阻并书面告知）")
@click.option("--crime", "suspected_crime", is_flag=True, help="涉嫌犯罪（移送公安机关）")
@click.option("--event", "events", multiple=True,
              help="事件，可多次使用：written_materials, verified_no_violation, dispute_unresolved, "
                   "notified_refused, enforcement_error, major_lead, major_hazard")
@click.option("--matter", "matters", multiple=True, help="直接指定事项编号（跳过文本匹配），可多次使用")
@click.option("--id", "case_id", help="案件编号（原样返回）")
@click.option("--batch", "batch", type=str,
              help="批量：案件文件（.jsonl 每行一个 JSON；.csv/.xlsx 首行为表头）；- 表示标准输入（JSON Lines）")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="批量结果写入文件：.jsonl、.csv 或 .xlsx（按扩展名；默认 JSON Lines 到标准输出）")
@click.option("--resume", is_flag=True, help="批量：从输出文件中已完成的最后一行之后继续，不重做、不遗漏")
@click.option("--workers", type=click.IntRange(1, 64), default=1, help="批量：并行的工作进程数（默认 1）")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@click.option("--explain", is_flag=True, help="附上规则触发过程和期限逐日计算")
@catalog_option
@click.pass_context
def route(ctx, text, place, reported_by, at, channel, complaint, urgent, ongoing, suspected_crime,
          events, matters, case_id, batch, output, resume, workers, as_json, explain, catalog):
    if batch:
        if text or place or reported_by:
            raise _Fail("使用 --batch 时，案件字段写在文件的每一行中，不能同时给出描述、--place 或 --by", EXIT_INPUT)
        return _route_batch(batch, output, explain, catalog, workers=workers, resume=resume)
    raw: dict[str, Any] = {"text": text, "place": place, "reported_by": reported_by, "at": at,
                           "channel": "complaint" if complaint else channel, "urgent": urgent,
                           "ongoing": ongoing, "suspected_crime": suspected_crime,
                           "events": list(events), "matter": list(matters)}
    if case_id is not None:
        raw["id"] = case_id
    raw = {k: v for k, v in raw.items() if v not in (None, [], False)}
    result = _router(catalog).route(raw, explain=explain)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        render_decision(_console(), result, explain=explain)


def _route_batch(source: str, output: str | None, explain: bool, catalog: str | None,
                 workers: int = 1, resume: bool = False) -> None:
    from router.batch import run_batch
    err = _console(stderr=True)
    bar = None
    if err.is_terminal:
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn,
                                   TextColumn, TimeRemainingColumn)
        bar = Progress(TextColumn("路由"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                       TextColumn("{task.fields[rate]} 件/秒"), TimeRemainingColumn(), console=err)
        task = bar.add_task("batch", total=None, rate="-")
        bar.start()

    def progress(done: int, total: int | None) -> None:
        if bar is not None:
            elapsed = bar.tasks[0].elapsed or 0
            rate = f"{done / elapsed:,.0f}" if elapsed > 0 else "-"
            bar.update(task, completed=done, total=total, rate=rate)

    try:
        summary = run_batch(source, output, catalog_root=catalog, workers=workers, resume=resume,
                            explain=explain, progress=progress)
    finally:
        if bar is not None:
            bar.stop()
    render_summary(err, summary)
    if summary.failed:
        raise _Fail("", EXIT_PARTIAL)


def _read_lines(source: str):
    from router.batch import read_cases
    return read_cases(source)


# ---- match ---------------------------------------------------------------------------------
@cli.command(help="显示一段描述匹配到的候选事项、得分和理由。\n\n"
                  "加 --eval FILE（可多次）：在标注好的描述集上评估匹配器，并与基线（与官方事项名称的"
                  "字符二元组相似度）并列显示各项指标；未达目标时退出码为 2。")
@click.argument("text", required=False)
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@click.option("--eval", "eval_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="评估：标注集 YAML（如 tests/matching/dev.yaml）")
@catalog_option
def match(text, as_json, eval_files, catalog):
    from router.catalog import load_catalog
    cat = load_catalog(catalog)
    if eval_files:
        from router.match_eval import Baseline, evaluate, format_report, load_cases
        names = {m.id: m.name for m in cat.matters.values()}
        missed = False
        for path in eval_files:
            cases = load_cases(path, names)
            ours = evaluate(cat.matcher, cases, name="匹配器")
            base = evaluate(Baseline(names), cases, name="基线")
            if as_json:
                click.echo(json.dumps({"file": path, "matcher": ours.to_json(), "baseline": base.to_json()},
                                      ensure_ascii=False))
            else:
                click.echo(f"== {path}")
                click.echo(format_report(ours, base))
            missed = missed or bool(ours.targets_met())
        if missed:
            raise _Fail("", EXIT_PARTIAL)
        return
    if not text:
        raise _Fail("请给出要匹配的描述文本，或用 --eval 指定标注集", EXIT_INPUT)
    result = cat.matcher.match(text)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        render_match(_console(), result)


# ---- check (fixtures) ----------------------------------------------------------------------
@cli.command(help="运行案例（tests/cases/*.yaml），逐一对照预期结论；失败时显示预期与实际。\n\n"
                  "加 --cross FILE：用规则引擎和独立的纯 Python 求值器分别处理 FILE（JSON Lines）中的每个案件，"
                  "报告两者不一致之处（目录或规则修改后使用）。")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--cross", "cross", type=str, help="交叉核对：JSON Lines 案件文件，- 表示标准输入")
@click.option("--generated", type=int, default=0, help="交叉核对时另加 N 个随机生成的案件")
@catalog_option
def check(paths, cross, generated, catalog):
    router = _router(catalog)
    if cross or generated:
        from router.crosscheck import CrossChecker
        from router.generate import generate_cases
        cases = [item for _, item in _read_lines(cross)] if cross else []
        cases += list(generate_cases(router.catalog, generated))
        n, bad = CrossChecker(router).check(cases)
        render_cross(_console(), n, bad)
        if bad:
            raise _Fail("", EXIT_PARTIAL)
        return
    from router.fixtures import clause_counts, load_fixtures, run_fixture
    fixtures = load_fixtures(list(paths) or None)
    outcomes = [run_fixture(router, fx) for fx in fixtures]
    render_check(_console(), outcomes, clause_counts(fixtures))
    if any(not o.ok for o in outcomes):
        raise _Fail("", EXIT_PARTIAL)


# ---- catalog -------------------------------------------------------------------------------
@cli.group(name="catalog", help="目录（事项、主体、下放批次、节假日、匹配知识）的检查与查看。")
def catalog_group():
    pass


@catalog_group.command(name="check", help="检查目录和规则，一次报告全部问题；有错误时以退出码 3 结束。")
@catalog_option
def catalog_check(catalog):
    from router.catalog import load_catalog
    from router.errors import CatalogError
    from router.rules import load_rules
    problems = []
    for loader in (lambda: load_catalog(catalog, check_extras=True), load_rules):
        try:
            loader()
        except CatalogError as exc:
            problems.extend(exc.problems)
    con = _console()
    if problems:
        for p in problems:
            con.print(f"[red]错误[/red] {p}", markup=True)
        con.print(f"共 {len(problems)} 处错误")
        raise _Fail("", EXIT_CATALOG)
    con.print("目录和规则检查通过")


# ---- calendar ------------------------------------------------------------------------------
@cli.group(name="calendar", help="法定节假日与调休安排。")
def calendar_group():
    pass


@calendar_group.command(name="show", help="按月显示某年的节假日和调休上班日。")
@click.argument("year", type=int)
@catalog_option
def calendar_show(year, catalog):
    from router.catalog import load_catalog
    cal = load_catalog(catalog).calendar
    render_calendar(_console(), cal, year)


# ---- rendering (rich) -----------------------------------------------------------------------
STYLE_WARN = "yellow"
SCHEME = {"handle": "green", "refer": "cyan", "redirect": "magenta", "close_no_violation": "blue",
          "outside_district": "red"}


def _highlighted(text: str, spans: list[dict]):
    from rich.text import Text
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


def render_decision(con, result: dict, *, explain: bool = False) -> None:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text
    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold", no_wrap=True)
    head.add_column(overflow="fold")
    if result.get("id") is not None:
        head.add_row("案件编号", str(result["id"]))
    place = result["place"]
    head.add_row("发生地", place["name"] + (f"（{place['body']}，{place['type']}）" if place["body"] else "（区外）"))
    by = result["reported_by"]
    head.add_row("上报单位", by["name"] + (f"（输入为“{by['as_typed']}”）" if by["as_typed"] else ""))
    head.add_row("时间", result["at"].replace("T", " "))
    head.add_row("来源", "群众投诉举报" if result["channel"] == "complaint" else "执法检查、日常监管")
    match = result.get("match")
    if match:
        spans = [sp for c in match["candidates"] if c["selected"] for sp in c["spans"]]
        head.add_row("描述", _highlighted(match["text"], spans))
    con.print(head)
    if not result["decisions"]:
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
        t.add_row("管辖", juris + "）")
        t.add_row("处理", Text(d["action_label"], style=f"bold {SCHEME.get(d['action'], '')}"))
        r = d["referral"]
        if r:
            t.add_row("移送", f"{r['from']} → {r['to']}（以机关名义）")
            t.add_row("时限", f"{r['rule_label']}，截止 {r['deadline'].replace('T', ' ')}")
            t.add_row("材料", "；".join(r["materials"]))
        for e in d["escalations"]:
            line = f"{e['text']}（送 {e['to']}" + (f"，抄送 {'、'.join(e['cc'])}" if e["cc"] else "") + "）"
            if e.get("deadline"):
                line += f"，截止 {e['deadline'].replace('T', ' ')}"
            t.add_row(Text("上报", style="bold red"), line)
            for limit in e.get("time_limits", []):
                t.add_row("", f"· {limit}")
            if e.get("materials"):
                t.add_row("", "· 材料：" + "；".join(e["materials"]))
            if e.get("note"):
                t.add_row("", f"· {e['note']}")
        for duty in d["duties"]:
            t.add_row("义务", f"{duty['by']}：{duty['text']}")
        for n in d["notices"]:
            t.add_row("说明", n)
        t.add_row("事项依据", d["legal_basis"] + ("" if d["basis_checked"] else "（未核实）"))
        t.add_row("规则依据", _cites(d["cites"]))
        title = f"{d['matter']} {d['name']}"
        con.print(Panel(t, title=title, title_align="left",
                        border_style=SCHEME.get(d["action"], "white")))
        if explain and r:
            days = Table(title=f"{d['matter']} 期限逐日计算（自 {r['count']['start'].replace('T', ' ')} 起）")
            days.add_column("日期")
            days.add_column("计算")
            for day in r["count"]["days"]:
                days.add_row(day["date"], day["label"], style=None if day["counted"] else "dim")
            if r["count"]["days"]:
                con.print(days)
            for b in r["count"]["basis"]:
                con.print(f"  · {b}", markup=False)
    if result["warnings"]:
        con.print(Text("注意（推定、未核实的信息和需要人工确认的情况）：", style=f"bold {STYLE_WARN}"))
    for w in result["warnings"]:
        con.print(Text("  · " + w, style=STYLE_WARN))
    if explain and result.get("trace"):
        tr = Table(title="规则触发过程")
        tr.add_column("#")
        tr.add_column("规则")
        tr.add_column("条款")
        tr.add_column("说明")
        for i, f in enumerate(result["trace"], 1):
            tr.add_row(str(i), f["rule"], f["clause"], f["title"])
        con.print(tr)


def render_match(con, result) -> None:
    from rich.table import Table
    data = result.to_json()
    spans = [sp for c in data["candidates"] if c["selected"] for sp in c["spans"]]
    con.print(_highlighted(data["text"], spans))
    status = {"matched": "已匹配", "no_fit": "目录中没有相符的事项", "ambiguous": "难以区分，请人工选择"}
    con.print(f"结论：{status.get(data['status'], data['status'])}"
              + (f"（{'、'.join(data['selected'])}）" if data["selected"] else ""))
    t = Table()
    for col in ("事项", "得分", "选中", "理由"):
        t.add_column(col)
    for c in data["candidates"]:
        t.add_row(c["matter"], f"{c['score']:.2f}", "✓" if c["selected"] else "",
                  "；".join(c["reasons"]))
    con.print(t)
    for group in data["ambiguous"]:
        con.print(f"[yellow]难以区分：{' / '.join(group)}，请用 --matter 指定[/yellow]")
    for n in data["notes"]:
        con.print(f"· {n}", markup=False)


def render_check(con, outcomes, counts: dict[str, int]) -> None:
    failed = [o for o in outcomes if not o.ok]
    for o in failed:
        con.print(f"[red]失败[/red] {o.fixture.file} [{o.fixture.index}] {o.fixture.name}")
        for m in o.mismatches:
            con.print(f"    {m}", markup=False)
    con.print(f"案例 {len(outcomes)} 个：{len(outcomes) - len(failed)} 个通过，{len(failed)} 个失败")
    con.print("按条款：" + "，".join(f"{k} {v}" for k, v in counts.items()), markup=False)
    # The plain closing line CI reads.
    con.print(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed", markup=False)


def render_summary(con, summary) -> None:
    con.print(f"共 {summary.total + summary.skipped} 行：本次处理 {summary.total} 行，{summary.total - summary.failed} 行成功，"
              f"{summary.failed} 行失败" + (f"，{summary.skipped} 行此前已完成（--resume 跳过）" if summary.skipped else ""),
              markup=False)
    labels = {"handle": "自行办理", "refer": "移送", "redirect": "告知转办", "close_no_violation": "答复登记",
              "outside_district": "区外"}
    if summary.by_action:
        con.print("按处理方式：" + "，".join(f"{labels.get(k, k)} {v}" for k, v in summary.by_action.most_common()),
                  markup=False)
    if summary.by_body:
        con.print("按管辖主体：" + "，".join(f"{k} {v}" for k, v in summary.by_body.most_common(8)), markup=False)
    for row, message in summary.errors[:5]:
        con.print(f"  第 {row} 行：{message}", markup=False)


def render_cross(con, n: int, bad) -> None:
    for d in bad:
        con.print(f"[red]不一致[/red] 案件 {json.dumps(d.case, ensure_ascii=False)}")
        con.print(f"    规则引擎：{json.dumps(d.engine, ensure_ascii=False)[:2000]}", markup=False)
        con.print(f"    独立求值器：{json.dumps(d.oracle, ensure_ascii=False)[:2000]}", markup=False)
        con.print(f"    引擎触发的规则：{', '.join(d.engine_rules)}", markup=False)
        con.print(f"    求值器触发的规则：{', '.join(d.oracle_rules)}", markup=False)
    con.print(f"交叉核对 {n} 个案件：{n - len(bad)} 个一致，{len(bad)} 个不一致")


def render_calendar(con, cal, year: int) -> None:
    from rich.table import Table
    from rich.columns import Columns
    if not cal.covers(year):
        con.print(f"[yellow]{year}年的节假日安排未录入：以下仅区分周末与工作日[/yellow]")
    else:
        con.print(f"{year}年节假日安排来源：{cal.describe_source(year)}", markup=False)
    tables = []
    for month in range(1, 13):
        view = cal.month_view(year, month)
        t = Table(title=f"{month}月", show_edge=False, pad_edge=False)
        for wd in view["weekdays"]:
            t.add_column(wd, justify="right")
        for week in view["weeks"]:
            row = []
            for cell in week:
                if cell is None:
                    row.append("")
                    continue
                style = {"holiday": "bold red", "makeup_workday": "bold green", "weekend": "dim"}.get(cell["kind"], "")
                mark = "休" if cell["kind"] == "holiday" else "班" if cell["kind"] == "makeup_workday" else ""
                row.append(f"[{style}]{cell['day']}{mark}[/{style}]" if style else str(cell["day"]))
            t.add_row(*row)
        tables.append(t)
    con.print(Columns(tables))
    con.print("图例：[bold red]休[/bold red] 法定节假日放假  [bold green]班[/bold green] 调休上班  [dim]灰色[/dim] 周末")


# ---- entry point ---------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    """Run the CLI; map every exception to one documented exit code and a Chinese message."""
    from router.errors import CatalogError, EngineError, InputError
    show_tb = "--traceback" in (argv if argv is not None else sys.argv[1:]) \
        or os.environ.get("ZHIFA_TRACEBACK") == "1"
    try:
        cli.main(args=argv, prog_name="zhifa", standalone_mode=False)
        return EXIT_OK
    except BaseException as exc:  # noqa: BLE001 - last resort: never a traceback for users
        if isinstance(exc, SystemExit):
            return exc.code if isinstance(exc.code, int) else EXIT_OK
        if isinstance(exc, _Fail):
            message, code = str(exc), exc.code
        elif isinstance(exc, InputError):
            message, code = f"错误：{exc}", EXIT_INPUT
        elif isinstance(exc, CatalogError):
            message, code = f"目录错误：{exc}", EXIT_CATALOG
        elif isinstance(exc, EngineError):
            message, code = f"规则引擎错误：{exc}", EXIT_INTERNAL
        elif isinstance(exc, (click.exceptions.Abort, KeyboardInterrupt)):
            message, code = "已中断", EXIT_INTERRUPTED
        elif isinstance(exc, click.ClickException):
            message, code = f"错误：{exc.format_message()}", EXIT_INPUT
        elif isinstance(exc, BrokenPipeError):  # `zhifa … | head`: the reader left, not an error
            return EXIT_OK
        else:
            message = f"内部错误：{type(exc).__name__}: {exc}。请加 --traceback 重试并报告此问题"
            code = EXIT_INTERNAL
        err = _console(stderr=True)
        if message:
            err.print(message if not isinstance(exc, _Fail) else f"错误：{message}", markup=False)
        if show_tb:
            import traceback
            traceback.print_exception(exc)
        return code


if __name__ == "__main__":
    sys.exit(main())
