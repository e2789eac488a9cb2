"""The one place the register imports the router's API from.

The router package is being reorganised into subpackages; when `Router`, `compute_deadline`,
the case parser or the batch reader move, only these imports change.
"""
from __future__ import annotations

from router.catalog.load import Catalog
from router.decide.batch import read_cases
from router.decide.case import EVENTS as INPUT_EVENTS
from router.decide.case import parse_at, parse_case
from router.decide.deadlines import Deadline, compute_deadline
from router.decide.route import Router
from router.files.locations import catalog_root as resolve_root
from router.files.locations import rules_root
from router.model.clock import CST
from router.model.errors import InputError, ZhifaError

DEFAULT_RULES = rules_root()

__all__ = ["CST", "Catalog", "Deadline", "INPUT_EVENTS", "InputError", "Router", "ZhifaError",
           "DEFAULT_RULES", "compute_deadline", "parse_at", "parse_case", "read_cases",
           "resolve_root"]
