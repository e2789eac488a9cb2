"""A cache of the built catalog and rules, so a clerk's `zhifa route` starts fast.

Parsing the YAML (pure-Python PyYAML) and compiling the matcher take ~0.4 s; loading this file
instead takes a few tens of ms (bench/run.py's cold start). The cache key is a hash of every input file's path and bytes, of the
library's source files' sizes and modification times, and of the Python version, so any edit to
catalog/, rules/ or router/ invalidates it. The files are read once: the key is the hash of
those bytes and the state is parsed from the same bytes (router/files/yamlio.py's Snapshot), so
an edit made while the state is built is never stored under the old key. A start whose files are
all as a stamp beside the cache files describes them takes the key from the stamp instead of
reading and hashing them (see _SETTLED_NS).

The matcher's large word indexes are stored in pieces (router/model/shards.py), each a block of
the file read when a description first needs it (see MAGIC): a one-off route reads and unpickles
a few percent of them. Every block is checked against the CRC-32 written with it when it is read,
and the state and the index of the blocks as a whole when the file is opened.

A pickle can run code when it is loaded, so a cache file is loaded only from a folder that is
the user's own and private (created 0700; an existing one owned by someone else, or writable by
others, is not used at all), only if the file itself is a regular file owned by the user, not
writable by group or others and not hard-linked elsewhere; and then only with an unpickler that
admits the library's own classes and a few plain types (no functions, no other modules; the same
for every piece, router/model/pickling.py). A cache file that fails any check or does not load is
replaced by a freshly built one. The cache is an optimisation only: any problem reading or
writing it falls back to building from the files (a piece that does not load, read later, is
reported with what to do: router/model/shards.py).
"""
from __future__ import annotations

import gc
import importlib.util
import io
import os
import stat
import sys
import time
from array import array
from datetime import date
from zlib import crc32
# hashlib's blake2b is this one; importing hashlib also loads OpenSSL (~2 ms of every start), and
# tempfile (shutil, bz2, lzma: ~2 ms) is needed only when a cache file is written. (_blake2 is
# CPython's own module, not a public name: a Python built without it gets hashlib's.)
try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - every CPython 3.11 build we install has it
    from hashlib import blake2b
from pathlib import Path

from router.catalog.load import Catalog, load_catalog
from router.engine.rules import Rule, load_rules
from router.files import locations
from router.files.yamlio import Snapshot, reading
from router.model.errors import CatalogError
from router.model.pickling import SafeUnpickler, UnpicklingError
from router.model.shards import Blobs, StoredBlobs

ENV_DIR = "ZHIFA_CACHE_DIR"
ENV_OFF = "ZHIFA_NO_CACHE"
_CODE = Path(__file__).resolve().parents[1]  # router/
_PATTERNS = ("**/*.y*ml", "*.yaml")  # catalog/, rules/
_CALENDAR_LIBRARIES = ("chinese_calendar", "lunar_python")


def cache_dir() -> Path:
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zhifa"


def _root_tag(catalog_root: Path) -> str:
    return blake2b(str(catalog_root.resolve()).encode(), digest_size=16).hexdigest()[:12]


def _code_tag() -> bytes:
    """The library's code by size and modification time, the rule CPython itself uses to decide
    whether a .pyc is stale; and the same of the calendar libraries whose answers the cache keeps
    (WorkCalendar.warm), found without importing them."""
    parts = []
    # (os.walk and plain strings: rglob and relative_to on ~90 Path objects took ~1.5 ms of a start)
    code = str(_CODE)
    found = []
    for folder, _dirs, files in os.walk(code):
        rel = os.path.relpath(folder, code)
        for name in files:
            if name.endswith(".py"):
                found.append((name if rel == "." else f"{rel}/{name}", os.path.join(folder, name)))
    for rel, full in sorted(found):
        st = os.stat(full)
        parts.append(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\0")
    for name in _CALENDAR_LIBRARIES:
        try:
            spec = importlib.util.find_spec(name)
            st = os.stat(spec.origin) if spec and spec.origin else None
        except (ImportError, ValueError, OSError):
            st = None
        parts.append(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\0" if st else f"{name}\0-\0")
    return "".join(parts).encode()


def fingerprint(snapshot: Snapshot, catalog_root: Path) -> str:
    """The cache key of the state built from `snapshot` (the catalog and rule files' bytes)."""
    h = blake2b(digest_size=16)
    h.update(sys.version.encode())
    h.update(b"\0")
    for path, data in snapshot.files.items():  # in the order read: folder by folder, sorted
        h.update(path.encode("utf-8", "surrogateescape"))
        h.update(b"\0")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    h.update(_code_tag())
    h.update(str(catalog_root.resolve()).encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def build(catalog_root: Path, rules_dir: Path) -> tuple[Catalog, list[Rule]]:
    catalog = load_catalog(catalog_root)
    for part in ("calendar", "matcher"):
        try:  # warm the lazy parts; if one is broken, it reports itself when it is used
            getattr(catalog, part)
        except CatalogError:
            pass
    return catalog, load_rules(rules_dir)


def _folders(root: Path, rules: Path) -> list[tuple[Path, str]]:
    return [(root, _PATTERNS[0]), (rules, _PATTERNS[1])]


def read_inputs(root: Path, rules: Path) -> Snapshot:
    """The catalog and rule files, read once (the bytes the key is made of and the state is
    built from)."""
    return Snapshot.read(_folders(root, rules))


def load_state(catalog_dir: str | Path | None = None,
               rules_dir: str | Path | None = None) -> tuple[Catalog, list[Rule]]:
    root = locations.catalog_root(catalog_dir)
    rules = locations.rules_root(rules_dir)
    if os.environ.get(ENV_OFF) == "1" or not root.is_dir():
        return build(root, rules)
    folder = private_folder(cache_dir())
    on_disk = None
    if folder is not None:
        try:
            on_disk = _on_disk(root, rules)
        except OSError:
            pass
        key = _stamped_key(folder, root, on_disk[0]) if on_disk else None
        if key is not None:
            state = _load(_state_path(folder, root, key), key)
            if state is not None:
                return state
    try:
        snapshot = read_inputs(root, rules)
        key = fingerprint(snapshot, root)
    except OSError:
        return build(root, rules)
    if on_disk is not None and on_disk[1]:
        try:
            if _on_disk(root, rules) == on_disk:   # (nothing changed while the files were read)
                _write_stamp(folder, root, on_disk[0], key)
        except OSError:
            pass
    path = _state_path(folder, root, key) if folder else None
    if path is not None:
        state = _load(path, key)
        if state is not None:
            return state
    with reading(snapshot):
        state = build(root, rules)
    if path is not None and not snapshot.outside and _same_listing(snapshot, root, rules):
        try:
            state[0].calendar.warm(date.today().year)
        except (CatalogError, ImportError, ValueError):
            pass  # the calendar reports itself when it is used
        _store(path, state, key)
    return state


def _state_path(folder: Path, root: Path, key: str) -> Path:
    return folder / f"state-{_root_tag(root)}-{key}.pickle"


# ---- the key of files as they were stamped -----------------------------------------------------
# Hashing the catalog and rule files (1.7 MB) was 21.6 M instructions of every start, and reading
# them ~3 M more, to find a key that changes only when they do. A stamp beside the cache files
# keeps the key with what the files looked like when it was worked out (each one's path, size,
# modification and change times, inode and device; with the code tag, the Python version and the
# folder, as in the key); a start that finds them all as stamped takes the key from the stamp and
# neither reads nor hashes them. Any write to a file sets its change time to the clock's time,
# which no one can set back. As git does with its index ("racily clean" files), a stamp is written
# only for files all last changed over _SETTLED_NS before, so that a change of the same size
# within the same tick of the file system's clock cannot look the same, and only when nothing
# changed while they were read and hashed. The state itself is still looked up, and checked, by
# the key (_load).
_SETTLED_NS = 2_000_000_000
_STAMP = "zhifa-stamp 1"


def _on_disk(root: Path, rules: Path) -> tuple[str, bool]:
    """A digest of all the key is made of but the files' bytes (the files as the file system
    describes them), and whether every file was last changed more than _SETTLED_NS ago. Raises
    OSError when a file cannot be looked at."""
    h = blake2b(digest_size=16)
    h.update(sys.version.encode())
    h.update(b"\0")
    before = time.time_ns() - _SETTLED_NS
    settled = True
    for folder, pattern in _folders(root, rules):   # the files read_inputs reads, in its order
        for p in sorted(folder.glob(pattern)):
            st = os.stat(p)
            if not stat.S_ISREG(st.st_mode):
                continue
            h.update(f"{os.path.abspath(p)}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0"
                     f"{st.st_ino}\0{st.st_dev}\0".encode("utf-8", "surrogateescape"))
            settled = settled and max(st.st_mtime_ns, st.st_ctime_ns) < before
    h.update(_code_tag())
    h.update(str(root.resolve()).encode("utf-8", "surrogateescape"))
    return h.hexdigest(), settled


def _stamp_path(folder: Path, root: Path) -> Path:
    return folder / f"stamp-{_root_tag(root)}"


def _stamped_key(folder: Path, root: Path, on_disk: str) -> str | None:
    """The key the stamp keeps for the files as they are on disk now, or None."""
    data = _read_own(_stamp_path(folder, root), 256)
    if data is None:
        return None
    lines = data.decode("ascii", "replace").split("\n")
    if len(lines) < 3 or lines[0] != _STAMP or lines[1] != on_disk:
        return None
    key = lines[2]
    return key if len(key) == 32 and all(c in "0123456789abcdef" for c in key) else None


def _write_stamp(folder: Path, root: Path, on_disk: str, key: str) -> None:
    try:
        _write_private(_stamp_path(folder, root), f"{_STAMP}\n{on_disk}\n{key}\n".encode("ascii"))
    except OSError:
        pass


def _open_own(path: Path) -> tuple[int, os.stat_result] | None:
    """An open descriptor of `path` and its status when it is a regular file of this user's that
    no one else can write and that has no other name; else None."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if (stat.S_ISREG(st.st_mode) and st.st_uid == os.geteuid() and not st.st_mode & 0o022
                and st.st_nlink == 1):
            return fd, st
    except OSError:
        pass
    os.close(fd)
    return None


def _read_own(path: Path, limit: int) -> bytes | None:
    """The first `limit` bytes of `path` when _open_own opens it."""
    opened = _open_own(path)
    if opened is None:
        return None
    try:
        return _read_at(opened[0], limit, 0)
    except OSError:
        return None
    finally:
        os.close(opened[0])


def _write_private(path: Path, data: bytes) -> None:
    """`data` as the whole of `path`, 0600, put in place at once (a reader sees the old file or
    the new one)."""
    import tempfile
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")  # 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _same_listing(snapshot: Snapshot, root: Path, rules: Path) -> bool:
    """Whether the folders still list the files of the snapshot (the build lists them itself)."""
    try:
        listed = [os.path.abspath(p) for folder, pattern in _folders(root, rules)
                  for p in sorted(folder.glob(pattern)) if p.is_file()]
    except OSError:
        return False
    return listed == list(snapshot.files)


def private_folder(folder: Path) -> Path | None:
    """`folder`, created 0700 if missing, when it is a real folder owned by this user that no
    one else can write (an older zhifa's 0755 folder is made 0700); else None: not used."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass
        st = os.lstat(folder)
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid():
            return None
        if st.st_mode & 0o022:  # others could have planted files: not ours to trust
            return None
        if st.st_mode & 0o077:
            os.chmod(folder, 0o700)
        return folder
    except OSError:
        return None


# ---- the file ------------------------------------------------------------------------------
# A cache file is MAGIC, a header, the index of its blocks, the state (a pickle) and the blocks:
#   header  the key it was stored under (16 bytes), the number of blocks (4 bytes), the pickle's
#           length (8) and a CRC-32 of the index and the pickle (4), little-endian;
#   index   unsigned 64-bit little-endian numbers: where each block starts and, last, where the
#           file ends (count + 1), then each block's CRC-32 (count);
#   pickle  the state, each list of pickled pieces (router/model/shards.py's Blobs) written as a
#           reference (first block, number of blocks) instead of its bytes;
#   blocks  the pickled pieces, one a block.
# Until the twenty-eighth session the file was one pickle, its ~600 pieces bytes objects in it:
# every start read all 8.6 MB and copied the 8.2 MB of pieces out of it, though a one-off route
# unpickles about 45 of them (1.2 MB). Now a start reads the index and the state (~0.7 MB) and
# each piece's block when the piece is first asked for: 4,000 fewer pages touched (minor faults,
# /usr/bin/time) and 16 M fewer instructions of a 511 M route (callgrind).
MAGIC = b"zhifa\x00s2"
_HEAD = len(MAGIC) + 16 + 4 + 8 + 4
_Q = 8


if hasattr(os, "pread"):
    def _read_at(fd: int, size: int, offset: int) -> bytes:
        """`size` bytes of the file at `offset` (fewer at its end), without moving a shared file
        position: pieces may be read by several threads, or by forked workers, at once."""
        return os.pread(fd, size, offset)
else:  # pragma: no cover - Windows
    import threading
    _SEEKING = threading.Lock()

    def _read_at(fd: int, size: int, offset: int) -> bytes:
        with _SEEKING:
            os.lseek(fd, offset, os.SEEK_SET)
            out = []
            while size > 0:
                chunk = os.read(fd, size)
                if not chunk:
                    break
                out.append(chunk)
                size -= len(chunk)
            return b"".join(out)


def _numbers(data: bytes) -> array:
    """The index's numbers (unsigned 64-bit, little-endian) from its bytes."""
    out = array("Q", data)
    if sys.byteorder == "big":  # pragma: no cover
        out.byteswap()
    return out


def _number_bytes(numbers: list[int]) -> bytes:
    """The index's bytes of `numbers` (_numbers' inverse)."""
    out = array("Q", numbers)
    if sys.byteorder == "big":  # pragma: no cover
        out.byteswap()
    return out.tobytes()


class _Blocks:
    """The blocks of an open cache file: block i's bytes are read when asked for and checked
    against the CRC-32 written with them. A block that reads short or differs (the file was
    truncated or written to since) raises, and the file is removed so that the next start
    builds a new one; the piece being read reports itself (router/model/shards.py)."""

    def __init__(self, fd: int, path: Path, offsets: array, crcs: array):
        self._fd = fd
        self._path = path
        self._offsets = offsets
        self._crcs = crcs
        self.count = len(crcs)

    def read(self, i: int) -> bytes:
        start, end = self._offsets[i], self._offsets[i + 1]
        data = _read_at(self._fd, end - start, start)
        if len(data) != end - start or crc32(data) != self._crcs[i]:
            self._discard()
            raise ValueError(f"block {i} of the cache file is not as written (its check differs)")
        return data

    def _discard(self) -> None:
        try:
            here, ours = os.stat(self._path, follow_symlinks=False), os.fstat(self._fd)
            if (here.st_dev, here.st_ino) == (ours.st_dev, ours.st_ino):
                os.unlink(self._path)
        except OSError:
            pass

    def close(self) -> None:
        fd, self._fd = self._fd, -1
        if fd >= 0:
            os.close(fd)

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - (at interpreter exit)
            pass


class _StateUnpickler(SafeUnpickler):
    """SafeUnpickler (the same classes refused) that also takes the state's references to its
    blocks, and nothing else by reference."""

    def __init__(self, file: io.BytesIO, blocks: _Blocks):
        super().__init__(file)
        self._blocks = blocks

    def persistent_load(self, pid):
        if (type(pid) is tuple and len(pid) == 2 and type(pid[0]) is int and type(pid[1]) is int
                and 0 <= pid[0] and 0 <= pid[1] and pid[0] + pid[1] <= self._blocks.count):
            return StoredBlobs(self._blocks, pid[0], pid[1])
        raise UnpicklingError(f"refused persistent id {pid!r}")


def _load(path: Path, key: str):
    """The state in our own cache file stored under `key`, or None (missing, not ours, not
    private, stored under another key, truncated, or corrupt)."""
    opened = _open_own(path)
    if opened is None:
        return None
    fd, st = opened
    blocks = None
    try:
        head = _read_at(fd, _HEAD, 0)
        if len(head) != _HEAD or head[:len(MAGIC)] != MAGIC:
            return None
        at = len(MAGIC)
        if head[at:at + 16] != bytes.fromhex(key):
            return None
        count = int.from_bytes(head[at + 16:at + 20], "little")
        size = int.from_bytes(head[at + 20:at + 28], "little")
        check = int.from_bytes(head[at + 28:at + 32], "little")
        index_size = (2 * count + 1) * _Q
        if _HEAD + index_size + size > st.st_size:
            return None
        index = _read_at(fd, index_size, _HEAD)
        data = _read_at(fd, size, _HEAD + index_size)
        if len(index) != index_size or len(data) != size or crc32(data, crc32(index)) != check:
            return None
        numbers = _numbers(index)
        offsets, crcs = numbers[:count + 1], numbers[count + 1:]
        if (offsets[0] != _HEAD + index_size + size or offsets[-1] != st.st_size
                or any(a > b for a, b in zip(offsets, offsets[1:]))):
            return None
        blocks = _Blocks(fd, path, offsets, crcs)
    except (OSError, ValueError):
        return None
    finally:
        if blocks is None:
            os.close(fd)
    enabled = gc.isenabled()
    # The catalog is hundreds of thousands of new objects, none of them garbage: collections
    # during the load would scan all of them repeatedly (~1/3 of the load).
    gc.disable()
    try:
        state = _StateUnpickler(io.BytesIO(data), blocks).load()
    except Exception:  # noqa: BLE001 - any broken or refused file is rebuilt and replaced
        state = None
    finally:
        if enabled:
            gc.enable()
    if (not isinstance(state, tuple) or len(state) != 2 or not isinstance(state[0], Catalog)
            or not isinstance(state[1], list)):
        blocks.close()
        return None
    return state


def _dumps(state, key: str) -> bytes:
    """The cache file of `state` stored under `key` (see MAGIC)."""
    import pickle
    pieces: list[bytes] = []
    refs: dict[int, tuple[tuple[int, int], object]] = {}

    class Writer(pickle.Pickler):
        def persistent_id(self, obj):
            if type(obj) is Blobs or type(obj) is StoredBlobs:
                ref = refs.get(id(obj))
                if ref is None:
                    items = list(obj)
                    ref = refs[id(obj)] = ((len(pieces), len(items)), obj)   # (obj: kept alive)
                    pieces.extend(items)
                return ref[0]
            return None

    out = io.BytesIO()
    Writer(out, protocol=pickle.HIGHEST_PROTOCOL).dump(state)
    data = out.getvalue()
    count = len(pieces)
    start = _HEAD + (2 * count + 1) * _Q + len(data)
    offsets = [start]
    for piece in pieces:
        offsets.append(offsets[-1] + len(piece))
    index = _number_bytes(offsets + [crc32(piece) for piece in pieces])
    head = b"".join([MAGIC, bytes.fromhex(key), count.to_bytes(4, "little"),
                     len(data).to_bytes(8, "little"), crc32(data, crc32(index)).to_bytes(4, "little")])
    return b"".join([head, index, data, *pieces])


def _store(path: Path, state, key: str) -> None:
    try:
        data = _dumps(state, key)
    except Exception:  # noqa: BLE001 - an unpicklable state is simply not cached
        return
    try:
        # Stale states of the same catalog folder go (a refused or corrupt file among them);
        # other folders keep theirs.
        tag = path.name.split("-")[1]
        for old in path.parent.glob(f"state-{tag}-*.pickle"):
            old.unlink(missing_ok=True)
        _write_private(path, data)
    except OSError:
        pass
