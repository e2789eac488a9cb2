"""The Register object: one database, the router and work calendar used to derive duties, and
the settings (number format, user). Every service function takes one.
"""
from __future__ import annotations

import getpass
import hashlib
import os
from functools import cached_property
from pathlib import Path

from sqlalchemy import select

from router.decide.route import Router
from router.files.locations import catalog_root, rules_root

from .db import Database
from .duties import WorkDeadlines
from .models import Meta
from .numbering import DEFAULT_FORMAT, check_format
from .services import refresh_all_duties

ENV_FORMAT = "ZHIFA_CASE_NUMBER"
ENV_USER = "ZHIFA_USER"
DUTIES_REV = "duties-2"  # bump when duties.py derives differently: stored duties are recomputed
BASIS_KEY = "duties_basis"


class Register:
    def __init__(self, db: str | None = None, *, catalog_root: str | None = None,
                 router: Router | None = None, number_format: str | None = None,
                 user: str | None = None, refresh: bool = True):
        self.number_format = check_format(number_format or os.environ.get(ENV_FORMAT) or DEFAULT_FORMAT)
        self._catalog_root = catalog_root
        if router is not None:
            self.__dict__["router"] = router
        self.db = Database(db)
        self.user = user or os.environ.get(ENV_USER) or _login()
        if refresh:
            try:
                self.refresh_if_stale()
            except BaseException:
                self.close()
                raise

    def __enter__(self) -> "Register":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- routing and deadlines ----------------------------------------------------------------
    @cached_property
    def router(self) -> Router:
        return Router(catalog_root=self._catalog_root)

    @cached_property
    def catalog_dir(self) -> Path:
        if "router" in self.__dict__:
            return Path(self.router.catalog.root)
        return catalog_root(self._catalog_root)

    @cached_property
    def version(self) -> str:
        """Content hash of the catalog and rules the decisions are made with."""
        return _hash_files([(self.catalog_dir, "**/*.y*ml"), (rules_root(), "*.yaml")])[:16]

    @cached_property
    def duties_basis(self) -> str:
        return f"{DUTIES_REV}:{_hash_files([(self.catalog_dir / 'calendar', '*.yaml')])[:16]}"

    @cached_property
    def township_of(self) -> dict[str, str]:
        return {t.body: t.name for t in self.router.catalog.townships.values()}

    @cached_property
    def deadline(self) -> WorkDeadlines:
        """deadline(rule, start): compute_deadline on the catalog's work calendar (see WorkDeadlines)."""
        return WorkDeadlines(self.router.catalog.calendar)

    # ---- derived duties basis -------------------------------------------------------------------
    def stored_basis(self) -> str | None:
        with self.db.read() as s:
            return s.execute(select(Meta.value).where(Meta.key == BASIS_KEY)).scalar_one_or_none()

    def refresh_if_stale(self) -> int:
        """Recompute every case's duties when they were computed on another basis (a register
        made by an older version, or a changed work calendar). Returns the cases refreshed."""
        if self.stored_basis() == self.duties_basis:
            return 0
        return refresh_all_duties(self)

    def close(self) -> None:
        self.db.close()


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _hash_files(folders: list[tuple[Path, str]]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for folder, pattern in folders:
        for path in sorted(Path(folder).glob(pattern)):
            h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()
