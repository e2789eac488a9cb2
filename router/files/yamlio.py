"""Strict YAML reading: safe loader only, duplicate keys are errors, errors name the file.

Reading the catalog never executes anything from it (only SafeConstructor's plain data types).

Two parsers give the same result: libyaml (PyYAML's C extension, about 5x faster on a
province-scale catalog) when PyYAML was built with it, else PyYAML's pure-Python parser. Both
use the same resolver and constructors (Python code), so the data are the same; where the two
parsers would word a problem differently (syntax errors) the file is re-read with the
pure-Python parser, so a broken file is reported in the same words whichever is installed.
"""
from __future__ import annotations

import marshal
import os
import re
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from router.model.errors import CatalogError, Problem
from router.model.lazydc import dataclass
from router.model.lazyre import LazyPattern

MAX_BYTES = 5 * 1024 * 1024  # a catalog file larger than this is refused, not parsed
# `zhifa catalog check` reads matching.yaml twice (the matcher, then the overlap check): large
# files parsed in this process are kept, by content, as a marshal copy (a private deep copy
# costs ~2% of a parse). Keyed by a hash of the bytes, so an edited file is never stale.
_PARSED: dict[bytes, bytes] = {}
_PARSED_LOCK = threading.Lock()
_PARSED_MIN_BYTES = 64 * 1024
_PARSED_ENTRIES = 4
ALIAS_REFUSED = "目录文件不允许使用 YAML 别名（*引用）"
# Catalog and rule files nest fewer than 10 levels. A limit far below Python's recursion limit
# turns a pathological file into a problem report (not a crash), at the same node in both parsers.
MAX_DEPTH = 50
MAX_INT_DIGITS = 100
TOO_DEEP = f"嵌套层次过深（超过 {MAX_DEPTH} 层的列表或映射）"


@lru_cache(maxsize=1)
def _loaders():
    """Build the strict loader classes on first use: a clerk's `zhifa route` served from the
    start-up cache never parses YAML, so it should not pay for importing PyYAML either.
    Returns (yaml, pure-Python loader, libyaml loader or None)."""
    import yaml  # here, not at the top: ~30 ms of a cached start-up that never parses YAML

    def no_duplicates(loader, node, deep=False):
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            try:  # "? [a]", "? !!set {a}" are YAML, but not keys anyone means
                hash(key)
                unhashable = isinstance(key, (list, dict))
            except TypeError:
                unhashable = True
            if unhashable:
                raise yaml.constructor.ConstructorError(
                    None, None, "键应为文本，不能是列表、集合或映射", key_node.start_mark)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"重复的键 “{key}”", key_node.start_mark)
            seen.add(key)
        return loader.construct_mapping(node, deep=deep)

    # Keep timestamps as strings (dropped resolver), and let only true/false be booleans: YAML
    # 1.1 would turn yes/no/on/off into booleans, a classic trap for people editing by hand.
    resolvers = {
        ch: [(tag, rx) for tag, rx in rs
             if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
        for ch, rs in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    scalar = yaml.nodes.ScalarNode

    class Strict:
        """What both loaders add to PyYAML's safe loader."""

        def __init__(self, stream):
            super().__init__(stream)
            self.resolved: dict = {}

        def construct_yaml_int(self, node):
            digits = len(node.value)
            if digits > MAX_INT_DIGITS:  # Python refuses (or spends seconds on) thousands of digits
                raise yaml.constructor.ConstructorError(
                    None, None, f"数字过长（{digits} 个字符，上限 {MAX_INT_DIGITS}）：如是文本，请加引号",
                    node.start_mark)
            return super().construct_yaml_int(node)

        def resolve(self, kind, value, implicit):
            # The same few values (department names, confirmed, true…) recur thousands of times
            # in a large catalog: resolve each once per file. There are no path resolvers, so
            # the tag depends on (value, implicit) alone.
            if kind is not scalar:
                return super().resolve(kind, value, implicit)
            tag = self.resolved.get((value, implicit))
            if tag is None:
                tag = self.resolved[(value, implicit)] = super().resolve(kind, value, implicit)
            return tag

    def strict(cls):
        cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, no_duplicates)
        cls.yaml_implicit_resolvers = {ch: list(rs) for ch, rs in resolvers.items()}
        cls.add_implicit_resolver(
            "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
        return cls

    @strict
    class StrictLoader(Strict, yaml.SafeLoader):
        """SafeLoader that refuses duplicate keys and aliases, and keeps dates as text.

        Dates stay strings so the catalog loader checks them as text (YYYY-MM-DD) before
        parsing, and so a value like 2026-02-30 is reported instead of crashing the parser.
        Aliases (*x) can blow a small file up to gigabytes: the catalog never needs them.
        """

        depth = 0  # lists and mappings the node being composed is inside

        def compose_node(self, parent, index):
            if self.check_event(yaml.events.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(None, None, ALIAS_REFUSED, event.start_mark)
            if self.check_event(yaml.events.CollectionStartEvent):
                if self.depth >= MAX_DEPTH:
                    raise yaml.composer.ComposerError(None, None, TOO_DEEP, self.peek_event().start_mark)
                self.depth += 1
                try:
                    return super().compose_node(parent, index)
                finally:
                    self.depth -= 1
            return super().compose_node(parent, index)

    cstrict = None
    if getattr(yaml, "__with_libyaml__", False):
        @strict
        class CStrictLoader(Strict, yaml.CSafeLoader):
            """The same loader on libyaml. libyaml composes nodes in C, so aliases are refused
            before composing, by _alias_in_c on its event stream."""

        cstrict = CStrictLoader
    return yaml, StrictLoader, cstrict


def _problem(yaml, exc, name: str) -> CatalogError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f"第 {mark.line + 1} 行" if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc)
    return CatalogError([Problem(name, where, None, f"YAML 格式错误：{problem}")])


class _AskPure(Exception):
    """libyaml met something the pure-Python parser words its own way: let it report."""


def _alias_in_c(yaml, text: str):
    """The mark of the first alias in the first document, read from libyaml's event stream
    (nothing is composed, so a billion-laughs file costs no more than its size); None when
    there is none. Anything else irregular before it (a parse error, a duplicate anchor, a
    second document) is left to the pure-Python parser so the report is worded the same."""
    events = yaml.events
    parser = yaml.CSafeLoader(text)
    anchors: set[str] = set()
    documents = 0
    try:
        while True:
            try:
                event = parser.get_event()
            except yaml.YAMLError:
                raise _AskPure from None
            if event is None or isinstance(event, events.StreamEndEvent):
                return None
            if isinstance(event, events.AliasEvent):
                return event.start_mark
            if isinstance(event, events.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _AskPure
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                if anchor in anchors:
                    raise _AskPure
                anchors.add(anchor)
    finally:
        parser.dispose()


def load_text(text: str, name: str, *, pure: bool = False) -> Any:
    """Parse YAML text; any problem becomes a CatalogError naming `name` and the line.
    `pure` forces the pure-Python parser (tests compare the two)."""
    yaml, loader, cloader = _loaders()
    if cloader is not None and not pure:
        try:
            return _load_c(yaml, cloader, text, name)
        except _AskPure:
            pass
    try:
        parser = loader(text)  # the reader checks for unprintable characters here
        try:
            return _construct(yaml, parser, parser.get_single_node())
        finally:
            parser.dispose()
    except yaml.YAMLError as exc:
        raise _problem(yaml, exc, name) from None


def _load_c(yaml, cloader, text: str, name: str) -> Any:
    """The libyaml path. Where libyaml is known to read on and the pure-Python parser stops (a
    tab between tokens, some control characters, "?" in an unquoted scalar inside [ ] or { },
    a tag ending at a flow indicator), the file goes to the pure-Python parser, so the two
    give the same data or the same first problem."""
    if "\t" in text or yaml.reader.Reader.NON_PRINTABLE.search(text):
        raise _AskPure
    try:
        return _compose_and_construct_c(yaml, cloader, text, name)
    except CatalogError:
        # A problem found here is the first one libyaml meets; with "?" or "!" in the file the
        # pure-Python parser may stop earlier: let it say which.
        if "?" in text or "!" in text:
            raise _AskPure from None
        raise


def _compose_and_construct_c(yaml, cloader, text: str, name: str) -> Any:
    # An alias is always written with "*": a file without one needs no event scan.
    if "*" in text:
        mark = _alias_in_c(yaml, text)
        if mark is not None:
            raise CatalogError([Problem(name, f"第 {mark.line + 1} 行", None,
                                        f"YAML 格式错误：{ALIAS_REFUSED}")])
    parser = cloader(text)
    try:
        node = parser.get_single_node()
        if node is None:
            return None
        deep = _too_deep(yaml, node)
        if deep is not None:
            raise CatalogError([Problem(name, f"第 {deep.start_mark.line + 1} 行", None,
                                        f"YAML 格式错误：{TOO_DEEP}")])
        if ("?" in text or "!" in text) and _lenient_spots(yaml, text, node):
            raise _AskPure
        return _construct(yaml, parser, node)
    except yaml.constructor.ConstructorError as exc:
        # Raised by the Python constructors both parsers share (duplicate keys, unknown tags).
        raise _problem(yaml, exc, name) from None
    except yaml.YAMLError:
        raise _AskPure from None
    finally:
        parser.dispose()


_STR, _SEQ, _MAP = ("tag:yaml.org,2002:" + t for t in ("str", "seq", "map"))
_SCALAR_TAGS = {"tag:yaml.org,2002:" + t: f"construct_yaml_{t}" for t in ("int", "float", "bool", "null")}


class _NotPlain(Exception):
    pass


def _construct(yaml, loader, node) -> Any:
    """The data of a composed document, as loader.construct_document(node) makes them. Catalog
    files are plain lists, mappings and scalars: those are built by one direct walk (PyYAML's
    general constructor, with its deferred generators, costs a third of a libyaml parse).
    Anything else (an explicit tag, a merge key, a duplicate key, a list as a key) goes to
    PyYAML's constructor, which builds it or reports the problem in its own order and words."""
    if node is None:
        return None
    scalar, sequence, mapping = yaml.nodes.ScalarNode, yaml.nodes.SequenceNode, yaml.nodes.MappingNode
    scalars = {tag: getattr(loader, method) for tag, method in _SCALAR_TAGS.items()}

    def build(node):
        cls, tag = node.__class__, node.tag
        if cls is scalar:
            if tag == _STR:
                return node.value
            make = scalars.get(tag)
            if make is None:
                raise _NotPlain
            return make(node)
        if cls is sequence and tag == _SEQ:
            return [build(item) for item in node.value]
        if cls is mapping and tag == _MAP:
            out = {}
            for key_node, value_node in node.value:
                if key_node.__class__ is not scalar:
                    raise _NotPlain
                key = build(key_node)
                if key in out:
                    raise _NotPlain
                out[key] = build(value_node)
            return out
        raise _NotPlain

    try:
        return build(node)
    except _NotPlain:
        return loader.construct_document(node)


def _too_deep(yaml, root):
    """The first list or mapping (in document order) nested deeper than MAX_DEPTH, as the
    pure-Python loader would meet it; None for every real file. Scalars are not visited."""
    mapping, scalar = yaml.nodes.MappingNode, yaml.nodes.ScalarNode

    def inner(node):
        if node.__class__ is mapping:
            return [c for pair in node.value for c in pair if c.__class__ is not scalar]
        return [c for c in node.value if c.__class__ is not scalar]

    level = [] if root.__class__ is scalar else [root]
    for _ in range(MAX_DEPTH):  # breadth first: cheap, and enough to say "none"
        level = [c for node in level for c in inner(node)]
    if not level:
        return None
    stack = [(root, 1)]  # depth first, in document order, to name the first one
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node
        stack.extend((c, depth + 1) for c in reversed(inner(node)))
    return None


_TAG_AT = LazyPattern(r"(?:&[^\s,\[\]{}]+\s+)?!")  # a node's properties: [&anchor] !tag


def _lenient_spots(yaml, text: str, root) -> bool:
    """Whether the document has what libyaml reads and the pure-Python parser may not: "?" in
    an unquoted scalar inside [ ] or { } (the pure-Python parser ends the scalar there), or an
    explicit tag (libyaml ends "!!str" at a flow indicator, the pure-Python parser reads on).
    Catalog files have neither; the walk runs only when "?" or "!" is in the text."""
    mapping, scalar = yaml.nodes.MappingNode, yaml.nodes.ScalarNode
    question, bang = "?" in text, "!" in text
    stack = [root]
    while stack:
        node = stack.pop()
        if bang and _TAG_AT.match(text, node.start_mark.index):
            return True
        if node.__class__ is scalar:
            continue
        items = [c for pair in node.value for c in pair] if node.__class__ is mapping else node.value
        # a plain scalar's style is None (pure-Python parser) or "" (libyaml)
        if question and node.flow_style and any(c.__class__ is scalar and not c.style and "?" in c.value
                                                 for c in items):
            return True
        stack.extend(items)
    return False


# Characters that change how text is shown without being seen: bidi embeddings, overrides and
# isolates (a name can read differently from what it is), and zero-width ones.
HIDDEN = {"\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
          "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
          "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE",
          "\u2067": "RIGHT-TO-LEFT ISOLATE", "\u2068": "FIRST STRONG ISOLATE",
          "\u2069": "POP DIRECTIONAL ISOLATE", "\u200e": "LEFT-TO-RIGHT MARK",
          "\u200f": "RIGHT-TO-LEFT MARK", "\u061c": "ARABIC LETTER MARK",
          "\u200b": "ZERO WIDTH SPACE", "\u2060": "WORD JOINER"}
_HIDDEN_RX = LazyPattern("[" + "".join(HIDDEN) + "]")


def hidden_characters(text: str) -> list[tuple[int, str]]:
    """(line number, character) of every HIDDEN character in `text`."""
    out = []
    for m in _HIDDEN_RX.finditer(text):
        out.append((text.count("\n", 0, m.start()) + 1, m.group()))
    return out


@dataclass
class Snapshot:
    """The bytes of a set of files, read once. While it is active (`with reading(snapshot)`),
    load_file serves those files from it, so whatever is built from them is built from exactly
    the bytes that were hashed (the start-up cache's key); a file read from disk instead is
    recorded in `outside`."""

    files: dict[str, bytes]  # absolute path -> bytes
    outside: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, folders: Iterable[tuple[Path, str]]) -> "Snapshot":
        """Every file matching each (folder, glob pattern), read once."""
        files: dict[str, bytes] = {}
        for folder, pattern in folders:
            for path in sorted(folder.glob(pattern)):
                if path.is_file():
                    files[os.path.abspath(path)] = path.read_bytes()
        return cls(files)


_ACTIVE: ContextVar[Snapshot | None] = ContextVar("zhifa_yaml_snapshot", default=None)


@contextmanager
def reading(snapshot: Snapshot) -> Iterator[Snapshot]:
    token = _ACTIVE.set(snapshot)
    try:
        yield snapshot
    finally:
        _ACTIVE.reset(token)


def _file_bytes(p: Path) -> bytes:
    snapshot = _ACTIVE.get()
    if snapshot is not None:
        key = os.path.abspath(p)
        data = snapshot.files.get(key)
        if data is not None:
            return data
        snapshot.outside.append(key)
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise CatalogError([Problem(str(p), None, None, f"文件过大（{size} 字节，上限 {MAX_BYTES} 字节）")])
    return p.read_bytes()


def load_file(path: str | Path, *, pure: bool = False) -> Any:
    """Read and parse one YAML file strictly."""
    p = Path(path)
    try:
        raw = _file_bytes(p)
        if len(raw) > MAX_BYTES:
            raise CatalogError([Problem(str(p), None, None,
                                        f"文件过大（{len(raw)} 字节，上限 {MAX_BYTES} 字节）")])
    except OSError as exc:
        raise CatalogError([Problem(str(p), None, None, f"无法读取文件：{exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CatalogError([Problem(str(p), None, None, "文件不是 UTF-8 编码")]) from None
    if pure or len(raw) < _PARSED_MIN_BYTES:
        return load_text(text, str(p), pure=pure)
    from hashlib import (
        blake2b,  # here: loading OpenSSL costs ~3 ms of every `zhifa route` start
    )
    digest = blake2b(raw, digest_size=20).digest()
    blob = _PARSED.get(digest)
    if blob is not None:
        return marshal.loads(blob)
    data = load_text(text, str(p))
    try:
        blob = marshal.dumps(data)
    except ValueError:  # an explicit !!timestamp: not plain data, not kept
        return data
    with _PARSED_LOCK:
        while len(_PARSED) >= _PARSED_ENTRIES:
            del _PARSED[next(iter(_PARSED))]
        _PARSED[digest] = blob
    return data
