"""Two officers acting at once on the same view of a request: exactly one wins.

The loser is told with pst_core's `StaleTransactionError` (code
``stale_transaction``, HTTP 409), whether pst_core's own check caught it (the
winner's write had landed when the loser loaded the request) or the database's
compare-and-set did (both loaded the same revision before either wrote).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

pytest.importorskip("fastapi", reason="the service's requirements are not installed")
pytest.importorskip("sqlalchemy", reason="the service's requirements are not installed")

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pst_service.service import Service
from pst_service.store import Stored


def _race(client: TestClient) -> list[tuple[int, dict[str, object]]]:
    """The officer's reply and close, fired at once on revision 1."""
    client.post("/requests", json={"id": "K-10"})
    bodies = [
        {"event": "reply", "actor": "officer", "expected_revision": 1},
        {"event": "close", "actor": "officer", "expected_revision": 1},
    ]
    start = threading.Barrier(len(bodies))

    def post(body: dict[str, object]) -> tuple[int, dict[str, object]]:
        start.wait()
        response = client.post("/requests/K-10/events", json=body)
        return response.status_code, response.json()

    with ThreadPoolExecutor(len(bodies)) as pool:
        return list(pool.map(post, bodies))


def _one_won(results: list[tuple[int, dict[str, object]]], client: TestClient) -> None:
    statuses = sorted(status for status, _ in results)
    assert statuses == [200, 409], results
    (winner,) = (body for status, body in results if status == 200)
    (loser,) = (body for status, body in results if status == 409)
    assert loser["code"] == "stale_transaction"
    assert (loser["expected"], loser["revision"]) == (1, 2)
    stored = client.get("/requests/K-10").json()
    assert (stored["state"], stored["revision"]) == (winner["state"], 2)


def test_two_writers_exactly_one_wins(client: TestClient) -> None:
    _one_won(_race(client), client)


def test_the_database_compare_and_set_refuses_the_second_writer(
    client: TestClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both requests load revision 1 before either writes: pst_core's check passes for
    # both, and only UPDATE ... WHERE revision = 1 can tell them apart.
    service: Service = app.state.service
    loaded = threading.Barrier(2, timeout=30)
    get: Callable[[str], Stored | None] = service.store.get
    calls: list[str] = []

    def get_then_wait(id: str) -> Stored | None:
        found = get(id)
        calls.append(id)
        if len(calls) <= 2:
            loaded.wait()
        return found

    client.post("/requests", json={"id": "K-10"})
    monkeypatch.setattr(service.store, "get", get_then_wait)
    bodies = [
        {"event": "reply", "actor": "officer", "expected_revision": 1},
        {"event": "close", "actor": "officer", "expected_revision": 1},
    ]
    with ThreadPoolExecutor(2) as pool:
        results = list(
            pool.map(
                lambda body: (
                    (r := client.post("/requests/K-10/events", json=body)).status_code,
                    r.json(),
                ),
                bodies,
            )
        )
    monkeypatch.undo()
    _one_won(results, client)
