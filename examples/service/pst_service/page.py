"""The Indonesian page of open requests: each with its state and its next due instant.

Instants are shown in the office's zone, as Indonesians write them ("Jumat, 27
Maret 2026 pukul 16.00 WIB"), with the words of pst_core's message catalogue
(`pst_core.i18n`), so the page and the library say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from pst_core.calendar.zones import zone_label
from pst_core.i18n import month, text, weekday
from pst_core.states import Workflow
from pst_service.store import Listed

__all__ = ["open_requests_page", "tanggal_waktu"]


def tanggal_waktu(moment: datetime, zone: ZoneInfo) -> str:
    """``moment`` in ``zone``, in Indonesian: ``"Jumat, 27 Maret 2026 pukul 16.00 WIB"``.

    Examples:
        >>> from datetime import timezone
        >>> tanggal_waktu(datetime(2026, 3, 27, 9, tzinfo=timezone.utc), ZoneInfo("Asia/Jakarta"))
        'Jumat, 27 Maret 2026 pukul 16.00 WIB'
    """
    local = moment.astimezone(zone)
    day = text(
        "calendar.date",
        "id",
        weekday=weekday(local.weekday(), "id"),
        day=local.day,
        month=month(local.month, "id"),
        year=local.year,
    )
    clock = f"{local.hour:02d}.{local.minute:02d}"
    return text(
        "calendar.moment", "id", day=day, clock=clock, zone=zone_label(zone.key) or zone.key
    )


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
table { border-collapse: collapse; }
th, td { border: 1px solid #c8c8c8; padding: .4rem .8rem; text-align: left; }
td.lewat { color: #a00; font-weight: 600; }
"""


def open_requests_page(
    office: str,
    rows: Sequence[Listed],
    *,
    workflow: Workflow,
    zone: ZoneInfo,
    now: datetime,
) -> str:
    """The HTML page (``lang="id"``) listing ``rows`` with their state and next due instant."""
    lines = []
    for row in rows:
        due = "—" if row.next_due is None else tanggal_waktu(row.next_due, zone)
        late = row.next_due is not None and row.next_due <= now
        note = " (terlewati)" if late else ""
        cell = ' class="lewat"' if late else ""
        lines.append(
            f'<tr data-id="{escape(row.id)}"><td>{escape(row.id)}</td>'
            f"<td>{escape(workflow.state(row.state).label or row.state)}</td>"
            f"<td{cell}>{escape(due)}{note}</td></tr>"
        )
    body = "\n".join(lines) or '<tr><td colspan="3">Tidak ada permintaan terbuka.</td></tr>'
    return f"""<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Permintaan terbuka — {escape(office)}</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>Permintaan terbuka</h1>
<p>{escape(office)}. Data per {escape(tanggal_waktu(now, zone))}.
Tenggat berikutnya: saat hitungan waktu terlampaui, atau saat pewaktu menjalankan
peristiwanya, bila tidak ada tindakan lain.</p>
<table>
<thead><tr><th>Nomor permintaan</th><th>Status</th><th>Tenggat berikutnya</th></tr></thead>
<tbody>
{body}
</tbody>
</table>
</body>
</html>
"""
