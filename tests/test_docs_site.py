"""The built documentation site, as a reader meets it (issues 13 and 23).

* In a browser with no internet access: the site is built, served on 127.0.0.1
  (``http.server``) and every page, English and Indonesian, is loaded in headless
  Chromium with every host name unresolvable and every other request sent to a
  proxy that records it and refuses it. No page may ask another host for anything
  (no web font, no CDN script), every Mermaid diagram must have become an ``svg``,
  no code block may be wider than its box (a cut line), and the Indonesian pages
  must be there, in Indonesian. Skipped, with the reason, where no browser is
  installed (CI installs Debian's ``chromium`` and sets
  ``PST_CORE_REQUIRE_BROWSER=1``, which turns the skip into a failure); nothing
  downloads a browser.
* Search works when the site is served: a query typed into the search box of the
  English and the Indonesian home page finds pages (the index is built into the site).
* No page loads a resource of another host (no web font, no CDN), a ``>>>`` session
  is not highlighted as Python, and a section's index page is the section's own
  link (no "Tutorial > Tutorial").
* The copy button of a ``>>>`` session copies code a reader can paste: no
  prompts, no output (``docs/hooks/copy_without_prompts.py``).
* No Sphinx role (``:class:`` and the like) is left as raw text.

Building the site takes a while; ``PST_CORE_SITE=/path/to/site`` reuses one
already built with ``mkdocs build --strict``.
"""

from __future__ import annotations

import html
import http.server
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _hook(name: str = "copy_without_prompts") -> ModuleType:
    path = ROOT / "docs" / "hooks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOOK = _hook()
code_of_session: Callable[[str], str | None] = HOOK.code_of_session
add_copy_text: Callable[[str], str] = HOOK.add_copy_text
session_fences: Callable[[str], str] = _hook("sessions").render

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-features=AutofillServerCommunication,OptimizationHints,Translate,MediaRouter,"
    "SignInProfileCreation,AccountConsistency,DiceWebSigninInterception,NetworkTimeServiceQuerying",
    "--disable-extensions",
    "--no-default-browser-check",
    "--no-first-run",
    # No host name but the local server resolves: a script of the internet cannot load.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)
# Hosts the browser itself calls whatever the page (its clock, updater and account
# checks), which the flags above do not all silence: never a page's resource.
BROWSER_SERVICES = frozenset(
    {"update.googleapis.com", "clients2.google.com", "accounts.google.com"}
)
# The pages for office staff that exist in Indonesian beside English (mkdocs-static-i18n:
# page.id.md next to page.md, built under /id/).
INDONESIAN_PAGES = (
    "",
    "tutorial/",
    "tutorial/deadline/",
    "tutorial/paid-product/",
    "how-to/",
    "how-to/calendar-file/",
    "how-to/cuti-bersama-decree/",
    "how-to/ramadan/",
    "how-to/sla-report/",
    "how-to/ikm/",
)
MERMAID_BLOCK = re.compile(r'<pre class="mermaid"')

# Loaded before the page's own scripts: Material draws each diagram into a *closed* shadow
# root that a script cannot see, so open it; then window.pstProbe() reports what the page shows.
PROBE = """<script>(function () {
  var attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, Object.assign({}, init, {mode: "open"}));
  };
  window.pstProbe = function () {
    var svg = {ok: 0, error: 0};
    document.querySelectorAll("div.mermaid").forEach(function (host) {
      var drawn = host.shadowRoot && host.shadowRoot.querySelector("svg");
      if (drawn) { svg[/Syntax error/.test(drawn.textContent) ? "error" : "ok"] += 1; }
    });
    var cut = [];
    document.querySelectorAll("pre > code").forEach(function (code) {
      if (code.scrollWidth > code.clientWidth + 1) {
        cut.push(code.scrollWidth + ">" + code.clientWidth + ": " + code.textContent.slice(0, 60));
      }
    });
    return {
      lang: document.documentElement.lang,
      title: document.title,
      text: (document.querySelector("article p") || {textContent: ""}).textContent,
      diagrams: document.querySelectorAll("pre.mermaid, div.mermaid").length,
      svg: svg,
      cut: cut,
      resources: performance.getEntriesByType("resource").map(function (e) { return e.name; }),
    };
  };
})();</script>"""

# One page of the served site that loads every other page in an iframe, one at a time,
# waits for its scripts (Mermaid) and writes each page's probe into its own DOM.
HARNESS = """<!doctype html><html><body><pre id="results">pending</pre><script>
var pages = %s, results = {}, index = 0;
function next() {
  if (index >= pages.length) {
    document.getElementById("results").textContent = JSON.stringify(results);
    return;
  }
  var frame = document.createElement("iframe");
  frame.style.width = "1024px";
  frame.style.height = "768px";
  frame.onload = function () {
    var waited = 0;
    (function probe() {
      var found;
      try { found = frame.contentWindow.pstProbe(); }
      catch (e) { found = {error: String(e)}; }
      // A page with diagrams is probed again until Mermaid has drawn them (5 s at most).
      if (!found.error && found.svg.ok + found.svg.error < found.diagrams && waited < 5000) {
        waited += 250;
        setTimeout(probe, 250);
        return;
      }
      results[pages[index]] = found;
      frame.remove();
      index += 1;
      next();
    })();
  };
  frame.src = pages[index];
  document.body.appendChild(frame);
}
next();
</script></body></html>"""


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with the probe in every page; refuses and records the rest.

    Chromium is told to use this server as its proxy: a request for another host
    arrives here as an absolute URL (or a CONNECT), is written down and refused.
    """

    harness: bytes = b""
    foreign: list[str]
    served: list[str]
    done: threading.Event

    def do_GET(self) -> None:
        if not self.path.startswith("/"):
            self.foreign.append(self.path)
            self.send_error(502, "no network in this test")
            return
        if self.path == "/_harness.html":
            self._send(self.harness)
            return
        if self.path == "/_wait":  # holds the harness open until it says it is done
            self.done.wait(timeout=90)
            self._send(b"")
            return
        if self.path == "/_done":
            self.done.set()
            self._send(b"")
            return
        super().do_GET()

    def do_CONNECT(self) -> None:
        self.foreign.append(self.path)
        self.send_error(502, "no network in this test")

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            self.served.append(self.path)
            page = path.read_text(encoding="utf-8").replace("<head>", "<head>" + PROBE, 1)
            self._send(page.encode("utf-8"), head_only=True)
            return _Body(page.encode("utf-8"))
        return super().send_head()

    def _send(self, body: bytes, *, head_only: bool = False) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the test reports what matters."""


class _QuietServer(http.server.ThreadingHTTPServer):
    """A browser that drops a connection it no longer needs is no error of the site."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Body:
    """What send_head returns: a file-like body for copyfile."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        """Nothing to close."""


@pytest.fixture(scope="module")
def site() -> Iterator[Path]:
    given = os.environ.get("PST_CORE_SITE")
    if given:
        yield Path(given)
        return
    if importlib.util.find_spec("mkdocs") is None:
        pytest.skip("mkdocs is not installed (it comes with the dev extra)")
    with tempfile.TemporaryDirectory(prefix="pst-core-site-") as folder:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")])
        )
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", folder],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        yield Path(folder)


def _browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    message = "no headless browser installed (Debian: apt-get install chromium)"
    if os.environ.get("PST_CORE_REQUIRE_BROWSER"):
        pytest.fail(f"{message}, and PST_CORE_REQUIRE_BROWSER is set")
    pytest.skip(message)


def _load_in_chromium(
    site: Path, harness: str, *flags: str, timeout: int
) -> tuple[dict[str, Any], list[str]]:
    """Serve ``site`` with ``harness`` as /_harness.html, dump it after Chromium ran it.

    Returns what the harness wrote into its ``<pre id="results">`` (JSON) and the
    requests for other hosts the proxy refused.
    """
    browser = _browser()
    foreign: list[str] = []
    served: list[str] = []
    handler = type(
        "Handler",
        (_SiteHandler,),
        {
            "harness": harness.encode("utf-8"),
            "foreign": foreign,
            "served": served,
            "done": threading.Event(),
        },
    )
    server = _QuietServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"127.0.0.1:{server.server_address[1]}"
    try:
        with tempfile.TemporaryDirectory(prefix="pst-core-chromium-") as profile:
            result = subprocess.run(
                [
                    browser,
                    *CHROMIUM_FLAGS,
                    f"--user-data-dir={profile}",
                    f"--proxy-server=http://{address}",
                    "--window-size=1280,1024",
                    *flags,
                    "--dump-dom",
                    f"http://{address}/_harness.html",
                ],
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
    except subprocess.TimeoutExpired:
        pytest.fail(f"Chromium did not finish in {timeout} s; last pages served: {served[-3:]}")
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'<pre id="results">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found is not None, result.stdout[-2000:]
    assert found[1] != "pending", "Chromium stopped before the harness was done"
    return json.loads(html.unescape(found[1])), foreign


PAGES_PER_BROWSER = 1


@pytest.fixture(scope="module")
def checked(site: Path) -> dict[str, dict[str, Any]]:
    """Every page of the site, loaded through the local server in headless Chromium."""
    pages = sorted(
        "/" + f"{page.relative_to(site).parent.as_posix()}/".removeprefix("./")
        for page in site.rglob("index.html")
    )
    results: dict[str, dict[str, Any]] = {}
    foreign: list[str] = []
    # A browser per page: pages loaded one after another in one browser have stalled it
    # (virtual time running out between frames), and a fresh one costs about a second.
    for start in range(0, len(pages), PAGES_PER_BROWSER):
        chunk = pages[start : start + PAGES_PER_BROWSER]
        found, refused = _load_in_chromium(
            site,
            HARNESS % json.dumps(chunk),
            f"--virtual-time-budget={3000 * len(chunk) + 10000}",
            timeout=60 + 20 * len(chunk),
        )
        results.update(found)
        foreign.extend(refused)
    results["(requests for other hosts)"] = {"foreign": foreign}
    return results


# Search runs in a web worker, which virtual time does not wait for: this harness runs in
# real time, held open by a script the server answers once the harness fetched /_done.
SEARCH_HARNESS = """<!doctype html><html><body><pre id="results">pending</pre><script>
var queries = %s, results = {};
function search(index) {
  if (index >= queries.length) {
    document.getElementById("results").textContent = JSON.stringify(results);
    fetch("/_done");
    return;
  }
  var frame = document.createElement("iframe");
  frame.style.width = "1200px";
  frame.style.height = "800px";
  frame.onload = function () {
    var tries = 0;
    (function ask() {
      // The worker builds the index after the page loads: ask again until it answers (30 s).
      var page = frame.contentWindow.document;
      var input = page.querySelector("[data-md-component=search-query]");
      var found = page.querySelectorAll(".md-search-result__item").length;
      if (found || tries >= 60) {
        results[queries[index].join(" ")] = found;
        frame.remove();
        search(index + 1);
        return;
      }
      tries += 1;
      input.focus();
      input.value = queries[index][1];
      ["focus", "input", "keyup"].forEach(function (name) {
        input.dispatchEvent(new Event(name, {bubbles: true}));
      });
      setTimeout(ask, 500);
    })();
  };
  frame.src = queries[index][0];
  document.body.appendChild(frame);
}
search(0);
</script><script src="/_wait"></script></body></html>"""


def test_search_works_when_served(site: Path) -> None:
    queries = [["/", "deadline"], ["/id/", "tenggat"]]
    results, _ = _load_in_chromium(site, SEARCH_HARNESS % json.dumps(queries), timeout=120)
    assert all(results[" ".join(query)] > 0 for query in queries), results


def _probes(checked: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {page: probe for page, probe in checked.items() if not page.startswith("(")}


def test_every_page_loads_in_the_browser(checked: dict[str, dict[str, Any]]) -> None:
    probes = _probes(checked)
    assert len(probes) > 40
    failed = {page: probe["error"] for page, probe in probes.items() if "error" in probe}
    assert not failed, failed


def _host(request: str) -> str:
    """The host of a proxied request: an absolute URL, or a CONNECT's host:port."""
    return re.sub(r"^[a-z]+://|[:/].*$", "", request)


def test_no_page_asks_another_host_for_anything(checked: dict[str, dict[str, Any]]) -> None:
    foreign = checked["(requests for other hosts)"]["foreign"]
    assert [request for request in foreign if _host(request) not in BROWSER_SERVICES] == []
    loaded = {
        url
        for probe in _probes(checked).values()
        for url in probe.get("resources", [])
        if not url.startswith("http://127.0.0.1:")
    }
    assert not loaded, sorted(loaded)


def test_every_mermaid_diagram_renders_offline(checked: dict[str, dict[str, Any]]) -> None:
    with_diagrams = {
        page: probe for page, probe in _probes(checked).items() if probe.get("diagrams")
    }
    assert with_diagrams, "no page of the site has a Mermaid diagram"
    undrawn = {
        page: probe["svg"]
        for page, probe in with_diagrams.items()
        if probe["svg"]["ok"] != probe["diagrams"] or probe["svg"]["error"]
    }
    assert not undrawn, undrawn


def test_no_code_line_is_cut(checked: dict[str, dict[str, Any]]) -> None:
    cut = {page: probe["cut"] for page, probe in _probes(checked).items() if probe.get("cut")}
    assert not cut, cut


def test_the_indonesian_pages_are_there_in_indonesian(checked: dict[str, dict[str, Any]]) -> None:
    probes = _probes(checked)
    for page in INDONESIAN_PAGES:
        assert f"/id/{page}" in probes, page
        assert probes[f"/id/{page}"]["lang"] == "id", page
        assert probes[f"/{page}"]["lang"] == "en", page
        assert probes[f"/id/{page}"]["text"], page
        assert probes[f"/id/{page}"]["text"] != probes[f"/{page}"]["text"], page


def test_the_site_serves_mermaid_itself(site: Path) -> None:
    script = site / "javascripts" / "mermaid.min.js"
    assert script.stat().st_size > 1_000_000
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if MERMAID_BLOCK.search(text):
            assert "javascripts/mermaid.min.js" in text, page


def _pre_blocks(page_html: str) -> Iterator[tuple[str, str | None]]:
    for match in re.finditer(r"<pre\b([^>]*)>(.*?)</pre>", page_html, re.DOTALL):
        copy = re.search(r'data-copy="([^"]*)"', match[1])
        text = html.unescape(re.sub(r"<[^>]+>", "", match[2]))
        yield text, None if copy is None else html.unescape(copy[1])


def test_copy_button_copies_code_without_prompts_or_output(site: Path) -> None:
    sessions = 0
    for page in site.rglob("*.html"):
        for text, copy in _pre_blocks(page.read_text(encoding="utf-8")):
            if code_of_session(text) is None:
                continue
            sessions += 1
            where = f"{page.relative_to(site)}: {text[:60]!r}"
            assert copy is not None, where
            assert ">>>" not in copy, where
            compile(copy, where, "exec")  # what is copied is Python that runs as a file
    assert sessions > 20


def test_code_of_session() -> None:
    session = ">>> x = 1\n>>> for i in (1, 2):\n...     x += i\n...\n>>> x\n4\n"
    assert code_of_session(session) == "x = 1\nfor i in (1, 2):\n    x += i\n\nx"
    assert code_of_session("x = 1\nprint(x)\n") is None
    assert code_of_session(">>>\n>>> y = 2\n") == "\ny = 2"


def test_add_copy_text_keeps_other_blocks() -> None:
    plain = '<pre class="x"><code>print(1)</code></pre>'
    assert add_copy_text(plain) == plain
    session = '<pre><code><span class="gp">&gt;&gt;&gt; </span>a = "&lt;b&gt;"\n"x"\n</code></pre>'
    assert 'data-copy="a = &quot;&lt;b&gt;&quot;"' in add_copy_text(session)
    assert add_copy_text(add_copy_text(session)) == add_copy_text(session)


def test_sessions_are_highlighted_as_sessions() -> None:
    assert session_fences("```python\n>>> print(1)\n1\n```\n") == "```pycon\n>>> print(1)\n1\n```\n"
    indented = "    ```python\n    >>> x\n    ```\n"
    assert session_fences(indented) == indented.replace("python", "pycon")
    plain = "```python\nx = 1\n```\n```toml\n>>> not a session\n```\n"
    assert session_fences(plain) == plain


def test_no_session_output_is_highlighted_as_python(site: Path) -> None:
    for page in site.rglob("*.html"):
        for block in re.findall(r"<pre\b[^>]*>(.*?)</pre>", page.read_text(encoding="utf-8"), re.S):
            # Python's lexer reads a prompt as an operator and output as code.
            assert '<span class="o">&gt;&gt;&gt;</span>' not in block, f"{page}: {block[:200]}"


EXTERNAL_RESOURCE = re.compile(
    r"<(?:script|img|iframe|source)\b[^>]*\bsrc=\"(?:https?:)?//"
    r"|<link\b(?=[^>]*\brel=\"(?:stylesheet|preconnect|preload|icon|manifest|modulepreload)\")"
    r"[^>]*\bhref=\"(?:https?:)?//"
)


def test_no_page_links_a_resource_of_another_host(site: Path) -> None:
    found = {
        str(page.relative_to(site)): EXTERNAL_RESOURCE.findall(text)
        for page in site.rglob("*.html")
        if EXTERNAL_RESOURCE.search(text := page.read_text(encoding="utf-8"))
    }
    assert not found, found


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_a_section_is_not_listed_again_inside_itself(site: Path) -> None:
    """No "Tutorial > Tutorial": a section's index page is the section's own link."""
    for page in (site / "index.html", site / "id" / "index.html"):
        text = page.read_text(encoding="utf-8")
        sections = re.findall(
            r'<label class="md-nav__title"[^>]*>(.*?)</label>\s*<ul class="md-nav__list"[^>]*>'
            r"(.*?)</ul>",
            text,
            re.DOTALL,
        )
        titles = {_text(title) for title, _ in sections}
        assert {"Tutorial", "Reference"} <= titles or {"Tutorial", "Panduan"} <= titles, titles
        for title, items in sections:
            links = [_text(link) for link in re.findall(r"<a\b[^>]*>(.*?)</a>", items, re.S)]
            assert _text(title) not in links, (page, _text(title), links)


def test_the_calendar_reference_starts_with_what_users_call(site: Path) -> None:
    text = (site / "reference" / "calendar" / "index.html").read_text(encoding="utf-8")
    members = re.findall(r'id="pst_core\.calendar\.WorkingCalendar\.(\w+)"', text)
    assert members[:4] == ["pst", "for_province", "add", "deadline"], members[:4]
    assert members.index("column_cache") > members.index("month"), members


def test_no_sphinx_roles_in_the_built_site(site: Path) -> None:
    found = {
        str(page.relative_to(site)): sorted(set(re.findall(r":(?:class|func|meth|mod):", text)))
        for page in site.rglob("*.html")
        if re.search(r":(?:class|func|meth|mod):", text := page.read_text(encoding="utf-8"))
    }
    assert not found, found
