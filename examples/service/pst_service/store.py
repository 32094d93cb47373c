"""The table of requests: one row per transaction, written with compare-and-set on its revision.

Each row holds the transaction's saved record (``Transaction.dumps()``, one line of
JSON), its ``revision`` (``Transaction.revision``: events so far) and its
``next_due`` (``Transaction.next_due``: the earliest instant a clock breaches or a
timer fires if nothing else happens), which is indexed, so "what is overdue now" is
one query on the index. Instants are stored in UTC; any SQLAlchemy database works
(SQLite by default, PostgreSQL by its URL).

A write never overwrites blindly: ``UPDATE ... WHERE id = :id AND revision =
:expected``. When another writer got there first no row matches, and the caller
is told (`Store.replace` returns ``False``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    Dialect,
    Integer,
    String,
    Text,
    TypeDecorator,
    create_engine,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

__all__ = ["Base", "Listed", "Row", "Store", "Stored", "UtcDateTime", "Written"]


class UtcDateTime(TypeDecorator[datetime]):
    """An aware instant stored as UTC without a zone (the same on every database)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Any aware instant in, UTC without zone stored (a naive one is a bug: refused)."""
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError(f"naive datetime {value} cannot be stored")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """The stored UTC instant back, aware."""
        if value is None:
            return None
        stored: datetime = value
        return stored.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    """The service's tables."""


class Row(Base):
    """One request (a pst_core `Transaction`)."""

    __tablename__ = "transactions"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    workflow: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(100))
    finished: Mapped[bool] = mapped_column(Boolean, index=True)
    revision: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    next_due: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True, nullable=True)
    definition: Mapped[str] = mapped_column(String(200), index=True)
    record: Mapped[str] = mapped_column(Text)


@dataclass(frozen=True)
class Stored:
    """A row as read: the saved record and the revision it is at."""

    id: str
    record: str
    revision: int


@dataclass(frozen=True)
class Listed:
    """A row as listed (overdue list, open requests): no record to parse."""

    id: str
    state: str
    revision: int
    next_due: datetime | None


@dataclass(frozen=True)
class Written:
    """What a write stores besides the record: the columns pst_core computes."""

    id: str
    workflow: str
    state: str
    finished: bool
    revision: int
    opened_at: datetime
    next_due: datetime | None
    definition: str
    record: str


class Store:
    """The requests table of one database.

    Args:
        url: A SQLAlchemy URL; the table is created when missing.
    """

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)
        Base.metadata.create_all(self.engine)

    def insert(self, row: Written) -> bool:
        """Store a new request; ``False`` when its id is taken."""
        try:
            with Session(self.engine) as session, session.begin():
                session.add(Row(**row.__dict__))
        except IntegrityError:
            return False
        return True

    def get(self, id: str) -> Stored | None:
        """The request's record and revision, or ``None``."""
        with Session(self.engine) as session:
            found = session.execute(
                select(Row.id, Row.record, Row.revision).where(Row.id == id)
            ).one_or_none()
        return None if found is None else Stored(found.id, found.record, found.revision)

    def replace(self, row: Written, *, expected_revision: int) -> bool:
        """Write ``row`` over the request if it is still at ``expected_revision``.

        Returns ``False`` (and writes nothing) when another writer moved it on.
        """
        statement = (
            update(Row)
            .where(Row.id == row.id, Row.revision == expected_revision)
            .values(
                state=row.state,
                finished=row.finished,
                revision=row.revision,
                next_due=row.next_due,
                definition=row.definition,
                record=row.record,
            )
        )
        with Session(self.engine) as session, session.begin():
            result = session.execute(statement)
            return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    def due_by(self, now: datetime) -> Sequence[Listed]:
        """Requests whose ``next_due`` is at or before ``now``, earliest first (one query)."""
        query = select(Row.id, Row.state, Row.revision, Row.next_due).where(Row.next_due <= now)
        return self._listed(query.order_by(Row.next_due, Row.id))

    def unfinished(self) -> Sequence[Listed]:
        """Requests not in a terminal state, those due soonest first (no due last)."""
        query = select(Row.id, Row.state, Row.revision, Row.next_due).where(~Row.finished)
        return self._listed(query.order_by(Row.next_due.is_(None), Row.next_due, Row.id))

    def saved_under_other(self, definition: str) -> Sequence[Stored]:
        """Unfinished requests last written under another definition than ``definition``."""
        query = select(Row.id, Row.record, Row.revision).where(
            ~Row.finished, Row.definition != definition
        )
        with Session(self.engine) as session:
            rows = session.execute(query.order_by(Row.id)).all()
        return tuple(Stored(r.id, r.record, r.revision) for r in rows)

    def opened_between(self, start: datetime, end: datetime) -> Sequence[str]:
        """The records of requests opened in ``[start, end)``."""
        query = select(Row.record).where(Row.opened_at >= start, Row.opened_at < end)
        with Session(self.engine) as session:
            return tuple(session.scalars(query.order_by(Row.opened_at, Row.id)))

    def _listed(self, query: Any) -> Sequence[Listed]:
        with Session(self.engine) as session:
            rows = session.execute(query).all()
        return tuple(Listed(r.id, r.state, r.revision, r.next_due) for r in rows)
