"""The monthly SLA report: pst_core's `sla_report` of the requests opened that month."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the service's requirements are not installed")
pytest.importorskip("sqlalchemy", reason="the service's requirements are not installed")
pytest.importorskip("pandas", reason="the SLA report needs pst_core's pandas extra")

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pst_service.service import Service
from service_testing import Clock

from pst_core.reports import sla_report


def test_the_month_holds_the_requests_opened_in_it(
    client: TestClient, clock: Clock, app: FastAPI
) -> None:
    for number in range(3):
        client.post("/requests", json={"id": f"K-6{number}"})
    clock.advance(hours=2)
    client.post(
        "/requests/K-60/events",
        json={"event": "reply", "actor": "officer", "expected_revision": 1},
    )
    clock.advance(days=20)  # into April: K-61 and K-62 are breached
    client.post("/requests", json={"id": "K-April"})
    report = client.get("/reports/sla/2026/3", headers={"Accept-Language": "id"})
    assert report.status_code == 200, report.text
    service: Service = app.state.service
    march = [service.load(f"K-6{n}") for n in range(3)]
    expected = sla_report(march, now=clock(), workflows=[service.workflow])
    assert report.json()["text"] == expected.describe("id")
    (row,) = report.json()["summary"]
    assert (row["month"], row["clock"], row["count"], row["met"], row["breached"]) == (
        "2026-03",
        "service",
        3,
        1,
        2,
    )


def test_a_month_out_of_range_is_an_invalid_request(client: TestClient) -> None:
    refused = client.get("/reports/sla/2026/13", headers={"Accept-Language": "en"})
    assert refused.status_code == 422
    assert refused.json()["code"] == "invalid_request"
