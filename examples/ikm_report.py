"""The satisfaction index (IKM) of the ILLUSTRATIVE survey in examples/survey.csv.

The survey is made up: 16 respondents over two periods and two units, to show
the report; its numbers describe no real office.
"""

from pathlib import Path

from pst_core.reports import ikm_report, minimum_sample

survey = Path(__file__).with_name("survey.csv")
report = ikm_report(survey, group_by=["period"], population=40)
print(report.describe("en"))

for group in report.groups:
    print(
        f"{group.title()}: IKM {group.ikm} -> {group.converted} "
        f"({group.grade}, {group.grade_label} / {group.grade_label_en}); "
        f"weakest: {', '.join(group.weakest)}"
    )
print(f"a population of 40 needs {minimum_sample(40)} respondents (Krejcie–Morgan)")

rounded = ikm_report(survey, group_by=["period"], weight="0.111")
print("with the rounded weight 0.111:", [str(g.converted) for g in rounded.groups])
