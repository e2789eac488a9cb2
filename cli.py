"""zhifa command line: parses options, calls one library function, renders the result.

Only this module knows about a terminal; `router/` never prints or exits.
"""
from __future__ import annotations

import contextlib
import dataclasses
import gc
import importlib
import json
import os
import sys
from pathlib import Path

import click

from router.files.locations import ENV_RULES
from router.render import NOTICE_EXAMPLES, clickzh


def _lazy(module: str, name: str):
    """The renderer `name` of router.render.`module`, imported on its first call: a command that
    only writes JSON does not import rich's console and tables (about 60 ms of every start)."""
    def call(*args, **kwargs):
        return getattr(importlib.import_module(f"router.render.{module}"), name)(*args, **kwargs)
    call.__name__ = call.__qualname__ = name
    return call


render_letter = _lazy("register", "render_letter")
render_case = _lazy("register", "render_case")
render_due = _lazy("register", "render_due")
render_duties = _lazy("register", "render_duties")
render_ledger = _lazy("register", "render_ledger")
render_register_check = _lazy("register", "render_register_check")
render_stats = _lazy("register", "render_stats")
check_json = _lazy("terminal", "check_json")
import_json = _lazy("terminal", "import_json")
render_calendar = _lazy("terminal", "render_calendar")
render_calendar_add = _lazy("terminal", "render_calendar_add")
render_catalog_check = _lazy("terminal", "render_catalog_check")
render_check = _lazy("terminal", "render_check")
render_cross = _lazy("terminal", "render_cross")
render_decision = _lazy("terminal", "render_decision")
render_diff = _lazy("terminal", "render_diff")
render_import = _lazy("terminal", "render_import")
render_listing = _lazy("terminal", "render_listing")
render_match = _lazy("terminal", "render_match")
render_matter = _lazy("terminal", "render_matter")
render_summary = _lazy("terminal", "render_summary")

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

# The fixture cases of a project checkout, used by `zhifa check` and `catalog check`/`diff` when present.
FIXTURES = "tests/cases"

clickzh.install()  # click's own messages in Chinese


def _console(stderr: bool = False) -> Console:
    from rich.console import Console
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _show(render, *args, **kwargs) -> None:
    """Print what `render(page, *args, **kwargs)` writes into a Page."""
    _print(_rendered(render, *args, **kwargs), _console())


def _rendered(render, *args, **kwargs) -> Page:
    from router.render.terminal import Page
    page = Page()
    render(page, *args, **kwargs)
    return page


def _print(page: Page, console: Console) -> None:
    for objects, options in page.items:
        console.print(*objects, **options)


def _emit(as_json: bool, to_json, render) -> None:
    """JSON on stdout (`to_json()`), or the rich rendering (`render(page)`)."""
    if as_json:
        click.echo(json.dumps(to_json(), ensure_ascii=False, indent=2))
    else:
        _show(render)


class _Fail(Exception):
    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def _router(catalog: str | None):
    from router.decide.route import Router
    return Router(catalog_root=catalog)


def _use_rules(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    # Worker processes and every library call read the rules folder from the environment
    # (router/files/locations.py), so the option means the same thing everywhere.
    if value:
        os.environ[ENV_RULES] = value


_catalog_option = click.option("--catalog", "catalog", type=click.Path(file_okay=False),
                               envvar="ZHIFA_CATALOG", help="目录文件夹（默认为随程序提供的 catalog/；环境变量 ZHIFA_CATALOG）")
_rules_option = click.option("--rules", type=click.Path(file_okay=False, exists=True), expose_value=False,
                             callback=_use_rules, is_eager=True,
                             help="规则文件夹（默认为随程序提供的 rules/；环境变量 ZHIFA_RULES）")


def catalog_option(command):
    """--catalog DIR and --rules DIR: a district's own catalog and rules instead of the shipped ones."""
    return _catalog_option(_rules_option(command))


@click.group(help="华龙区乡镇街道综合行政执法管辖路由（依据 华龙法政办〔2021〕13号）。\n\n" + EXIT_HELP,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--traceback", "show_traceback", is_flag=True, help="出错时显示 Python 调用栈（开发人员用）")
@click.pass_context
def cli(ctx: click.Context, show_traceback: bool) -> None:
    ctx.obj = {"traceback": show_traceback or os.environ.get("ZHIFA_TRACEBACK") == "1"}


# ---- route ---------------------------------------------------------------------------------
def case_fields(command):
    """The options of one case, the same on `route` and `case new` (the case fields of README)."""
    for option in reversed(CASE_FIELDS):
        command = option(command)
    return command


CASE_FIELDS = [
    click.argument("text", required=False),
    click.option("--place", help="发生地：乡镇街道名称或简称，如 岳村镇、中原路街道、中原办"),
    click.option("--by", "reported_by", help="上报（发现或受理）单位：乡镇街道或区直部门，含其执法大队、中队"),
    click.option("--at", "at", help="发现或受理时间，如 2026-03-02T09:30（默认北京时间；默认为现在）"),
    click.option("--channel", default=None,
                 help="来源：inspection 或 执法检查、日常监管（默认）；complaint 或 投诉、举报、12345热线（群众投诉举报）"),
    click.option("--complaint", is_flag=True, help="同 --channel complaint"),
    click.option("--urgent", is_flag=True, help="情况紧急（24小时内移送）"),
    click.option("--ongoing", is_flag=True, help="违法行为正在进行（立即劝阻并书面告知）"),
    click.option("--crime", "suspected_crime", is_flag=True, help="涉嫌犯罪（移送公安机关）"),
    click.option("--event", "events", multiple=True,
                 help="事件，可多次使用：written_materials, verified_no_violation, dispute_unresolved, "
                      "notified_refused, enforcement_error, major_lead, major_hazard, case_opened（立案）；"
                      "带自己的时间写成 名称@时间，如 notified_refused@2026-05-08T16:45"),
    click.option("--matter", "matters", multiple=True, help="直接指定事项编号（跳过文本匹配），可多次使用"),
    click.option("--id", "case_id", help="案件编号（原样返回；登记时为外部编号，如 12345 工单号）"),
]
db_option = click.option("--db", "db", envvar="ZHIFA_DB",
                         help="台账数据库：SQLite 文件路径或 postgresql://用户@主机/库名（默认用户数据目录下的 zhifa/register.sqlite3；环境变量 ZHIFA_DB）")
source_option = click.option("--source", default="", help="登记：编号的来源（如 12345）；同一来源的同一编号只登记一次")


def _raw_case(text, place, reported_by, at, channel, complaint, urgent, ongoing, suspected_crime,
              events, matters, case_id) -> dict:
    if channel is not None:
        from router.decide.clerk import channel_code
        channel = channel_code(channel)  # a code or a clerk's label (投诉, 12345热线…)
    raw = {"text": text, "place": place, "reported_by": reported_by, "at": at,
           "channel": "complaint" if complaint else channel, "urgent": urgent, "ongoing": ongoing,
           "suspected_crime": suspected_crime, "events": list(events), "matter": list(matters), "id": case_id}
    return {k: v for k, v in raw.items() if v not in (None, [], False)}


@cli.command(help="判断一个案件（或一批案件）由谁管辖、办理还是移送、何时截止、需要上报什么。\n\n"
                  "例：zhifa route \"人行道上占道经营\" --place 岳村镇 --by 城管局 --at 2025-09-01T10:00")
@case_fields
@click.option("--batch", "batch", type=str,
              help="批量：案件文件（.jsonl 每行一个 JSON；.csv/.xlsx 首行为表头）；- 表示标准输入（JSON Lines）")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="批量结果写入文件：.jsonl、.csv 或 .xlsx（按扩展名；默认 JSON Lines 到标准输出）")
@click.option("--resume", is_flag=True, help="批量：从输出文件中已完成的最后一行之后继续，不重做、不遗漏")
@click.option("--workers", type=click.IntRange(1, 64), default=1, help="批量：并行的工作进程数（默认 1）")
@click.option("--default-at", "default_at", help="批量：缺少受理时间的行按此时间计（不给出时，这样的行报错，不按“现在”计）")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@click.option("--explain", is_flag=True, help="附上规则触发过程和期限逐日计算")
@click.option("--register", is_flag=True, help="同时登记到案件台账（见 zhifa case）；批量时每个编号只登记一次")
@db_option
@source_option
@catalog_option
def route(batch, output, resume, workers, default_at, as_json, explain, register, db, source, catalog, **fields):
    if batch:
        if fields["text"] or fields["place"] or fields["reported_by"]:
            raise _Fail("使用 --batch 时，案件字段写在文件的每一行中，不能同时给出描述、--place 或 --by", EXIT_INPUT)
        if register:
            return _register_batch(batch, output, db, source, catalog, workers)
        return _route_batch(batch, output, explain, catalog, workers=workers, resume=resume,
                            default_at=default_at)
    if register:
        return _case_new(db, source, catalog, as_json, **fields)
    result = _router(catalog).route(_raw_case(**fields), explain=explain)
    _emit(as_json, lambda: result, lambda console: render_decision(console, result, explain=explain))


def _route_batch(source: str, output: str | None, explain: bool, catalog: str | None,
                 workers: int = 1, resume: bool = False, default_at: str | None = None) -> None:
    from router.decide.batch import run_batch
    err = _console(stderr=True)
    bar = None
    if err.is_terminal:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )
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
                            explain=explain, default_at=default_at, progress=progress)
    finally:
        if bar is not None:
            bar.stop()
    _print(_rendered(render_summary, summary), err)
    if summary.any_failed:
        raise _Fail("", EXIT_PARTIAL)


def _read_lines(source: str):
    from router.decide.batch import read_cases
    return read_cases(source)


# ---- match ---------------------------------------------------------------------------------
@cli.command(help="显示一段描述匹配到的候选事项、得分和理由。\n\n"
                  "加 --eval FILE（可多次）：在标注好的描述集上评估匹配器，并与基线（与官方事项名称的"
                  "字符二元组相似度）并列显示各项指标；给出多个标注集时，最后把各集的指标并列显示"
                  "（--summary 只显示这张并列表）。未达目标时退出码为 2。")
@click.argument("text", required=False)
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@click.option("--eval", "eval_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="评估：标注集 YAML（如 tests/matching/dev.yaml）")
@click.option("--summary", is_flag=True, help="与 --eval 同用：只显示各标注集并列的指标表")
@click.option("--train", "train_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="用这些标注集（可多次）训练字符 n 元模型，写入目录文件夹（需 scikit-learn："
                   "pip install -e '.[train]'）；冻结的 unseen、holdout 集不能用于训练")
# (the names of router.matching.evaluate.MODELS, written here so that `zhifa route` need not import
# the evaluation module; tests/test_learned.py checks the two agree)
@click.option("--model", "models", multiple=True, type=click.Choice(["ngram", "outside", "competent"]),
              help="与 --train 同用：只训练这些模型（可多次；默认三个都训练）：ngram（事项，ngram.json）、"
                   "outside（目录外，outside.json）、competent（目录外报告的主管机关，competent.json）")
@catalog_option
def match(text, as_json, eval_files, summary, train_files, models, catalog):
    from router.catalog.load import load_catalog
    cat = load_catalog(catalog)
    if train_files:
        frozen = [f for f in train_files if Path(f).stem.startswith(("unseen", "holdout"))]
        if frozen:
            raise _Fail(f"冻结的评估集不能用于训练：{'、'.join(frozen)}（只能用来测量）", EXIT_INPUT)
        from router.matching.evaluate import MODELS
        from router.matching.evaluate import train_files as train_model
        try:
            written = train_model(cat.root, [Path(f) for f in train_files], list(cat.matters),
                                  models or MODELS)
        except ImportError:
            raise _Fail("训练需要 scikit-learn：pip install -e '.[train]'", EXIT_INPUT) from None
        for file, info in written.items():
            click.echo(f"已训练 {file}：{info['examples']} 条描述（{'、'.join(info['files'])}），"
                       f"写入 {Path(cat.root) / file}")
        return
    if models:
        raise _Fail("--model 只能与 --train 同用", EXIT_INPUT)
    if eval_files:
        from router.matching.evaluate import (
            Baseline,
            evaluate,
            format_report,
            format_sets,
            load_cases,
        )
        names = {m.id: m.name for m in cat.matters.values()}
        missed = False
        reports = []
        for path in eval_files:
            cases = load_cases(path, names)
            ours = evaluate(cat.matcher, cases, name="匹配器")
            reports.append(dataclasses.replace(ours, name=Path(path).stem))
            if as_json:
                base = evaluate(Baseline(names), cases, name="基线")
                click.echo(json.dumps({"file": path, "matcher": ours.to_json(), "baseline": base.to_json()},
                                      ensure_ascii=False))
            elif not summary:
                base = evaluate(Baseline(names), cases, name="基线")
                click.echo(f"== {path}")
                click.echo(format_report(ours, base))
            missed = missed or bool(ours.targets_met())
        if not as_json and (summary or len(reports) > 1):
            click.echo("== 各标注集并列（匹配器）")
            click.echo(format_sets(reports))
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
        from router.decide.generate import generate_cases
        from router.engine.crosscheck import CrossChecker
        cases = [item for _, item in _read_lines(cross)] if cross else []
        cases += list(generate_cases(router.catalog, generated))
        n, bad = CrossChecker(router).check(cases)
        _show(render_cross, n, bad)
        if bad:
            raise _Fail("", EXIT_PARTIAL)
        return
    from router.policy.fixtures import clause_counts, load_fixtures, run_fixture
    fixtures = load_fixtures(list(paths) or [FIXTURES])
    outcomes = [run_fixture(router, fx) for fx in fixtures]
    _show(render_check, outcomes, clause_counts(fixtures))
    if any(not o.ok for o in outcomes):
        raise _Fail("", EXIT_PARTIAL)


# ---- catalog -------------------------------------------------------------------------------
@cli.group(name="catalog", help="目录（事项、主体、下放批次、节假日、匹配知识）的检查与查看。")
def catalog_group():
    pass




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
    from router.policy.lint import check_catalog
    report = check_catalog(catalog, fixtures_dir=FIXTURES if Path(FIXTURES).is_dir() else None)
    _emit(as_json, lambda: check_json(report),
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
    from router.catalog.load import load_catalog
    cal = load_catalog(catalog).calendar
    _show(render_calendar, cal, year)


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
    from router.policy.importing import ImportOptions, import_catalog
    options = ImportOptions(sheet=sheet, columns=tuple(columns), aliases=tuple(aliases), bodies=bodies,
                            effective=effective, document=document, source=source, listed=listed,
                            upgrade_listed=upgrade_listed, supersede=supersede, keep_missing=keep_missing,
                            fill_down=fill_down, matching_stubs=matching_stubs)
    result = import_catalog(file, catalog, options=options, dry_run=dry_run)
    _emit(as_json, lambda: import_json(result), lambda console: render_import(console, result))
    if result.errors:
        raise _Fail("", EXIT_INPUT)
    if result.check:
        raise _Fail("", EXIT_CATALOG)


@catalog_group.command(name="export", help="把目录写成官方清单样式的表格（.xlsx），可修改后用 zhifa catalog import 导回。\n\n"
                                           "例：zhifa catalog export 目录.xlsx")
@click.argument("file", type=click.Path(dir_okay=False))
@catalog_option
def catalog_export(file, catalog):
    from router.files.sheets import export_catalog
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
    from router.policy.diff import diff_catalogs
    result = diff_catalogs(old, new, cases=cases, impact=not no_impact, as_of=as_of,
                           fixtures=[FIXTURES] if Path(FIXTURES).is_dir() else [])
    _emit(as_json, result.to_json, lambda console: render_diff(console, result))


@catalog_group.command(name="list", help="列出某一天各事项由谁行使（下放的注明批次和文号）；加 --body 只看一个乡镇街道或部门。\n\n"
                                         "例：zhifa catalog list --as-of 2026-03-01 --body 岳村镇")
@as_of_option
@click.option("--body", help="乡镇街道或区直部门（名称或简称），如 岳村镇、中原办、城管局")
@click.option("--field", "field_", help="只看某一领域，如 消防救援、城市管理")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@catalog_option
def catalog_list(as_of, body, field_, as_json, catalog):
    from router.policy.listing import list_catalog
    listing = list_catalog(catalog, as_of=as_of, body=body, field_=field_)
    _emit(as_json, listing.to_json, lambda console: render_listing(console, listing))


@catalog_group.command(name="show", help="显示一个事项的全部信息：依据、核实情况、下放批次及其文件和推定，以及某一天各乡镇街道由谁行使。\n\n"
                                         "例：zhifa catalog show XF-03 --as-of 2026-03-01")
@click.argument("matter_id")
@as_of_option
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@catalog_option
def catalog_show(matter_id, as_of, as_json, catalog):
    from router.policy.listing import show_matter
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
    from router.policy.holidays import add_year
    result = add_year(year, root=catalog, title=title, published=published, holidays=holidays,
                      makeups=makeups, source_file=source_file, replace=replace, dry_run=dry_run)
    _show(render_calendar_add, result)
    if result.errors:
        mine = [p for p in result.errors if not p.file.endswith(".yaml") or p.file.endswith(f"{year}.yaml")]
        raise _Fail("", EXIT_INPUT if mine else EXIT_CATALOG)


# Renderers of the policy-staff tools.


# ---- case register (移送台账; router/register) ---------------------------------------------------
# One block: the register commands, and --register/--db/--source added to `route`. Each command
# parses its options, calls one library function and renders the result.
def _register(db, catalog=None):
    from router.register.register import Register
    return Register(db, catalog_root=catalog)


def _at_option(value):
    from router.decide.case import parse_at
    return parse_at(value)[0] if value else None


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


def _register_batch(path, output, db, source, catalog, workers=1):
    from router.register.batch import register_batch
    sink = open(output, "w", encoding="utf-8") if output else None
    try:
        with _register(db, catalog) as reg:
            summary = register_batch(reg, path, source=source, workers=workers,
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


@case_group.command(name="new", help="路由并登记一个案件（选项同 zhifa route），给出案件编号和结论。")
@case_fields
@click.option("--json", "as_json", is_flag=True, help="输出 JSON：{\"case\": 编号, …route 的 JSON…}")
@db_option
@source_option
@catalog_option
def case_new(as_json, db, source, catalog, **fields):
    _case_new(db, source, catalog, as_json, **fields)


@case_group.command(name="event", help="给案件追加一个事件（事件只增不改；更正用 --supersedes）。\n\n"
                                       "KIND：found dissuaded notified sent received refused returned opened fed_back "
                                       "answered corrected reported disputed dispute_decided police closed document")
@click.argument("number")
@click.argument("kind")
@click.option("--at", "at", help="事件发生时间（默认现在）")
@click.option("--by", "by", required=True, help="办理单位：乡镇街道或区直部门（dispute_decided 为华龙区人民政府）")
@click.option("--user", help="经办人（默认 ZHIFA_USER 或登录名）")
@click.option("--note", help="说明（dispute_decided 必填：决定内容）")
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


@case_group.command(name="letter", help="按案件台账生成机制要求的文书（.docx，GB/T 9704 版式），并记入案件时间线。\n\n"
                                        "KIND：referral 移送函；notice 书面告知书；complaint_notice 投诉举报告知；"
                                        "correction 纠正意见书；report 报告；dispute 提请决定；police 涉嫌犯罪案件移送书。"
                                        "只能生成本案决定所要求的文书。")
@click.argument("number")
@click.argument("kind")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="输出的 .docx 文件（默认当前文件夹下“案件编号-文书名称.docx”）；已存在时不覆盖")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
@click.option("--pdf", is_flag=True, help="另用 LibreOffice 转为 PDF（同名 .pdf）")
@click.option("--by", "by", help="生成文书的单位（应为发文机关，默认即发文机关）")
@click.option("--user", help="经办人（默认 ZHIFA_USER 或登录名）")
@click.option("--matter", help="案件有多个事项时，指定文书所涉事项编号")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@db_option
@catalog_option
def case_letter(number, kind, output, force, pdf, by, user, matter, as_json, db, catalog):
    from router.letters import LetterError, letter_kinds, to_pdf
    from router.register.letters import default_filename, draft_case_letter, templates_dir
    from router.register.register import Register
    with Register(db, catalog_root=catalog, user=user) as reg:
        names = letter_kinds(templates_dir(reg))
        out = output or default_filename(number, names.get(kind, kind))
        pdf_path = Path(out).with_suffix(".pdf") if pdf else None
        if pdf_path is not None and pdf_path.exists() and not force:
            raise _Fail(f"文件“{pdf_path}”已存在：另选文件名，或加 --force 覆盖", EXIT_INPUT)
        try:
            result = draft_case_letter(reg, number, kind, out, by=by, matter=matter, force=force).to_json()
        except LetterError as exc:
            raise _Fail(str(exc), EXIT_INPUT) from None
    if pdf_path is not None:
        try:
            result["pdf"] = str(to_pdf(result["file"], Path(result["file"]).parent))
        except LetterError as exc:
            _emit(as_json, lambda: result, lambda con: render_letter(con, result))
            raise _Fail(f"已生成 {result['file']}，但未能生成 PDF：{exc}", EXIT_INPUT) from None
    _emit(as_json, lambda: result, lambda con: render_letter(con, result))


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
    from router.register.stats import parse_day, write_xlsx
    from router.register.stats import stats as compute
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


# ---- web service (router/web; issue 17) ----------------------------------------------------------
# One block: `zhifa serve`, `zhifa user add/disable`, `zhifa token add`. Accounts and tokens live
# in the register database (--db / ZHIFA_DB).
@contextlib.contextmanager
def _web_db(db):
    """The register's database for an account or token command, closed afterwards."""
    from router.register.db import Database
    database = Database(db)
    try:
        yield database
    finally:
        database.close()


def _web_catalog(catalog):
    from router.catalog.load import load_catalog
    return load_catalog(catalog)


@cli.command(name="serve", help="启动执法协作网站和接口（浏览器打开 http://主机:端口/；接口说明 /api/openapi.json）。\n\n"
                                "--demo：使用演示台账（每个单位一个演示账号，启动时列出登录名和密码）。")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址（全区共用时如 0.0.0.0，并用 https 反向代理）")
@click.option("--port", default=8000, show_default=True, type=int, help="端口")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="工作进程数（建议与 CPU 核数相同）")
@click.option("--https", "https", is_flag=True, help="经 https 访问（直接或经反向代理）：Cookie 标记 Secure")
@click.option("--ssl-certfile", type=click.Path(exists=True, dir_okay=False), help="证书文件（由本程序直接提供 https）")
@click.option("--ssl-keyfile", type=click.Path(exists=True, dir_okay=False), help="私钥文件")
@click.option("--demo", is_flag=True, help="演示：台账为临时文件（或 --db 指定的空台账），写入演示账号和案件")
@click.option("--demo-cases", default=60, show_default=True, type=click.IntRange(0, 5000), help="演示案件数")
@db_option
@catalog_option
def serve(host, port, workers, https, ssl_certfile, ssl_keyfile, demo, demo_cases, db, catalog):
    import tempfile

    import uvicorn

    from router.web.settings import ENV_SETTINGS, WebSettings
    if bool(ssl_certfile) != bool(ssl_keyfile):
        raise _Fail("错误：--ssl-certfile 和 --ssl-keyfile 须同时给出", EXIT_INPUT)
    https = https or bool(ssl_certfile)
    demo_logins = ()
    if demo:
        if not db:
            db = str(Path(tempfile.mkdtemp(prefix="zhifa-demo-")) / "register.sqlite3")
        demo_logins = _seed_demo(db, catalog, demo_cases)
    settings = WebSettings(db=db, catalog=catalog, https=https, demo_logins=demo_logins).with_secret()
    os.environ[ENV_SETTINGS] = settings.to_env()
    scheme = "https" if ssl_certfile else "http"
    con = _console(stderr=True)
    con.print(f"华龙区执法协作平台：{scheme}://{host}:{port}/  （台账 {db or '默认位置'}；Ctrl-C 停止）", markup=False)
    uvicorn.run("router.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                ssl_certfile=ssl_certfile, ssl_keyfile=ssl_keyfile, proxy_headers=True,
                forwarded_allow_ips="127.0.0.1", log_level="warning", access_log=False)


def _seed_demo(db, catalog, cases):
    from rich.table import Table

    from router.register.register import Register
    from router.web import demo as demo_data
    from router.web.models import User
    with Register(db, catalog_root=catalog, user="演示数据") as reg:
        with reg.db.read() as s:
            if s.query(User).count():
                raise _Fail(f"错误：台账 {db} 已有账号，不能写入演示数据（--demo 不加 --db 时使用临时台账）", EXIT_INPUT)
        logins = demo_data.seed(reg, cases=cases)
    table = Table(title="演示账号（所有账号密码相同）")
    for col in ("登录名", "单位", "角色", "密码"):
        table.add_column(col)
    roles = {"clerk": "办事员", "supervisor": "监督人员", "policy": "政策人员"}
    for x in logins:
        table.add_row(x.login, x.body, roles[x.role], x.password)
    _console().print(table)
    return tuple((x.login, x.body, roles[x.role], x.password) for x in logins)


@cli.group(name="user", help="网站账号：添加、停用（账号保存在台账数据库中）。")
def user_group():
    pass


@user_group.command(name="add", help="添加账号。密码从标准输入读取（--password-stdin），如：\n\n"
                                     "  echo '一个足够长的密码' | zhifa user add zhangsan --body 岳村镇 --role clerk --password-stdin")
@click.argument("login")
@click.option("--body", required=True, help="所属单位：乡镇街道、区直部门（办事员），华龙区司法局或华龙区人民政府（监督人员）")
@click.option("--role", required=True, type=click.Choice(["clerk", "supervisor", "policy"]),
              help="clerk 办事员（本单位案件）；supervisor 监督人员（全部案件和统计）；policy 政策人员（事项目录）")
@click.option("--name", default="", help="姓名（显示在页面和事件记录中）")
@click.option("--password-stdin", "password_stdin", is_flag=True, required=True, help="从标准输入读取密码（至少 10 个字符）")
@db_option
@catalog_option
def user_add(login, body, role, name, password_stdin, db, catalog):
    from router.web.auth import add_user
    password = sys.stdin.readline()
    with _web_db(db) as database:
        user = add_user(database, _web_catalog(catalog), login, body=body, role=role, password=password, name=name)
    _console().print(f"已添加账号 {user.login}：{user.body}，{ {'clerk': '办事员', 'supervisor': '监督人员', 'policy': '政策人员'}[user.role] }",
                     markup=False)


@user_group.command(name="disable", help="停用账号，并立即结束其已登录的会话（账号和其事件记录保留）。")
@click.argument("login")
@db_option
def user_disable(login, db):
    from router.web.auth import disable_user
    with _web_db(db) as database:
        ended = disable_user(database, login)
    _console().print(f"已停用账号 {login}，结束会话 {ended} 个", markup=False)


@user_group.command(name="passwd", help="为账号设置新密码（从标准输入读取，--password-stdin），并结束该账号已登录的会话：\n\n"
                                        "  echo '新的足够长的密码' | zhifa user passwd zhangsan --password-stdin")
@click.argument("login")
@click.option("--password-stdin", "password_stdin", is_flag=True, required=True, help="从标准输入读取新密码（至少 10 个字符）")
@db_option
def user_passwd(login, password_stdin, db):
    from router.web.auth import set_password
    password = sys.stdin.readline()
    with _web_db(db) as database:
        ended = set_password(database, login, password)
    _console().print(f"已修改账号 {login} 的密码，结束会话 {ended} 个", markup=False)


@cli.group(name="token", help="接口令牌：供 12345 热线等系统调用接口（Authorization: Bearer <令牌>）。")
def token_group():
    pass


@token_group.command(name="add", help="添加接口令牌；令牌只显示这一次，台账中只保存其摘要。")
@click.argument("name")
@click.option("--body", required=True, help="令牌代表的单位（乡镇街道或区直部门）：只能看到、办理涉及该单位的案件")
@db_option
@catalog_option
def token_add(name, body, db, catalog):
    from router.web.auth import add_token
    with _web_db(db) as database:
        new = add_token(database, _web_catalog(catalog), name, body=body)
    _console(stderr=True).print(f"已添加接口令牌“{new.name}”（{new.body}）。令牌只显示这一次，请妥善保存：", markup=False)
    click.echo(new.token)



@token_group.command(name="list", help="列出接口令牌：名称、单位、令牌开头几位、添加时间、最近使用、是否停用（不显示令牌本身）。")
@click.option("--json", "as_json", is_flag=True, help="JSON 输出")
@db_option
def token_list(as_json, db):
    from router.web.auth import list_tokens
    with _web_db(db) as database:
        tokens = list_tokens(database)
    from router.model.clock import CST
    when = lambda t: t.astimezone(CST).strftime("%Y-%m-%d %H:%M") if t else None  # noqa: E731
    if as_json:
        click.echo(json.dumps([{"name": t.name, "body": t.body, "prefix": t.prefix, "created_at": when(t.created_at),
                                "last_used_at": when(t.last_used_at), "revoked_at": when(t.revoked_at)}
                               for t in tokens], ensure_ascii=False, indent=2))
        return
    if not tokens:
        _console().print("没有接口令牌（zhifa token add 添加）", markup=False)
        return
    from rich.table import Table
    table = Table(title="接口令牌")
    for col in ("名称", "单位", "开头", "添加时间", "最近使用", "状态"):
        table.add_column(col)
    for t in tokens:
        table.add_row(t.name, t.body, t.prefix + "…", when(t.created_at), when(t.last_used_at) or "未使用",
                      f"已停用（{when(t.revoked_at)}）" if t.revoked_at else "有效")
    _console().print(table)


@token_group.command(name="revoke", help="停用接口令牌：立即拒绝其调用（其他工作进程中至多 5 秒内生效）；记录保留。")
@click.argument("name")
@db_option
def token_revoke(name, db):
    from router.web.auth import revoke_token
    with _web_db(db) as database:
        info = revoke_token(database, name)
    _console().print(f"已停用接口令牌“{info.name}”（{info.body}）", markup=False)



# ---- entry point ---------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    """Run the CLI; map every exception to one documented exit code and a Chinese message."""
    from router.model.errors import CatalogError, EngineError, InputError
    args = argv if argv is not None else sys.argv[1:]
    # --traceback is an option of `zhifa` itself, before the command: a value "--traceback"
    # given to a command's option (--matter --traceback) does not ask for one.
    leading = args[:next((i for i, a in enumerate(args) if not a.startswith("-")), len(args))]
    show_tb = "--traceback" in leading or os.environ.get("ZHIFA_TRACEBACK") == "1"
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


# Commands that only read: they leave without the interpreter's teardown (freeing the hundreds of
# thousands of objects of the catalog one by one takes ~20 ms of a ~200 ms `zhifa route`).
_QUICK_EXIT = frozenset({"route", "match"})


def _short_run(args: list[str]) -> tuple[bool, bool]:
    """For the command line `args`: (leave at once after main(), run without the cyclic garbage
    collector). The first holds for the read-only commands (_QUICK_EXIT); the second only when
    they handle one description (not --batch, --eval or --train, with or without "=VALUE")."""
    command = next((a for a in args if not a.startswith("-")), None)
    options = {a.split("=", 1)[0] for a in args if a.startswith("--")}
    quick = command in _QUICK_EXIT
    return quick, quick and not {"--batch", "--eval", "--train"} & options


def run() -> None:
    """The `zhifa` command: main(), then exit with its code. After a read-only command (route,
    match), whose output is written and files closed when main() returns, the process ends at
    once (os._exit) instead of tearing the interpreter down; other commands exit normally. One
    description is a short process of bounded size: the cyclic garbage collector, which would
    walk the new modules and the catalog again and again while they load (~13 ms), is not run."""
    quick, no_gc = _short_run(sys.argv[1:])
    if no_gc:
        gc.disable()
    code = main()
    if quick:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (BrokenPipeError, OSError):   # `zhifa route … | head`: the reader left
            pass
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    run()
