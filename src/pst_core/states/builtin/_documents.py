"""How a builder takes its source document: checked types, the office calendar, times and names.

Private: the builders of `pst_core.states.builtin` share these.
"""

from __future__ import annotations

from pst_core._validation import require_instance
from pst_core.calendar.calendar import WorkingCalendar
from pst_core.errors import InvalidTypeError, InvalidValueError, Phrase
from pst_core.standards import CompletionTime, ServiceStandard, catalog
from pst_core.standards.sop import StandardOperatingProcedure
from pst_core.states.guards import Guard
from pst_core.states.parts import State, Transition

__all__ = [
    "SOP_ID",
    "completion_time",
    "office_calendar",
    "operating_procedure",
    "service_standard",
    "state",
    "transition",
    "workflow_name",
]

SOP_ID = "bengkulu-sop-produk-berbayar"
"""Catalog id of SOP-1-101/17000/2025, the SOP `paid_product` and `paid_product_visit` follow."""

_Document = ServiceStandard | StandardOperatingProcedure


def service_standard(standard: object, builder: str) -> ServiceStandard | None:
    """``standard`` if it is a service standard or ``None``; an SOP is refused, saying where to."""
    if standard is None or isinstance(standard, ServiceStandard):
        return standard
    raise InvalidTypeError(
        f"{builder}(standard)",
        standard,
        Phrase("states.builtin.expected_standard"),
    )


def operating_procedure(sop: object, builder: str) -> StandardOperatingProcedure:
    """``sop``, or SOP-1-101/17000/2025 from the catalog when it is ``None``."""
    if sop is None:
        return catalog().sop(SOP_ID)
    return require_instance(
        sop,
        f"{builder}(sop)",
        StandardOperatingProcedure,
        label=Phrase("states.builtin.expected_sop"),
    )


def office_calendar(document: _Document | None, calendar: object, builder: str) -> WorkingCalendar:
    """``calendar``, or the PST calendar of the document office's zone (Jakarta without one)."""
    if calendar is None:
        return WorkingCalendar.pst() if document is None else WorkingCalendar.pst(document.timezone)
    return require_instance(
        calendar,
        f"{builder}(calendar)",
        WorkingCalendar,
        label=Phrase("states.builtin.expected_calendar"),
    )


def completion_time(standard: ServiceStandard, channel: str, builder: str) -> CompletionTime:
    """The standard's completion time (*jangka waktu penyelesaian*) of ``channel``.

    Raises:
        InvalidValueError: the standard states none for that channel.
    """
    for completion in standard.completion_times:
        if str(getattr(completion.channel, "value", completion.channel)) == channel:
            return completion
    raise InvalidValueError(
        f"{builder}(standard).completion_times",
        standard.id,
        Phrase("states.builtin.completion_time", channel=channel, standard=standard.id),
        problem=Phrase("states.builtin.missing_component"),
    )


def workflow_name(base: str, document: _Document | None) -> str:
    """``base``, or ``"<base>:<document id>"`` for a workflow built from a catalog document."""
    return base if document is None else f"{base}:{document.id}"


def state(
    name: str, label: str, label_en: str, *, initial: bool = False, terminal: bool = False
) -> State:
    """A state with its Indonesian and English labels."""
    return State(name, initial=initial, terminal=terminal, label=label, label_en=label_en)


def transition(
    source: str, event: str, target: str, guard: Guard | None = None, *, roles: tuple[str, ...]
) -> Transition:
    """A transition naming who may fire it: the documents' user, receptionist, officer, app."""
    return Transition(source, event, target, guard, roles=roles)
