"""Strict YAML reading: safe loader only, duplicate keys are errors, errors name the file.

Reading the catalog never executes anything from it (yaml.SafeLoader constructs plain data only).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import CatalogError, Problem

MAX_BYTES = 5 * 1024 * 1024  # a catalog file larger than this is refused, not parsed


@lru_cache(maxsize=1)
def _loader():
    """Build the strict loader class on first use: a clerk's `zhifa route` served from the
    start-up cache never parses YAML, so it should not pay for importing PyYAML either."""
    import yaml

    class StrictLoader(yaml.SafeLoader):
        """SafeLoader that refuses duplicate keys and aliases, and keeps dates as text.

        Dates stay strings so the catalog loader checks them as text (YYYY-MM-DD) before
        parsing, and so a value like 2026-02-30 is reported instead of crashing the parser.
        Aliases (*x) can blow a small file up to gigabytes: the catalog never needs them.
        """

        def compose_node(self, parent, index):
            if self.check_event(yaml.events.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, "目录文件不允许使用 YAML 别名（*引用）", event.start_mark)
            return super().compose_node(parent, index)

    def no_duplicates(loader, node, deep=False):
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"重复的键 “{key}”", key_node.start_mark)
            seen.add(key)
        return loader.construct_mapping(node, deep=deep)

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, no_duplicates)
    # Keep timestamps as strings (dropped resolver), and let only true/false be booleans: YAML
    # 1.1 would turn yes/no/on/off into booleans, a classic trap for people editing by hand.
    StrictLoader.yaml_implicit_resolvers = {
        ch: [(tag, rx) for tag, rx in resolvers
             if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
        for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    StrictLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    return yaml, StrictLoader


def load_text(text: str, name: str) -> Any:
    """Parse YAML text; any problem becomes a CatalogError naming `name` and the line."""
    yaml, loader = _loader()
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"第 {mark.line + 1} 行" if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise CatalogError([Problem(name, where, None, f"YAML 格式错误：{problem}")]) from None


def load_file(path: str | Path) -> Any:
    """Read and parse one YAML file strictly."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise CatalogError([Problem(str(p), None, None,
                                        f"文件过大（{size} 字节，上限 {MAX_BYTES} 字节）")])
        raw = p.read_bytes()
    except OSError as exc:
        raise CatalogError([Problem(str(p), None, None, f"无法读取文件：{exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CatalogError([Problem(str(p), None, None, "文件不是 UTF-8 编码")]) from None
    return load_text(text, str(p))
