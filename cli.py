"""zhifa command line: parses options, calls one library function, renders the result.

Only this module knows about a terminal; `router/` never prints or exits.
"""
from __future__ import annotations

import json
import os
import sys
from typing import Any

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


def _emit(as_json: bool, to_json, render) -> None:
    """JSON on stdout (`to_json()`), or the rich rendering (`render(console)`)."""
    if as_json:
        click.echo(json.dumps(to_json(), ensure_ascii=False, indent=2))
    else:
        render(_console())


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
    _emit(as_json, lambda: result, lambda console: render_decision(console, result, explain=explain))


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
    _emit(as_json, result.to_json, lambda console: render_match(console, result))


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


NOTICE_EXAMPLES = 10  # notices of one kind listed by `zhifa catalog check` without --all


@catalog_group.command(name="check", help=(
        "检查目录和规则，一次报告全部错误（文件、条目、键），有错误时以退出码 3 结束；"
        "不影响使用的问题以“提示”按类别列出：每类显示条数和前 "
        f"{NOTICE_EXAMPLES} 条，--all 逐条列出全部提示，--json 输出全部错误和提示。错误从不省略。"))
@click.option("--all", "show_all", is_flag=True, help="逐条列出全部提示（默认每类只显示前几条和条数）")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON：全部错误和提示，提示注明类别")
@catalog_option
def catalog_check(show_all, as_json, catalog):
    # Errors: the strict loaders (catalog, calendar, matching knowledge, rules). Notices: the
    # calendar's and router/lint.py's, which never change the exit code.
    from router.lint import check_catalog
    report = check_catalog(catalog)
    _emit(as_json, lambda: _check_json(report),
          lambda console: render_catalog_check(console, report, show_all=show_all))
    if report.errors:
        raise _Fail("", EXIT_CATALOG)


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


# ---- policy-staff tools (catalog import/export/diff/list/show, calendar add) -----------------
# Each command parses its options, calls one library function (router/importing.py, sheets.py,
# diff.py, listing.py, holidays.py) and renders the result with the renderers below.

as_of_option = click.option("--as-of", "as_of", help="查看哪一天的情况，如 2026-03-01（默认今天）")


@catalog_group.command(name="import", short_help="从官方清单表格（.xlsx/.csv）导入下放事项，检查通过才写入。", help=(
        "从官方清单表格（.xlsx 或 .csv）导入下放事项：按中文表头识别各列（序号、领域/类别、事项名称、"
        "实施依据/法律依据、原实施部门、承接主体/实施范围、实施时间、备注等常见写法），读取合并单元格和多行单元格；"
        "已有事项沿用编号，新事项给出建议编号；逐一报告每个问题所在的工作表、行和列。"
        "结果须通过 zhifa catalog check 才写入，且原子写入（中途出错不会留下写了一半的目录）。\n\n"
        "例：zhifa catalog import 2027目录.xlsx --dry-run"))
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="只显示将发生的变化，不写入")
@click.option("--sheet", help="只读这个工作表（默认读所有能识别表头的工作表）")
@click.option("--column", "columns", multiple=True, metavar="表头=含义",
              help="表头写法特殊时指定其含义，如 --column 处罚事项=事项名称；可多次使用")
@click.option("--alias", "aliases", multiple=True, metavar="表中名称=目录名称",
              help="表中部门或乡镇街道的其他写法，如 --alias 区城管执法局=华龙区城市管理局；可多次使用")
@click.option("--bodies", help="表中没有承接主体（或为空）时统一使用，如 各乡镇、各乡镇（街道）、岳村镇、孟轲乡")
@click.option("--effective", help="表中没有实施时间时统一使用，如 2027-01-01")
@click.option("--document", help="本表所属的文件（新批次的下放文件名称和文号），默认取表格标题")
@click.option("--source", help="本表的出处（网址或文号），记入新事项和新批次")
@click.option("--listed", type=click.Choice(["confirmed", "inferred"]), default="confirmed", show_default=True,
              help="新事项的列入情况：confirmed 本表是本区正式公布的清单；inferred 本表是其他地方或指导性目录")
@click.option("--upgrade-listed", is_flag=True, help="目录中标为“推断”而见于本表的事项改为“已确认”")
@click.option("--supersede", is_flag=True, help="本表自实施时间起取代同一承接主体的旧批次（旧批次于该日收回）")
@click.option("--keep-missing", is_flag=True, help="已有批次中本表未列的事项保留在批次中（默认删除）")
@click.option("--fill-down", is_flag=True, help="领域、部门、承接主体、实施时间等列的空白单元格沿用上一行（合并单元格另存为 CSV 时）")
@click.option("--matching-stubs", is_flag=True, help="为新事项在 matching.yaml 中添加占位条目（之后请补充匹配线索）")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@catalog_option
def catalog_import(file, dry_run, sheet, columns, aliases, bodies, effective, document, source, listed,
                   upgrade_listed, supersede, keep_missing, fill_down, matching_stubs, as_json, catalog):
    from router.importing import ImportOptions, import_catalog
    options = ImportOptions(sheet=sheet, columns=tuple(columns), aliases=tuple(aliases), bodies=bodies,
                            effective=effective, document=document, source=source, listed=listed,
                            upgrade_listed=upgrade_listed, supersede=supersede, keep_missing=keep_missing,
                            fill_down=fill_down, matching_stubs=matching_stubs)
    result = import_catalog(file, catalog, options=options, dry_run=dry_run)
    _emit(as_json, lambda: _import_json(result), lambda console: render_import(console, result))
    if result.errors:
        raise _Fail("", EXIT_INPUT)
    if result.check:
        raise _Fail("", EXIT_CATALOG)


@catalog_group.command(name="export", help="把目录写成官方清单样式的表格（.xlsx），可修改后用 zhifa catalog import 导回。\n\n"
                                           "例：zhifa catalog export 目录.xlsx")
@click.argument("file", type=click.Path(dir_okay=False))
@catalog_option
def catalog_export(file, catalog):
    from router.sheets import export_catalog
    summary = export_catalog(file, catalog)
    _console().print(f"已写入 {summary.path}：{summary.matters} 个事项（{summary.rows} 行），"
                     f"{summary.batches} 个下放批次，{summary.assumptions} 条推定", markup=False)


@catalog_group.command(name="diff", short_help="比较两个目录（文件夹或 git 版本）：变化、通报和受影响的案件。", help=(
        "比较两个目录（两个文件夹，或 catalog/ 的两个 git 版本，如 HEAD~1 HEAD、HEAD catalog）：事项的增删、改名、"
        "依据和部门的变化，各乡镇街道和部门获得、失去的事项及日期，机制 三（二）要求的相互通报；"
        "并用两个目录重放案例（tests/cases）和 --cases 给出的案件，列出管辖、处理方式或期限改变的案件。\n\n"
        "例：zhifa catalog diff HEAD catalog --cases 2026年案件.jsonl"))
@click.argument("old")
@click.argument("new")
@click.option("--cases", "cases", multiple=True, type=click.Path(dir_okay=False),
              help="另外重放的案件文件：JSON Lines（同 zhifa route --batch）或案例 YAML；可多次使用")
@click.option("--no-impact", is_flag=True, help="不重放案件，只比较目录")
@click.option("--as-of", "as_of", help="通报以哪一天为准：只列此后仍有效的变化（默认今天）")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
def catalog_diff(old, new, cases, no_impact, as_of, as_json):
    from router.diff import diff_catalogs
    result = diff_catalogs(old, new, cases=cases, impact=not no_impact, as_of=as_of)
    _emit(as_json, result.to_json, lambda console: render_diff(console, result))


@catalog_group.command(name="list", help="列出某一天各事项由谁行使（下放的注明批次和文号）；加 --body 只看一个乡镇街道或部门。\n\n"
                                         "例：zhifa catalog list --as-of 2026-03-01 --body 岳村镇")
@as_of_option
@click.option("--body", help="乡镇街道或区直部门（名称或简称），如 岳村镇、中原办、城管局")
@click.option("--field", "field_", help="只看某一领域，如 消防救援、城市管理")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@catalog_option
def catalog_list(as_of, body, field_, as_json, catalog):
    from router.listing import list_catalog
    listing = list_catalog(catalog, as_of=as_of, body=body, field_=field_)
    _emit(as_json, listing.to_json, lambda console: render_listing(console, listing))


@catalog_group.command(name="show", help="显示一个事项的全部信息：依据、核实情况、下放批次及其文件和推定，以及某一天各乡镇街道由谁行使。\n\n"
                                         "例：zhifa catalog show XF-03 --as-of 2026-03-01")
@click.argument("matter_id")
@as_of_option
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@catalog_option
def catalog_show(matter_id, as_of, as_json, catalog):
    from router.listing import show_matter
    view = show_matter(matter_id, catalog, as_of=as_of)
    _emit(as_json, view.to_json, lambda console: render_matter(console, view))


@calendar_group.command(name="add", short_help="录入一年的节假日安排（选项、通知正文或表格），检查通过才写入。", help=(
        "录入一年的节假日安排（国务院办公厅通知），写入 catalog/calendar/YYYY.yaml：可用选项逐项给出，"
        "或给出通知正文（.txt，从中国政府网复制）或通知各行的表格（.csv/.xlsx：类型、名称、开始日期、结束日期）。"
        "写入前用日历的检查核对，有错误则不写入；原子写入。\n\n"
        "例：zhifa calendar add 2027 --from 2027通知.txt --dry-run"))
@click.argument("year", type=int)
@click.option("--from", "source_file", type=click.Path(dir_okay=False),
              help="通知正文（.txt）或通知各行的表格（.csv/.xlsx）")
@click.option("--title", help="通知标题，如 国务院办公厅关于2027年部分节假日安排的通知")
@click.option("--published", help="通知发布日期，如 2026-11-12")
@click.option("--holiday", "holidays", multiple=True, metavar="名称=开始..结束",
              help="放假期间（含周末），如 春节=2027-02-06..2027-02-13；一天的写 元旦=2027-01-01；可多次使用")
@click.option("--makeup", "makeups", multiple=True, metavar="日期=名称",
              help="调休上班的周六、周日，如 2027-02-20=春节；可多次使用")
@click.option("--replace", is_flag=True, help="该年文件已存在时整体替换")
@click.option("--dry-run", is_flag=True, help="只显示将写入的内容，不写入")
@catalog_option
def calendar_add(year, source_file, title, published, holidays, makeups, replace, dry_run, catalog):
    from router.holidays import add_year
    result = add_year(year, root=catalog, title=title, published=published, holidays=holidays,
                      makeups=makeups, source_file=source_file, replace=replace, dry_run=dry_run)
    render_calendar_add(_console(), result)
    if result.errors:
        mine = [p for p in result.errors if not p.file.endswith(".yaml") or p.file.endswith(f"{year}.yaml")]
        raise _Fail("", EXIT_INPUT if mine else EXIT_CATALOG)


# Renderers of the policy-staff tools.


def _problem_lines(con, problems) -> None:
    for p in problems:
        tag = "[red]错误[/red]" if p.severity == "error" else "[yellow]提示[/yellow]"
        con.print(f"{tag} ", end="", markup=True)
        con.print(str(p), markup=False)


def _problem_block(con, tag: str, style: str, problems, indent: str = "") -> None:
    """One line per problem, printed at once: rich takes ~0.5 ms a line when each is a print
    of its own and wrapped by rich (30,000 notices were 12 s); the terminal wraps long lines."""
    from rich.text import Text
    text = Text()
    for p in problems:
        text.append(indent)
        text.append(tag, style=style)
        text.append(f" {p}\n")
    con.print(text, end="", soft_wrap=True)


def render_catalog_check(con, report, *, show_all: bool = False) -> None:
    from rich.markup import escape
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


def _check_json(report) -> dict:
    def one(p, kind=None) -> dict:
        d = {"file": p.file, "entry": p.entry, "key": p.key, "message": p.message}
        return {"kind": kind, **d} if kind else d
    return {
        "ok": report.ok,
        "errors": [one(p) for p in report.errors],
        "notices": [one(p, report.kind_of.get(p, "other")) for p in report.notices],
        "notice_kinds": [{"kind": k, "heading": h, "count": len(ps)} for k, h, ps in report.notice_groups()],
    }


def _import_json(result) -> dict:
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


def render_import(con, result) -> None:
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


def render_diff(con, d) -> None:
    from rich.table import Table
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
                t.add_column(col, overflow="fold")
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


def render_listing(con, listing) -> None:
    from rich.table import Table
    field_note = f"，领域：{listing.only_field}" if listing.only_field else ""
    if listing.body is None:
        t = Table(title=f"{listing.as_of} 各事项由谁行使{field_note}")
        for col in ("编号", "事项", "领域", "下放给（批次 · 文件）", "其余地方"):
            t.add_column(col)
        for r in listing.rows:
            from router.listing import document_number
            cell = "\n".join(f"{listing.places_text(ts)}（{b.id} · {document_number(b)}）" for b, ts in r.delegated) or "—"
            t.add_row(r.matter.id, r.matter.name, r.matter.field, cell, r.elsewhere)
        con.print(t)
        con.print(f"共 {len(listing.rows)} 个事项，其中 {sum(1 for r in listing.rows if r.delegated)} 个在 {listing.as_of} 有下放")
        return
    t = Table(title=f"{listing.body} 在 {listing.as_of} 行使的事项{field_note}")
    if listing.body_kind == "township":
        for col in ("编号", "事项", "领域", "依据", "批次", "文件"):
            t.add_column(col)
        for h in listing.holdings:
            t.add_row(h.matter, h.name, h.field, BASIS_NAMES[h.basis], h.batch or "—", h.document or "法律直接规定")
    else:
        for col in ("编号", "事项", "领域", "本部门行使的地方", "已下放的地方"):
            t.add_column(col)
        for h in listing.holdings:
            t.add_row(h.matter, h.name, h.field, "全部" if not h.except_ else (listing.places_text(h.where) or "—"),
                      listing.places_text(h.except_) or "—")
    con.print(t)
    con.print(f"共 {len(listing.holdings)} 个事项", markup=False)


def render_matter(con, view) -> None:
    from rich.table import Table
    from router.listing import document_number
    m = view.matter
    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold", no_wrap=True)
    head.add_column()
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
            t.add_column(col)
        for b in view.batches:
            t.add_row(b.id, f"{b.effective} 起" + (f"至 {b.ends} 前" if b.ends else ""), "、".join(b.bodies),
                      document_number(b), "、".join(b.assumptions) or "—")
        con.print(t)
    else:
        con.print("未下放给任何乡镇街道。")
    t = Table(title=f"{view.as_of} 各乡镇街道由谁行使")
    for col in ("乡镇街道", "行使主体", "依据", "批次"):
        t.add_column(col)
    for town, body, basis, batch in view.holders:
        t.add_row(town, body, BASIS_NAMES[basis], batch or "—")
    con.print(t)
    for aid, text in view.assumptions:
        con.print(f"[yellow]推定 {aid}[/yellow]：", end="")
        con.print(text, markup=False)


def render_calendar_add(con, result) -> None:
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


# ---- case register (移送台账; router/register) ---------------------------------------------------
# One block: the register commands, and --register/--db/--source added to `route`. Each command
# parses its options, calls one library function and renders the result.
db_option = click.option("--db", "db", envvar="ZHIFA_DB",
                         help="台账数据库：SQLite 文件路径或 postgresql://用户@主机/库名（默认用户数据目录下的 zhifa/register.sqlite3）")
source_option = click.option("--source", default="", help="编号的来源（如 12345）：同一来源的同一编号只登记一次")
case_options = [
    click.option("--place", help="发生地：乡镇街道名称或简称"),
    click.option("--by", "reported_by", help="上报（发现或受理）单位"),
    click.option("--at", "at", help="发现或受理时间，如 2026-03-02T09:30（默认现在）"),
    click.option("--channel", type=click.Choice(["inspection", "complaint"]), default=None,
                 help="来源：inspection 执法检查（默认）；complaint 投诉举报"),
    click.option("--complaint", is_flag=True, help="同 --channel complaint"),
    click.option("--urgent", is_flag=True, help="情况紧急（24小时内移送）"),
    click.option("--ongoing", is_flag=True, help="违法行为正在进行"),
    click.option("--crime", "suspected_crime", is_flag=True, help="涉嫌犯罪"),
    click.option("--event", "events", multiple=True, help="事件（同 zhifa route --event）"),
    click.option("--matter", "matters", multiple=True, help="直接指定事项编号"),
    click.option("--id", "case_id", help="外部编号（如 12345 工单号）：同一来源的同一编号只登记一次"),
]


def _register(db, catalog=None):
    from router.register.register import Register
    return Register(db, catalog_root=catalog)


def _at_option(value):
    from router.case import parse_at
    return parse_at(value)[0] if value else None


def _raw_case(text, place, reported_by, at, channel, complaint, urgent, ongoing, suspected_crime,
              events, matters, case_id) -> dict:
    raw = {"text": text, "place": place, "reported_by": reported_by, "at": at,
           "channel": "complaint" if complaint else channel, "urgent": urgent, "ongoing": ongoing,
           "suspected_crime": suspected_crime, "events": list(events), "matter": list(matters), "id": case_id}
    return {k: v for k, v in raw.items() if v not in (None, [], False)}


def _case_new(db, source, catalog, as_json, **fields):
    from router.register.services import register_case
    raw = _raw_case(**fields)
    with _register(db, catalog) as reg:
        out = register_case(reg, raw, source=source, external_id=raw.get("id"))

    def render(con):
        con.print(("已登记过（同一来源、同一编号）：" if out.existing else "已登记：") + out.number, markup=False)
        if out.result:
            render_decision(con, out.result)
    _emit(as_json, out.to_json, render)


_route_plain = route.callback


def _route_or_register(register, db, source, **kw):
    if not register:
        return _route_plain(**kw)
    if kw["batch"]:
        return _register_batch(kw["batch"], kw["output"], db, source, kw["catalog"])
    fields = {k: kw[k] for k in ("text", "place", "reported_by", "at", "channel", "complaint", "urgent",
                                 "ongoing", "suspected_crime", "events", "matters", "case_id")}
    _case_new(db, source, kw["catalog"], kw["as_json"], **fields)


route.params += [click.Option(["--register"], is_flag=True, help="同时登记到案件台账（见 zhifa case）"),
                 click.Option(["--db"], envvar="ZHIFA_DB", help="台账数据库（同 zhifa case --db）"),
                 click.Option(["--source"], default="", help="登记：编号的来源（同一来源的同一编号只登记一次）")]
route.callback = _route_or_register


def _register_batch(path, output, db, source, catalog):
    from router.register.batch import register_batch
    sink = open(output, "w", encoding="utf-8") if output else None
    try:
        with _register(db, catalog) as reg:
            summary = register_batch(reg, path, source=source,
                                     on_row=lambda o: click.echo(json.dumps(o.brief(), ensure_ascii=False), file=sink))
    finally:
        if sink:
            sink.close()
    _console(stderr=True).print(f"共 {summary.total} 行：新登记 {summary.registered} 件，此前已登记 {summary.existing} 件，"
                                f"失败 {summary.failed} 行", markup=False)
    for row, message in summary.errors[:5]:
        _console(stderr=True).print(f"  第 {row} 行：{message}", markup=False)
    if summary.failed:
        raise _Fail("", EXIT_PARTIAL)


@cli.group(name="case", help="案件台账：登记案件、记录事件、查看时间线和待办义务。")
def case_group():
    pass


def _apply(options, f):
    for option in reversed(options):
        f = option(f)
    return f


@case_group.command(name="new", help="路由并登记一个案件（选项同 zhifa route），给出案件编号和结论。")
@click.argument("text", required=False)
@click.option("--json", "as_json", is_flag=True, help="输出 JSON：{\"case\": 编号, …route 的 JSON…}")
@db_option
@source_option
@catalog_option
def case_new(text, as_json, db, source, catalog, **fields):
    _case_new(db, source, catalog, as_json, text=text, **fields)


case_new = _apply(case_options, case_new)


@case_group.command(name="event", help="给案件追加一个事件（事件只增不改；更正用 --supersedes）。\n\n"
                                       "KIND：found dissuaded notified sent received refused returned opened fed_back "
                                       "answered corrected reported disputed police closed document")
@click.argument("number")
@click.argument("kind")
@click.option("--at", "at", help="事件发生时间（默认现在）")
@click.option("--by", "by", required=True, help="办理单位：乡镇街道或区直部门")
@click.option("--user", help="经办人（默认 ZHIFA_USER 或登录名）")
@click.option("--note", help="说明")
@click.option("--reason", help="理由（refused、returned 必填）")
@click.option("--supersedes", type=int, help="更正：被本事件取代的事件序号")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@db_option
@catalog_option
def case_event(number, kind, at, by, user, note, reason, supersedes, as_json, db, catalog):
    from router.register.register import Register
    from router.register.services import add_event
    with Register(db, catalog_root=catalog, user=user) as reg:
        out = add_event(reg, number, kind, by=by, at=at, note=note, reason=reason, supersedes=supersedes)
    _emit(as_json, lambda: out, lambda con: (con.print(f"已记录：{number} 事件 {out['event']['id']} "
                                                       f"{out['event']['label']}", markup=False),
                                             render_duties(con, out["duties"])))


@case_group.command(name="show", help="案件的时间线和待办义务（逾期的注明应如何处理及依据）。")
@click.argument("number")
@click.option("--at", "at", help="以此时间判断是否逾期（默认现在）")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@db_option
@catalog_option
def case_show(number, at, as_json, db, catalog):
    from router.register.services import show_case
    with _register(db, catalog) as reg:
        view = show_case(reg, number, _at_option(at))
    _emit(as_json, lambda: view, lambda con: render_case(con, view))


@cli.command(help="到期或逾期的待办义务（按截止时间排序）。")
@click.option("--body", help="只看这个单位（乡镇街道或区直部门）")
@click.option("--at", "at", help="以此时间为准（默认现在）")
@click.option("--within", type=float, default=0, show_default=True, help="另列出此后若干天内到期的义务")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON 列表")
@db_option
@catalog_option
def due(body, at, within, as_json, db, catalog):
    from router.register.due import due as due_duties
    with _register(db, catalog) as reg:
        rows = due_duties(reg, body=body, at=_at_option(at), within=within)
    _emit(as_json, lambda: rows, lambda con: render_due(con, rows))


@cli.command(help="各单位协作配合统计（法治政府考核，华龙法政办〔2021〕13号 五.4）。")
@click.option("--from", "start", required=True, help="起始日期，如 2026-01-01")
@click.option("--to", "end", required=True, help="截止日期（含），如 2026-12-31")
@click.option("--body", help="只看这个单位")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="另写入 .xlsx（每表一个工作表，附图表）")
@db_option
@catalog_option
def stats(start, end, body, as_json, output, db, catalog):
    from router.register.stats import parse_day, stats as compute, write_xlsx
    with _register(db, catalog) as reg:
        result = compute(reg, parse_day(start, "--from"), parse_day(end, "--to"), body=body)
    if output:
        if not output.lower().endswith(".xlsx"):
            raise _Fail(f"-o 应为 .xlsx 文件，实际为“{output}”", EXIT_INPUT)
        write_xlsx(result, output)
    _emit(as_json, result.to_json, lambda con: render_stats(con, result))


@cli.group(name="register", help="台账维护：导入纸质/表格台账，检查一致性。")
def register_group():
    pass


@register_group.command(name="import", help="导入已有的移送台账（.xlsx，常见中文表头）；有错误的行逐一报告"
                                           "（工作表、行、列），全部通过才写入，或加 --skip-bad 只写入通过的行。")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--skip-bad", is_flag=True, help="跳过有错误的行，写入其余各行")
@click.option("--source", help="编号的来源（默认“台账:文件名”）")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@db_option
@catalog_option
def register_import(file, skip_bad, source, as_json, db, catalog):
    from router.register.ledger import import_ledger
    with _register(db, catalog) as reg:
        result = import_ledger(reg, file, skip_bad=skip_bad, source=source)
    _emit(as_json, result.to_json, lambda con: render_ledger(con, result, skip_bad))
    if result.problems:
        raise _Fail("", EXIT_INPUT if not skip_bad else EXIT_PARTIAL)


@register_group.command(name="check", help="检查台账：事件所属案件存在、编号按单位和年份连续、义务可按事件重新算出。")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@db_option
@catalog_option
def register_check(as_json, db, catalog):
    from router.register.check import check_register
    with _register(db, catalog) as reg:
        report = check_register(reg)
    _emit(as_json, report.to_json, lambda con: render_register_check(con, report))
    if not report.ok:
        raise _Fail("", EXIT_PARTIAL)


def render_duties(con, duties: list[dict]) -> None:
    from rich.table import Table
    if not duties:
        con.print("没有待办义务。")
        return
    t = Table(title="待办义务")
    for col in ("义务", "单位", "截止", "状态", "依据"):
        t.add_column(col)
    for d in duties:
        state = "[red]逾期[/red]" if d["overdue"] else "待办"
        if d.get("escalation"):
            state += "\n" + d["escalation"]["text"]
        t.add_row(d["label"], d["body"], (d["deadline"] or "未规定").replace("T", " "), state, "\n".join(d["cite"]))
    con.print(t)


def render_case(con, view: dict) -> None:
    from rich.table import Table
    con.print(f"案件 {view['case']}（{view['body']}，发现于 {view['found_at'].replace('T', ' ')}）", markup=False)
    t = Table(title="时间线")
    for col in ("序号", "时间", "事件", "单位", "经办人", "说明"):
        t.add_column(col)
    for e in view["events"]:
        note = "；".join(x for x in (e["note"], e["reason"] and f"理由：{e['reason']}",
                                     e["supersedes"] and f"更正事件 {e['supersedes']}",
                                     e["superseded_by"] and f"已被事件 {e['superseded_by']} 更正") if x)
        t.add_row(str(e["id"]), e["at"].replace("T", " "), e["label"], e["body"], e["user"], note,
                  style="dim" if e["superseded_by"] else None)
    con.print(t)
    render_duties(con, view["duties"])


def render_due(con, rows: list[dict]) -> None:
    from rich.table import Table
    t = Table(title=f"到期和逾期的义务（{len(rows)} 项）")
    for col in ("案件", "义务", "单位", "截止", "状态"):
        t.add_column(col)
    for r in rows:
        t.add_row(r["case"], r["label"], r["body"], r["deadline"].replace("T", " "),
                  "[red]逾期[/red]" if r["overdue"] else "将到期")
    con.print(t)


def render_stats(con, result) -> None:
    from rich.table import Table
    from router.register.stats import COLUMNS
    t = Table(title=f"{result.start} 至 {result.end} 各单位协作配合情况（五.4）")
    for key, label in COLUMNS.items():
        t.add_column(label, justify="left" if key == "body" else "right")
    for r in result.bodies:
        cells = [r[k] for k in COLUMNS]
        t.add_row(*["—" if v is None else f"{v:.0%}" if k == "share_on_time" else str(v)
                    for k, v in zip(COLUMNS, cells)])
    con.print(t)


def render_ledger(con, result, skip_bad: bool) -> None:
    for p in result.problems:
        con.print(str(p), markup=False)
    if result.problems and not skip_bad:
        con.print(f"{len(result.problems)} 处错误，未写入任何行（改正后重试，或加 --skip-bad 只写入通过的行）", markup=False)
        return
    con.print(f"共 {result.rows} 行：写入 {result.written} 件，此前已导入 {result.existing} 件", markup=False)


def render_register_check(con, report) -> None:
    con.print(f"案件 {report.cases} 件，事件 {report.events} 个，义务 {report.duties} 项", markup=False)
    for p in report.problems:
        con.print(f"[red]问题[/red] {p}")
    if report.more:
        con.print(f"另有 {report.more} 处问题未列出", markup=False)
    con.print("台账一致。" if report.ok else f"发现 {len(report.problems) + report.more} 处问题。", markup=False)


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
            text = message if not isinstance(exc, _Fail) else f"错误：{message}"
            # A value typed with bytes that are not UTF-8 arrives as lone surrogates: show them
            # escaped instead of failing to print the error about them.
            err.print(text.encode("utf-8", "backslashreplace").decode("utf-8"), markup=False)
        if show_tb:
            import traceback
            traceback.print_exception(exc)
        return code


if __name__ == "__main__":
    sys.exit(main())
