"""A retried POST (same ``Idempotency-Key``) fires its event once.

The key is the event's ``event_id`` in pst_core. A retry is answered with the
request as it stands, even though its ``expected_revision`` is now stale; the same
key with another event is refused (``event_id_conflict``).
"""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the service's requirements are not installed")
pytest.importorskip("sqlalchemy", reason="the service's requirements are not installed")

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pst_service.service import Service
from service_testing import Clock

REPLY = {"event": "reply", "actor": "officer", "expected_revision": 1}


def test_a_retry_fires_once(client: TestClient, clock: Clock, app: FastAPI) -> None:
    client.post("/requests", json={"id": "K-30"})
    clock.advance(minutes=30)
    key = {"Idempotency-Key": "balas-K-30-1"}
    first = client.post("/requests/K-30/events", json=REPLY, headers=key)
    clock.advance(minutes=2)  # the client timed out and retries, a little later
    again = client.post("/requests/K-30/events", json=REPLY, headers=key)
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    service: Service = app.state.service
    history = service.load("K-30").history
    assert [(e.name, e.id) for e in history] == [("open", None), ("reply", "balas-K-30-1")]


def test_the_same_key_for_another_event_is_refused(client: TestClient) -> None:
    client.post("/requests", json={"id": "K-31"})
    key = {"Idempotency-Key": "K-31-a", "Accept-Language": "en"}
    assert client.post("/requests/K-31/events", json=REPLY, headers=key).status_code == 200
    close = {"event": "close", "actor": "officer", "expected_revision": 2}
    refused = client.post("/requests/K-31/events", json=close, headers=key)
    assert refused.status_code == 409
    assert refused.json()["code"] == "event_id_conflict"


def test_without_a_key_a_repeat_is_stale(client: TestClient) -> None:
    client.post("/requests", json={"id": "K-32"})
    assert client.post("/requests/K-32/events", json=REPLY).status_code == 200
    repeated = client.post("/requests/K-32/events", json=REPLY)
    assert repeated.status_code == 409
    assert repeated.json()["code"] == "stale_transaction"


def test_an_opening_retried_with_its_key_opens_once(client: TestClient, clock: Clock) -> None:
    key = {"Idempotency-Key": "pengajuan-0001"}
    first = client.post("/requests", json={"data": {"topik": "inflasi"}}, headers=key)
    clock.advance(seconds=30)
    again = client.post("/requests", json={"data": {"topik": "inflasi"}}, headers=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert first.json()["id"] == "pengajuan-0001"
