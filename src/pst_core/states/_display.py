"""How states pages and lines show an instant and a span of counted time to people.

Private: `pst_core.states.sla` and `pst_core.states.transaction` share these.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pst_core.i18n import Language, text, weekday

__all__ = ["hours_text", "instant_text"]


def instant_text(moment: datetime, language: Language) -> str:
    """``Tuesday 2026-03-17 14:00 WIB``: weekday, date, time and zone of ``moment`` as it is.

    Example:
        >>> from zoneinfo import ZoneInfo
        >>> instant_text(datetime(2026, 3, 17, 14, tzinfo=ZoneInfo("Asia/Jakarta")), "id")
        'Selasa 2026-03-17 14:00 WIB'
    """
    zone = moment.tzname() or ""
    return f"{weekday(moment.weekday(), language)} {moment:%Y-%m-%d %H:%M} {zone}".rstrip()


def hours_text(span: timedelta, language: Language) -> str:
    """``1 h 30 min``: a span in whole hours and minutes.

    Example:
        >>> hours_text(timedelta(minutes=90), "en")
        '1 h 30 min'
    """
    minutes = int(span.total_seconds() // 60)
    return text("states.clock.hours", language, hours=minutes // 60, minutes=f"{minutes % 60:02d}")
