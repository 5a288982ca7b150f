"""The fail-safe rule on plain facts: what is neither read nor confirmed is not established, and blocks.

Confirmations here are real ``Confirmation`` values (the store-backed path is in
tests/core/test_confirmation.py); the certificate text and fields are what a reader returns.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop_app.core.checks.findings import ESTABLISHED, NOT_ESTABLISHED
from desktop_app.core.confirmation import Confirmation, with_staleness
from desktop_app.core.model import EvidenceKind
from tests.checks.builders import CERT_LINES, Built, auth, codes, f


def _confirm(b: Built, fields: tuple[str, ...], expires: dt.date | None = dt.date(2031, 3, 14)) -> None:
    right = b.case.rights[0]
    right.id = 7
    values: dict = {
        "number": right.registration_number,
        "mark": right.mark,
        "owner": right.owner,
        "classes": sorted(right.classes),
        "dates": {"expires": expires.isoformat() if expires else ""},
    }
    c = Confirmation(
        right_id=7,
        certificate_sha256=right.certificate.sha256,
        fields=fields,
        values={k: v for k, v in values.items() if k in fields},
        confirmed_by="Jane Roe (Harrow & Pike LLP)",
        actor="jane@desk",
        confirmed_at="2026-02-20T10:00:00Z",
    )
    b.facts.confirmations[7] = with_staleness(c, right)


def _facts(report, subject: str = "rights[0]") -> dict:
    return {x.fact: x for x in report.facts if x.subject == subject}


ALL = ("number", "mark", "owner", "classes", "dates")


def test_clean_case_establishes_every_fact_from_where_it_was_read() -> None:
    report = Built().run()
    assert report.verdict == "ready", codes(report)
    facts = _facts(report)
    assert {k: v.status for k, v in facts.items()} == dict.fromkeys(
        ("number", "mark", "owner", "in_force", "classes"), ESTABLISHED
    )
    assert facts["number"].source == "read from certificate.pdf, page 1"
    assert facts["number"].evidence.box is not None and not facts["number"].by_hand


def test_unreadable_certificate_is_a_blocker_naming_what_is_not_established() -> None:
    b = Built()
    b.set_doc(b.cert_file, [], EvidenceKind.CERTIFICATE, status="no_text")
    report = b.run()
    (finding,) = [x for x in report.findings if x.code == "evidence.certificate_unreadable"]
    assert finding.severity == "blocker" and report.verdict == "not_ready"
    assert "not established" in finding.message and "right confirm" in finding.message
    assert "right.not_established" not in codes(report)  # said once, by the certificate finding
    assert all(x.status == NOT_ESTABLISHED for x in _facts(report).values())


def test_confirmed_by_hand_makes_the_unreadable_certificate_ready_and_says_so() -> None:
    b = Built()
    b.set_doc(b.cert_file, [], EvidenceKind.CERTIFICATE, status="no_text")
    _confirm(b, ALL)
    report = b.run()
    assert report.verdict == "ready", [x.message for x in report.blockers]
    (finding,) = [x for x in report.findings if x.code == "evidence.certificate_unreadable"]
    assert finding.severity == "info" and "confirmed by hand by Jane Roe" in finding.message
    facts = _facts(report)
    assert all(x.status == ESTABLISHED and x.by_hand for x in facts.values())
    assert facts["mark"].source == "confirmed by hand by Jane Roe (Harrow & Pike LLP) on 2026-02-20"
    assert "read from" not in facts["mark"].source


def test_partial_confirmation_still_blocks_on_the_rest() -> None:
    b = Built()
    b.set_doc(b.cert_file, [], EvidenceKind.CERTIFICATE, status="no_text")
    _confirm(b, ("number", "mark"))
    report = b.run()
    (finding,) = [x for x in report.findings if x.code == "evidence.certificate_unreadable"]
    assert finding.severity == "blocker"
    assert "the owner" in finding.message and "registration number" not in finding.message


def test_stale_confirmation_counts_for_nothing() -> None:
    b = Built()
    b.set_doc(b.cert_file, [], EvidenceKind.CERTIFICATE, status="no_text")
    _confirm(b, ALL)
    b.case.rights[0].mark = "KESTREL"  # the entered mark changed after the confirmation
    b.facts.confirmations[7] = with_staleness(b.facts.confirmations[7], b.case.rights[0])
    report = b.run()
    assert report.verdict == "not_ready"
    assert "right.confirmation_stale" in codes(report)
    stale = next(x for x in report.findings if x.code == "right.confirmation_stale")
    assert "mark was changed" in stale.message


def test_confirmed_term_ending_before_filing_is_expired() -> None:
    b = Built()
    b.set_doc(b.cert_file, [], EvidenceKind.CERTIFICATE, status="no_text")
    _confirm(b, ALL, expires=dt.date(2025, 1, 1))
    report = b.run()
    assert "right.expired" in codes(report) and report.verdict == "not_ready"
    assert "confirmed by hand" in next(x for x in report.findings if x.code == "right.expired").message


def test_number_read_but_no_dates_blocks_on_the_term() -> None:
    b = Built()
    b.certificate(registration_date=None, expiry_date=None, status=None)
    report = b.run()
    (finding,) = [x for x in report.findings if x.code == "right.not_established"]
    assert finding.severity == "blocker" and finding.params["fact"] == "in_force"
    assert "--fields dates --expires" in finding.message
    _confirm(b, ("dates",))
    assert b.run().verdict == "ready"


def test_owner_not_read_blocks_but_printed_owner_establishes_it() -> None:
    b = Built()
    b.certificate(owner=None)  # the owner's name is still printed in the certificate text
    assert b.run().verdict == "ready"
    b.set_doc(
        b.cert_file,
        [x for x in CERT_LINES if "Apparel" not in x],
        EvidenceKind.CERTIFICATE,
        source="text",
        certificate=dataclasses.replace(b.facts.files[b.cert_file.sha256].certificate),
    )
    report = b.run()
    assert [x.params["fact"] for x in report.findings if x.code == "right.not_established"] == ["owner"]


def test_classes_not_read_is_only_a_warning() -> None:
    b = Built()
    b.certificate(classes=None)
    report = b.run()
    (finding,) = [x for x in report.findings if x.code == "right.not_established"]
    assert finding.severity == "warning" and report.verdict == "ready"


def test_poor_scan_that_read_the_entered_number_and_mark_is_relied_on() -> None:
    b = Built()
    b.set_doc(
        b.cert_file,
        [(t, 0.5) for t in CERT_LINES],
        EvidenceKind.CERTIFICATE,
        certificate=b.facts.files[b.cert_file.sha256].certificate,
    )
    report = b.run()
    (finding,) = [x for x in report.findings if x.code == "evidence.certificate_unreadable"]
    assert finding.severity == "warning" and report.verdict == "ready"


def test_poor_scan_that_read_nothing_useful_blocks() -> None:
    b = Built()
    b.set_doc(
        b.cert_file,
        [("Un1ted 5tates Pat nt", 0.5), ("R g N0 ....", 0.4)],
        EvidenceKind.CERTIFICATE,
        certificate=dataclasses.replace(
            b.facts.files[b.cert_file.sha256].certificate, registration_number=None, mark=None
        ),
    )
    report = b.run()
    (finding,) = [x for x in report.findings if x.code == "evidence.certificate_unreadable"]
    assert finding.severity == "blocker"


@pytest.mark.parametrize("status", ["no_text", "error"])
def test_unreadable_letter_of_authorization_blocks(status: str) -> None:
    b = Built()
    b.as_agent()
    lf = b.case.complainant.authorization
    b.set_doc(lf, [], EvidenceKind.AUTHORIZATION, status=status)
    report = b.run()
    (finding,) = [x for x in report.findings if x.code == "evidence.unreadable"]
    assert finding.severity == "blocker" and report.verdict == "not_ready"


def test_letter_read_without_its_principal_blocks() -> None:
    b = Built()
    b.as_agent(auth(principal=None))
    report = b.run()
    assert "complainant.authorization_not_established" in codes(report)
    assert report.verdict == "not_ready"


def test_agent_with_a_read_letter_is_ready_and_its_authority_established() -> None:
    b = Built()
    b.as_agent()
    report = b.run()
    assert report.verdict == "ready", codes(report)
    (fact,) = [x for x in report.facts if x.fact == "authorization"]
    assert fact.status == ESTABLISHED and fact.source.startswith("read from authorization.pdf")


def test_report_facts_survive_json() -> None:
    from desktop_app.core.checks.findings import CheckReport

    b = Built()
    b.set_doc(b.cert_file, [], EvidenceKind.CERTIFICATE, status="no_text")
    _confirm(b, ALL)
    report = b.run()
    again = CheckReport.from_json(report.to_json())
    assert again.to_json() == report.to_json() and again.facts == report.facts
    assert f(1).value == 1


def test_every_code_is_documented_with_its_severity() -> None:
    import re
    from pathlib import Path

    from desktop_app.core.checks.findings import CODES

    text = (Path(__file__).resolve().parents[2] / "docs" / "findings.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| `([a-z_.]+)` \| ([a-z]+)", text, flags=re.M))
    assert set(table) == set(CODES)
    assert {code: str(sev) for code, sev in CODES.items()} == table
