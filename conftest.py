"""Test-suite wiring shared by tests/, docs/, src/ docstrings and examples/.

* Hypothesis profiles: ``dev`` (default), ``ci`` (deterministic, selected when
  the ``CI`` environment variable is set) and ``random`` (CI's budget with a fresh
  seed; pass ``--hypothesis-seed=N`` to replay one); ``HYPOTHESIS_PROFILE`` picks one.
* Sybil runs the Python examples in the Markdown docs and in docstrings. Every
  document's examples share one namespace that already holds the usual imports
  (`datetime`, `date`, `time`, `timedelta`, `timezone`, `ZoneInfo`, `Decimal`,
  `Path`) and ``tmp_path``, a fresh empty folder of that document: examples need
  no import lines for these and never read or write the current directory.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, settings
from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser
from sybil.sybil import SybilCollection

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "random",
    max_examples=200,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

# What every docs and docstring example may use without importing it.
_NAMESPACE: dict[str, Any] = {
    "date": date,
    "datetime": datetime,
    "time": time,
    "timedelta": timedelta,
    "timezone": timezone,
    "ZoneInfo": ZoneInfo,
    "Decimal": Decimal,
    "Path": Path,
}


def _setup(namespace: dict[str, Any]) -> None:
    """Give one document's examples the shared names and a fresh folder of their own."""
    namespace.update(_NAMESPACE)
    namespace["tmp_path"] = Path(tempfile.mkdtemp(prefix="pst-core-example-"))


def _teardown(namespace: dict[str, Any]) -> None:
    shutil.rmtree(namespace["tmp_path"], ignore_errors=True)


_markdown = Sybil(
    parsers=[SkipParser(), PythonCodeBlockParser(doctest_optionflags=_FLAGS)],
    patterns=["*.md"],
    path="docs",
    name="docs",
    setup=_setup,
    teardown=_teardown,
)
_readme = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS)],
    patterns=["README.md"],
    path=".",
    name="readme",
    setup=_setup,
    teardown=_teardown,
)
_docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_FLAGS)],
    patterns=["*.py"],
    path="src",
    name="docstrings",
    setup=_setup,
    teardown=_teardown,
)

pytest_collect_file = SybilCollection([_markdown, _readme, _docstrings]).pytest()
