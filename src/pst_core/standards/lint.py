"""A linter for service standards and SOPs: the defects real published documents have.

:func:`lint` returns :class:`Finding` objects, each with a stable code
(``PST001``...), a severity, a message and the field path it is about. The
rules and their codes are listed in :data:`RULES`; codes never change meaning.

*Errors* make a document unusable for computing (a duration that does not
parse, a channel with a procedure but no completion time, an unknown province);
*warnings* are defects a reader would stumble on (a duplicated requirement, a
blank or truncated decree number, another unit's name, a "0" completion time).

Examples:
    >>> from pst_core.standards import catalog
    >>> for finding in lint(catalog()["sumsel-konsultasi"]):
    ...     print(finding)
    sumsel-konsultasi: decree: PST003 warning: decree number looks cut off: ...
    sumsel-konsultasi: completion_header: PST006 warning: completion time printed as '0' ...
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

import attrs

from pst_core._validation import instance_of, non_empty, one_of
from pst_core.calendar.durations import Duration, WorkingTime, parse_duration
from pst_core.calendar.zones import province
from pst_core.errors import InvalidDurationError, InvalidTypeError, UnknownProvinceError
from pst_core.standards.model import ServiceStandard
from pst_core.standards.sop import StandardOperatingProcedure

__all__ = ["RULES", "SEVERITIES", "Finding", "Rule", "Severity", "lint"]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
"""Severities, most severe first."""


@attrs.frozen
class Rule:
    """One rule of the linter.

    Attributes:
        code: Stable code, e.g. ``"PST001"``.
        name: Short kebab-case name.
        severity: The severity of its findings.
        summary: What it checks, in one sentence.

    Examples:
        >>> rule = RULES["PST007"]
        >>> rule.name, rule.severity
        ('ambiguous-duration', 'warning')
    """

    code: str
    name: str
    severity: Severity
    summary: str


_RULES = (
    Rule("PST001", "duplicate-requirement", "warning", "A requirement's text is published twice."),
    Rule("PST002", "missing-decree", "warning", "The decree number (No. SK) is blank or absent."),
    Rule("PST003", "truncated-decree", "warning", "The decree text does not end in 'Tahun YYYY'."),
    Rule(
        "PST004",
        "other-unit-named",
        "warning",
        "A text names a province, regency or city other than the unit's own.",
    ),
    Rule("PST005", "duplicate-fee-text", "warning", "A fee text is printed twice."),
    Rule(
        "PST006",
        "zero-completion-time",
        "warning",
        "A completion time is printed as '0' or is zero.",
    ),
    Rule(
        "PST007", "ambiguous-duration", "warning", "A duration reads two ways, e.g. '1 jam/hari'."
    ),
    Rule("PST008", "unparseable-duration", "error", "A published duration does not parse."),
    Rule(
        "PST009",
        "procedure-without-completion-time",
        "error",
        "A channel has a procedure but no completion time.",
    ),
    Rule(
        "PST010",
        "completion-time-without-procedure",
        "warning",
        "A channel has a completion time but no procedure.",
    ),
    Rule(
        "PST011",
        "unused-requirement",
        "warning",
        "A requirement applies to no channel the standard offers.",
    ),
    Rule(
        "PST012", "unknown-province", "error", "The unit's province is not one of Indonesia's 38."
    ),
    Rule(
        "PST013",
        "time-contradicts-note",
        "warning",
        "An SOP step's time and its note give the same number in different units.",
    ),
)

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}
"""Every rule by code."""


@attrs.frozen
class Finding:
    """One problem the linter found.

    Attributes:
        code: The rule's code (see :data:`RULES`).
        severity: ``"error"``, ``"warning"`` or ``"info"``.
        message: What is wrong, quoting the published text.
        location: The field path, e.g. ``"requirements[5].text_id"``.
        document: The id of the document.

    Examples:
        >>> f = Finding("PST002", "warning", "decree number is blank", "decree", "x")
        >>> str(f), f.rule.name
        ('x: decree: PST002 warning: decree number is blank', 'missing-decree')
    """

    code: str = attrs.field(validator=one_of(tuple(RULES)))
    severity: Severity = attrs.field(validator=one_of(SEVERITIES))
    message: str = attrs.field(validator=[instance_of(str), non_empty])
    location: str = attrs.field(validator=instance_of(str))
    document: str = attrs.field(validator=instance_of(str))

    @property
    def rule(self) -> Rule:
        """The rule that made this finding.

        Examples:
            >>> from pst_core.standards import catalog
            >>> [f.rule.name for f in lint(catalog()["bengkulu-sop-produk-berbayar"])]
            ['ambiguous-duration', 'time-contradicts-note']
        """
        return RULES[self.code]

    def __str__(self) -> str:
        return f"{self.document}: {self.location}: {self.code} {self.severity}: {self.message}"


Document = ServiceStandard | StandardOperatingProcedure


def lint(document: Document) -> tuple[Finding, ...]:
    """Check a service standard or SOP; findings in rule order, then document order.

    Raises:
        InvalidTypeError: for anything but a ServiceStandard or SOP.

    Examples:
        >>> from pst_core.standards import catalog
        >>> [f.code for f in lint(catalog()["bengkalis-konsultasi"])]
        ['PST001', 'PST002', 'PST004', 'PST005', 'PST006']
        >>> lint(catalog()["bengkulu-penjualan"])
        ()
    """
    if isinstance(document, ServiceStandard):
        checks = _standard_checks(document)
    elif isinstance(document, StandardOperatingProcedure):
        checks = _sop_checks(document)
    else:
        raise InvalidTypeError(
            "document", document, "ServiceStandard or StandardOperatingProcedure"
        )
    findings = [
        Finding(code, RULES[code].severity, message, location, document.id)
        for code, location, message in checks
    ]
    return tuple(sorted(findings, key=lambda f: f.code))


_Check = Iterator[tuple[str, str, str]]


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _standard_checks(standard: ServiceStandard) -> _Check:
    yield from _duplicates(
        "PST001",
        [(f"requirements[{i}].text_id", r.text_id) for i, r in enumerate(standard.requirements)],
        "requirement",
    )
    yield from _decree(standard.decree)
    yield from _other_units(standard.unit.name, standard.unit.province, _standard_texts(standard))
    yield from _duplicates(
        "PST005",
        [(f"fee.texts_id[{i}]", text) for i, text in enumerate(standard.fee.texts_id)],
        "fee text",
    )
    yield from _completion_header(standard.completion_header)
    for index, completion in enumerate(standard.completion_times):
        if completion.duration == WorkingTime(0):
            yield (
                "PST006",
                f"completion_times[{index}].duration",
                f"the {completion.channel} completion time is zero",
            )
    yield from _channels(standard)
    yield from _province(standard.unit.province)


def _duplicates(code: str, texts: list[tuple[str, str]], what: str) -> _Check:
    first: dict[str, str] = {}
    for location, text in texts:
        key = _normal(text)
        if key in first:
            yield code, location, f"{what} {text!r} is published twice (first at {first[key]})"
        else:
            first[key] = location


_YEAR_END = re.compile(r"\btahun\s+\d{4}\s*\.?$", re.IGNORECASE)


def _decree(decree: str | None) -> _Check:
    if decree is None or not decree.strip():
        shown = "absent" if decree is None else "blank"
        yield "PST002", "decree", f"the decree number (No. SK) is {shown}"
        return
    if not _YEAR_END.search(decree):
        last = decree.split()[-1].casefold()
        if "tahun".startswith(last) and last != "tahun":
            reason = f"decree number looks cut off: {decree!r} ends in {decree.split()[-1]!r}"
        else:
            reason = f"decree number {decree!r} does not end in 'Tahun YYYY'"
        yield "PST003", "decree", reason


_REGION = re.compile(
    r"\b(Provinsi|Kabupaten|Kota)\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)", re.IGNORECASE
)
_REGION_NAME = re.compile(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*")


def _regions(text: str) -> Iterator[tuple[str, str]]:
    for match in _REGION.finditer(text):
        # The keyword may be any case; the name must start upper-case ("Provinsi dan" is no name).
        name = _REGION_NAME.match(match[2])
        if name is not None and match[2][0].isupper():
            yield match[1].casefold(), _normal(name[0])


def _other_units(unit_name: str, province_name: str, texts: Iterator[tuple[str, str]]) -> _Check:
    own = {name for _, name in _regions(unit_name)} | {_normal(province_name)}
    for location, text in texts:
        for kind, name in _regions(text):
            if name not in own:
                yield (
                    "PST004",
                    location,
                    f"names {kind} {name.title()!r}, not the publishing unit {unit_name!r}",
                )


def _standard_texts(standard: ServiceStandard) -> Iterator[tuple[str, str]]:
    yield "service", standard.service
    for i, requirement in enumerate(standard.requirements):
        yield f"requirements[{i}].text_id", requirement.text_id
    for p, procedure in enumerate(standard.procedures):
        for s, step in enumerate(procedure.steps):
            yield f"procedures[{p}].steps[{s}].text_id", step.text_id
    for c, completion in enumerate(standard.completion_times):
        if completion.text_id:
            yield f"completion_times[{c}].text_id", completion.text_id
    for i, text in enumerate(standard.fee.texts_id):
        yield f"fee.texts_id[{i}]", text
    for i, product in enumerate(standard.products):
        yield f"products[{i}].text_id", product.text_id
    for i, complaint in enumerate(standard.complaints):
        yield f"complaints[{i}].address", complaint.address


def _parses(text: str) -> Duration | None:
    try:
        return parse_duration(text)
    except InvalidDurationError:
        return None


def _completion_header(header: str | None) -> _Check:
    if header is None:
        return
    if header.strip() == "0":
        yield (
            "PST006",
            "completion_header",
            "completion time printed as '0' before the per-channel times",
        )
    elif _parses(header) is None:
        yield "PST008", "completion_header", f"completion time {header!r} is not a duration"


def _channels(standard: ServiceStandard) -> _Check:
    with_procedure = {p.channel for p in standard.procedures}
    with_time = {c.channel for c in standard.completion_times}
    for index, procedure in enumerate(standard.procedures):
        if procedure.channel not in with_time:
            yield (
                "PST009",
                f"procedures[{index}]",
                f"the {procedure.channel} channel has a procedure but no completion time",
            )
    for index, completion in enumerate(standard.completion_times):
        if completion.channel not in with_procedure:
            yield (
                "PST010",
                f"completion_times[{index}]",
                f"the {completion.channel} channel has a completion time but no procedure",
            )
    offered = set(standard.channels)
    for index, requirement in enumerate(standard.requirements):
        if not offered.intersection(requirement.channels):
            listed = ", ".join(c.value for c in requirement.channels) or "no channel"
            yield (
                "PST011",
                f"requirements[{index}].channels",
                f"requirement {requirement.id!r} applies to {listed}, "
                "which the standard does not offer",
            )


def _province(name: str) -> _Check:
    try:
        province(name)
    except UnknownProvinceError as err:
        yield "PST012", "unit.province", str(err)


_NOTE_DURATION = re.compile(
    r"(\d+)\s*(?:\([a-z ]+\)\s*)?(hari\s+kerja|hari|jam|menit|bulan)\b", re.IGNORECASE
)


def _sop_checks(sop: StandardOperatingProcedure) -> _Check:
    yield from _other_units(sop.unit.name, sop.unit.province, _sop_texts(sop))
    for index, step in enumerate(sop.steps):
        text = step.quality.time_text
        if text is not None and step.quality.time is None:
            yield (
                "PST008",
                f"steps[{index}].quality.time_text",
                f"step {step.number}: time {text!r} is not a duration",
            )
    if sop.appointment is not None:
        rule = sop.appointment
        readings = rule.readings
        location = "appointment.lead_time_text"
        if rule.lead_time is None and len(readings) > 1:
            shown = " or ".join(str(d) for d in readings)
            yield (
                "PST007",
                location,
                f"appointment lead time {rule.lead_time_text!r} reads as {shown}",
            )
        elif not readings:
            yield "PST008", location, f"lead time {rule.lead_time_text!r} is not a duration"
    for index, step in enumerate(sop.steps):
        time = step.quality.time
        if time is None or not step.note_id:
            continue
        for match in _NOTE_DURATION.finditer(step.note_id):
            stated = _parses(match[0])
            if (
                stated is not None
                and stated != time
                and getattr(stated, "n", None) == getattr(time, "n", -1)
            ):
                yield (
                    "PST013",
                    f"steps[{index}].quality.time_text",
                    f"step {step.number}: time {step.quality.time_text!r} ({time}) but the note "
                    f"says {match[0]!r} ({stated})",
                )
    yield from _province(sop.unit.province)


def _sop_texts(sop: StandardOperatingProcedure) -> Iterator[tuple[str, str]]:
    for i, related in enumerate(sop.related):
        yield f"related[{i}]", related
    for i, step in enumerate(sop.steps):
        yield f"steps[{i}].text_id", step.text_id
        if step.note_id:
            yield f"steps[{i}].note_id", step.note_id
