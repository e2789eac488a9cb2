"""The one place the register imports the router's API from.

The router package is being reorganised into subpackages; when `Router`, `compute_deadline`,
the case parser or the batch reader move, only these imports change.
"""
from __future__ import annotations

from router.batch import read_cases
from router.case import EVENTS as INPUT_EVENTS
from router.case import CST, parse_at, parse_case
from router.catalog import Catalog, resolve_root
from router.deadlines import Deadline, compute_deadline
from router.errors import InputError, ZhifaError
from router.route import Router
from router.rules import DEFAULT_RULES

__all__ = ["CST", "Catalog", "Deadline", "INPUT_EVENTS", "InputError", "Router", "ZhifaError",
           "DEFAULT_RULES", "compute_deadline", "parse_at", "parse_case", "read_cases",
           "resolve_root"]
