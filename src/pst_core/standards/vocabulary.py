"""The closed vocabularies of service standards and SOPs, and what each value means to a person.

Each vocabulary is a `Literal` type: its values are ``typing.get_args(Channel)``,
and what a value means for a person is the message catalogue's
``standards.<vocabulary>.<value>`` text, said by `term` in Indonesian or English.

Examples:
    >>> import typing
    >>> typing.get_args(Channel)
    ('offline', 'online')
    >>> term("channel", "offline", "id"), term("actor", "officer", "en")
    ('kunjungan langsung', 'Service officer')
"""

from __future__ import annotations

from typing import Literal

from pst_core.i18n import Language, check_language, text

__all__ = [
    "Actor",
    "Channel",
    "ClockStart",
    "ClosedBy",
    "ComplaintKind",
    "FeeKind",
    "OfficeLevel",
    "RequirementKind",
    "term",
]

Channel = Literal["offline", "online"]
"""How the user reaches the service: a direct visit (*kunjungan langsung*) or online."""

RequirementKind = Literal["identity_document", "document", "letter", "account", "contact", "action"]
"""What a requirement asks for; documents and letters may carry an expiry date."""

Actor = Literal["user", "receptionist", "officer", "app"]
"""Who performs a step: the user (*pengguna layanan*), the receptionist (*resepsionis*),
the service officer (*petugas layanan*) or the service application (*aplikasi pelayanan*)."""

ClockStart = Literal[
    "after_previous_in_queue", "after_guest_book", "after_request_complete", "not_stated"
]
"""What starts a completion-time clock, as a short English key."""

ComplaintKind = Literal["box", "website", "email", "phone"]
"""A complaint channel: suggestion box, website, e-mail, or a phone number (its label says
the medium in the document's words: SMS, WhatsApp, HP)."""

OfficeLevel = Literal["province", "regency", "city"]
"""A BPS office: provincial (*provinsi*), regency (*kabupaten*) or city (*kota*)."""

FeeKind = Literal["free", "pnbp"]
"""Free of charge, or PNBP (*penerimaan negara bukan pajak*, non-tax state revenue)."""

ClosedBy = Literal["portal", "officer"]
"""Who closes an unanswered online case: the portal (automatically) or the officer."""


def term(vocabulary: str, value: str, language: Language = "en") -> str:
    """What ``value`` of a vocabulary (``"channel"``, ``"actor"``...) means for a person.

    The words are the message catalogue's ``standards.<vocabulary>.<value>``;
    ``"channel_heading"`` gives a channel's heading in the published leaflets.

    Raises:
        InvalidValueError: for a ``language`` other than ``"id"``/``"en"``.
        UnknownMessageError: for a vocabulary or value the catalogue does not have.

    Examples:
        >>> term("channel_heading", "online", "id")
        'Layanan dengan cara online'
    """
    return text(f"standards.{vocabulary}.{value}", check_language(language))
