"""Every ``pst-core report sla`` example reads its clocks at a written instant (``--now``).

Without it the clocks are read at the current time and the example's numbers change
every day: a reader could never get what the page shows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _examples() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for line in page.read_text(encoding="utf-8").splitlines():
            if re.search(r"pst-core( --lang \w+)? report sla \S", line):
                found.append((str(page.relative_to(ROOT)), line.strip()))
    return found


def test_the_readme_has_a_report_sla_example() -> None:
    assert any(page == "README.md" for page, _ in _examples())


@pytest.mark.parametrize(("page", "line"), _examples())
def test_a_report_sla_example_reads_a_fixed_instant(page: str, line: str) -> None:
    assert "--now " in line, f"{page}: {line}"
