"""click's own messages (usage errors, help headings) in Chinese.

click marks every message it shows for translation with `gettext` (`_()` and `ngettext()` in each of
its modules). `install()` points those names, in click's modules, at a translator backed by the table
below; a message not in the table is shown as click wrote it. The table is checked against the
installed click by tests/test_cli_chinese.py, so an upgrade that rewords a message is noticed.
"""
from __future__ import annotations

import importlib
import string

MESSAGES = {
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "位置参数",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Missing command.": "缺少命令。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受取值。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "Invalid value: {message}": "取值无效：{message}",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Aborted!": "已中断",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} 不是有效的是/否取值；可用：{states}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不可执行。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "Repeat for confirmation": "再次输入以确认",
    "Error: The two entered values do not match.": "错误：两次输入不一致。",
    "Error: invalid input": "错误：输入无效",
    "Do you want to continue?": "是否继续？",
    "Confirm the action without prompting.": "不提示，直接确认。",
}
PLURALS = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        "多余的参数（{args}）",
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        "选项 {name!r} 需要取值。",
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        "{value!r} 不是可用的取值；可用：{choices}。",
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        "（是否想输入：{possibilities}？）",
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        "需要 {nargs} 个值，实际给了 {len} 个。",
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        "{value!r} 不符合格式 {formats}。",
}
MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


# Words click puts into a message after translating it (type names): translated when formatted.
WORDS = {"integer": "整数", "float": "数字", "integer range": "整数范围", "float range": "数字范围",
         "text": "文本", "boolean": "是/否", "choice": "选项", "file": "文件", "directory": "文件夹",
         "path": "路径", "argument": "参数", "option": "选项", "parameter": "参数"}


class _Template(str):
    """A translated message whose format() also translates the words filled into it."""

    __slots__ = ()

    def format(self, *args, **kwargs) -> str:  # noqa: A003 - str.format's own name
        kwargs = {k: WORDS.get(v, v) if isinstance(v, str) else v for k, v in kwargs.items()}
        return str.format(self, *args, **kwargs)


def gettext(message: str) -> str:
    return _Template(MESSAGES.get(message, message))


def ngettext(singular: str, plural: str, n: int) -> str:
    hit = PLURALS.get((singular, plural))
    if hit is None:
        return singular if n == 1 else plural
    # The Chinese text names every placeholder of the plural form; click formats the singular
    # with only its own, so keep to those.
    return _Template(hit if n != 1 or _fields(hit) <= _fields(singular) else _singular(hit, singular))


def _fields(text: str) -> set[str]:
    return {name.split("!")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def _singular(hit: str, singular: str) -> str:
    for plural_name, single_name in (("{possibilities}", "{possibility}"), ("{choices}", "{choice}"),
                                     ("{formats}", "{format}"), ("{len}", "1")):
        hit = hit.replace(plural_name, single_name)
    return hit


def install() -> None:
    """Point click's translation names at the table (idempotent)."""
    for name in MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
