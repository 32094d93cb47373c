"""The requester's language (``Accept-Language``) and the service's own bilingual errors.

pst_core speaks Indonesian (``id``) and English (``en``); every `PstError` says
itself in either (``err.to_data(language)``). The service picks the first of the
two the requester accepts, by preference (``q``), and Indonesian when it accepts
neither: the office's own language.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pst_core.i18n import LANGUAGES, Language

__all__ = [
    "DEFAULT_LANGUAGE",
    "RequestExistsError",
    "ServiceError",
    "UnknownRequestError",
    "negotiate",
]

DEFAULT_LANGUAGE: Language = "id"
"""The office's language, used when the requester accepts neither of pst_core's."""


def _weight(parameters: list[str]) -> float:
    for parameter in parameters:
        name, _, value = parameter.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def negotiate(header: str | None) -> Language:
    """The language to answer in for an ``Accept-Language`` header.

    Examples:
        >>> negotiate("en-US,en;q=0.9,id;q=0.8"), negotiate("id-ID"), negotiate("fr")
        ('en', 'id', 'id')
        >>> negotiate("id;q=0.3, en;q=0.7"), negotiate(None), negotiate("*")
        ('en', 'id', 'id')
    """
    best: tuple[float, int, Language] | None = None
    for position, item in enumerate((header or "").split(",")):
        tag, *parameters = item.strip().split(";")
        primary = tag.strip().lower().split("-")[0]
        weight = _weight(parameters)
        for language in LANGUAGES:
            if primary == language and weight > 0:
                candidate = (-weight, position, language)
                if best is None or candidate < best:
                    best = candidate
    return DEFAULT_LANGUAGE if best is None else best[2]


class ServiceError(Exception):
    """An error of the service itself (not of pst_core's rules), said in both languages.

    It answers with the same shape as ``PstError.to_data``: ``code``, ``message``,
    ``value``.
    """

    code: ClassVar[str] = "service_error"
    status: ClassVar[int] = 400
    texts: ClassVar[dict[Language, str]] = {"id": "kesalahan layanan", "en": "service error"}

    def __init__(self, value: str) -> None:
        super().__init__(self.texts["en"].format(value=value))
        self.value = value

    def to_data(self, language: Language) -> dict[str, Any]:
        """The error as JSON-ready data in ``language``."""
        return {
            "code": self.code,
            "message": self.texts[language].format(value=self.value),
            "value": self.value,
        }


class UnknownRequestError(ServiceError):
    """No request has this id."""

    code = "unknown_request"
    status = 404
    texts: ClassVar[dict[Language, str]] = {
        "id": "permintaan {value!r} tidak ditemukan",
        "en": "no request {value!r}",
    }


class RequestExistsError(ServiceError):
    """A request with this id exists, opened otherwise."""

    code = "request_exists"
    status = 409
    texts: ClassVar[dict[Language, str]] = {
        "id": "nomor permintaan {value!r} sudah dipakai untuk permintaan lain",
        "en": "request id {value!r} is taken by another request",
    }
