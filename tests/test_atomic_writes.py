"""Atomic writes: a write that fails at any step leaves the old file byte for byte.

Every saved model's ``dump`` (and the report command's ``--output``) goes through
`pst_core._files.write_text_atomic`: a temporary file in the same folder, flushed
and renamed. Each test here makes one step fail and checks the old bytes are kept
and no temporary file is left behind.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pst_core._files import write_text_atomic
from pst_core.calendar import WorkingCalendar
from pst_core.errors import DataFileError
from pst_core.standards import catalog
from pst_core.states.builtin import builtin_workflow
from pst_core.tariffs.schedule import illustrative_schedule
from tests.states.examples import incomplete_order

OLD = b"old bytes \xe2\x80\x94 must survive\n"


def _models() -> dict[str, Any]:
    documents = catalog()
    return {
        "calendar": WorkingCalendar.pst().with_closure(date(2026, 11, 23), reason="rapat"),
        "standard": documents.standard("bengkulu-penjualan"),
        "sop": documents.sop("bengkulu-sop-produk-berbayar"),
        "workflow": builtin_workflow("visit"),
        "transaction": incomplete_order(),
        "tariffs": illustrative_schedule(),
    }


MODELS = _models()


def _fail(name: str) -> Callable[..., Any]:
    def fail(*args: object, **kwargs: object) -> Any:
        raise OSError(errno.ENOSPC, f"{name} failed")

    return fail


@pytest.mark.parametrize("step", ["fsync", "replace", "chmod"])
@pytest.mark.parametrize("suffix", [".toml", ".json"])
@pytest.mark.parametrize("name", sorted(MODELS))
def test_a_dump_that_fails_leaves_the_old_file(
    name: str, suffix: str, step: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / f"saved{suffix}"
    target.write_bytes(OLD)
    monkeypatch.setattr(os, step, _fail(step))  # _files calls os.<step>: the module is shared
    with pytest.raises(DataFileError, match="saved"):
        MODELS[name].dump(target)
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.parametrize("name", sorted(MODELS))
def test_a_dump_that_succeeds_replaces_the_file_whole(name: str, tmp_path: Path) -> None:
    target = tmp_path / "saved.json"
    target.write_bytes(OLD)
    MODELS[name].dump(target)
    assert target.read_text(encoding="utf-8") == MODELS[name].dumps("json")
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_text_that_is_not_utf8_is_refused_before_the_file_is_touched(tmp_path: Path) -> None:
    target = tmp_path / "office.toml"
    target.write_bytes(OLD)
    with pytest.raises(DataFileError) as caught:
        write_text_atomic(target, "x\ud83d")
    assert "office.toml" in caught.value.describe("en")
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_a_missing_folder_is_said_in_words(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as caught:
        write_text_atomic(tmp_path / "nowhere" / "office.toml", "x")
    assert "folder" in caught.value.describe("en") or "file" in caught.value.describe("en")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "office.toml"
    target.write_bytes(OLD)
    target.chmod(0o640)
    write_text_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_text(encoding="utf-8") == "new"
