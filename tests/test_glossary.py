"""One word for each domain term: every message uses the glossary's word, never a variant."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from pst_core.i18n import LANGUAGES, Language, Term, catalogue, glossary

DOCS = Path(__file__).parents[1] / "docs"


def _pattern(variant: str) -> re.Pattern[str]:
    """A variant as a whole word; up to three letters (an abbreviation) as written."""
    flags = 0 if len(variant) <= 3 else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", flags)


def _said(template: str) -> str:
    """A message's words: its ``{fields}`` are filled in elsewhere, not words of its own."""
    return re.sub(r"\{[^{}]*\}", " ", template)


def _variants_used(term: Term, language: Language) -> list[str]:
    found = []
    for variant in term.variants(language):
        pattern = _pattern(variant)
        for key, texts in catalogue().items():
            if key.startswith("glossary.") or key in term.keeps:
                continue
            if pattern.search(_said(texts[language])):
                found.append(f"{key} ({language}): {variant!r} -> {term.word(language)!r}")
    return found


@pytest.mark.parametrize("term", list(glossary().values()), ids=lambda term: term.key)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_message_uses_a_variant_the_glossary_replaces(term: Term, language: Language) -> None:
    found = _variants_used(term, language)
    assert not found, "\n".join(found)


def test_the_check_finds_a_variant_as_a_whole_word() -> None:
    assert _pattern("jatuh tempo").search(_said("Jatuh tempo {due}: {duration}"))
    assert _pattern("j").search(_said("{hours} j {minutes} mnt"))
    assert not _pattern("j").search(_said("{hours} jam {minutes} menit"))
    assert not _pattern("Sn").search("Senin")
    assert not _pattern("pita").search("kapita")


@pytest.mark.parametrize("term", list(glossary().values()), ids=lambda term: term.key)
def test_every_term_says_what_it_names_in_both_languages(term: Term) -> None:
    assert term.id.strip()
    assert term.en.strip()
    assert len(term.note) > 20
    for language in LANGUAGES:
        word = term.word(language)
        assert not any(_pattern(v).search(word) for v in term.variants(language)), term.key
    assert set(term.keeps) <= set(catalogue()), term.keeps
    assert catalogue()[f"glossary.{term.key}"] == {"id": term.id, "en": term.en}


def test_the_glossary_holds_the_terms_every_message_shares() -> None:
    chosen = {key: (t.id, t.en) for key, t in glossary().items()}
    assert chosen["deadline"] == ("tenggat", "deadline")
    assert chosen["working_day"] == ("hari kerja", "working day")
    assert chosen["day_off"] == ("hari libur", "day off")
    assert chosen["service_hours"][0] == "jam layanan"
    assert chosen["sla_clock"][0] == "hitungan waktu"
    assert chosen["error"] == ("kesalahan", "error")


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("glossary_hook", DOCS / "hooks" / "glossary.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_docs_publish_the_glossary() -> None:
    hook = _hook()
    page = (DOCS / "reference" / "glossary.md").read_text(encoding="utf-8")
    assert hook.MARKER.search(page)
    rendered = hook.render(page)
    for term in glossary().values():
        assert f"| {term.id} | {term.en} |" in rendered
        for variant in term.replaces:
            assert variant in rendered
