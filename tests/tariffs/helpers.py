"""The schedules the tariffs tests price with."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pst_core.tariffs import TariffItem, TariffSchedule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found]

ROOT = Path(__file__).parent.parent.parent
EXAMPLE = ROOT / "examples" / "illustrative_schedule.toml"
"""The illustrative schedule as a user's file (the package ships the same file)."""


def example_data() -> dict[str, Any]:
    """The plain data of `EXAMPLE`, with its date as text (the TOML writer has no dates)."""
    data: dict[str, Any] = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["effective_from"] = data["effective_from"].isoformat()
    return data


def one_item_schedule(title: str, start: date, end: date | None = None) -> TariffSchedule:
    """A schedule of one flat item in force from ``start`` to ``end``."""
    item = TariffItem(code="p", pnbp_type="printed_publication", unit="page", price=Decimal(1))
    return TariffSchedule(
        title=title,
        legal_basis="ILLUSTRATIVE",
        effective_from=start,
        effective_until=end,
        items=(item,),
    )


def room(item: TariffItem) -> int:
    """The largest quantity the tests quote ``item`` for: its last band's end, or 3000."""
    return item.max_quantity if item.max_quantity is not None else 3000
