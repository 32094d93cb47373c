"""Files: a document dumped loads back equal; a malformed file is one error naming every problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pst_core.errors import DataFileError, PstError
from pst_core.standards import ServiceStandard, StandardOperatingProcedure, catalog, read_document
from tests.standards.helpers import Document, catalog_document
from tests.strategies import service_standards, standard_operating_procedures

documents = st.one_of(service_standards(), standard_operating_procedures())


_FOLDER_OK = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@_FOLDER_OK
@given(document=documents, suffix=st.sampled_from([".toml", ".json"]))
def test_dump_then_load_gives_an_equal_document(
    document: Document, suffix: str, tmp_path: Path
) -> None:
    path = tmp_path / f"doc{suffix}"
    document.dump(path)
    assert type(document).load(path) == document
    assert read_document(path) == document


@given(document=documents, format=st.sampled_from(["toml", "json"]))
def test_dumps_then_loads_gives_an_equal_document(document: Document, format: Any) -> None:
    assert type(document).loads(document.dumps(format), format=format) == document


@given(document=documents)
def test_plain_data_round_trip(document: Document) -> None:
    data = document.to_data()
    assert data["type"] == type(document).file_type
    assert type(document).from_data(json.loads(json.dumps(data))) == document


@pytest.mark.parametrize("doc_id", catalog().ids)
@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_catalog_documents_round_trip(doc_id: str, suffix: str, tmp_path: Path) -> None:
    document = catalog_document(doc_id)
    document.dump(tmp_path / f"{doc_id}{suffix}")
    assert type(document).load(tmp_path / f"{doc_id}{suffix}") == document
    assert read_document(tmp_path / f"{doc_id}{suffix}") == document


def test_a_file_of_the_other_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sop.toml"
    catalog().sop("bengkulu-sop-produk-berbayar").dump(path)
    with pytest.raises(
        DataFileError, match="type: invalid value 'sop'; allowed: 'service_standard'"
    ):
        ServiceStandard.load(path)


@pytest.mark.hostile
@pytest.mark.parametrize(
    "call",
    [
        lambda: read_document(None),  # type: ignore[arg-type]
        lambda: read_document(3),  # type: ignore[arg-type]
        lambda: ServiceStandard.loads(None, format="json"),  # type: ignore[arg-type]
        lambda: ServiceStandard.loads("{}", format="yaml"),  # type: ignore[arg-type]
        lambda: ServiceStandard.from_data([1, 2]),  # type: ignore[arg-type]
        lambda: StandardOperatingProcedure.from_data("sop"),  # type: ignore[arg-type]
        lambda: catalog().standard("bengkulu-penjualan").dump(None),  # type: ignore[arg-type]
        lambda: catalog().standard("bengkulu-penjualan").dumps("yaml"),  # type: ignore[arg-type]
    ],
)
def test_wrong_types_raise_pst_errors(call: Any) -> None:
    with pytest.raises(PstError):
        call()


def test_dump_to_a_missing_folder_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot write"):
        catalog().standard("bengkulu-penjualan").dump(tmp_path / "absent" / "x.toml")


def _standard_data() -> dict[str, Any]:
    return catalog().standard("bengkulu-penjualan").to_data()


def _sop_data() -> dict[str, Any]:
    return catalog().sop("bengkulu-sop-produk-berbayar").to_data()


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
        "channels, id, kind, text, text_en",
    ),
    (
        "missing required field",
        _delete(_standard_data(), ("office", "name")),
        "office.name",
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
        "'offline', 'online'",
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
        _set(_standard_data(), ("completion_times", 0, "clock_start"), "immediately"),
        "completion_times[0].clock_start",
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
        "lower-case ASCII letters",
    ),
    (
        "duplicate requirement id",
        _set(_standard_data(), ("requirements", 1, "id"), "identity-card"),
        "requirements[1]",
        "'identity-card'",
        "each requirement id at most once",
    ),
    (
        "two procedures for one channel",
        _set(_standard_data(), ("procedures", 1, "channel"), "offline"),
        "procedures[1]",
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
        _set(_sop_data(), ("hours",), {"someday": "08:00-15:30"}),
        "hours",
        "'someday'",
        "day names",
    ),
    (
        "working hours not a table",
        _set(_sop_data(), ("hours",), "08:00-15:30"),
        "hours",
        "'08:00-15:30'",
        "a table of day names",
    ),
]


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("data", "path", "shown", "allowed"),
    [case[1:] for case in MALFORMED],
    ids=[case[0] for case in MALFORMED],
)
@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_malformed_files_name_file_path_value_and_allowed(
    data: dict[str, Any], path: str, shown: str, allowed: str, *, suffix: str, tmp_path: Path
) -> None:
    file = tmp_path / f"unit{suffix}"
    if suffix == ".json":
        file.write_text(json.dumps(data), encoding="utf-8")
    else:
        from pst_core._io import dumps_toml

        file.write_text(dumps_toml(data), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_document(file)
    message = str(caught.value)
    assert message.startswith(f"{file}: {path}: "), message
    assert shown in message
    assert allowed in message.partition("allowed:")[2], message
    assert caught.value.file == str(file)
    assert caught.value.path == path


@pytest.mark.hostile
@pytest.mark.parametrize(
    "bad_id",
    ["bengkulu-penjualan\n", "bengkulu-\u0663", "bengkulu-penjualan-", "Bengkulu", "a--b", ""],
)
def test_ids_are_ascii_and_anchored(bad_id: str) -> None:
    with pytest.raises(DataFileError, match="lower-case ASCII letters"):
        ServiceStandard.from_data(_set(_standard_data(), ("id",), bad_id))


@pytest.mark.hostile
def test_toml_syntax_error_names_the_file(tmp_path: Path) -> None:
    file = tmp_path / "broken.toml"
    file.write_text('type = "service_standard"\nid = \n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken\.toml: syntax error .*valid TOML"):
        read_document(file)


@pytest.mark.hostile
def test_json_syntax_error_names_the_file(tmp_path: Path) -> None:
    file = tmp_path / "broken.json"
    file.write_text('{"type": "service_standard",', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken\.json: syntax error .*valid JSON"):
        ServiceStandard.load(file)


@pytest.mark.hostile
def test_unsupported_suffix(tmp_path: Path) -> None:
    file = tmp_path / "unit.yaml"
    file.write_text("type: service_standard\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"unit\.yaml: invalid value '\.yaml'"):
        read_document(file)
    with pytest.raises(DataFileError, match=r"a \.toml or \.json file"):
        catalog().standard("sumsel-konsultasi").dump(file)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        read_document(tmp_path / "absent.toml")


@pytest.mark.hostile
def test_top_level_must_be_a_table(tmp_path: Path) -> None:
    file = tmp_path / "list.json"
    file.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(DataFileError, match="a table at the top level"):
        read_document(file)
    with pytest.raises(DataFileError, match="a table of ServiceStandard fields"):
        ServiceStandard.from_data([1, 2])  # type: ignore[arg-type]


@pytest.mark.hostile
def test_every_problem_is_reported() -> None:
    data = _set(_standard_data(), ("fee", "kind"), "gratis")
    _set(data, ("requirements", 0, "kind"), "passport")
    with pytest.raises(DataFileError) as caught:
        ServiceStandard.from_data(data)
    assert [p.path for p in caught.value.problems] == ["requirements[0].kind", "fee.kind"]


def test_the_how_to_file_is_the_example_file() -> None:
    root = Path(__file__).parent.parent.parent
    page = (root / "docs" / "how-to" / "own-standard.md").read_text(encoding="utf-8")
    block = page.split('>>> text = """\n', 1)[1].split('... """', 1)[0]
    text = "\n".join(line[4:] for line in block.splitlines())
    example = ServiceStandard.load(root / "examples" / "own_standard.toml")
    assert ServiceStandard.loads(text, format="toml") == example


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


_HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(
        ["online\n", "3 hari kerja\n", "３ hari kerja", "email-\u0663", "1E+999999999"]
    ),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@pytest.mark.hostile
@settings(max_examples=150)
@given(
    doc_id=st.sampled_from(catalog().ids),
    data=st.data(),
    format=st.sampled_from(["json", "toml"]),
)
def test_mutated_files_load_or_raise_a_data_file_error(
    doc_id: str, data: st.DataObject, format: Any
) -> None:
    """Whatever loads dumps back equal; whatever does not is one DataFileError."""
    document = catalog_document(doc_id)
    plain = document.to_data()
    path = data.draw(st.sampled_from(_paths(plain)))
    _set(plain, path, data.draw(_HOSTILE))
    try:
        from pst_core._io import format_text

        text = format_text(plain, format)
    except PstError:
        return  # not representable in this format (e.g. None in TOML)
    try:
        loaded = type(document).loads(text, format=format)
    except DataFileError:
        return
    for fmt in ("json", "toml"):
        assert type(document).loads(loaded.dumps(fmt), format=fmt) == loaded
