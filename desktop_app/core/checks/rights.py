"""right.*: does each certificate say what the case says, and is the right in force where the listing is?

Where the entry and the certificate disagree, the message names the certificate and the page, and the
evidence carries the box and the text read there. A reading with little confidence (a poor scan) makes
a disagreement a warning rather than a blocker: it asks the user to look, not to refile.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from desktop_app.core.checks.completeness import marketplace_profile
from desktop_app.core.checks.facts import CaseFacts, FileFacts, file_ref, where, where_msg
from desktop_app.core.checks.findings import CheckReport, EvidenceRef, Finding, Severity
from desktop_app.core.messages import msg
from desktop_app.core.model import Right, Role
from desktop_app.core.reading.matching import SAME_PARTY_THRESHOLD, find_mark, fold, same_party
from desktop_app.core.reading.normalize import same_registration_number
from desktop_app.core.reading.text import TextLine

EXPIRING_DAYS = 90
TERM_YEARS = 10  # the term of a trademark registration at every office we read
LOW_CONFIDENCE = 0.6  # below this a disagreement read from a scan is a warning
OCR_SURE = 0.9  # OCR line confidence above which a single differing digit is believed
OCR_NEAR = 85  # names read by OCR this similar (rapidfuzz ratio) to the expected one may be misread


def fval(obj: Any, name: str) -> tuple[Any, Any]:
    """(value, Field) of an extracted field; (None, None) when absent or empty."""
    f = getattr(obj, name, None) if obj is not None else None
    if f is None:
        return None, None
    if hasattr(f, "value"):
        return (f.value if f.value not in ("", [], ()) else None), f
    return (f if f not in ("", [], ()) else None), None


def field_ref(ff: FileFacts, f: Any) -> EvidenceRef:
    """An EvidenceRef to where a certificate/authorization field was read."""
    page = getattr(f, "page", None)
    box = getattr(f, "box", None)
    text = getattr(f, "source_text", "") or str(getattr(f, "value", "") or "")
    return file_ref(ff, page=page, box=tuple(box) if box else None, text=text)


def field_where(ff: FileFacts, f: Any) -> str:
    return where(ff, getattr(f, "page", None))


def field_where_msg(ff: FileFacts, f: Any) -> dict[str, Any]:
    """``field_where`` as a catalogue message."""
    return where_msg(ff, getattr(f, "page", None))


def confident(f: Any) -> bool:
    conf = getattr(f, "confidence", 1.0)
    return conf is None or float(conf) >= LOW_CONFIDENCE


def _severity(f: Any) -> Severity | None:
    return None if confident(f) else Severity.WARNING


def is_cjk_text(text: str) -> bool:
    return any(unicodedata.east_asian_width(c) in ("W", "F") and c.isalpha() for c in text)


def comparable(a: str, b: str) -> bool:
    """Two party names in different scripts (深圳市... vs Shenzhen ...) cannot be compared by spelling."""
    return is_cjk_text(a) == is_cjk_text(b)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            from desktop_app.core.reading.normalize import parse_date

            return parse_date(value)
    return None


def _add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def expiry_of(cert: Any) -> tuple[dt.date | None, Any, dt.date | None]:
    """(expiry date, the field it rests on, the registration date when the expiry was computed from it)."""
    reg_value, rf = fval(cert, "registration_date")
    reg = _as_date(reg_value)
    value, f = fval(cert, "expiry_date")
    expiry = _as_date(value)
    if expiry is not None:
        computed = bool(getattr(f, "computed", False))
        return expiry, (rf if computed and rf is not None else f), (reg if computed else None)
    if reg is not None:
        return _add_years(reg, TERM_YEARS), rf, reg
    return None, None, None


def parties_for(facts: CaseFacts, *, keyed: bool = False) -> list[tuple[str, Any]]:
    """Who may own the rights: (name, how we know) - the complainant, or an agent's principal.

    ``keyed``: "how" as a catalogue message (core/messages.py) instead of English text."""
    c = facts.case.complainant
    out: list[tuple[str, Any]] = []
    if c.role == Role.RIGHTS_HOLDER and c.name.strip():
        out.append((c.name, msg("party.complainant") if keyed else "the complainant"))
    auth_ff = facts.of(c.authorization)
    if c.role == Role.AGENT and auth_ff is not None and auth_ff.authorization is not None:
        principal, _f = fval(auth_ff.authorization, "principal")
        valid_until, _vf = fval(auth_ff.authorization, "valid_until")
        until = _as_date(valid_until)
        if principal and (until is None or until >= facts.filing_date):
            how = (
                msg("party.principal", file=auth_ff.name)
                if keyed
                else f"the principal of the authorization {auth_ff.name}"
            )
            out.append((str(principal), how))
    return out


def _party_printed(name: str, lines: list[TextLine]) -> bool:
    """Whether the party's full name is printed in the document (the owner field may be misread)."""
    key = fold(name)
    if len(key) < 6:
        return False
    text = fold(" ".join(line.text for line in lines))
    return key in text


def _number_in_text(number: str, lines: list[TextLine], office: str) -> bool:
    import re

    for line in lines:
        for token in re.findall(r"[A-Za-z]{0,5}[0-9][0-9A-Za-z,.\s'/\-]*[0-9A-Za-z]|[0-9]", line.text):
            if same_registration_number(token, number, office):
                return True
    return False


def _ocr_read(ff: FileFacts) -> bool:
    return any(p.source == "ocr" for p in ff.doc.pages)


def _number_severity(ff: FileFacts, f: Any, entered: str, read: str, office: str) -> Severity | None:
    """One digit off, read by OCR from a line it was not sure of, is as likely a misreading: a warning."""
    from rapidfuzz.distance import Levenshtein

    from desktop_app.core.reading.normalize import normalize_registration_number as norm

    if not confident(f):
        return Severity.WARNING
    one_off = Levenshtein.distance(norm(entered, office), norm(read, office)) == 1
    if _ocr_read(ff) and one_off and float(getattr(f, "confidence", 1.0)) < OCR_SURE:
        return Severity.WARNING
    return None


def _expiry_severity(ff: FileFacts, cert: Any, expiry: dt.date, filing: dt.date) -> Severity | None:
    """An expiry read by OCR that the registration date contradicts (2021 for 2031) is only a warning."""
    if not _ocr_read(ff):
        return None
    reg = _as_date(fval(cert, "registration_date")[0])
    if reg is None:
        return None
    by_term = _add_years(reg, TERM_YEARS)
    if by_term >= filing and abs((by_term - expiry).days) > 366:
        return Severity.WARNING
    return None


def ocr_near(ff: FileFacts, read: str, name: str) -> bool:
    """A name read by OCR one or two characters away from ``name`` (红集 for 红隼): likely misread."""
    from rapidfuzz import fuzz

    return _ocr_read(ff) and fuzz.ratio(fold(read), fold(name)) >= OCR_NEAR


def _ocr_trimmed(mark: str, ff: FileFacts) -> str:
    """A mark read by OCR without stray one- or two-character tokens at its ends ("k KESTRELINE")."""
    if not _ocr_read(ff):
        return mark
    tokens = mark.split()
    while len(tokens) > 1 and len(fold(tokens[0])) <= 2:
        tokens.pop(0)
    while len(tokens) > 1 and len(fold(tokens[-1])) <= 2:
        tokens.pop()
    return " ".join(tokens)


def _check_right(facts: CaseFacts, report: CheckReport, i: int, right: Right) -> None:
    ff = facts.of(right.certificate)
    cert = ff.certificate if ff is not None else None
    if ff is None or cert is None:
        return
    label = f"rights[{i}]"

    number, nf = fval(cert, "registration_number")
    if (
        number
        and right.registration_number.strip()
        and not same_registration_number(right.registration_number, str(number), right.office)
    ):
        # an extractor may pick the serial number; the entered number printed as such settles it
        lines = ff.lines()
        if not (not confident(nf) and _number_in_text(right.registration_number, lines, right.office)):
            report.findings.append(
                Finding.keyed(
                    "right.registration_number_mismatch",
                    {
                        "where": field_where_msg(ff, nf),
                        "read": str(number),
                        "entered": right.registration_number,
                    },
                    severity=_number_severity(ff, nf, right.registration_number, str(number), right.office),
                    evidence=(field_ref(ff, nf),),
                    field=f"{label}.registration_number",
                )
            )

    mark, mf = fval(cert, "mark")
    if mark and right.mark.strip() and fold(_ocr_trimmed(str(mark), ff)) != fold(right.mark):
        # A mark read as one or two characters, or with little confidence, is more likely a misreading than
        # another mark: then the entered mark printed on the certificate settles it.
        plausible = (len(fold(str(mark))) >= 3 or is_cjk_text(str(mark))) and confident(mf)
        printed = any(m.kind == "exact" for m in find_mark(right.mark, ff.lines()))
        if plausible or not printed:
            report.findings.append(
                Finding.keyed(
                    "right.mark_mismatch",
                    {"where": field_where_msg(ff, mf), "read": str(mark), "entered": right.mark},
                    severity=None if plausible else Severity.WARNING,
                    evidence=(field_ref(ff, mf),),
                    field=f"{label}.mark",
                )
            )

    owner, of = fval(cert, "owner")
    if owner:
        owner = str(owner)
        parties = parties_for(facts)
        if (
            parties
            and not any(same_party(owner, name) >= SAME_PARTY_THRESHOLD for name, _how in parties)
            and not any(_party_printed(name, ff.lines()) for name, _how in parties)
        ):
            names = [msg("party.is", how=how, name=name) for name, how in parties_for(facts, keyed=True)]
            all_comparable = all(comparable(owner, name) for name, _how in parties)
            agent_hint = msg("hint.agent_letter") if facts.case.complainant.role == Role.AGENT else ""
            misread = any(ocr_near(ff, owner, name) for name, _how in parties)
            sev = _severity(of) if all_comparable and not misread else Severity.WARNING
            extra = msg("note.maybe_misread") if misread else "" if all_comparable else msg("note.scripts")
            report.findings.append(
                Finding.keyed(
                    "right.owner_mismatch",
                    {
                        "where": field_where_msg(ff, of),
                        "owner": owner,
                        "parties": names,
                        "note": extra,
                        "agent_hint": agent_hint,
                    },
                    severity=sev,
                    evidence=(field_ref(ff, of),),
                    field="complainant.name",
                )
            )
        if (
            right.owner.strip()
            and comparable(owner, right.owner)
            and same_party(owner, right.owner) < SAME_PARTY_THRESHOLD
            and not _party_printed(right.owner, ff.lines())
            and not ocr_near(ff, owner, right.owner)
        ):
            report.findings.append(
                Finding.keyed(
                    "right.owner_differs",
                    {"where": field_where_msg(ff, of), "owner": owner, "entered": right.owner},
                    evidence=(field_ref(ff, of),),
                    field=f"{label}.owner",
                )
            )

    status, sf = fval(cert, "status")
    if status and str(status).lower() in ("application", "pending", "filed"):
        report.findings.append(
            Finding.keyed(
                "right.pending",
                {"file": ff.name, "number": msg("fmt.paren", text=str(number)) if number else ""},
                evidence=(field_ref(ff, sf) if sf is not None else file_ref(ff),),
                field=f"{label}.certificate",
            )
        )
        return
    if status and str(status).lower() == "dead":
        printed = (
            msg("fmt.quoted_paren", text=sf.source_text.strip()) if sf is not None and sf.source_text else ""
        )
        report.findings.append(
            Finding.keyed(
                "right.not_in_force",
                {"where": field_where_msg(ff, sf), "printed": printed},
                evidence=(field_ref(ff, sf) if sf is not None else file_ref(ff),),
                field=f"{label}.certificate",
            )
        )
        return

    expiry, ef, computed_from = expiry_of(cert)
    if expiry is not None:
        how = (
            msg(
                "term.computed",
                registered=computed_from.isoformat(),
                years=TERM_YEARS,
                expiry=expiry.isoformat(),
            )
            if computed_from is not None
            else msg("term.ends", expiry=expiry.isoformat())
        )
        dated = {"where": field_where_msg(ff, ef), "how": how, "filing_date": facts.filing_date.isoformat()}
        evidence = (field_ref(ff, ef),) if ef is not None else (file_ref(ff),)
        if expiry < facts.filing_date:
            report.findings.append(
                Finding.keyed(
                    "right.expired",
                    dated,
                    evidence=evidence,
                    severity=_expiry_severity(ff, cert, expiry, facts.filing_date),
                    field=f"{label}.certificate",
                )
            )
        elif (expiry - facts.filing_date).days <= EXPIRING_DAYS:
            report.findings.append(
                Finding.keyed(
                    "right.expiring",
                    {**dated, "days": EXPIRING_DAYS},
                    evidence=evidence,
                    field=f"{label}.certificate",
                )
            )

    classes, cf = fval(cert, "classes")
    if classes and right.classes:
        missing = sorted(set(right.classes) - {int(c) for c in classes})
        if missing:
            report.findings.append(
                Finding.keyed(
                    "right.class_mismatch",
                    {"where": field_where_msg(ff, cf), "registered": sorted(classes), "missing": missing},
                    evidence=(field_ref(ff, cf),),
                    field=f"{label}.classes",
                )
            )


def _designations(facts: CaseFacts, right: Right) -> list[str]:
    ff = facts.of(right.certificate)
    value, _f = fval(ff.certificate if ff is not None else None, "designations")
    return [str(x) for x in value] if value else []


def _check_jurisdiction(facts: CaseFacts, report: CheckReport) -> None:
    rights = [r for r in facts.case.rights if r.office.strip()]
    if not rights:
        return
    from desktop_app.core.checks.listing import _expected

    for i, li in enumerate(facts.case.listings):
        marketplace, _lid, ref = _expected(li)
        profile = marketplace_profile(marketplace)
        if profile is None:
            continue
        country = getattr(ref, "country", "") if ref is not None else ""
        if any(profile.accepts_office(r.office, country, _designations(facts, r)) for r in rights):
            continue
        expected = [
            msg("office.wipo_designating", country=e[5:]) if e.startswith("WIPO:") else e
            for e in profile.expected_offices(country)
        ]
        report.findings.append(
            Finding.keyed(
                "right.jurisdiction_mismatch",
                {
                    "n": i + 1,
                    "marketplace": profile.key,
                    "country": msg("fmt.paren", text=country) if country else "",
                    "expected": expected[:4],
                    "held": [f"{r.office} {r.registration_number}" for r in rights],
                },
                field="rights",
            )
        )


def run(facts: CaseFacts, report: CheckReport) -> None:
    for i, right in enumerate(facts.case.rights):
        _check_right(facts, report, i, right)
    _check_jurisdiction(facts, report)
