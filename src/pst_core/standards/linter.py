"""A linter for service standards and SOPs: the defects real published documents have.

`lint` returns `Finding` objects, each with a stable code (``PST001``...), a
severity, the field path it is about and its message: the key
(`Finding.message_key`) and the values it quotes, said in Indonesian or English
by `Finding.describe`. The rules and their codes are listed in `RULES` (a
read-only mapping); codes never change meaning.

*Errors* make a document unusable for computing (a duration that does not
parse, a channel with a procedure but no completion time, an unknown province);
*warnings* are defects a reader would stumble on (a duplicated requirement, a
blank or truncated decree number, another office's name, a "0" completion time).

Examples:
    >>> from pst_core.standards import catalog
    >>> for finding in lint(catalog().standard("sumsel-konsultasi")):
    ...     print(finding)
    sumsel-konsultasi: decree: PST003 warning: decree number looks cut off: ...
    sumsel-konsultasi: completion_header: PST006 warning: completion time printed as '0' ...
    >>> finding = lint(catalog().standard("bengkalis-konsultasi"))[2]
    >>> finding.code, finding.rule.name, finding.location
    ('PST004', 'other-office-named', 'requirements[0].text')
    >>> print(finding.describe("id"))
    menyebut kabupaten 'Indragiri Hulu', bukan kantor penerbit 'BPS Kabupaten Bengkalis'
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator, Sequence
from types import MappingProxyType
from typing import Literal

import attrs

from pst_core._validation import instance_of, one_of
from pst_core.calendar.durations import Duration, WorkingTime, parse_duration
from pst_core.calendar.zones import province
from pst_core.errors import InvalidDurationError, InvalidTypeError, UnknownProvinceError
from pst_core.i18n import Language, check_language, text
from pst_core.standards.components import CompletionTime, Procedure
from pst_core.standards.sop import StandardOperatingProcedure
from pst_core.standards.standard import ServiceStandard
from pst_core.standards.vocabulary import Channel, term

__all__ = ["RULES", "Finding", "Rule", "Severity", "lint"]

Severity = Literal["error", "warning", "info"]
"""How bad a finding is; ``typing.get_args(Severity)`` lists them most severe first."""


@attrs.frozen
class Rule:
    """One rule of the linter.

    Attributes:
        code: Stable code, e.g. ``"PST001"``.
        name: Short kebab-case name.
        severity: The severity of its findings.

    Examples:
        >>> rule = RULES["PST007"]
        >>> rule.name, rule.severity
        ('ambiguous-duration', 'warning')
        >>> rule.describe("en")
        "A duration reads two ways, e.g. '1 jam/hari'."
    """

    code: str
    name: str
    severity: Severity

    def describe(self, language: Language = "en") -> str:
        """What the rule checks, in one sentence."""
        return text(f"standards.rule.{self.code}", check_language(language))


_BY_CODE: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("PST001", "duplicate-requirement", "warning"),
        Rule("PST002", "missing-decree", "warning"),
        Rule("PST003", "truncated-decree", "warning"),
        Rule("PST004", "other-office-named", "warning"),
        Rule("PST005", "duplicate-fee-text", "warning"),
        Rule("PST006", "zero-completion-time", "warning"),
        Rule("PST007", "ambiguous-duration", "warning"),
        Rule("PST008", "unparseable-duration", "error"),
        Rule("PST009", "procedure-without-completion-time", "error"),
        Rule("PST010", "completion-time-without-procedure", "warning"),
        Rule("PST011", "unused-requirement", "warning"),
        Rule("PST012", "unknown-province", "error"),
        Rule("PST013", "time-contradicts-note", "warning"),
    )
}

RULES: typing.Mapping[str, Rule] = MappingProxyType(dict(_BY_CODE))
"""Every rule by code (read-only; `lint` uses its own copy)."""

# Fields of a finding's message that hold a code, not words: said in the reader's language.
_DURATION_FIELDS = frozenset({"time", "stated", "readings"})


def _say_field(name: str, value: str, language: Language) -> str:
    if name == "channel":
        return term("channel", value, language)
    if name == "channels":
        said = [term("channel", c, language) for c in value.split()]
        return ", ".join(said) or text("standards.finding.no_channel", language)
    if name in _DURATION_FIELDS:
        durations = [parse_duration(p) for p in value.split(" / ")]
        said = [d.describe(language) for d in durations]
        return text("standards.finding.or", language).join(said)
    return value


@attrs.frozen
class Finding:
    """One problem the linter found.

    Attributes:
        code: The rule's code (see `RULES`).
        location: The field path, e.g. ``"requirements[5].text"``.
        document: The id of the document.
        message_key: The key of its message, under ``standards.finding.`` in the
            message catalogue; `describe` gives the message's text.
        fields: The values the message quotes, as ``(name, value)`` pairs.

    Examples:
        >>> f = Finding("PST002", "decree", "x", "decree_blank")
        >>> print(f)
        x: decree: PST002 warning: the decree number (No. SK) is blank
        >>> f.severity, f.rule.name
        ('warning', 'missing-decree')
        >>> f.describe("id")
        'nomor SK kosong'
    """

    code: str = attrs.field(validator=one_of(tuple(_BY_CODE)))
    location: str = attrs.field(validator=instance_of(str))
    document: str = attrs.field(validator=instance_of(str))
    message_key: str = attrs.field(validator=instance_of(str))
    fields: tuple[tuple[str, str], ...] = attrs.field(default=())

    @property
    def rule(self) -> Rule:
        """The rule that made this finding."""
        return _BY_CODE[self.code]

    @property
    def severity(self) -> Severity:
        """The rule's severity."""
        return self.rule.severity

    def describe(self, language: Language = "en") -> str:
        """What is wrong, quoting the published text, in ``language``."""
        lang = check_language(language)
        said = {name: _say_field(name, value, lang) for name, value in self.fields}
        return text(f"standards.finding.{self.message_key}", lang, **said)

    def __str__(self) -> str:
        return f"{self.document}: {self.location}: {self.code} {self.severity}: {self.describe()}"


def lint(document: ServiceStandard | StandardOperatingProcedure) -> tuple[Finding, ...]:
    """Check a service standard or SOP; findings in rule order, then document order.

    Raises:
        InvalidTypeError: for anything but a ServiceStandard or SOP.
    """
    if isinstance(document, ServiceStandard):
        checks = _standard_checks(document)
    elif isinstance(document, StandardOperatingProcedure):
        checks = _sop_checks(document)
    else:
        raise InvalidTypeError("document", document, (ServiceStandard, StandardOperatingProcedure))
    findings = [
        Finding(code, location, document.id, message_key, tuple(fields.items()))
        for code, location, message_key, fields in checks
    ]
    return tuple(sorted(findings, key=lambda f: f.code))


_Check = Iterator[tuple[str, str, str, dict[str, str]]]


def _normal(value: str) -> str:
    return " ".join(value.casefold().split())


def _standard_checks(standard: ServiceStandard) -> _Check:
    yield from _duplicates(
        "PST001",
        [(f"requirements[{i}].text", r.text) for i, r in enumerate(standard.requirements)],
        "duplicate_requirement",
    )
    yield from _decree(standard.decree)
    yield from _other_offices(
        standard.office.name, standard.office.province, _standard_texts(standard)
    )
    yield from _duplicates(
        "PST005",
        [(f"fee.texts[{i}]", t) for i, t in enumerate(standard.fee.texts)],
        "duplicate_fee_text",
    )
    yield from _completion_header(standard.completion_header)
    for index, completion in enumerate(standard.completion_times):
        if completion.duration == WorkingTime(0):
            yield (
                "PST006",
                f"completion_times[{index}].duration",
                "zero_completion_time",
                {"channel": completion.channel},
            )
    yield from _channels(standard)
    yield from _province(standard.office.province)


def _duplicates(code: str, texts: list[tuple[str, str]], message_key: str) -> _Check:
    first: dict[str, str] = {}
    for location, published in texts:
        key = _normal(published)
        if key in first:
            yield code, location, message_key, {"text": repr(published), "first": first[key]}
        else:
            first[key] = location


_YEAR_END = re.compile(r"\btahun\s+[0-9]{4}\s*\.?\Z", re.IGNORECASE)


def _decree(decree: str | None) -> _Check:
    if decree is None or not decree.strip():
        yield "PST002", "decree", "decree_absent" if decree is None else "decree_blank", {}
        return
    if not _YEAR_END.search(decree):
        last = decree.split()[-1]
        if "tahun".startswith(last.casefold()) and last.casefold() != "tahun":
            yield "PST003", "decree", "decree_cut", {"decree": repr(decree), "last": repr(last)}
        else:
            yield "PST003", "decree", "decree_without_year", {"decree": repr(decree)}


_REGION = re.compile(
    r"\b(Provinsi|Kabupaten|Kota)\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)", re.IGNORECASE
)
_REGION_NAME = re.compile(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*")
_LEVELS = {"provinsi": "province", "kabupaten": "regency", "kota": "city"}


def _regions(value: str) -> Iterator[tuple[str, str]]:
    for match in _REGION.finditer(value):
        # The keyword may be any case; the name must start upper-case ("Provinsi dan" is no name).
        name = _REGION_NAME.match(match[2])
        if name is not None and match[2][0].isupper():
            yield _LEVELS[match[1].casefold()], _normal(name[0])


def _other_offices(
    office_name: str, province_name: str, texts: Iterator[tuple[str, str]]
) -> _Check:
    own = {name for _, name in _regions(office_name)} | {_normal(province_name)}
    for location, published in texts:
        for level, name in _regions(published):
            if name not in own:
                fields = {"name": repr(name.title()), "office": repr(office_name)}
                yield "PST004", location, f"other_office.{level}", fields


def _standard_texts(standard: ServiceStandard) -> Iterator[tuple[str, str]]:
    yield "service", standard.service
    for i, requirement in enumerate(standard.requirements):
        yield f"requirements[{i}].text", requirement.text
    for p, procedure in enumerate(standard.procedures):
        for s, step in enumerate(procedure.steps):
            yield f"procedures[{p}].steps[{s}].text", step.text
    for c, completion in enumerate(standard.completion_times):
        if completion.text:
            yield f"completion_times[{c}].text", completion.text
    for i, fee_text in enumerate(standard.fee.texts):
        yield f"fee.texts[{i}]", fee_text
    for i, product in enumerate(standard.products):
        yield f"products[{i}].text", product.text
    for i, complaint in enumerate(standard.complaints):
        yield f"complaints[{i}].address", complaint.address


def _parses(value: str) -> Duration | None:
    try:
        return parse_duration(value)
    except InvalidDurationError:
        return None


def _completion_header(header: str | None) -> _Check:
    if header is None:
        return
    if header.strip() == "0":
        yield "PST006", "completion_header", "zero_completion_header", {}
    elif _parses(header) is None:
        yield "PST008", "completion_header", "header_not_duration", {"text": repr(header)}


def _channels(standard: ServiceStandard) -> _Check:
    with_procedure = {p.channel for p in standard.procedures}
    with_time = {c.channel for c in standard.completion_times}
    yield from _unpaired(
        standard.procedures, "procedures", with_time, "PST009", "procedure_without_time"
    )
    yield from _unpaired(
        standard.completion_times,
        "completion_times",
        with_procedure,
        "PST010",
        "time_without_procedure",
    )
    offered = set(standard.channels)
    for index, requirement in enumerate(standard.requirements):
        if not offered.intersection(requirement.channels):
            yield (
                "PST011",
                f"requirements[{index}].channels",
                "unused_requirement",
                {"id": repr(requirement.id), "channels": " ".join(requirement.channels)},
            )


def _unpaired(
    parts: Sequence[Procedure | CompletionTime],
    field: str,
    paired: set[Channel],
    code: str,
    message_key: str,
) -> _Check:
    """Each of ``parts`` whose channel has no counterpart in ``paired``."""
    for index, part in enumerate(parts):
        if part.channel not in paired:
            yield code, f"{field}[{index}]", message_key, {"channel": part.channel}


def _province(name: str) -> _Check:
    try:
        province(name)
    except UnknownProvinceError as err:
        if err.suggestions:
            fields = {"province": repr(name), "close": ", ".join(err.suggestions)}
            yield "PST012", "office.province", "unknown_province_close", fields
        else:
            yield "PST012", "office.province", "unknown_province", {"province": repr(name)}


_NOTE_DURATION = re.compile(
    r"([0-9]+)\s*(?:\([a-z ]+\)\s*)?(hari\s+kerja|hari|jam|menit|bulan)\b", re.IGNORECASE
)


def _sop_checks(sop: StandardOperatingProcedure) -> _Check:
    yield from _other_offices(sop.office.name, sop.office.province, _sop_texts(sop))
    for index, step in enumerate(sop.steps):
        time_text = step.quality.time_text
        if time_text is not None and step.quality.time is None:
            yield (
                "PST008",
                f"steps[{index}].quality.time_text",
                "step_time_not_duration",
                {"step": str(step.number), "text": repr(time_text)},
            )
    if sop.appointment is not None:
        rule = sop.appointment
        readings = rule.readings
        location = "appointment.lead_time_text"
        if rule.lead_time is None and len(readings) > 1:
            yield (
                "PST007",
                location,
                "ambiguous_lead_time",
                {
                    "text": repr(rule.lead_time_text),
                    "readings": " / ".join(d.describe("id") for d in readings),
                },
            )
        elif not readings:
            yield "PST008", location, "lead_time_not_duration", {"text": repr(rule.lead_time_text)}
    for index, step in enumerate(sop.steps):
        time = step.quality.time
        if time is None or not step.note:
            continue
        for match in _NOTE_DURATION.finditer(step.note):
            stated = _parses(match[0])
            if (
                stated is not None
                and stated != time
                and getattr(stated, "n", None) == getattr(time, "n", -1)
            ):
                yield (
                    "PST013",
                    f"steps[{index}].quality.time_text",
                    "time_contradicts_note",
                    {
                        "step": str(step.number),
                        "text": repr(step.quality.time_text),
                        "time": time.describe("id"),
                        "note": repr(match[0]),
                        "stated": stated.describe("id"),
                    },
                )
    yield from _province(sop.office.province)


def _sop_texts(sop: StandardOperatingProcedure) -> Iterator[tuple[str, str]]:
    for i, related in enumerate(sop.related):
        yield f"related[{i}]", related
    for i, step in enumerate(sop.steps):
        yield f"steps[{i}].text", step.text
        if step.note:
            yield f"steps[{i}].note", step.note
