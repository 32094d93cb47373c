"""Timers fire from the ``next_due`` index, at the instant they fell due, once."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

pytest.importorskip("fastapi", reason="the service's requirements are not installed")
pytest.importorskip("sqlalchemy", reason="the service's requirements are not installed")

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pst_service.service import Service
from service_testing import Clock


def test_no_response_closes_the_request_once(
    client: TestClient, clock: Clock, app: FastAPI
) -> None:
    client.post("/requests", json={"id": "K-80"})
    clock.advance(hours=1)
    replied = client.post(
        "/requests/K-80/events",
        json={"event": "reply", "actor": "officer", "expected_revision": 1},
    ).json()
    due = datetime.fromisoformat(replied["next_due"])  # the no-response timer
    clock.moment = due - timedelta(minutes=1)
    assert client.post("/timers/run").json() == {"fired": []}
    clock.moment = due + timedelta(days=1)
    assert client.post("/timers/run").json() == {
        "fired": [{"id": "K-80", "event": "close-no-response"}]
    }
    assert client.post("/timers/run").json() == {"fired": []}
    service: Service = app.state.service
    tx = service.load("K-80")
    assert (tx.state, tx.history[-1].at, tx.history[-1].actor) == (
        "closed-no-response",
        due,
        "app",
    )
    assert client.get("/overdue").json()["requests"] == []
