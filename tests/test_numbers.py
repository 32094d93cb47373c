"""One way to write a number per language, everywhere: texts, tables and chart axes.

Indonesian groups thousands with a dot and marks decimals with a comma
(``1.234,5``), English the other way round (``1,234.5``). `pst_core.i18n.number`
writes them all; the reports and the charts' tick labels use it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.i18n import number
from pst_core.reports._messages import number as report_number

matplotlib = pytest.importorskip("matplotlib")


@pytest.mark.parametrize(
    ("value", "places", "id_", "en"),
    [
        (Decimal("76.61"), None, "76,61", "76.61"),
        (Decimal("1234.5"), None, "1.234,5", "1,234.5"),
        (1_000_000, None, "1.000.000", "1,000,000"),
        (Decimal("99.995"), 2, "100,00", "100.00"),
        (2.5, None, "2,5", "2.5"),
        (-1234, None, "-1.234", "-1,234"),
    ],
)
def test_golden_numbers(
    value: Decimal | int | float, places: int | None, id_: str, en: str
) -> None:
    assert number(value, "id", places=places) == id_
    assert number(value, "en", places=places) == en


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False))
def test_the_two_languages_swap_the_marks_and_read_back(value: Decimal) -> None:
    said_id, said_en = number(value, "id"), number(value, "en")
    assert said_id == said_en.translate(str.maketrans(",.", ".,"))
    assert Decimal(said_en.replace(",", "")) == value


def test_the_reports_and_the_charts_write_numbers_the_same_way() -> None:
    from pst_core.reports.charts import _formatter

    assert report_number(Decimal("1234.5"), "id") == number(Decimal("1234.5"), "id")
    assert _formatter("id")(2.5, None) == "2,5"
    assert _formatter("id")(1000.0, None) == "1.000"
    assert _formatter("en")(2.5, None) == "2.5"
