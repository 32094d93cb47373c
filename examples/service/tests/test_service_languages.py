"""Errors come back in the requester's language (``Accept-Language``: id or en).

pst_core's errors answer with ``PstError.to_data(language)``; the service's own
(an unknown request, an invalid body) with the same shape.
"""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the service's requirements are not installed")
pytest.importorskip("sqlalchemy", reason="the service's requirements are not installed")

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pst_service.language import negotiate
from pst_service.service import Service

from pst_core.errors import InvalidTransitionError, StaleTransactionError

REPLY = {"event": "reply", "actor": "officer", "expected_revision": 1}


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("id-ID,id;q=0.9,en;q=0.8", "id"),
        ("en-GB,en;q=0.9", "en"),
        ("fr-FR,en;q=0.5,id;q=0.4", "en"),
        ("fr-FR", "id"),
        ("", "id"),
        ("id;q=0, en", "en"),
    ],
)
def test_the_language_is_the_first_accepted(header: str, language: str) -> None:
    assert negotiate(header) == language


def test_a_stale_write_is_said_in_either_language(client: TestClient) -> None:
    client.post("/requests", json={"id": "K-50"})
    client.post("/requests/K-50/events", json=REPLY)
    expected = StaleTransactionError("K-50", expected=1, revision=2)
    for language in ("id", "en"):
        refused = client.post(
            "/requests/K-50/events", json=REPLY, headers={"Accept-Language": language}
        )
        assert refused.status_code == 409
        assert refused.json() == expected.to_data(language)


def test_an_unknown_request_is_said_in_either_language(client: TestClient) -> None:
    indonesian = client.get("/requests/K-404", headers={"Accept-Language": "id"})
    english = client.get("/requests/K-404", headers={"Accept-Language": "en"})
    assert indonesian.status_code == english.status_code == 404
    assert indonesian.json()["code"] == english.json()["code"] == "unknown_request"
    assert indonesian.json()["message"] == "permintaan 'K-404' tidak ditemukan"
    assert english.json()["message"] == "no request 'K-404'"


def test_a_refused_event_is_pst_cores_error_in_that_language(
    client: TestClient, app: FastAPI
) -> None:
    client.post("/requests", json={"id": "K-51"})
    service: Service = app.state.service
    with pytest.raises(InvalidTransitionError) as refused_here:
        service.load("K-51").fire("rate", at=service.now(), actor="user")
    for language in ("id", "en"):
        refused = client.post(
            "/requests/K-51/events",
            json={"event": "rate", "actor": "user", "expected_revision": 1},
            headers={"Accept-Language": language},
        )
        assert refused.status_code == 409
        assert refused.json() == refused_here.value.to_data(language)


def test_an_invalid_body_is_said_in_either_language(client: TestClient) -> None:
    client.post("/requests", json={"id": "K-52"})
    for language, words in (("id", "tidak sah"), ("en", "invalid")):
        refused = client.post(
            "/requests/K-52/events",
            json={"event": "reply"},
            headers={"Accept-Language": language},
        )
        assert refused.status_code == 422
        assert refused.json()["code"] == "invalid_request"
        assert words in refused.json()["message"]
        assert {d["field"] for d in refused.json()["details"]} == {
            "body.actor",
            "body.expected_revision",
        }
