"""Notebook displays speak the display language: ``to_html(language)`` on every object that
has a ``_repr_html_``, and ``_repr_html_`` following ``pst_core.options`` (pandas' style),
the default coming from the locale as for the command line."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import threading
from html.parser import HTMLParser
from typing import Any

import pytest

import pst_core
from pst_core.errors import InvalidValueError
from pst_core.i18n import display_language, locale_language
from pst_core.tariffs import illustrative_schedule
from tests.english import assert_indonesian
from tests.test_display import CASES, IDS

# Names the displays show as names: the example workflow's states, events, roles, clock;
# and the words of a user's own file (the illustrative tariff schedule's title).
NAMES = (
    *("new", "answered", "answer", "open", "officer", "user", "service", "ticket", "T-1"),
    illustrative_schedule().title,
    illustrative_schedule().legal_basis,
)
# A report's to_html is a whole page; its notebook display is the page's summary part.
PAGES = {"SlaReport": "Kepatuhan tenggat layanan (SLA)", "IkmReport": "Indeks Kepuasan"}


def _classes_with_a_display() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(pst_core.__path__, "pst_core."):
        if ".cli" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == info.name and "_repr_html_" in vars(cls):
                found.append(cls)
    return found


class _Words(HTMLParser):
    """The text a person reads in a display (an SVG's labels included)."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.words: list[str] = []
        self.feed(markup)

    def handle_data(self, data: str) -> None:
        self.words.append(data)


def test_every_display_has_to_html_with_a_language() -> None:
    classes = _classes_with_a_display()
    assert len(classes) >= 10
    for cls in classes:
        assert "to_html" in vars(cls), cls
        assert "language" in inspect.signature(vars(cls)["to_html"]).parameters, cls


@pytest.mark.parametrize(("name", "build", "in_repr", "in_html", "user_text"), CASES, ids=IDS)
def test_an_indonesian_display_holds_no_english_word(
    name: str, build: Any, in_repr: Any, in_html: Any, user_text: Any
) -> None:
    shown = build().to_html("id")
    english = build().to_html("en")
    assert shown != english
    for words in _Words(shown).words:
        assert_indonesian(words, ignoring=NAMES)


@pytest.mark.parametrize(("name", "build", "in_repr", "in_html", "user_text"), CASES, ids=IDS)
def test_the_notebook_follows_the_display_language(
    name: str, build: Any, in_repr: Any, in_html: Any, user_text: Any
) -> None:
    shown = build()
    if name in PAGES:
        with pst_core.option_context("display.language", "id"):
            assert PAGES[name] in shown._repr_html_()
        with pst_core.option_context("display.language", "en"):
            assert PAGES[name] not in shown._repr_html_()
        return
    with pst_core.option_context("display.language", "id"):
        assert shown._repr_html_() == shown.to_html("id")
    with pst_core.option_context("display.language", "en"):
        assert shown._repr_html_() == shown.to_html("en")


def test_options_in_the_style_of_pandas() -> None:
    assert pst_core.get_option("display.language") == locale_language()
    pst_core.set_option("display.language", "id")
    try:
        assert pst_core.options.display.language == "id"
        assert display_language() == "id"
        pst_core.options.display.language = "en"
        assert pst_core.get_option("display.language") == "en"
    finally:
        pst_core.reset_option("display.language")
    assert pst_core.get_option("display.language") == locale_language()
    with pytest.raises(InvalidValueError):
        pst_core.set_option("display.language", "fr")
    with pytest.raises(InvalidValueError):
        pst_core.get_option("display.colour")
    assert "display.language" in repr(pst_core.options)


def test_the_default_comes_from_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "id_ID.UTF-8")
    assert pst_core.get_option("display.language") == "id"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert pst_core.get_option("display.language") == "en"


def test_the_option_is_one_context_variable_per_thread() -> None:
    seen: list[str] = []
    with pst_core.option_context("display.language", "id"):
        thread = threading.Thread(target=lambda: seen.append(display_language()))
        thread.start()
        thread.join()
        assert display_language() == "id"
    assert seen == [locale_language()]
