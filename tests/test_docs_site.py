"""The built documentation site, as a reader meets it (issue 13).

* Every Mermaid diagram renders in a browser with no internet access: the site is
  built, each page with a diagram is loaded in headless Chromium with every host
  name unresolvable, and each diagram must have become an ``svg``. Skipped, with
  the reason, where no browser is installed (CI installs Debian's ``chromium`` and
  sets ``PST_CORE_REQUIRE_BROWSER=1``, which turns the skip into a failure).
* The copy button of a ``>>>`` session copies code a reader can paste: no
  prompts, no output (``docs/hooks/copy_without_prompts.py``).
* No Sphinx role (``:class:`` and the like) is left as raw text.

Building the site takes a while; ``PST_CORE_SITE=/path/to/site`` reuses one
already built with ``mkdocs build --strict``.
"""

from __future__ import annotations

import html
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _hook() -> ModuleType:
    path = ROOT / "docs" / "hooks" / "copy_without_prompts.py"
    spec = importlib.util.spec_from_file_location("copy_without_prompts", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOOK = _hook()
code_of_session: Callable[[str], str | None] = HOOK.code_of_session
add_copy_text: Callable[[str], str] = HOOK.add_copy_text

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No host name resolves: a script fetched from the internet cannot load.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--virtual-time-budget=10000",
)
MERMAID_BLOCK = re.compile(r'<pre class="mermaid"')

# Loaded before the page's own scripts: Material draws each diagram into a *closed* shadow
# root that --dump-dom cannot see, so open it, then mark each diagram host that holds an svg.
PROBE = """<script>(function () {
  var attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, Object.assign({}, init, {mode: "open"}));
  };
  function mark() {
    document.querySelectorAll("div.mermaid").forEach(function (host) {
      var svg = host.shadowRoot && host.shadowRoot.querySelector("svg");
      if (svg) {
        host.setAttribute("data-test-svg", /Syntax error/.test(svg.textContent) ? "error" : "ok");
      }
    });
  }
  setInterval(mark, 100);
})();</script>"""


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


def _rendered_dom(browser: str, page: Path) -> str:
    probe = page.with_name(f"_probe_{page.name}")
    probe.write_text(page.read_text(encoding="utf-8").replace("<head>", "<head>" + PROBE, 1))
    try:
        with tempfile.TemporaryDirectory(prefix="pst-core-chromium-") as profile:
            profile_flag = f"--user-data-dir={profile}"
            result = subprocess.run(
                [browser, *CHROMIUM_FLAGS, profile_flag, "--dump-dom", probe.as_uri()],
                capture_output=True,
                text=True,
                timeout=180,
                check=False,
            )
    finally:
        probe.unlink()
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_every_mermaid_diagram_renders_offline(site: Path) -> None:
    pages = {
        page: len(MERMAID_BLOCK.findall(page.read_text(encoding="utf-8")))
        for page in sorted(site.rglob("*.html"))
    }
    pages = {page: count for page, count in pages.items() if count}
    assert pages, "no page of the site has a Mermaid diagram"
    browser = _browser()
    for page, count in pages.items():
        dom = _rendered_dom(browser, page)
        marks = re.findall(r'data-test-svg="(\w+)"', dom)
        where = page.relative_to(site)
        assert marks.count("ok") == count, f"{where}: {count} diagrams, rendered: {marks}"


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


def test_no_sphinx_roles_in_the_built_site(site: Path) -> None:
    found = {
        str(page.relative_to(site)): sorted(set(re.findall(r":(?:class|func|meth|mod):", text)))
        for page in site.rglob("*.html")
        if re.search(r":(?:class|func|meth|mod):", text := page.read_text(encoding="utf-8"))
    }
    assert not found, found
