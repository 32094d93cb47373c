"""The overdue list is one indexed query: ``next_due <= now``.

``next_due`` is pst_core's `Transaction.next_due`, stored at every write; the
list never loads a record.
"""

from __future__ import annotations

import typing
from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest

pytest.importorskip("fastapi", reason="the service's requirements are not installed")
pytest.importorskip("sqlalchemy", reason="the service's requirements are not installed")

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pst_service.service import Service
from service_testing import Clock
from sqlalchemy import event, inspect


def test_next_due_is_where_the_clock_breaches(client: TestClient, app: FastAPI) -> None:
    opened = client.post("/requests", json={"id": "K-40"}).json()
    due = datetime.fromisoformat(opened["next_due"])
    service: Service = app.state.service
    tx = service.load("K-40")
    assert tx.next_due == due
    assert not tx.clocks(due)["service"].breached
    assert tx.clocks(due + timedelta(minutes=1))["service"].breached


def test_overdue_lists_what_is_due_in_one_query(
    client: TestClient, clock: Clock, app: FastAPI
) -> None:
    late = client.post("/requests", json={"id": "K-41"}).json()
    clock.advance(days=14)
    client.post("/requests", json={"id": "K-42"})
    service: Service = app.state.service
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    clock.moment = datetime.fromisoformat(late["next_due"])  # K-42 is due weeks later
    event.listen(service.store.engine, "before_cursor_execute", count)
    try:
        listed = client.get("/overdue").json()
    finally:
        event.remove(service.store.engine, "before_cursor_execute", count)
    assert [r["id"] for r in listed["requests"]] == ["K-41"]
    assert len(statements) == 1
    assert "next_due <=" in statements[0]


def test_next_due_is_indexed(app: FastAPI) -> None:
    service: Service = app.state.service
    indexes = inspect(service.store.engine).get_indexes("transactions")
    assert ["next_due"] in [index["column_names"] for index in indexes]


def test_sqlite_answers_the_overdue_query_from_the_index(client: TestClient, app: FastAPI) -> None:
    service: Service = app.state.service
    if service.store.engine.dialect.name != "sqlite":
        pytest.skip("the query plan checked here is SQLite's")
    sent: list[tuple[str, tuple[object, ...]]] = []

    def keep(*args: object) -> None:
        sent.append((str(args[2]), tuple(typing.cast(Sequence[object], args[3]))))

    event.listen(service.store.engine, "before_cursor_execute", keep)
    try:
        client.get("/overdue")
    finally:
        event.remove(service.store.engine, "before_cursor_execute", keep)
    ((statement, parameters),) = sent
    with service.store.engine.connect() as connection:
        plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
    assert any("INDEX ix_transactions_next_due" in str(row) for row in plan), plan
