"""The office edits its calendar file: saved requests stay readable, their deadlines move.

A record carries the fingerprints of the workflow and calendar it was saved
under. The service reads an older one with ``keep-history`` (the recorded events
stand; the clocks are computed on today's calendar) and, when it starts, re-saves
the unfinished ones under today's definition, so ``next_due`` — and the overdue
list — follow the new calendar without anyone opening the request.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service's requirements are not installed")
pytest.importorskip("sqlalchemy", reason="the service's requirements are not installed")

from fastapi.testclient import TestClient
from pst_service.app import create_app
from pst_service.service import Service
from pst_service.settings import DEFAULT_CALENDAR, Settings
from service_testing import WIB, Clock


def test_a_closure_added_later_moves_the_stored_deadline(
    settings: Settings, clock: Clock, tmp_path: Path
) -> None:
    with TestClient(create_app(settings)) as before:
        saved = before.post("/requests", json={"id": "K-90"}).json()
    due_before = datetime.fromisoformat(saved["next_due"])
    # Friday 27 March 2026 closes at 16:00 with the budget used up: next_due is the next
    # opening, Monday 30 March 08:00. A flood then closes the office that Friday.
    assert due_before == datetime(2026, 3, 30, 8, 0, tzinfo=WIB)
    flooded = tmp_path / "kantor-banjir.toml"
    flooded.write_text(
        DEFAULT_CALENDAR.read_text(encoding="utf-8")
        + f"\n[[closures]]\nstart = {(due_before.date().replace(day=27)).isoformat()}\n"
        'reason = "Banjir (contoh) / Flood (example)"\n',
        encoding="utf-8",
    )
    after_settings = Settings(database_url=settings.database_url, calendar_file=flooded, now=clock)
    app = create_app(after_settings)
    service: Service = app.state.service
    stored = service.store.get("K-90")
    assert stored is not None
    assert stored.revision == 1  # the history did not change
    tx = service.load("K-90")
    assert tx.workflow.calendar == service.calendar
    assert tx.next_due is not None
    assert tx.next_due > due_before
    with TestClient(app) as client:
        assert datetime.fromisoformat(client.get("/requests/K-90").json()["next_due"]) == (
            tx.next_due
        )
        clock.moment = due_before
        assert client.get("/overdue").json()["requests"] == []  # not due on the old day


def test_the_environment_may_ask_to_refuse_them() -> None:
    assert Settings.from_environment({}).record_mismatch == "keep-history"
    assert (
        Settings.from_environment({"PST_SERVICE_RECORD_MISMATCH": "error"}).record_mismatch
        == "error"
    )
    with pytest.raises(ValueError, match="PST_SERVICE_RECORD_MISMATCH"):
        Settings.from_environment({"PST_SERVICE_RECORD_MISMATCH": "ignore"})
