"""What the desk does with pst_core: open a request, fire an event, list, report.

Every rule comes from pst_core: the workflow (the online consultation of the
office's standard, on the office's calendar file), its clocks and timers, the
revision checks and the idempotent retry. The service only stores the record,
keeps the columns pst_core computes beside it and turns a lost race at the
database into the same `StaleTransactionError` the library raises.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from pst_core.calendar import WorkingCalendar
from pst_core.errors import StaleTransactionError
from pst_core.reports import SlaReport, sla_report
from pst_core.standards import catalog
from pst_core.states import Transaction, Workflow
from pst_core.states.builtin import online_consultation
from pst_service.language import RequestExistsError, UnknownRequestError
from pst_service.settings import Settings
from pst_service.store import Listed, Store, Stored, Written

__all__ = ["Service", "month_range"]


def month_range(year: int, month: int, calendar: WorkingCalendar) -> tuple[datetime, datetime]:
    """The first instant of a month in the office's zone, and of the next month."""
    zone = calendar.timezone
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start, end


class Service:
    """The service's rules and storage, for one office.

    Args:
        settings: Where the database and the calendar file are, which standard applies.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.calendar = WorkingCalendar.load(settings.calendar_file)
        self.workflow: Workflow = online_consultation(
            catalog().standard(settings.standard),
            calendar=self.calendar,
            service_starts=settings.service_starts,
        )
        self.store = Store(settings.database_url)
        self.definition = f"{self.workflow.fingerprint} {self.calendar.fingerprint}"

    def now(self) -> datetime:
        """The current instant, from the settings' clock."""
        return self.settings.now()

    def open(self, *, id: str | None, actor: str, data: Mapping[str, Any]) -> Transaction:
        """Open a request (a retry of the same opening returns the stored one).

        Raises:
            RequestExistsError: the id is taken by a request opened otherwise.
        """
        tx = Transaction.open(self.workflow, at=self.now(), actor=actor, id=id, data=data)
        if self.store.insert(self._written(tx)):
            return tx
        stored = self.load(tx.id)
        first = stored.history[0]
        if (first.actor, dict(first.data)) != (actor, dict(data)):
            raise RequestExistsError(tx.id)
        return stored

    def load(self, id: str) -> Transaction:
        """The request ``id``.

        Raises:
            UnknownRequestError: there is none.
        """
        return self._parse(self._stored(id))

    def fire(
        self,
        id: str,
        *,
        event: str,
        actor: str,
        data: Mapping[str, Any],
        expected_revision: int,
        event_id: str | None = None,
    ) -> Transaction:
        """Fire ``event`` on the request as its user saw it (``expected_revision``).

        A retry (an ``event_id`` already recorded) is answered with the request
        as it is, once; the retried event keeps the instant it was first recorded at.

        Raises:
            StaleTransactionError: another writer moved the request on (in pst_core's
                check, or at the database's compare-and-set).
            EventIdConflictError: ``event_id`` names a recorded event of other content.
            InvalidTransitionError: pst_core's rules refuse the event now.
        """
        tx = self.load(id)
        at = self.now()
        if event_id is not None:
            at = next((e.at for e in tx.history if e.id == event_id), at)
        after = tx.fire(
            event,
            at=at,
            actor=actor,
            data=data,
            expected_revision=expected_revision,
            event_id=event_id,
        )
        if after is tx:  # a retry: recorded already
            return tx
        return self._write(tx, after)

    def fire_due_timers(self) -> Sequence[tuple[str, str]]:
        """Fire every timer due now, at the instant it fell due: ``(request, event)`` pairs.

        The candidates come from the ``next_due`` index; each timer's event gets
        the id ``timer:<name>:<due>``, so two runs at once fire it once. A request
        another writer moved meanwhile is left to the next run.
        """
        now = self.now()
        fired: list[tuple[str, str]] = []
        for row in self.store.due_by(now):
            tx = self.load(row.id)
            for timer in tx.due_timers(now):
                try:
                    tx = self._write(
                        tx,
                        tx.fire(
                            timer.event,
                            at=timer.due,
                            actor=timer.actor,
                            expected_revision=tx.revision,
                            event_id=f"timer:{timer.timer}:{timer.due.isoformat()}",
                        ),
                    )
                except StaleTransactionError:
                    break
                fired.append((tx.id, timer.event))
        return tuple(fired)

    def overdue(self, now: datetime | None = None) -> Sequence[Listed]:
        """Requests with a clock breached or a timer due at ``now`` (one indexed query)."""
        return self.store.due_by(self.now() if now is None else now)

    def unfinished(self) -> Sequence[Listed]:
        """Requests not yet in a terminal state, due soonest first."""
        return self.store.unfinished()

    def monthly_report(self, year: int, month: int) -> SlaReport:
        """The SLA report of the requests opened in that month (office zone), read now."""
        start, end = month_range(year, month, self.calendar)
        records = self.store.opened_between(start, end)
        return sla_report(
            [self._parse_record(r) for r in records], now=self.now(), workflows=[self.workflow]
        )

    def refresh(self) -> Sequence[str]:
        """Re-save the unfinished requests written under another workflow or calendar.

        Each is read as the settings say (``record_mismatch``) and written back
        under today's definition with its ``next_due`` recomputed (same revision:
        its history is unchanged), so the overdue list stays right after the
        office edits its calendar file. A request another writer moved meanwhile
        already carries today's definition. Returns the ids re-saved.
        """
        done = []
        for stored in self.store.saved_under_other(self.definition):
            tx = self._parse(stored)
            if self.store.replace(self._written(tx), expected_revision=stored.revision):
                done.append(tx.id)
        return tuple(done)

    def _write(self, before: Transaction, after: Transaction) -> Transaction:
        """Store ``after`` over ``before`` if no one wrote in between (compare-and-set)."""
        if after is before:  # a retry of a recorded event: nothing to write
            return after
        if not self.store.replace(self._written(after), expected_revision=before.revision):
            raise StaleTransactionError(
                before.id, expected=before.revision, revision=self._stored(before.id).revision
            )
        return after

    def _stored(self, id: str) -> Stored:
        stored = self.store.get(id)
        if stored is None:
            raise UnknownRequestError(id)
        return stored

    def _parse(self, stored: Stored) -> Transaction:
        return self._parse_record(stored.record)

    def _parse_record(self, record: str) -> Transaction:
        return Transaction.loads(
            record, workflows=self.workflow, mismatch=self.settings.record_mismatch
        )

    def _written(self, tx: Transaction) -> Written:
        return Written(
            id=tx.id,
            workflow=tx.workflow.name,
            state=tx.state,
            finished=tx.is_finished,
            revision=tx.revision,
            opened_at=tx.opened_at,
            next_due=tx.next_due,
            definition=self.definition,
            record=tx.dumps(),
        )
