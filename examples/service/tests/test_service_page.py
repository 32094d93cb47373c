"""The Indonesian page of open requests, read as served and as a browser shows it.

The browser check starts the app under uvicorn on a free local port, in a thread,
and reads the page with headless Chromium (Debian's ``chromium`` package). Without
a browser it skips, unless ``PST_CORE_REQUIRE_BROWSER`` is set (CI), which makes it
fail.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi", reason="the service's requirements are not installed")
pytest.importorskip("sqlalchemy", reason="the service's requirements are not installed")
pytest.importorskip("uvicorn", reason="the service's requirements are not installed")

import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_testing import Clock
from tests.english import assert_indonesian

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--virtual-time-budget=5000",
)
# Words only an Indonesian page has (an English page would say "Open requests", "Friday").
INDONESIAN = ("Permintaan terbuka", "Nomor permintaan", "Tenggat berikutnya", "pukul")


def _fill(client: TestClient, clock: Clock) -> None:
    client.post("/requests", json={"id": "K-70"})
    client.post("/requests", json={"id": "K-71"})
    clock.advance(hours=1)
    client.post(
        "/requests/K-71/events",
        json={"event": "close", "actor": "officer", "expected_revision": 1},
    )
    client.post("/requests", json={"id": "K-72"})


def _visible_text(page: str) -> str:
    body = re.sub(r"<style>.*?</style>|<head>.*?</head>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def _check(page: str) -> None:
    assert 'lang="id"' in page
    # pst_core's own check of Indonesian text (its tests' word list), the request ids aside.
    assert_indonesian(_visible_text(page), ignoring=("K-70", "K-71", "K-72", "PST", "BPS"))
    for words in INDONESIAN:
        assert words in page, words
    rows = re.findall(r'<tr data-id="([^"]+)">(.*?)</tr>', page, flags=re.S)
    # Due soonest first; K-71 (closed by the officer, awaiting the rating) has no due: last.
    assert [id for id, _ in rows] == ["K-70", "K-72", "K-71"]
    cells = dict(rows)
    # K-70: opened Tuesday 17 March 2026 09:00 WIB, 3 working days across Nyepi and Idul Fitri.
    assert "Ditutup petugas" in cells["K-71"]
    assert "—" in cells["K-71"]
    assert re.search(r"\w+, \d{1,2} (Maret|April) 2026 pukul \d\d\.\d\d WIB", cells["K-70"])


def test_the_page_is_indonesian_and_lists_open_requests(client: TestClient, clock: Clock) -> None:
    _fill(client, clock)
    page = client.get("/")
    assert page.headers["content-type"].startswith("text/html")
    _check(page.text)


def _browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    message = "no headless browser installed (Debian: apt-get install chromium)"
    if os.environ.get("PST_CORE_REQUIRE_BROWSER"):
        pytest.fail(f"{message}, and PST_CORE_REQUIRE_BROWSER is set")
    pytest.skip(message)


@pytest.fixture
def served(app: FastAPI) -> Iterator[str]:
    """The app under uvicorn on a free port of 127.0.0.1, in a thread: its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                pytest.fail("uvicorn did not start")
            threading.Event().wait(0.05)
        (port,) = {s.getsockname()[1] for srv in server.servers for s in srv.sockets}
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_chromium_shows_the_page(client: TestClient, clock: Clock, served: str) -> None:
    browser = _browser()
    _fill(client, clock)
    result = subprocess.run(
        [browser, *CHROMIUM_FLAGS, "--dump-dom", f"{served}/"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    _check(result.stdout)
