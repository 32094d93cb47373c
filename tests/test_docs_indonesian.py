"""The documentation office staff read exists in Indonesian, in the glossary's words (issue 23).

The tutorial and the how-tos an office uses are ``page.id.md`` beside ``page.md``
(mkdocs-static-i18n builds them under ``/id/``). Their ``>>>`` examples are doctests
like every page's (Sybil collects ``docs/**/*.md``), so they run in the suite in
both languages; here: each has its English twin and runnable examples, and its
prose uses no variant the glossary replaces.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml  # type: ignore[import-untyped]  # comes with mkdocs (dev extra)

from pst_core.i18n import glossary

DOCS = Path(__file__).resolve().parent.parent / "docs"
OFFICE_PAGES = (
    "index.md",
    "tutorial/index.md",
    "tutorial/deadline.md",
    "tutorial/paid-product.md",
    "how-to/index.md",
    "how-to/calendar-file.md",
    "how-to/cuti-bersama-decree.md",
    "how-to/ramadan.md",
    "how-to/latest-start.md",
    "how-to/sla-report.md",
    "how-to/ikm.md",
)
INDONESIAN = sorted(DOCS.rglob("*.id.md"))


def _prose(markdown: str) -> str:
    """What a reader reads as sentences: no code, no quotation of a source document."""
    text = re.sub(r"^```.*?^```", " ", markdown, flags=re.MULTILINE | re.DOTALL)
    text = re.sub(r"`[^`]*`", " ", text)
    return re.sub(r'"[^"]*"', " ", text)


def test_every_office_page_is_in_indonesian() -> None:
    assert [page.relative_to(DOCS).as_posix() for page in INDONESIAN] == sorted(
        page.replace(".md", ".id.md") for page in OFFICE_PAGES
    )


@pytest.mark.parametrize("page", INDONESIAN, ids=lambda page: page.relative_to(DOCS).as_posix())
def test_each_indonesian_page_has_its_english_twin(page: Path) -> None:
    twin = page.with_name(page.name.replace(".id.md", ".md"))
    assert twin.is_file()
    sessions = len(re.findall(r"^```python\n>>>", page.read_text(encoding="utf-8"), re.M))
    english = len(re.findall(r"^```python\n>>>", twin.read_text(encoding="utf-8"), re.M))
    assert (sessions > 0) == (english > 0), "examples run in both languages, or in neither"


@pytest.mark.parametrize("page", INDONESIAN, ids=lambda page: page.relative_to(DOCS).as_posix())
def test_indonesian_pages_use_the_glossary_words(page: Path) -> None:
    prose = _prose(page.read_text(encoding="utf-8"))
    found = []
    for term in glossary().values():
        for variant in term.variants("id"):
            flags = 0 if len(variant) <= 3 else re.IGNORECASE
            if re.search(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", prose, flags):
                found.append(f"{variant!r} -> {term.word('id')!r}")
    assert not found, found


def test_the_site_builds_the_indonesian_pages_with_translated_navigation() -> None:
    config = yaml.load(
        (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader
    )
    plugins = {
        next(iter(plugin)): plugin[next(iter(plugin))]
        for plugin in config["plugins"]
        if isinstance(plugin, dict)
    }
    languages = {language["locale"]: language for language in plugins["i18n"]["languages"]}
    assert set(languages) == {"en", "id"}
    translated = languages["id"]["nav_translations"]
    titles = set()
    for section in config["nav"]:
        for title, pages in section.items():
            if not isinstance(pages, list):
                titles.add(title)  # Home, Changelog
                continue
            if title in ("Tutorial", "How-to guides"):
                titles.add(title)
            titles.update(
                name
                for page in pages
                if isinstance(page, dict)
                for name, path in page.items()
                if path in OFFICE_PAGES
            )
    assert titles - {"Changelog"} <= set(translated), sorted(titles - set(translated))
