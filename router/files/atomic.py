"""Atomic writes: a crash never leaves a half-written file or a half-written catalog.

One file (a calendar year): write a temporary file beside it, fsync it, rename it over the old
one (os.replace is atomic on the same file system), fsync the folder.

A catalog (matters.yaml and batches.yaml must change together, or a reader could see new matters
with old batches): copy the whole folder beside itself, write the changed files into the copy,
let the caller check the copy as a catalog, then exchange the two folders in one system call
(Linux renameat2 with RENAME_EXCHANGE). A reader sees the old folder or the new one, never a mix.
Where the exchange is not available, the changed files are renamed one by one (each one atomic);
`Stage.exchange_used` says which happened.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from router.model.errors import CatalogError, Problem

_STAGE_MARK = ".zhifa-stage-"
LOCK_NAME = ".zhifa.lock"  # in the catalog folder: every writer of the catalog holds it
LOCK_WAIT = 300.0  # seconds a writer waits for another one to finish
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def write_text(path: str | Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8) atomically."""
    write_bytes(path, text.encode("utf-8"))


def fsync_dir(folder: Path) -> None:
    """fsync a folder (a rename in it is then on disk); silently nothing where it cannot be."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False when the system cannot (not Linux, old kernel, or a
    file system without RENAME_EXCHANGE)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_stages(root: Path) -> list[Path]:
    """Remove copies left by a process that died before finishing (their pid is gone)."""
    removed = []
    prefix = f".{root.name}{_STAGE_MARK}"
    if not root.parent.is_dir():
        return removed
    for p in root.parent.iterdir():
        if not p.name.startswith(prefix):
            continue
        if _dead_writer(p.name[len(prefix):].split("-")[0]):
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p)
    return removed


def _dead_writer(pid: str) -> bool:
    """`pid` (as written in a leftover's name) is another process that no longer runs."""
    return pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid))


@contextmanager
def catalog_lock(root: str | Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the catalog's write lock (fcntl.flock on catalog/.zhifa.lock) for the block.

    Every writer of the catalog (import, calendar add) takes it before it reads what it will
    change, so two writers never interleave. The lock file exists only while it is held. A catalog import exchanges the whole folder: a
    writer that waited on the old folder's lock file finds, once it holds it, that the file at
    the path is another one, and locks that one instead."""
    root = Path(root).resolve()
    if not root.is_dir():
        raise CatalogError([Problem(str(root), None, None, "目录（catalog）文件夹不存在")])
    path = root / LOCK_NAME
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        except OSError as exc:
            raise CatalogError([Problem(str(path), None, None,
                                        f"无法建立目录的写入锁：{exc.strerror or exc}")]) from None
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise CatalogError([Problem(str(root), None, None,
                                                    f"另一个 zhifa 进程正在写入目录，等待 {wait:.0f} 秒后仍未结束："
                                                    "未写入，请稍后重新运行")]) from None
                    time.sleep(0.05)
            held = os.fstat(fd)
            try:
                now = os.stat(path, follow_symlinks=False)
                current = (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)
            except FileNotFoundError:
                current = False
        except BaseException:
            os.close(fd)
            raise
        if current:
            break
        os.close(fd)
    try:
        yield
    finally:
        # The file goes while still locked (no lock file is left in the catalog); a writer
        # waiting on it finds it gone once it holds it, and locks a new one.
        try:
            os.unlink(path)
        except OSError:
            pass
        os.close(fd)  # releases the lock


def folder_state(root: str | Path) -> dict[str, tuple[int, int, int]]:
    """Every file under `root` (but the lock file) as (modification time, size, inode): what a
    writer compares before it writes, to know nothing changed since it read the catalog."""
    root = Path(root)
    out = {}
    for dirpath, _, files in os.walk(root):
        for name in files:
            p = os.path.join(dirpath, name)
            rel = os.path.relpath(p, root)
            if rel == LOCK_NAME:
                continue
            try:
                st = os.stat(p)
            except OSError:
                continue
            out[rel] = (st.st_mtime_ns, st.st_size, st.st_ino)
    return out


def changed_files(before: dict, after: dict) -> list[str]:
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


class Stage:
    """A working copy of a catalog folder, made beside it; committed in one step or dropped.

        with Stage(root) as stage:
            stage.write("matters.yaml", text)
            ...check stage.path...
            stage.commit()
    """

    def __init__(self, root: str | Path, baseline: dict | None = None):
        self.root = Path(root).resolve()
        self._baseline = baseline  # folder_state() when the caller read the catalog
        if not self.root.is_dir():
            raise CatalogError([Problem(str(root), None, None, "目录（catalog）文件夹不存在")])
        remove_stale_stages(self.root)
        self.path = self.root.parent / f".{self.root.name}{_STAGE_MARK}{os.getpid()}-{secrets.token_hex(4)}"
        self.written: list[str] = []
        self.committed = False
        self.exchange_used: bool | None = None

    def _state(self) -> dict[str, tuple[int, int, int]]:
        return folder_state(self.root)

    def __enter__(self) -> "Stage":
        self._copied = self._baseline if self._baseline is not None else self._state()
        try:
            shutil.copytree(self.root, self.path, symlinks=True, ignore=shutil.ignore_patterns(LOCK_NAME))
        except OSError as exc:
            shutil.rmtree(self.path, ignore_errors=True)
            raise CatalogError([Problem(str(self.root.parent), None, None,
                                        f"无法在目录旁建立临时副本：{exc.strerror or exc}")]) from None
        return self

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def write(self, relative: str, text: str) -> None:
        target = self.path / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except OSError as exc:
            raise CatalogError([Problem(str(self.root / relative), None, None,
                                        f"无法写入：{exc.strerror or exc}（如磁盘已满）；目录未改变")]) from None
        if relative not in self.written:
            self.written.append(relative)

    def commit(self) -> None:
        """Make the copy the catalog. Before this call nothing in the catalog has changed.

        Refuses when someone changed the catalog since the copy was made (their change would
        be lost by the exchange)."""
        now = self._state()
        if now != self._copied:
            changed = changed_files(self._copied, now)
            raise CatalogError([Problem(str(self.root), None, None,
                                        f"目录在处理期间被修改（{'、'.join(changed[:5])}）：未写入，请重新运行")])
        try:
            for dirpath, _, files in os.walk(self.path):
                for name in files:
                    fd = os.open(os.path.join(dirpath, name), os.O_RDONLY)
                    try:
                        os.fsync(fd)
                    finally:
                        os.close(fd)
                fsync_dir(Path(dirpath))
        except OSError as exc:
            raise CatalogError([Problem(str(self.root), None, None,
                                        f"无法写入：{exc.strerror or exc}（如磁盘已满）；目录未改变")]) from None
        if _exchange(self.path, self.root):
            self.exchange_used = True  # self.path now holds the old catalog; __exit__ drops it
        else:
            self.exchange_used = False
            for relative in self.written:
                target = self.root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.path / relative, target)
                fsync_dir(target.parent)
        fsync_dir(self.root.parent)
        self.committed = True


def temp_path(path: Path) -> Path:
    """Where a new version of `path` is written before it is renamed over it:
    `.NAME.PID.HEX.tmp` beside it. Temporary files of the same path left by a writer killed
    before its rename (kill -9 leaves no chance to clean up) are removed first."""
    remove_stale_temps(path)
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove the temporary files of `path` (temp_path's names) whose writer no longer runs."""
    removed = []
    prefix = f".{path.name}."
    if not path.parent.is_dir():
        return removed
    for p in path.parent.iterdir():
        if not (p.name.startswith(prefix) and p.name.endswith(".tmp")):
            continue
        parts = p.name[len(prefix):-len(".tmp")].split(".")
        if len(parts) == 2 and _dead_writer(parts[0]):
            p.unlink(missing_ok=True)
            removed.append(p)
    return removed


def write_bytes(path: str | Path, data: bytes) -> None:
    """Replace `path` with `data` atomically (an exported workbook)."""
    path = Path(path)
    tmp = temp_path(path)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
