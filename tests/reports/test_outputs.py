"""What every report writes: text, CSV, Markdown, HTML pages and charts, in both languages.

Pages are read back as structure (`tests.reports.page`): the title, the headings,
each table's headers, rows and right-aligned columns, the charts and the notes,
never the markup's bytes.
"""

from __future__ import annotations

import io
import sys
from typing import Any

import pytest

from pst_core.errors import MissingDependencyError
from pst_core.reports import IkmReport, Report, SlaReport, ikm_report, sla_report
from pst_core.reports.charts import ikm_chart, sla_charts
from tests.reports.page import read_page
from tests.reports.responses import GOLDEN, SURVEY
from tests.reports.ticket import NOW, golden_frame, ticket

pd = pytest.importorskip("pandas")

LANGUAGES = ("id", "en")


def sla() -> SlaReport:
    return sla_report(golden_frame(), now=NOW, workflows=[ticket()])


def ikm(**options: Any) -> IkmReport:
    return ikm_report(SURVEY, group_by=["period"], **options)


def test_every_report_is_a_report() -> None:
    assert isinstance(sla(), Report)
    assert isinstance(ikm(), Report)


# The SLA report --------------------------------------------------------------------------------

SLA_SUMMARY_EN = [
    "month", "clock", "count", "met %", "breached %", "overdue", "running", "cancelled",
    "start not recorded", "median elapsed", "90th percentile elapsed",
]  # fmt: skip


@pytest.mark.golden
def test_sla_page_shows_summary_breaches_and_notes() -> None:
    page = read_page(sla().to_html("en", charts=False))
    assert page.doctype
    assert page.language == "en"
    assert page.title == "Service-time compliance (SLA)"
    assert page.headings == [(1, page.title), (2, "Breaches")]
    summary, breaches = page.tables
    assert summary.headers == SLA_SUMMARY_EN
    assert summary.right == set(range(2, 11))  # the counts, shares and times
    assert summary.rows[1] == [
        "2026-03", "service", "1", "0.0", "100.0", "0", "0", "0", "0", "26 h 30 min",
        "26 h 30 min",
    ]  # fmt: skip
    assert breaches.headers[:5] == ["transaction", "clock", "started", "due", "over by"]
    assert [row[:2] for row in breaches.rows] == [
        ["T1", "service"], ["T1", "first-touch"], ["T3", "first-touch"]
    ]  # fmt: skip
    # T1's service clock: due Friday 27 March 16:00 WIB, answered two working hours late.
    assert breaches.rows[0][2:5] == ["2026-03-17 14:00 WIB", "2026-03-27 16:00 WIB", "2 h 00 min"]
    assert "2026-03-19 Day of Silence" in breaches.rows[0][5]
    assert page.charts == page.figures == 0
    assert page.notes == ["clocks read at 2026-04-13 09:00 WIB"]


def test_sla_page_in_indonesian_and_without_breaches() -> None:
    frame = golden_frame()
    met = frame[frame["transaction"] == "T2"]
    page = read_page(sla_report(met, now=NOW, workflows=[ticket()]).to_html("id", charts=False))
    assert page.language == "id"
    assert page.title == "Kepatuhan tenggat layanan (SLA)"
    assert page.headings[1] == (2, "Pelanggaran")
    assert len(page.tables) == 1
    assert page.tables[0].headers[:4] == ["bulan", "hitungan waktu", "jumlah", "tepat waktu %"]
    assert page.tables[0].rows[0][3] == "100,0"
    assert page.paragraphs == ["tidak ada pelanggaran"]
    assert page.notes == ["hitungan waktu dibaca pada 2026-04-13 09:00 WIB"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_sla_text_and_markdown(language: Any) -> None:
    report = sla()
    text = report.describe(language)
    lines = text.splitlines()
    assert lines[0] == ("Kepatuhan tenggat layanan (SLA)" if language == "id" else
                        "Service-time compliance (SLA)")  # fmt: skip
    assert ("tepat waktu" if language == "id" else "met %") in lines[2]
    assert lines[4].split() == (
        ["2026-03", "layanan" if language == "id" else "service", "1"]
        + ["0,0" if language == "id" else "0.0"]
        + ["100,0" if language == "id" else "100.0", "0", "0", "0", "0"]
        + (["26", "jam", "30", "menit"] if language == "id" else ["26", "h", "30", "min"]) * 2
    )
    markdown = report.to_markdown(language)
    assert markdown.startswith(f"# {lines[0]}\n")
    clock = "layanan" if language == "id" else "service"
    assert f"| T1 | {clock} | 2026-03-17 14:00 WIB | 2026-03-27 16:00 WIB |" in markdown
    assert markdown.rstrip().splitlines()[-1].startswith("- ")
    assert len(repr(report)) < 200


def test_sla_csv_is_the_summary_in_seconds() -> None:
    back = pd.read_csv(io.StringIO(sla().to_csv()))
    assert list(back.columns) == [
        "month", "clock", "count", "met", "breached", "overdue", "running", "cancelled",
        "start_inferred", "met_pct", "breached_pct", "median_elapsed", "p90_elapsed",
    ]  # fmt: skip
    row = back[(back["month"] == "2026-03") & (back["clock"] == "service")].iloc[0]
    assert (row["count"], row["breached"], row["median_elapsed"]) == (1, 1, 26.5 * 3600)


def test_sla_html_charts_when_matplotlib_is_installed() -> None:
    pytest.importorskip("matplotlib")
    page = read_page(sla().to_html("en", charts=True))
    assert page.charts == page.figures == 4  # two clocks: monthly compliance and elapsed vs budget
    assert len(sla_charts(sla(), "id")) == 4


def test_sla_html_without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    report = sla()
    page = read_page(report.to_html())
    assert page.charts == 0
    assert page.notes[-1] == 'charts need matplotlib: pip install "pst-core[plot]"'
    assert read_page(report.to_html(charts=False)).notes == list(report.notes())
    with pytest.raises(MissingDependencyError, match="plot"):
        report.to_html(charts=True)


def test_sla_notebook_display_is_the_summary_and_notes() -> None:
    fragment = read_page(sla()._repr_html_())
    assert [table.headers for table in fragment.tables] == [SLA_SUMMARY_EN]
    assert "clocks read at 2026-04-13 09:00 WIB" in fragment.paragraphs


# The IKM report --------------------------------------------------------------------------------

IKM_SUMMARY_EN = [
    "period", "respondents", "IKM (1–4)", "converted", "grade", "performance", "weakest",
]  # fmt: skip


@pytest.mark.golden
@pytest.mark.parametrize("language", LANGUAGES)
def test_ikm_page_shows_summary_elements_and_notes(language: Any) -> None:
    report = ikm(population=40)
    page = read_page(report.to_html(language, charts=False))
    english = language == "en"
    assert page.doctype
    assert page.language == language
    assert page.title == (
        "Community Satisfaction Index (IKM)" if english else "Indeks Kepuasan Masyarakat (IKM)"
    )
    assert page.headings == [(1, page.title), (2, "period=2026-S1"), (2, "period=2026-S2")]
    assert page.paragraphs == [
        "basis: PermenPAN-RB Regulation No. 14 of 2017"
        if english
        else "dasar: PermenPAN-RB Nomor 14 Tahun 2017"
    ]
    summary, first, second = page.tables
    if english:
        assert summary.headers == [*IKM_SUMMARY_EN, "minimum sample"]
    assert summary.right == {1, 2, 3, 7}
    assert summary.rows[0] == (
        ["2026-S1", "8", "3.1806", "79.51", "B", "good", "U3", "36 !"] if english
        else ["2026-S1", "8", "3,1806", "79,51", "B", "baik", "U3", "36 !"]
    )  # fmt: skip
    assert len(first.rows) == len(second.rows) == 9
    assert first.right == {2, 3, 4}
    assert first.rows[0] == (
        ["U1", "requirements", "3.2500", "0.3611", "81.25", "B (good)"] if english
        else ["U1", "persyaratan", "3,2500", "0,3611", "81,25", "B (baik)"]
    )  # fmt: skip
    assert page.notes == list(report.notes(language))
    assert page.charts == 0


def test_ikm_page_of_the_whole_survey_names_the_group_all() -> None:
    page = read_page(ikm_report(GOLDEN).to_html("id", charts=False))
    assert page.tables[0].headers[0] == ""
    assert page.tables[0].rows[0][:2] == ["semua", "4"]
    assert page.tables[0].right == {1, 2, 3}  # respondents, IKM, converted
    assert page.headings[1] == (2, "semua")


def test_ikm_markdown_and_text_in_both_languages() -> None:
    report = ikm()
    markdown = report.to_markdown()
    assert markdown.startswith("# Community Satisfaction Index (IKM)\n")
    assert "| 2026-S1 | 8 | 3.1806 | 79.51 | B | good | U3 |" in markdown
    indonesian = report.to_markdown("id")
    assert "| 2026-S1 | 8 | 3,1806 | 79,51 | B | baik | U3 |" in indonesian
    assert "penanganan pengaduan, saran dan masukan" in indonesian
    assert "## period=2026-S2" in indonesian
    text = report.describe("id")
    assert "Indeks Kepuasan Masyarakat (IKM)" in text
    assert "PermenPAN-RB Nomor 14 Tahun 2017" in text
    assert ["2026-S1", "8", "3,1806", "79,51", "B", "baik", "U3"] in [
        line.split() for line in text.splitlines()
    ]
    assert text.rstrip().splitlines()[-1] == "- bobot tiap unsur 1/9"


def test_ikm_frames_and_csv() -> None:
    report = ikm()
    frame = report.to_frame()
    assert list(frame["period"]) == ["2026-S1", "2026-S2"]
    assert list(frame["grade"]) == ["B", "A"]
    assert frame.loc[0, "converted"] == pytest.approx(79.51)
    long = report.elements_frame()
    assert len(long) == 18
    assert list(long.columns[:3]) == ["period", "element", "name"]
    text = report.to_csv()
    assert text.splitlines()[1].startswith("2026-S1,8,3.2500,")
    back = pd.read_csv(io.StringIO(text))
    assert list(back["converted"]) == [79.51, 91.67]
    assert [row["label"] for row in report.rows()] == ["baik", "sangat baik"]


def test_ikm_frame_without_pandas_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    report = ikm_report(GOLDEN)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "pst-core\[pandas\]"') as caught:
        report.to_frame()
    assert isinstance(caught.value, MissingDependencyError)
    with pytest.raises(MissingDependencyError, match="pandas"):
        report.elements_frame()
    assert report.to_csv()  # CSV, Markdown and HTML need no pandas
    assert report.to_markdown()
    assert read_page(report.to_html(charts=False)).tables


def test_ikm_html_with_charts() -> None:
    pytest.importorskip("matplotlib", reason="the chart needs the plot extra (matplotlib)")
    report = ikm()
    markup = report.to_html("id", charts=True)
    page = read_page(markup)
    assert page.charts == page.figures == 2  # one per group
    assert "NRR per unsur: period=2026-S1" in markup  # the chart's title
    assert page.notes == list(report.notes("id"))  # nothing about matplotlib
    assert read_page(ikm_report(GOLDEN).to_html(charts=None)).charts == 1
    assert ikm_chart(report.groups[0]).startswith("<svg")


def test_ikm_html_without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    report = ikm()
    page = read_page(report.to_html())
    assert page.charts == 0
    assert page.notes[-1] == 'charts need matplotlib: pip install "pst-core[plot]"'
    assert page.tables[0].rows[0][0] == "2026-S1"
    assert read_page(report.to_html(charts=False)).notes == list(report.notes())
    with pytest.raises(MissingDependencyError, match="plot"):
        report.to_html(charts=True)


def test_ikm_notebook_display_is_the_summary_and_notes() -> None:
    fragment = read_page(ikm()._repr_html_())
    assert [table.headers for table in fragment.tables] == [IKM_SUMMARY_EN]
    assert fragment.paragraphs[0] == "basis: PermenPAN-RB Regulation No. 14 of 2017"
