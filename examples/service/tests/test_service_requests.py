"""A request through the service: opened, read, moved by events, each write one revision on."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the service's requirements are not installed")
pytest.importorskip("sqlalchemy", reason="the service's requirements are not installed")

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pst_service.service import Service
from service_testing import Clock

from pst_core.states import Transaction


def test_open_then_events_move_the_revision(client: TestClient, clock: Clock) -> None:
    opened = client.post("/requests", json={"id": "K-1", "data": {"topik": "inflasi"}})
    assert opened.status_code == 201
    assert opened.json()["state"] == "submitted"
    assert opened.json()["revision"] == 1
    clock.advance(hours=1)
    replied = client.post(
        "/requests/K-1/events",
        json={"event": "reply", "actor": "officer", "expected_revision": 1},
    )
    assert replied.status_code == 200, replied.text
    assert (replied.json()["state"], replied.json()["revision"]) == ("waiting-for-user", 2)
    read = client.get("/requests/K-1").json()
    assert read == replied.json()


def test_the_row_holds_pst_cores_record_and_columns(client: TestClient, app: FastAPI) -> None:
    client.post("/requests", json={"id": "K-2"})
    service: Service = app.state.service
    stored = service.store.get("K-2")
    assert stored is not None
    tx = Transaction.loads(stored.record, workflows=service.workflow)
    assert (tx.id, tx.revision) == ("K-2", stored.revision)
    assert "\n" not in stored.record  # one line of JSON


def test_opening_again_the_same_way_is_a_retry(client: TestClient, clock: Clock) -> None:
    body = {"id": "K-3", "actor": "user", "data": {"topik": "kemiskinan"}}
    first = client.post("/requests", json=body)
    clock.advance(minutes=5)
    again = client.post("/requests", json=body)
    assert again.status_code == 201
    assert again.json() == first.json()
    other = client.post("/requests", json={**body, "data": {"topik": "ekspor"}})
    assert other.status_code == 409
    assert other.json()["code"] == "request_exists"


def test_a_workflow_refusal_is_a_conflict_with_pst_cores_code(client: TestClient) -> None:
    client.post("/requests", json={"id": "K-4"})
    refused = client.post(
        "/requests/K-4/events",
        json={"event": "rate", "actor": "user", "expected_revision": 1},
        headers={"Accept-Language": "en"},
    )
    assert refused.status_code == 409
    assert refused.json()["code"] == "invalid_transition"
    assert "not allowed" in refused.json()["message"]


def test_what_each_actor_may_do_now(client: TestClient, clock: Clock) -> None:
    client.post("/requests", json={"id": "K-5"})
    clock.advance(hours=1)
    client.post(
        "/requests/K-5/events",
        json={"event": "reply", "actor": "officer", "expected_revision": 1},
    )
    assert client.get("/requests/K-5?actor=user").json()["allowed_events"] == ["respond"]
    officer = client.get("/requests/K-5?actor=officer").json()["allowed_events"]
    assert officer == ["close"]  # close-no-response is the app's, and not due yet
    clock.advance(days=30)
    assert "close-no-response" in client.get("/requests/K-5?actor=app").json()["allowed_events"]
