"""Rp0 eligibility: who pays nothing for statistical products, for what, with which documents.

Peraturan BPS 2/2019, implementing PP 7/2015 art. 8(4), sets a tariff of Rp0 for
requests that meet **both** conditions:

* the requester is one of five parties: central government agencies and state
  institutions, regional governments, domestic educational institutions,
  foreign representations, international institutions;
* the purpose is non-commercial, one of four: state/government duties, research
  and development of knowledge, community empowerment, international commitments.

A Rp0 request needs a formal request letter and an institutional account
verified by the back office; for microdata and Wilkerstat maps the data-use
abstract and the SPPD (data-use agreement) are still required.

:func:`zero_rate` decides; the decision says why, and which documents are still
missing. ``eligible`` is about the requester and the purpose; the Rp0 rate is
granted once the documents are in (:attr:`ZeroRateDecision.granted`).

Examples:
    >>> decision = zero_rate("domestic_educational_institution", "research",
    ...                      pnbp_types=[PnbpType.MICRODATA])
    >>> decision.eligible, decision.granted
    (True, False)
    >>> [d.value for d in decision.missing_documents]
    ['request_letter', 'verified_account', 'abstract', 'data_use_agreement']
    >>> zero_rate("individual", "research").reasons[0]
    'requester: an individual (perorangan) is not one of the five Rp0 parties ...'
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable
from typing import TypeVar

import attrs

from pst_core._validation import instance_of, tuple_of
from pst_core.errors import UnknownNameError
from pst_core.tariffs.schedule import PnbpType

__all__ = [
    "SOURCE",
    "Document",
    "Purpose",
    "RequesterCategory",
    "ZeroRateDecision",
    "zero_rate",
]

SOURCE = "Peraturan BPS 2/2019, implementing PP 7/2015 art. 8(4)"
"""The rule :func:`zero_rate` applies."""


class RequesterCategory(enum.Enum):
    """Who asks: the five Rp0 parties, and the others that pay the tariff.

    Examples:
        >>> [c.value for c in RequesterCategory if c.zero_rate_party]
        ['central_government', 'regional_government', 'domestic_educational_institution',
         'foreign_representation', 'international_institution']
    """

    CENTRAL_GOVERNMENT = "central_government"
    REGIONAL_GOVERNMENT = "regional_government"
    DOMESTIC_EDUCATIONAL_INSTITUTION = "domestic_educational_institution"
    FOREIGN_REPRESENTATION = "foreign_representation"
    INTERNATIONAL_INSTITUTION = "international_institution"
    FOREIGN_EDUCATIONAL_INSTITUTION = "foreign_educational_institution"
    PRIVATE_ENTITY = "private_entity"
    INDIVIDUAL = "individual"

    @property
    def label(self) -> str:
        """The category in words, with the Indonesian term users know.

        Examples:
            >>> RequesterCategory.REGIONAL_GOVERNMENT.label
            'a regional government (pemerintah daerah)'
        """
        return _REQUESTER_LABELS[self]

    @property
    def zero_rate_party(self) -> bool:
        """Whether the category is one of the five Rp0 parties of Perban BPS 2/2019.

        Examples:
            >>> RequesterCategory.CENTRAL_GOVERNMENT.zero_rate_party
            True
            >>> RequesterCategory.FOREIGN_EDUCATIONAL_INSTITUTION.zero_rate_party
            False
        """
        return self in _PARTIES


_PARTIES = frozenset(
    {
        RequesterCategory.CENTRAL_GOVERNMENT,
        RequesterCategory.REGIONAL_GOVERNMENT,
        RequesterCategory.DOMESTIC_EDUCATIONAL_INSTITUTION,
        RequesterCategory.FOREIGN_REPRESENTATION,
        RequesterCategory.INTERNATIONAL_INSTITUTION,
    }
)

_REQUESTER_LABELS = {
    RequesterCategory.CENTRAL_GOVERNMENT: (
        "a central government agency or state institution (kementerian/lembaga)"
    ),
    RequesterCategory.REGIONAL_GOVERNMENT: "a regional government (pemerintah daerah)",
    RequesterCategory.DOMESTIC_EDUCATIONAL_INSTITUTION: (
        "a domestic educational institution (lembaga pendidikan dalam negeri)"
    ),
    RequesterCategory.FOREIGN_REPRESENTATION: "a foreign representation (perwakilan negara asing)",
    RequesterCategory.INTERNATIONAL_INSTITUTION: (
        "an international institution (lembaga internasional)"
    ),
    RequesterCategory.FOREIGN_EDUCATIONAL_INSTITUTION: "a foreign educational institution",
    RequesterCategory.PRIVATE_ENTITY: "a private entity or business (badan usaha/swasta)",
    RequesterCategory.INDIVIDUAL: "an individual (perorangan)",
}


class Purpose(enum.Enum):
    """What the products are for: the four non-commercial purposes, or commercial use.

    Examples:
        >>> [p.value for p in Purpose if p.non_commercial]
        ['government_duties', 'research', 'community_empowerment', 'international_commitment']
    """

    GOVERNMENT_DUTIES = "government_duties"
    RESEARCH = "research"
    COMMUNITY_EMPOWERMENT = "community_empowerment"
    INTERNATIONAL_COMMITMENT = "international_commitment"
    COMMERCIAL = "commercial"

    @property
    def label(self) -> str:
        """The purpose in words.

        Examples:
            >>> Purpose.RESEARCH.label
            'research and development of knowledge (penelitian dan pengembangan ilmu)'
        """
        return _PURPOSE_LABELS[self]

    @property
    def non_commercial(self) -> bool:
        """Whether the purpose is one of the four non-commercial Rp0 purposes.

        Examples:
            >>> Purpose.COMMUNITY_EMPOWERMENT.non_commercial, Purpose.COMMERCIAL.non_commercial
            (True, False)
        """
        return self is not Purpose.COMMERCIAL


_PURPOSE_LABELS = {
    Purpose.GOVERNMENT_DUTIES: "state or government duties (tugas negara/pemerintahan)",
    Purpose.RESEARCH: "research and development of knowledge (penelitian dan pengembangan ilmu)",
    Purpose.COMMUNITY_EMPOWERMENT: "community empowerment (pemberdayaan masyarakat)",
    Purpose.INTERNATIONAL_COMMITMENT: "international commitments (komitmen internasional)",
    Purpose.COMMERCIAL: "a commercial purpose (komersial)",
}


class Document(enum.Enum):
    """A document a Rp0 request needs.

    Examples:
        >>> Document.DATA_USE_AGREEMENT.label
        'the SPPD (data-use agreement)'
    """

    REQUEST_LETTER = "request_letter"
    VERIFIED_ACCOUNT = "verified_account"
    ABSTRACT = "abstract"
    DATA_USE_AGREEMENT = "data_use_agreement"

    @property
    def label(self) -> str:
        """The document in words.

        Examples:
            >>> Document.REQUEST_LETTER.label
            'a formal request letter (surat permohonan resmi)'
        """
        return _DOCUMENT_LABELS[self]


_DOCUMENT_LABELS = {
    Document.REQUEST_LETTER: "a formal request letter (surat permohonan resmi)",
    Document.VERIFIED_ACCOUNT: "an institutional account verified by the back office",
    Document.ABSTRACT: "the data-use abstract (abstrak)",
    Document.DATA_USE_AGREEMENT: "the SPPD (data-use agreement)",
}

# Microdata and maps keep their own paperwork even at Rp0.
_NEEDS_ABSTRACT_AND_SPPD = frozenset({PnbpType.MICRODATA, PnbpType.WILKERSTAT_MAP})


@attrs.frozen
class ZeroRateDecision:
    """The answer to "does this request pay Rp0?", with its reasons.

    Attributes:
        requester: The requester's category.
        purpose: The stated purpose.
        eligible: Whether requester and purpose both qualify.
        reasons: One sentence per condition, saying why it is met or not.
        required_documents: What a Rp0 request of this kind needs (empty when not eligible).
        missing_documents: Those of ``required_documents`` not yet provided.

    Examples:
        >>> d = zero_rate("regional_government", "commercial")
        >>> d.eligible, d.required_documents
        (False, ())
    """

    requester: RequesterCategory = attrs.field(validator=instance_of(RequesterCategory))
    purpose: Purpose = attrs.field(validator=instance_of(Purpose))
    eligible: bool = attrs.field(validator=instance_of(bool))
    reasons: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    required_documents: tuple[Document, ...] = attrs.field(validator=tuple_of(Document))
    missing_documents: tuple[Document, ...] = attrs.field(validator=tuple_of(Document))

    @property
    def granted(self) -> bool:
        """Eligible and every required document provided: the Rp0 rate can be applied.

        Examples:
            >>> zero_rate("regional_government", "research").granted
            False
            >>> zero_rate("regional_government", "research",
            ...           provided=["request_letter", "verified_account"]).granted
            True
        """
        return self.eligible and not self.missing_documents


E = TypeVar("E", bound=enum.Enum)


def _member(kind: type[E], value: E | str, what: str) -> E:
    if isinstance(value, kind):
        return value
    names = [m.value for m in kind]
    if isinstance(value, str):
        key = value.strip().lower().replace("-", "_").replace(" ", "_")
        if key in names:
            return kind(key)
    raise UnknownNameError(
        what,
        value,
        difflib.get_close_matches(str(value).lower(), names, n=3),
        allowed=", ".join(names),
    )


def zero_rate(
    requester: RequesterCategory | str,
    purpose: Purpose | str,
    *,
    pnbp_types: Iterable[PnbpType | str] = (),
    provided: Iterable[Document | str] = (),
) -> ZeroRateDecision:
    """Decide whether a request pays Rp0 under Perban BPS 2/2019 (PP 7/2015 art. 8(4)).

    Args:
        requester: The requester's category (member or its value, e.g. ``"regional_government"``).
        purpose: The purpose (member or value, e.g. ``"research"``).
        pnbp_types: The PNBP types asked for; microdata and maps add the abstract and SPPD.
        provided: Documents already handed in.

    Raises:
        UnknownNameError: an unknown category, purpose or document, with suggestions.

    Examples:
        >>> d = zero_rate("central_government", "government_duties",
        ...               provided=["request_letter", "verified_account"])
        >>> d.eligible, d.granted
        (True, True)
        >>> for reason in zero_rate("private_entity", "commercial").reasons:
        ...     print(reason)
        requester: a private entity or business (badan usaha/swasta) is not one of ...
        purpose: a commercial purpose (komersial) never qualifies: Rp0 is for non-commercial ...
    """
    category = _member(RequesterCategory, requester, "requester category")
    aim = _member(Purpose, purpose, "purpose")
    types = frozenset(_member(PnbpType, t, "PNBP type") for t in pnbp_types)
    have = frozenset(_member(Document, d, "document") for d in provided)

    reasons: list[str] = []
    if category.zero_rate_party:
        reasons.append(f"requester: {category.label} is a Rp0 party under {SOURCE}")
    else:
        reasons.append(
            f"requester: {category.label} is not one of the five Rp0 parties of "
            f"Perban BPS 2/2019; the tariff applies"
        )
    if aim.non_commercial:
        reasons.append(f"purpose: {aim.label} is a non-commercial Rp0 purpose under {SOURCE}")
    else:
        reasons.append(
            f"purpose: {aim.label} never qualifies: Rp0 is for non-commercial purposes only "
            f"({SOURCE}); the tariff applies"
        )
    eligible = category.zero_rate_party and aim.non_commercial

    required: tuple[Document, ...] = ()
    if eligible:
        required = (Document.REQUEST_LETTER, Document.VERIFIED_ACCOUNT)
        if types & _NEEDS_ABSTRACT_AND_SPPD:
            required += (Document.ABSTRACT, Document.DATA_USE_AGREEMENT)
    return ZeroRateDecision(
        requester=category,
        purpose=aim,
        eligible=eligible,
        reasons=tuple(reasons),
        required_documents=required,
        missing_documents=tuple(d for d in required if d not in have),
    )
