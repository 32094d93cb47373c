"""load / dump: round trips, and clear errors for malformed files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pst_core.errors import DataFileError, InvalidTypeError
from pst_core.standards import (
    CATALOG_IDS,
    Document,
    catalog,
    dump,
    from_data,
    load,
    to_data,
)
from tests.strategies import service_standards, standard_operating_procedures

documents = st.one_of(service_standards(), standard_operating_procedures())
_FOLDER_OK = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@_FOLDER_OK
@given(document=documents, suffix=st.sampled_from([".toml", ".json"]))
def test_dump_then_load_gives_an_equal_document(
    document: Document, suffix: str, tmp_path: Path
) -> None:
    path = tmp_path / f"doc{suffix}"
    dump(document, path)
    assert load(path) == document


@given(document=documents)
def test_plain_data_round_trip(document: Document) -> None:
    data = to_data(document)
    assert from_data(json.loads(json.dumps(data))) == document


@pytest.mark.parametrize("doc_id", CATALOG_IDS)
@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_catalog_documents_round_trip(doc_id: str, suffix: str, tmp_path: Path) -> None:
    document = catalog()[doc_id]
    dump(document, tmp_path / f"{doc_id}{suffix}")
    assert load(tmp_path / f"{doc_id}{suffix}") == document


def test_to_data_rejects_other_objects() -> None:
    with pytest.raises(InvalidTypeError, match="ServiceStandard or StandardOperatingProcedure"):
        to_data(object())  # type: ignore[arg-type]


def _standard_data() -> dict[str, Any]:
    return to_data(catalog()["bengkulu-penjualan"])


def _sop_data() -> dict[str, Any]:
    return to_data(catalog()["bengkulu-sop-produk-berbayar"])


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def _delete(data: dict[str, Any], path: tuple[Any, ...]) -> dict[str, Any]:
    target = data
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return data


# (name, data, field path in the message, value shown, words of what is allowed)
MALFORMED = [
    (
        "unknown top-level field",
        _set(_standard_data(), ("colour",), "blue"),
        "colour",
        "'colour'",
        "the fields",
    ),
    (
        "unknown nested field",
        _set(_standard_data(), ("requirements", 0, "mandatory"), True),
        "requirements[0].mandatory",
        "'mandatory'",
        "channels, id, kind, label_en, text_id",
    ),
    (
        "missing required field",
        _delete(_standard_data(), ("unit", "name")),
        "unit.name",
        "missing required field",
        "str",
    ),
    (
        "missing type",
        _delete(_standard_data(), ("type",)),
        "type",
        "missing required field",
        "'service_standard', 'sop'",
    ),
    (
        "unknown type",
        _set(_standard_data(), ("type",), "leaflet"),
        "type",
        "'leaflet'",
        "'service_standard', 'sop'",
    ),
    (
        "channel not allowed",
        _set(_standard_data(), ("procedures", 1, "channel"), "web"),
        "procedures[1].channel",
        "'web'",
        "offline, online",
    ),
    (
        "channels not a list",
        _set(_standard_data(), ("requirements", 1, "channels"), "online"),
        "requirements[1].channels",
        "'online'",
        "a list",
    ),
    (
        "bad duration phrase",
        _set(_standard_data(), ("completion_times", 0, "duration"), "sebentar"),
        "completion_times[0].duration",
        "'sebentar'",
        "'<n> menit'",
    ),
    (
        "duration not text",
        _set(_standard_data(), ("completion_times", 1, "max_service"), 10),
        "completion_times[1].max_service",
        "10",
        "a duration phrase",
    ),
    (
        "requirement kind not allowed",
        _set(_standard_data(), ("requirements", 0, "kind"), "passport"),
        "requirements[0].kind",
        "'passport'",
        "'identity_document'",
    ),
    (
        "clock start not allowed",
        _set(_standard_data(), ("completion_times", 0, "clock_starts"), "immediately"),
        "completion_times[0].clock_starts",
        "'immediately'",
        "'after_previous_in_queue'",
    ),
    (
        "fee kind not allowed",
        _set(_standard_data(), ("fee", "kind"), "gratis"),
        "fee.kind",
        "'gratis'",
        "'free', 'pnbp'",
    ),
    (
        "bad id",
        _set(_standard_data(), ("id",), "Bengkulu Penjualan"),
        "id",
        "'Bengkulu Penjualan'",
        "lower-case letters",
    ),
    (
        "duplicate requirement id",
        _set(_standard_data(), ("requirements", 1, "id"), "identity-card"),
        "requirements",
        "'identity-card'",
        "each requirement id at most once",
    ),
    (
        "two procedures for one channel",
        _set(_standard_data(), ("procedures", 1, "channel"), "offline"),
        "procedures",
        "'offline'",
        "each channel at most once",
    ),
    (
        "text where a number belongs",
        _set(_standard_data(), ("procedures", 0, "steps", 2, "number"), "3"),
        "procedures[0].steps[2].number",
        "'3'",
        "a whole number",
    ),
    (
        "blank text",
        _set(_standard_data(), ("service",), "  "),
        "service",
        "'  '",
        "a non-blank string",
    ),
    (
        "steps out of order",
        _set(_standard_data(), ("procedures", 0, "steps", 0, "number"), 9),
        "procedures[0].steps",
        "'number': 9",
        "increasing order",
    ),
    (
        "branch to a missing step",
        _set(_sop_data(), ("steps", 6, "decision", "branches", 0, "goto"), 99),
        "steps[6].decision.goto",
        "99",
        "a step number",
    ),
    (
        "bad date",
        _set(_sop_data(), ("created",), "24 Februari 2025"),
        "created",
        "'24 Februari 2025'",
        "an ISO date",
    ),
    (
        "bad working hours",
        _set(_sop_data(), ("service_hours",), {"someday": "08:00-15:30"}),
        "service_hours",
        "'someday'",
        "day names",
    ),
    (
        "working hours not a table",
        _set(_sop_data(), ("service_hours",), "08:00-15:30"),
        "service_hours",
        "'08:00-15:30'",
        "a table of day names",
    ),
]


@pytest.mark.parametrize(
    ("data", "path", "shown", "allowed"),
    [case[1:] for case in MALFORMED],
    ids=[case[0] for case in MALFORMED],
)
@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_malformed_files_name_file_path_value_and_allowed(
    data: dict[str, Any], path: str, shown: str, allowed: str, suffix: str, tmp_path: Path
) -> None:
    file = tmp_path / f"unit{suffix}"
    if suffix == ".json":
        file.write_text(json.dumps(data), encoding="utf-8")
    else:
        from pst_core._io import dumps_toml

        file.write_text(dumps_toml(data), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load(file)
    message = str(caught.value)
    assert message.startswith(f"{file}: {path}: "), message
    assert shown in message
    assert allowed in message.partition("allowed:")[2], message
    assert caught.value.file == str(file)
    assert caught.value.path == path


def test_toml_syntax_error_names_the_file(tmp_path: Path) -> None:
    file = tmp_path / "broken.toml"
    file.write_text('type = "service_standard"\nid = \n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken\.toml: syntax error .*valid TOML"):
        load(file)


def test_json_syntax_error_names_the_file(tmp_path: Path) -> None:
    file = tmp_path / "broken.json"
    file.write_text('{"type": "service_standard",', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken\.json: syntax error .*valid JSON"):
        load(file)


def test_unsupported_suffix(tmp_path: Path) -> None:
    file = tmp_path / "unit.yaml"
    file.write_text("type: service_standard\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"unit\.yaml: invalid value '\.yaml'"):
        load(file)
    with pytest.raises(DataFileError, match=r"a \.toml or \.json file"):
        dump(catalog()["sumsel-konsultasi"], file)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        load(tmp_path / "absent.toml")


def test_top_level_must_be_a_table(tmp_path: Path) -> None:
    file = tmp_path / "list.json"
    file.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(DataFileError, match="a table at the top level"):
        load(file)
    with pytest.raises(DataFileError, match="a table with a 'type' key"):
        from_data([1, 2])  # type: ignore[arg-type]
