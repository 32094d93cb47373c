"""The examples in the service's docstrings run (pst_core's Sybil reads only ``src/``)."""

from __future__ import annotations

import doctest
import importlib

import pytest

pytest.importorskip("fastapi", reason="the service's requirements are not installed")
pytest.importorskip("sqlalchemy", reason="the service's requirements are not installed")


@pytest.mark.parametrize("name", ["pst_service.language", "pst_service.page"])
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
