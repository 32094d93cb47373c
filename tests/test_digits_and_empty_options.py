"""Numbers are written with the digits 0-9 everywhere; an empty option is refused, not defaulted.

Fullwidth (``３``) and other scripts' digits were read by some readers (hours,
``--population``) and refused by others (money, durations): every reader now
refuses them with one message. ``--zone ""`` used to mean WIB silently.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from pst_core import cli
from pst_core.calendar import parse_duration
from pst_core.calendar.hours import Window
from pst_core.errors import InvalidValueError
from pst_core.tariffs.money import parse_rupiah

ROOT = Path(__file__).resolve().parents[1]
PLAIN_DIGITS = "0-9"

READERS: dict[str, tuple[Callable[[str], object], str]] = {
    "duration": (parse_duration, "３ hari kerja"),
    "rupiah": (parse_rupiah, "Rp３0.000"),
    "hours": (Window.parse, "０８:00-12:00"),
    "arabic-indic": (parse_duration, "٣ hari kerja"),
}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_other_digits_are_refused_with_one_message(reader: str) -> None:
    read, text = READERS[reader]
    with pytest.raises(InvalidValueError) as caught:
        read(text)
    assert PLAIN_DIGITS in str(caught.value)
    assert PLAIN_DIGITS in caught.value.describe("id")


def _run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = cli.main(list(argv), out=io.StringIO())
    return status, err.getvalue()


@pytest.mark.parametrize(
    "argv",
    [
        ("report", "ikm", str(ROOT / "examples" / "survey.csv"), "--population", "１００"),
        ("calendar", "２０２６-03"),
        (
            "quote",
            "pub-pdf=３",
            "--schedule",
            str(ROOT / "examples" / "illustrative_schedule.toml"),
        ),
    ],
)
def test_the_command_line_refuses_them_the_same_way(argv: tuple[str, ...]) -> None:
    status, err = _run(*argv)
    assert status in (1, 2)
    assert PLAIN_DIGITS in err


@pytest.mark.parametrize("option", ["--zone", "--province", "--calendar"])
def test_an_empty_calendar_option_is_refused_not_the_default(option: str) -> None:
    status, err = _run("deadline", "2026-03-17T09:00+07:00", "3 hari kerja", option, "")
    assert status != 0
    assert "''" in err
