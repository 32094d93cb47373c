"""Revisions and event ids: a stale view is refused, a retried event does nothing twice."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest

from pst_core.errors import EventIdConflictError, InvalidTypeError, StaleTransactionError
from pst_core.states import Event, Transaction
from pst_core.states.builtin import paid_product, visit

T0 = datetime(2026, 3, 16, 9, 0, tzinfo=timezone(timedelta(hours=7)))


def _visit() -> Transaction:
    return Transaction.open(visit(), at=T0, actor="guest", id="V-1")


def test_the_revision_counts_the_events_of_the_history() -> None:
    tx = _visit()
    assert tx.revision == 1
    later = tx.fire("take-number", at=T0, actor="kiosk", expected_revision=1)
    assert (later.revision, tx.revision) == (2, 1)


def test_an_event_on_a_revision_the_transaction_moved_past_is_refused() -> None:
    seen = _visit()
    current = seen.fire("take-number", at=T0, actor="kiosk")
    with pytest.raises(StaleTransactionError) as caught:
        current.fire("leave", at=T0, actor="guest", expected_revision=seen.revision)
    assert (caught.value.expected, caught.value.revision) == (1, 2)
    assert caught.value.to_data("id")["code"] == "stale_transaction"
    assert "revisinya 2" in caught.value.describe("id")


def test_an_expected_revision_that_is_not_a_whole_number_is_refused() -> None:
    with pytest.raises(InvalidTypeError):
        _visit().fire("take-number", at=T0, actor="kiosk", expected_revision="1")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        _visit().fire("take-number", at=T0, actor="kiosk", expected_revision=True)


def test_a_retried_event_with_its_id_returns_the_transaction_unchanged() -> None:
    once = _visit().fire("take-number", at=T0, actor="kiosk", event_id="req-1")
    again = once.fire("take-number", at=T0, actor="kiosk", event_id="req-1", expected_revision=1)
    assert again is once
    assert once.history[-1].id == "req-1"


def test_an_event_id_used_again_with_other_content_is_refused() -> None:
    once = _visit().fire("take-number", at=T0, actor="kiosk", event_id="req-1")
    for name, at, actor in (
        ("leave", T0, "guest"),
        ("take-number", T0 + timedelta(minutes=1), "kiosk"),
        ("take-number", T0, "guest"),
    ):
        with pytest.raises(EventIdConflictError) as caught:
            once.fire(name, at=at, actor=actor, event_id="req-1")
        assert (caught.value.event_id, caught.value.index, caught.value.recorded) == (
            "req-1",
            1,
            "take-number",
        )


def test_event_data_is_part_of_the_content_an_event_id_compares() -> None:
    at = datetime(2026, 3, 16, 2, tzinfo=timezone.utc)
    tx = Transaction.open(paid_product(), at=at, actor="user", id="ST-1")
    tx = tx.fire("start-verification", at=at, actor="officer")
    data = {"outcome": "complete", "product": "microdata"}
    done = tx.fire("verify", at=at, actor="officer", data=data, event_id="v")
    assert done.fire("verify", at=at, actor="officer", data=dict(data), event_id="v") is done
    with pytest.raises(EventIdConflictError):
        done.fire("verify", at=at, actor="officer", data={"outcome": "incomplete"}, event_id="v")


def test_event_ids_are_saved_and_read_back() -> None:
    tx = _visit().fire("take-number", at=T0, actor="kiosk", event_id="req-1")
    back = Transaction.loads(tx.dumps(), format="json")
    assert back == tx
    assert back.history[-1] == Event("take-number", T0, "kiosk", id="req-1")
    assert '"id"' not in _visit().dumps().split('"history"')[1]


def test_event_data_named_like_an_option_is_only_data() -> None:
    data = {"at": "desk 3", "actor": "x", "expected_revision": 9, "event_id": "y"}
    tx = _visit().fire("take-number", at=T0, actor="kiosk", data=data)
    assert dict(tx.history[-1].data) == data
    assert tx.history[-1].id is None


def test_of_two_writers_acting_on_one_revision_exactly_one_wins() -> None:
    """A store that saves with compare-and-set: both writers load revision 1, then act."""
    store = {"tx": _visit()}
    lock = threading.Lock()
    loaded = threading.Barrier(2)
    outcomes: list[str] = []

    def writer(event: str, actor: str) -> None:
        seen = store["tx"]
        loaded.wait()  # both have read the same revision before either writes
        try:
            with lock:
                store["tx"] = store["tx"].fire(
                    event, at=T0, actor=actor, expected_revision=seen.revision
                )
            outcomes.append(event)
        except StaleTransactionError:
            outcomes.append("stale")

    threads = [
        threading.Thread(target=writer, args=("take-number", "kiosk")),
        threading.Thread(target=writer, args=("leave", "guest")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes).count("stale") == 1
    assert store["tx"].revision == 2
    (winner,) = (o for o in outcomes if o != "stale")
    assert store["tx"].history[-1].name == winner
