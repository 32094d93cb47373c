"""Fixtures of the reference service's tests: an app on a fresh SQLite file, a settable clock.

The tests need the service's requirements (``requirements.txt``); without FastAPI
each test module skips, saying so.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from service_testing import WIB, Clock

SERVICE = Path(__file__).resolve().parent.parent
if str(SERVICE) not in sys.path:  # the pst_service package, as `uvicorn` run here finds it
    sys.path.insert(0, str(SERVICE))

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient
    from pst_service.settings import Settings


@pytest.fixture
def clock() -> Clock:
    """Tuesday 17 March 2026, 09:00 WIB (before Nyepi and Idul Fitri)."""
    return Clock(datetime(2026, 3, 17, 9, 0, tzinfo=WIB))


@pytest.fixture
def settings(tmp_path: Path, clock: Clock) -> Settings:
    from pst_service.settings import Settings

    return Settings(database_url=f"sqlite:///{tmp_path / 'pst.sqlite3'}", now=clock)


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    from pst_service.app import create_app

    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        yield client
