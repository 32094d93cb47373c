"""A first contact is light, and CI runs the README's commands as a reader would (issue 23).

The README's first command installs the library alone (no extra: no test, docs,
pandas or Dask tools) and runs one ``pst-core`` command; its second installs the
dev extra and runs the suite. ``.ci/run`` takes both from the README and runs them
as written; ``bash .ci/run --readme-commands`` prints what it took, which must be
the README's own lines.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _console_blocks() -> list[str]:
    return re.findall(r"^```console\n(.*?)^```", README, re.MULTILINE | re.DOTALL)


def _ci_commands() -> list[str]:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash to run .ci/run with")
    result = subprocess.run(
        [bash, str(ROOT / ".ci" / "run"), "--readme-commands"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_first_command_installs_the_library_alone_and_runs_a_deadline() -> None:
    first = _console_blocks()[0].strip()
    assert "\n" not in first
    steps = first.split(" && ")
    assert steps[0] == "python3 -m venv .venv"
    assert steps[1] == ".venv/bin/pip install -e ."  # no extra: no [dev], no [dask]
    assert steps[2] == '.venv/bin/pst-core deadline 2026-03-17T14:00+07:00 "3 hari kerja"'


def test_second_command_installs_the_dev_extra_and_runs_the_tests() -> None:
    install, tests = _console_blocks()[1].strip().split(" && ")
    assert install == '.venv/bin/pip install -e ".[dev]"'
    assert tests.startswith(".venv/bin/python -m pytest")


def test_readme_says_the_package_is_not_on_pypi_yet() -> None:
    assert "not yet on PyPI" in README


def test_ci_runs_the_readme_commands_as_written() -> None:
    first, second = (block.strip() for block in _console_blocks()[:2])
    assert _ci_commands() == [first, *second.split(" && ")]


HEAVY = {"pandas", "numpy", "dask", "pyarrow", "matplotlib", "mkdocs", "pytest", "mypy", "ruff"}


def test_the_library_alone_needs_none_of_the_dev_tools() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    runtime = re.search(r"^dependencies = \[(.*?)^\]", pyproject, re.MULTILINE | re.DOTALL)
    assert runtime is not None
    names = set(re.findall(r'^\s*"([A-Za-z0-9_.-]+)', runtime[1], re.MULTILINE))
    assert "holidays" in names
    assert not names & HEAVY
