"""Every text the reports say to a person, in Indonesian and English, in one table.

Private and provisional: the keys and the ``text(key, language, **fields)``
signature are those of the planned message catalogue ``pst_core.i18n``; when it
lands this table moves to ``messages/reports.toml`` unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Literal

__all__ = ["MESSAGES", "Language", "number", "text"]

Language = Literal["id", "en"]

_M = MappingProxyType

#: key -> {"id": ..., "en": ...}; fields in braces are filled by `text`.
MESSAGES: Mapping[str, Mapping[Language, str]] = _M(
    {
        "reports.ikm.title": _M(
            {"id": "Indeks Kepuasan Masyarakat (IKM)", "en": "Community Satisfaction Index (IKM)"}
        ),
        "reports.ikm.basis": _M(
            {
                "id": "dasar: PermenPAN-RB Nomor 14 Tahun 2017",
                "en": "basis: PermenPAN-RB Regulation No. 14 of 2017",
            }
        ),
        "reports.ikm.weight.exact": _M(
            {"id": "bobot tiap unsur 1/9", "en": "weight of each element 1/9"}
        ),
        "reports.ikm.weight.0.111": _M(
            {
                "id": "bobot tiap unsur dibulatkan 0,111",
                "en": "weight of each element rounded to 0.111",
            }
        ),
        "reports.ikm.skipped": _M(
            {
                "id": "{rows} baris dilewati karena nilai tidak sah ({cells} sel)",
                "en": "{rows} rows skipped for invalid scores ({cells} cells)",
            }
        ),
        "reports.ikm.sample_short": _M(
            {
                "id": (
                    "{group}: {respondents} responden, kurang dari sampel minimum {minimum} "
                    "untuk populasi {population} (Krejcie–Morgan)"
                ),
                "en": (
                    "{group}: {respondents} respondents, fewer than the minimum sample "
                    "{minimum} for a population of {population} (Krejcie–Morgan)"
                ),
            }
        ),
        "reports.ikm.sample_ok": _M(
            {
                "id": "sampel cukup: minimum {minimum} responden untuk populasi {population}",
                "en": "sample large enough: minimum {minimum} respondents for a population "
                "of {population}",
            }
        ),
        "reports.ikm.charts_missing": _M(
            {
                "id": 'grafik memerlukan matplotlib: pip install "pst-core[plot]"',
                "en": 'charts need matplotlib: pip install "pst-core[plot]"',
            }
        ),
        "reports.ikm.chart_title": _M(
            {"id": "NRR per unsur: {group}", "en": "NRR per element: {group}"}
        ),
        "reports.all": _M({"id": "semua", "en": "all"}),
        "reports.column.respondents": _M({"id": "responden", "en": "respondents"}),
        "reports.column.ikm": _M({"id": "IKM (1–4)", "en": "IKM (1–4)"}),
        "reports.column.converted": _M({"id": "nilai konversi", "en": "converted"}),
        "reports.column.grade": _M({"id": "mutu", "en": "grade"}),
        "reports.column.performance": _M({"id": "kinerja", "en": "performance"}),
        "reports.column.weakest": _M({"id": "unsur terendah", "en": "weakest"}),
        "reports.column.element": _M({"id": "unsur", "en": "element"}),
        "reports.column.nrr": _M({"id": "NRR", "en": "NRR"}),
        "reports.column.weighted": _M({"id": "NRR tertimbang", "en": "weighted NRR"}),
        "reports.column.minimum_sample": _M({"id": "sampel minimum", "en": "minimum sample"}),
        "reports.grade.A": _M({"id": "sangat baik", "en": "very good"}),
        "reports.grade.B": _M({"id": "baik", "en": "good"}),
        "reports.grade.C": _M({"id": "kurang baik", "en": "less than good"}),
        "reports.grade.D": _M({"id": "tidak baik", "en": "not good"}),
        "reports.element.U1": _M({"id": "persyaratan", "en": "requirements"}),
        "reports.element.U2": _M(
            {
                "id": "sistem, mekanisme dan prosedur",
                "en": "systems, mechanisms and procedures",
            }
        ),
        "reports.element.U3": _M({"id": "waktu penyelesaian", "en": "completion time"}),
        "reports.element.U4": _M({"id": "biaya/tarif", "en": "cost/tariff"}),
        "reports.element.U5": _M(
            {
                "id": "produk spesifikasi jenis pelayanan",
                "en": "product specification of the service types",
            }
        ),
        "reports.element.U6": _M({"id": "kompetensi pelaksana", "en": "competence of the staff"}),
        "reports.element.U7": _M({"id": "perilaku pelaksana", "en": "conduct of the staff"}),
        "reports.element.U8": _M(
            {
                "id": "penanganan pengaduan, saran dan masukan",
                "en": "handling of complaints, suggestions and feedback",
            }
        ),
        "reports.element.U9": _M(
            {"id": "sarana dan prasarana", "en": "facilities and infrastructure"}
        ),
        "reports.error": _M({"id": "galat", "en": "error"}),
        "reports.error.survey": _M(
            {
                "id": "{file}: {count} sel tidak sah; perbaiki atau pakai --invalid skip",
                "en": "{file}: {count} invalid cells; fix them or use --invalid skip",
            }
        ),
        "reports.problem": _M(
            {"id": "{where} {row}, {column}: {what}", "en": "{where} {row}, {column}: {what}"}
        ),
        "reports.problem.line": _M({"id": "baris berkas", "en": "line"}),
        "reports.problem.row": _M({"id": "baris", "en": "row"}),
        "reports.problem.missing": _M({"id": "nilai kosong", "en": "missing value"}),
        "reports.problem.invalid": _M(
            {"id": "nilai tidak sah {value}", "en": "invalid value {value}"}
        ),
        "reports.allowed": _M({"id": "yang sah", "en": "allowed"}),
        "reports.allowed.score": _M({"id": "nilai bulat 1 sampai 4", "en": "a whole score 1 to 4"}),
        "reports.allowed.group": _M({"id": "nilai kelompok", "en": "a group value"}),
        "reports.problem.more": _M({"id": "(dan {count} lagi)", "en": "(and {count} more)"}),
        "reports.written": _M(
            {"id": "laporan ditulis ke {path}", "en": "report written to {path}"}
        ),
    }
)


def text(key: str, language: Language = "en", **fields: object) -> str:
    """The message ``key`` in ``language``, its ``{fields}`` filled in.

    Examples:
        >>> text("reports.grade.B", "id"), text("reports.grade.B", "en")
        ('baik', 'good')
    """
    return MESSAGES[key][language].format(**fields)


def number(value: Decimal | int, language: Language = "en") -> str:
    """A number as a person reads it: decimal comma in Indonesian, point in English.

    Examples:
        >>> number(Decimal("76.61"), "id"), number(Decimal("76.61"), "en")
        ('76,61', '76.61')
    """
    shown = str(value)
    return shown.replace(".", ",") if language == "id" else shown
