"""Test-suite wiring shared by tests/, docs/, src/ docstrings and examples/.

* Hypothesis profiles: ``dev`` (default) and ``ci`` (deterministic, selected when
  the ``CI`` environment variable is set, or with ``HYPOTHESIS_PROFILE``).
* Sybil runs the Python examples in the Markdown docs and in docstrings.
"""

from __future__ import annotations

import os
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

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
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

_markdown = Sybil(
    parsers=[SkipParser(), PythonCodeBlockParser(doctest_optionflags=_FLAGS)],
    patterns=["*.md"],
    path="docs",
    name="docs",
)
_readme = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS)],
    patterns=["README.md"],
    path=".",
    name="readme",
)
_docstrings = Sybil(
    parsers=[DocTestParser(optionflags=_FLAGS)],
    patterns=["*.py"],
    path="src",
    name="docstrings",
)

pytest_collect_file = SybilCollection([_markdown, _readme, _docstrings]).pytest()
