"""``pst-core info`` is checked against the holidays package itself, not a copied list."""

from __future__ import annotations

import io
from importlib.metadata import version

import holidays

from pst_core import __version__, cli


def _expected_counts(year: int) -> tuple[int, int, int]:
    def count(category: str) -> int:
        table = holidays.country_holidays(
            "ID", years=year, categories=(category,), language="en_US"
        )
        return sum(len(table.get_list(day)) for day in table)

    both = holidays.country_holidays(
        "ID", years=year, categories=("public", "government"), language="en_US"
    )
    estimated = sum(name.endswith("(estimated)") for day in both for name in both.get_list(day))
    return count("public"), count("government"), estimated


def test_info_matches_the_holidays_package() -> None:
    out = io.StringIO()
    assert cli.main(["info", "--from", "2024", "--to", "2030"], out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == f"pst_core {__version__}"
    assert lines[1] == f"holidays {version('holidays')}"
    rows = {int(line.split()[0]): line.split() for line in lines if line[:6].strip().isdigit()}
    assert sorted(rows) == list(range(2024, 2031))
    for year, row in rows.items():
        national, government, estimated = _expected_counts(year)
        assert int(row[1]) == national
        if government:
            assert int(row[2]) == government
        else:
            assert row[2:4] == ["no", "decree"]
        assert int(row[-1]) == estimated
        estimated_lines = [
            line for line in lines if "estimated:" in line and line.split()[1].startswith(str(year))
        ]
        assert len(estimated_lines) == estimated


def test_info_defaults_cover_this_year() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    out = io.StringIO()
    assert cli.main(["info"], out=out) == 0
    this_year = datetime.now(ZoneInfo("Asia/Jakarta")).year
    assert f"\n{this_year:>6} " in out.getvalue()
