"""Filing sheets: the marketplace form's fields in its order, filled only from what the checks established,
batched within the form's listing limit, with the statement in English and Chinese."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.checks.engine import check_case
from desktop_app.core.checks.findings import NOT_ESTABLISHED, CheckReport, Finding
from desktop_app.core.errors import UserError
from desktop_app.core.filing import build_sheets, form_for, sheet_text, sheets_csv
from desktop_app.core.model import Listing
from desktop_app.core.resources import demo_case_dir
from desktop_app.core.store import Store
from tests.core.test_cli import run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    data = tmp_path_factory.mktemp("filing") / "data"
    store = Store(data)
    case_id = import_case_folder(store, demo_case_dir())
    report = check_case(store, case_id)
    case = store.cases.get(case_id)
    yield store, case, report
    store.close()


def _fields(sheet, lang: str = "en") -> dict[str, object]:  # noqa: ANN001
    return {f.key: f for f in sheet.fields(lang)}


def test_demo_sheet_follows_the_form_and_states_only_established_facts(demo) -> None:  # noqa: ANN001
    _store, case, report = demo
    assert report.verdict == "ready"
    [sheet] = build_sheets(case, report)
    form = form_for("aliexpress")
    assert sheet.form.key == "alibaba_ipp" == form.key and (sheet.batch, sheet.batches) == (1, 1)
    fields = sheet.fields("en")
    assert [f.key for f in fields] == [f.key for f in form.fields]  # the form's own order
    by_key = _fields(sheet)
    right = case.rights[0]
    assert by_key["ipr"].value == right.registration_number and by_key["ipr"].established
    assert by_key["ipr_mark"].value == right.mark and by_key["ipr_owner"].value == right.owner
    assert "certificate.pdf" in by_key["ipr"].source
    assert by_key["listings"].value == case.listings[0].url and by_key["listings"].established
    en, zh = sheet.statement["en"], sheet.statement["zh_CN"]
    assert f"registration No. {right.registration_number}" in en and f'"{right.mark}"' in en
    listing_id = case.listings[0].url.rsplit("/", 1)[-1].split(".")[0]
    assert f'its id is shown in listing.png: "{listing_id}"' in en  # quoted as read, no "page 1" for a PNG
    assert f"第 {right.registration_number} 号注册商标“{right.mark}”" in zh and "读取自 certificate.pdf" in zh
    assert "read from" not in zh
    zh_fields = _fields(sheet, "zh_CN")
    assert zh_fields["ipr"].name == "知识产权信息（注册号）" and zh_fields["ipr_region"].value.startswith(
        "美国"
    )


@pytest.mark.parametrize("fact", ["number", "mark", "owner", "in_force", "classes"])
def test_a_fact_not_established_is_never_carried(demo, fact: str) -> None:  # noqa: ANN001
    _store, case, report = demo
    facts = [
        dataclasses.replace(f, status=NOT_ESTABLISHED, source="", evidence=None)
        if f.subject == "rights[0]" and f.fact == fact
        else f
        for f in report.facts
    ]
    weakened = CheckReport(report.case, list(report.findings), list(report.located), facts)
    [sheet] = build_sheets(case, weakened)
    right = case.rights[0]
    value = {
        "number": right.registration_number,
        "mark": right.mark,
        "owner": right.owner,
        "in_force": "2032-05-10",
        "classes": "25",
    }[fact]
    key = {
        "number": "ipr",
        "mark": "ipr_mark",
        "owner": "ipr_owner",
        "in_force": "ipr_term",
        "classes": "ipr_classes",
    }
    for lang in ("en", "zh_CN"):
        field = _fields(sheet, lang)[key[fact]]
        assert field.value == "" and not field.established and field.source
        text = sheet_text(sheet, lang)
        assert ("NOT ESTABLISHED" if lang == "en" else "未确认") in text
    if fact in ("number", "mark"):  # the right is not stated at all without its number and mark
        assert sheet.statement == {"en": "", "zh_CN": ""}
    else:
        assert value not in sheet.statement["en"].split("(read from")[0].replace(right.mark, "")
        if fact == "owner":
            assert (
                "as the owner" not in sheet.statement["en"] and "作为权利人" not in sheet.statement["zh_CN"]
            )


def test_a_case_that_is_not_ready_gets_no_sheet(demo) -> None:  # noqa: ANN001
    _store, case, report = demo
    blocked = CheckReport(
        report.case,
        [*report.findings, Finding("mark.not_found", "x")],
        list(report.located),
        list(report.facts),
    )
    with pytest.raises(
        UserError, match="not ready .1 blocker.: a filing sheet is written only for a ready case"
    ):
        build_sheets(case, blocked)


def test_301_listings_on_taobao_make_two_batches_and_unlocated_listings_are_not_described(demo) -> None:  # noqa: ANN001
    _store, case, report = demo
    big = dataclasses.replace(
        case,
        listings=[Listing(url=f"https://item.taobao.com/item.htm?id={6000000000 + i}") for i in range(301)],
    )
    sheets = build_sheets(big, report)
    assert [(s.form.key, s.batch, s.batches, len(s.listings)) for s in sheets] == [
        ("alibaba_ipp", 1, 2, 300),
        ("alibaba_ipp", 2, 2, 1),
    ]
    assert sheets[1].listings[0].listing_id == "6000000300"
    listings = _fields(sheets[0])["listings"]
    assert len(listings.value.splitlines()) == 300 and not listings.established  # no screenshot shows them
    assert "Listing 6000000000" not in sheets[0].statement["en"]  # nothing said of an unlocated listing


def test_amazon_takes_asins_fifty_per_report(demo) -> None:  # noqa: ANN001
    _store, case, report = demo
    asins = [f"B0{i:08d}" for i in range(60)]
    big = dataclasses.replace(case, listings=[Listing(url=f"https://www.amazon.com/dp/{a}") for a in asins])
    sheets = build_sheets(big, report, "amazon")
    assert [(s.form.key, len(s.listings)) for s in sheets] == [("amazon_report", 50), ("amazon_report", 10)]
    assert _fields(sheets[1])["listings"].value.splitlines() == asins[50:]
    assert _fields(sheets[0], "en")["listings"].name == "ASINs"
    with pytest.raises(UserError, match="has no listing on ebay"):
        build_sheets(big, report, "ebay")
    rows = list(csv.DictReader(io.StringIO(sheets_csv(sheets))))
    assert {r["batch"] for r in rows} == {"1", "2"} and {r["form"] for r in rows} == {"amazon_report"}


def test_cli_filing_sheet_on_the_demo_in_each_format(tmp_path: Path) -> None:
    data = tmp_path / "data"
    text = run("filing-sheet", str(demo_case_dir()), data_dir=data)
    assert text.returncode == 0, text.stderr
    assert "Alibaba IPP" in text.stdout and "Supplement infringement reason(s):" in text.stdout
    js = run("filing-sheet", "1", "--format", "json", data_dir=data)
    assert js.returncode == 0, js.stderr
    [sheet] = json.loads(js.stdout)
    assert sheet["form"] == "alibaba_ipp" and all(f["established"] for f in sheet["fields"])
    assert set(sheet["statement"]) == {"en", "zh_CN"}
    bad = run("filing-sheet", "1", "--marketplace", "ebay", data_dir=data)
    assert bad.returncode == 2 and "has no listing on ebay" in bad.stderr and "Traceback" not in bad.stderr


def test_the_term_end_comes_from_the_facts_value_not_its_wording(demo) -> None:  # noqa: ANN001
    from desktop_app.core.checks.findings import FactStatus

    _store, case, report = demo
    [in_force] = [f for f in report.facts if f.subject == "rights[0]" and f.fact == "in_force"]
    assert in_force.value == "2032-05-10"
    assert FactStatus.from_json(in_force.to_json()).value == "2032-05-10"  # kept in check_runs
    old = {k: v for k, v in in_force.to_json().items() if k != "value"}  # a report from before the value
    assert FactStatus.from_json(old).value == ""

    def with_fact(**changes: str) -> CheckReport:
        facts = [dataclasses.replace(f, **changes) if f is in_force else f for f in report.facts]
        return CheckReport(report.case, list(report.findings), list(report.located), facts)

    [reworded] = build_sheets(case, with_fact(statement="in force (ends on 10 May 2032)"))
    assert "in force until 2032-05-10" in reworded.statement["en"]
    assert _fields(reworded)["ipr_term"].value == "2032-05-10"
    [no_value] = build_sheets(case, with_fact(value=""))  # the words alone state nothing
    assert "in force until" not in no_value.statement["en"] and "有效期至" not in no_value.statement["zh_CN"]
    assert not _fields(no_value)["ipr_term"].established
