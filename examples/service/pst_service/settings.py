"""Where the service keeps its data and which rules it applies, read from the environment.

``PST_SERVICE_DATABASE_URL``: any SQLAlchemy URL (default: a SQLite file
``pst-service.sqlite3`` in the current folder; PostgreSQL is, for example,
``postgresql+psycopg://user:password@host/pst``). ``PST_SERVICE_CALENDAR``: the
office's calendar file (default: ``office-calendar.toml`` beside this package).
``PST_SERVICE_STANDARD``: the catalog id of the consultation standard whose times
apply (default ``sumsel-konsultasi``). ``PST_SERVICE_RECORD_MISMATCH``: how a record
saved under another version of the workflow or the calendar is read — ``keep-history``
(default: the recorded events stand, the clocks are computed on today's definition,
so a closure added to the calendar file moves the deadlines it touches),
``recompute`` or ``error`` (see pst_core's `RecordMismatch`).
``PST_SERVICE_SERVICE_STARTS``: when the consultation's service clock starts, where
the standard does not say (Sumatera Selatan's does not): ``open`` (default, the
office's choice for this example) or ``request-clear``; empty for a standard that
says it itself.
"""

from __future__ import annotations

import os
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from pst_core.states.builtin import ServiceStart
from pst_core.states.records import RECORD_MISMATCHES, RecordMismatch

__all__ = ["DEFAULT_CALENDAR", "Settings", "utc_now"]

DEFAULT_CALENDAR = Path(__file__).resolve().parent.parent / "office-calendar.toml"
"""The example office's calendar file."""


def utc_now() -> datetime:
    """The current instant (timezone-aware, UTC)."""
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Settings:
    """The service's configuration.

    Attributes:
        database_url: A SQLAlchemy URL.
        calendar_file: The office's calendar file (`WorkingCalendar.load` reads it).
        standard: The catalog id of the consultation standard whose times apply.
        record_mismatch: How a record saved under another definition is read.
        service_starts: When the service clock starts, where the standard does not say.
        now: The clock the service reads "now" from (tests pass a fixed one).
    """

    database_url: str = "sqlite:///pst-service.sqlite3"
    calendar_file: Path = DEFAULT_CALENDAR
    standard: str = "sumsel-konsultasi"
    record_mismatch: RecordMismatch = "keep-history"
    service_starts: ServiceStart | None = "open"
    now: Callable[[], datetime] = field(default=utc_now, compare=False)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """Settings from ``PST_SERVICE_*`` variables, the defaults for those not set.

        Raises:
            ValueError: ``PST_SERVICE_RECORD_MISMATCH`` is not one of pst_core's choices.
        """
        defaults = cls()
        mismatch = environ.get("PST_SERVICE_RECORD_MISMATCH", defaults.record_mismatch)
        if mismatch not in RECORD_MISMATCHES:
            raise ValueError(
                f"PST_SERVICE_RECORD_MISMATCH={mismatch!r}; allowed: {', '.join(RECORD_MISMATCHES)}"
            )
        starts = environ.get("PST_SERVICE_SERVICE_STARTS", defaults.service_starts) or None
        if starts not in (None, *typing.get_args(ServiceStart)):
            raise ValueError(f"PST_SERVICE_SERVICE_STARTS={starts!r}; allowed: open, request-clear")
        return cls(
            database_url=environ.get("PST_SERVICE_DATABASE_URL", defaults.database_url),
            calendar_file=Path(environ.get("PST_SERVICE_CALENDAR", str(defaults.calendar_file))),
            standard=environ.get("PST_SERVICE_STANDARD", defaults.standard),
            record_mismatch=mismatch,
            service_starts=typing.cast(ServiceStart | None, starts),
        )
