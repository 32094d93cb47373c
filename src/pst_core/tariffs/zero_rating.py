"""Zero-rating (Rp0): who pays nothing for statistical products, for what, with which documents.

Peraturan BPS 2/2019, implementing PP 7/2015 art. 8(4), sets a tariff of Rp0 for
requests that meet **both** conditions:

* the requester is one of five parties: central government agencies and state
  institutions, regional governments, domestic educational institutions,
  foreign representations, international institutions (`ZERO_RATE_PARTIES`);
* the purpose is non-commercial, one of four: state/government duties, research
  and development of knowledge, community empowerment, international
  commitments (`NON_COMMERCIAL_PURPOSES`).

A Rp0 request needs a formal request letter and an institutional account
verified by the back office; for microdata and Wilkerstat maps the data-use
abstract and the SPPD (data-use agreement) are still required.

`zero_rate` decides; the decision says which documents are still missing and,
through ``describe(language)``, why. ``eligible`` is about the requester and
the purpose; the Rp0 rate is granted once the documents are in
(`ZeroRateDecision.granted`). The names of categories, purposes and documents
for a person are the catalogue's ``tariffs.requester.*``, ``tariffs.purpose.*``
and ``tariffs.document.*`` messages.

Examples:
    >>> decision = zero_rate("domestic_educational_institution", "research",
    ...                      pnbp_types=["microdata"])
    >>> decision.eligible, decision.granted
    (True, False)
    >>> decision.missing_documents
    ('request_letter', 'verified_account', 'abstract', 'data_use_agreement')
    >>> print(zero_rate("individual", "research").describe("id"))
    Rp0: tidak memenuhi syarat
      - pemohon: perorangan tidak termasuk lima pihak yang dikenai tarif Rp0 ...
      - tujuan: penelitian dan pengembangan ilmu pengetahuan adalah tujuan nonkomersial ...
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Literal, TypeVar

import attrs

from pst_core._display import html_section, html_text
from pst_core._validation import (
    instance_of,
    literal_values,
    one_of_literal,
    sequence_of,
    tuple_of_literal,
)
from pst_core.errors import InvalidTypeError, Phrase, UnknownNameError
from pst_core.i18n import Language, check_language, display_language, text
from pst_core.tariffs.schedule import PnbpType

__all__ = [
    "NON_COMMERCIAL_PURPOSES",
    "ZERO_RATE_PARTIES",
    "ZERO_RATE_SOURCE",
    "Purpose",
    "RequesterCategory",
    "ZeroRateDecision",
    "ZeroRateDocument",
    "zero_rate",
]

ZERO_RATE_SOURCE = "Peraturan BPS 2/2019, implementing PP 7/2015 art. 8(4)"
"""The rule `zero_rate` applies."""

RequesterCategory = Literal[
    "central_government",
    "regional_government",
    "domestic_educational_institution",
    "foreign_representation",
    "international_institution",
    "foreign_educational_institution",
    "private_entity",
    "individual",
]
"""Who asks: the five Rp0 parties (`ZERO_RATE_PARTIES`), and the others that pay the tariff."""

Purpose = Literal[
    "government_duties",
    "research",
    "community_empowerment",
    "international_commitment",
    "commercial",
]
"""What the products are for: the four non-commercial purposes, or commercial use."""

ZeroRateDocument = Literal[
    "request_letter",
    "verified_account",
    "abstract",
    "data_use_agreement",
]
"""A document a Rp0 request needs (``data_use_agreement`` is the SPPD)."""

_CATEGORIES: tuple[RequesterCategory, ...] = literal_values(RequesterCategory)
_PURPOSES: tuple[Purpose, ...] = literal_values(Purpose)
_DOCUMENTS: tuple[ZeroRateDocument, ...] = literal_values(ZeroRateDocument)
_PNBP_TYPES: tuple[PnbpType, ...] = literal_values(PnbpType)

ZERO_RATE_PARTIES: Mapping[RequesterCategory, bool] = MappingProxyType(
    {category: category in _CATEGORIES[:5] for category in _CATEGORIES}
)
"""Per requester category, whether it is one of the five Rp0 parties (read-only).

Examples:
    >>> [c for c, party in ZERO_RATE_PARTIES.items() if not party]
    ['foreign_educational_institution', 'private_entity', 'individual']
"""

NON_COMMERCIAL_PURPOSES: Mapping[Purpose, bool] = MappingProxyType(
    {purpose: purpose != "commercial" for purpose in _PURPOSES}
)
"""Per purpose, whether it is one of the four non-commercial Rp0 purposes (read-only)."""

# Microdata and maps keep their own paperwork even at Rp0.
_NEEDS_ABSTRACT_AND_SPPD: frozenset[str] = frozenset({"microdata", "wilkerstat_map"})


@attrs.frozen
class ZeroRateDecision:
    """The answer to "does this request pay Rp0?"; ``describe`` says why.

    Attributes:
        requester: The requester's category.
        purpose: The stated purpose.
        eligible: Whether requester and purpose both qualify.
        required_documents: What a Rp0 request of this kind needs (empty when not eligible).
        missing_documents: Those of ``required_documents`` not yet provided.

    Examples:
        >>> d = zero_rate("regional_government", "research",
        ...               provided=["request_letter", "verified_account"])
        >>> d.granted
        True
        >>> print(d.describe())
        Rp0: eligible
          - requester: a regional government is a Rp0 party under Peraturan BPS 2/2019, ...
          - purpose: research and development of knowledge is a non-commercial Rp0 purpose ...
          all required documents provided
    """

    requester: RequesterCategory = attrs.field(validator=one_of_literal(RequesterCategory))
    purpose: Purpose = attrs.field(validator=one_of_literal(Purpose))
    eligible: bool = attrs.field(validator=instance_of(bool))
    required_documents: tuple[ZeroRateDocument, ...] = attrs.field(
        validator=tuple_of_literal(ZeroRateDocument)
    )
    missing_documents: tuple[ZeroRateDocument, ...] = attrs.field(
        validator=tuple_of_literal(ZeroRateDocument)
    )

    @property
    def granted(self) -> bool:
        """Eligible and every required document provided: the Rp0 rate can be applied."""
        return self.eligible and not self.missing_documents

    def _reasons(self, language: Language) -> tuple[str, ...]:
        """One sentence per condition (requester, purpose), saying why it is met or not."""
        source = text("tariffs.zero_rate.source", language)
        who = text(f"tariffs.requester.{self.requester}", language)
        aim = text(f"tariffs.purpose.{self.purpose}", language)
        party = "party" if ZERO_RATE_PARTIES[self.requester] else "not_party"
        kind = "non_commercial" if NON_COMMERCIAL_PURPOSES[self.purpose] else "commercial"
        return (
            text(f"tariffs.zero_rate.{party}", language, requester=who, source=source),
            text(f"tariffs.zero_rate.{kind}", language, purpose=aim, source=source),
        )

    def describe(self, language: Language = "en") -> str:
        """The decision for a person: eligible or not, why, and the documents still missing."""
        verdict = "eligible" if self.eligible else "not_eligible"
        lines = [text(f"tariffs.zero_rate.{verdict}", language)]
        lines.extend(f"  - {reason}" for reason in self._reasons(language))
        if self.eligible:
            if self.missing_documents:
                lines.append("  " + text("tariffs.zero_rate.missing", language))
                lines.extend(
                    "    - " + text(f"tariffs.document.{d}", language)
                    for d in self.missing_documents
                )
            else:
                lines.append("  " + text("tariffs.zero_rate.complete", language))
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"ZeroRateDecision(requester={self.requester!r}, purpose={self.purpose!r}, "
            f"eligible={self.eligible}, granted={self.granted}, "
            f"missing={len(self.missing_documents)})"
        )

    def _html(self, language: Language) -> str:
        """The verdict as the title, then why and the documents still missing."""
        head, *rest = self.describe(language).splitlines()
        return html_section(head, html_text(line.strip() for line in rest))

    def to_html(self, language: Language | None = None) -> str:
        """What a notebook shows, as HTML in ``language`` (default: the display language,
        `pst_core.i18n.display_language`, set with ``pst_core.set_option``)."""
        return self._html(display_language() if language is None else check_language(language))

    def _repr_html_(self) -> str:
        return self.to_html()


L = TypeVar("L", bound=str)


def _member(names: tuple[L, ...], value: object, what: str) -> L:
    """The name of ``names`` that ``value`` spells; ``what`` is its kind (``tariffs.kind.*``)."""
    if isinstance(value, str):
        key = value.strip().lower().replace("-", "_").replace(" ", "_")
        for name in names:
            if key == name:
                return name
        raise UnknownNameError(
            Phrase(f"tariffs.kind.{what}"),
            value,
            difflib.get_close_matches(key, names, n=3),
            allowed=names,
        )
    raise InvalidTypeError(what, value, Phrase("tariffs.error.one_of", names=names))


def zero_rate(
    requester: RequesterCategory,
    purpose: Purpose,
    *,
    pnbp_types: Iterable[PnbpType] = (),
    provided: Iterable[ZeroRateDocument] = (),
) -> ZeroRateDecision:
    """Decide whether a request pays Rp0 under Perban BPS 2/2019 (PP 7/2015 art. 8(4)).

    Args:
        requester: The requester's category, e.g. ``"regional_government"``.
        purpose: The purpose, e.g. ``"research"``.
        pnbp_types: The PNBP types asked for; microdata and maps add the abstract and SPPD.
        provided: Documents already handed in.

    Names are read leniently (``"Regional government"`` is ``"regional_government"``).

    Raises:
        UnknownNameError: an unknown category, purpose, PNBP type or document, with suggestions.
        InvalidTypeError: a value that is not a name.
    """
    category = _member(_CATEGORIES, requester, "requester")
    aim = _member(_PURPOSES, purpose, "purpose")
    types = frozenset(
        _member(_PNBP_TYPES, t, "pnbp_type") for t in sequence_of(pnbp_types, "pnbp_types", str)
    )
    have = frozenset(
        _member(_DOCUMENTS, d, "document") for d in sequence_of(provided, "provided", str)
    )
    eligible = ZERO_RATE_PARTIES[category] and NON_COMMERCIAL_PURPOSES[aim]
    required: tuple[ZeroRateDocument, ...] = ()
    if eligible:
        required = ("request_letter", "verified_account")
        if types & _NEEDS_ABSTRACT_AND_SPPD:
            required += ("abstract", "data_use_agreement")
    return ZeroRateDecision(
        requester=category,
        purpose=aim,
        eligible=eligible,
        required_documents=required,
        missing_documents=tuple(d for d in required if d not in have),
    )
