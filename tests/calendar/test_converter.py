"""The calendar's value types in data files: durations as phrases, hours as day tables, zones."""

from __future__ import annotations

import pytest
from hypothesis import given

from pst_core.calendar.converter import structure, unstructure
from pst_core.calendar.durations import Duration
from tests.strategies import durations


@pytest.mark.property
@given(durations)
def test_file_round_trip(duration: Duration) -> None:
    import attrs

    @attrs.frozen
    class Holder:
        duration: Duration

    assert structure(unstructure(Holder(duration)), Holder) == Holder(duration)
