"""How the calendar says dates, instants, zones and hours to a person, in either language.

Private: the public face is each model's ``describe(language)``. Every word comes
from the message catalogue (`pst_core.i18n`); a zone is said as people say it in
Indonesia (WIB, WITA, WIT), never as a UTC offset.

Examples:
    >>> moment = datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    >>> say_moment(moment, "id")
    'Selasa, 17 Maret 2026 pukul 14.00 WIB'
    >>> say_moment(moment, "en")
    'Tuesday 17 March 2026, 14:00 WIB'
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

from pst_core.i18n import Language, month, text, weekday

__all__ = ["say_clock", "say_day", "say_moment", "say_zone"]


def say_day(day: date, language: Language) -> str:
    """``"Selasa, 17 Maret 2026"`` / ``"Tuesday 17 March 2026"``."""
    return text(
        "calendar.date",
        language,
        weekday=weekday(day.weekday(), language),
        day=day.day,
        month=month(day.month, language),
        year=day.year,
    )


def say_clock(moment: datetime, language: Language) -> str:
    """``"14.00"`` (Indonesian) / ``"14:00"`` (English); seconds only when there are some."""
    sep = "." if language == "id" else ":"
    clock = f"{moment.hour:02d}{sep}{moment.minute:02d}"
    if moment.second or moment.microsecond:
        clock += f"{sep}{moment.second:02d}"
    return clock


def say_zone(zone: tzinfo | None, moment: datetime | None = None) -> str:
    """WIB, WITA or WIT for an Indonesian zone; else the zone's name (never an offset alone)."""
    from pst_core.calendar.zones import zone_label

    if isinstance(zone, ZoneInfo):
        return zone_label(zone.key) or zone.key
    name = zone.tzname(moment) if zone is not None else None
    return name or ""


def say_moment(moment: datetime, language: Language) -> str:
    """A date and time with its zone: ``"Selasa, 17 Maret 2026 pukul 14.00 WIB"``."""
    return text(
        "calendar.moment",
        language,
        day=say_day(moment.date(), language),
        clock=say_clock(moment, language),
        zone=say_zone(moment.tzinfo, moment),
    ).rstrip()
