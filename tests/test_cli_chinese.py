"""click's own messages reach users in Chinese: usage errors, help headings, suggestions."""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from cli import EXIT_INPUT, main
from router.render import clickzh

CLICK_SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in Path(click.__file__).parent.glob("*.py"))


@pytest.mark.parametrize("message", sorted(clickzh.MESSAGES))
def test_every_translated_message_is_one_click_still_uses(message):
    # an upgrade of click that rewords a message would otherwise silently bring English back
    assert repr(message)[1:-1] in CLICK_SOURCE or message in CLICK_SOURCE


@pytest.mark.parametrize("pair", sorted(clickzh.PLURALS))
def test_every_translated_plural_is_one_click_still_uses(pair):
    assert all(text in CLICK_SOURCE for text in pair)


@pytest.mark.parametrize("argv, expected", [
    (["route", "--bogus"], "没有选项 '--bogus'"),
    (["rout"], "是否想输入：'route'"),
    (["calendar", "show"], "缺少参数"),
    (["calendar", "show", "二〇二七"], "不是有效的"),
    (["route", "--workers", "0"], "不在范围"),
    (["catalog", "list", "--as-of"], "需要取值"),
])
def test_usage_errors_are_chinese(capsys, argv, expected):
    assert main(argv) == EXIT_INPUT
    err = capsys.readouterr().err
    assert expected in err
    # no English sentence left: what is Latin is option names, values and metavars only
    words = re.findall(r"[A-Za-z]{3,}", re.sub(r"'[^']*'|--[\w-]+|[A-Z_]{2,}", "", err))
    assert not words, err


def test_help_headings_are_chinese(capsys):
    assert main(["route", "--help"]) == 0
    out = capsys.readouterr().out
    assert "用法" in out and "选项" in out and "显示本帮助并退出" in out
    assert "Usage" not in out and "Show this message" not in out
