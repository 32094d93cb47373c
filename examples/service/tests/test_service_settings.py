"""The service's settings come from the environment: any SQLAlchemy URL, the office's calendar."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service's requirements are not installed")
pytest.importorskip("sqlalchemy", reason="the service's requirements are not installed")

from pst_service.service import Service
from pst_service.settings import DEFAULT_CALENDAR, Settings

from pst_core.calendar import WorkingCalendar


def test_the_environment_names_the_database_and_the_calendar(tmp_path: Path) -> None:
    calendar = tmp_path / "kantor.toml"
    calendar.write_text('name = "Kantor uji"\nprovince = "Bali"\n', encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'lain.sqlite3'}"
    settings = Settings.from_environment(
        {"PST_SERVICE_DATABASE_URL": url, "PST_SERVICE_CALENDAR": str(calendar)}
    )
    service = Service(settings)
    assert str(service.store.engine.url) == url
    assert (service.calendar.name, service.calendar.timezone.key) == ("Kantor uji", "Asia/Makassar")
    assert service.workflow.calendar == service.calendar


def test_by_default_the_office_calendar_file_applies() -> None:
    settings = Settings.from_environment({})
    assert settings.calendar_file == DEFAULT_CALENDAR
    assert settings.database_url.startswith("sqlite:///")
    calendar = WorkingCalendar.load(DEFAULT_CALENDAR)
    assert calendar.name == "PST BPS Provinsi Sumatera Selatan (contoh)"


def test_the_office_says_when_the_service_clock_starts() -> None:
    assert Settings.from_environment({}).service_starts == "open"
    clear = Settings.from_environment({"PST_SERVICE_SERVICE_STARTS": "request-clear"})
    assert clear.service_starts == "request-clear"
    said = Settings.from_environment(
        {"PST_SERVICE_STANDARD": "bengkalis-konsultasi", "PST_SERVICE_SERVICE_STARTS": ""}
    )
    assert said.service_starts is None
    with pytest.raises(ValueError, match="PST_SERVICE_SERVICE_STARTS"):
        Settings.from_environment({"PST_SERVICE_SERVICE_STARTS": "later"})
