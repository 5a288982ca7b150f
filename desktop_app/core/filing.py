"""Filing sheets: what a marketplace's complaint form asks, in its order and with its names, filled from
what the checks *established* — never from what was merely typed.

A sheet is made for a ready case only. Each form is data (``resources/marketplaces/forms/*.json``:
field names in English and Chinese, the listing limit per complaint, the statement's length limit);
listings are split into batches within that limit, one sheet per batch. The infringement statement is
written per batch in English and Chinese from the report's facts (the right's number, mark, owner,
classes and term as read from its certificate or confirmed by hand) and its located evidence (where each
listing's id and the mark were found, quoted as read). A fact the checks did not establish is not
stated: its field stays empty and the sheet says why.

The user may edit a statement (``core.statements``, kept as versions in ``store.statements``). The
statement filed is then the user's latest edit, shown as *edited by the user* — never as established
from the evidence — with the generated statement kept beside it, and marked *stale* when the statement
generated now differs from the one the edit started from (the evidence changed since).
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from desktop_app.core.checks.findings import ESTABLISHED, CheckReport, FactStatus, Located
from desktop_app.core.display_names import display_name
from desktop_app.core.errors import UserError
from desktop_app.core.messages import msg, render, said, text_in
from desktop_app.core.model import Case, Listing, Role
from desktop_app.core.resources import load_json, resource_path

if TYPE_CHECKING:
    from desktop_app.core.store.statements import StatementEdit

# the user's latest version of each statement, by (marketplace, batch, language): store.statements.latest
Edits = dict[tuple[str, int, str], "StatementEdit"]

LANGS = ("en", "zh_CN")
NOT_ESTABLISHED_NOTE = {
    "en": "not established by the checks — not stated; confirm it before filing",
    "zh_CN": "检查未能确认 — 未填写；提交前请核实",
}


@dataclass(frozen=True)
class FormField:
    key: str
    name: str
    name_zh: str
    fill: str  # const, marketplace, reason, listings, statement, package, right.<fact>
    value: str = ""
    value_zh: str = ""


@dataclass(frozen=True)
class FilingForm:
    key: str
    name: str
    name_zh: str
    url: str
    help: str
    checked: str
    marketplaces: tuple[str, ...]
    max_listings: int | None
    listing_value: str  # "url" or "id": what the form's listing field takes
    statement_max_chars: int | None
    reasons: dict[str, dict[str, str]]
    fields: tuple[FormField, ...]

    def title(self, lang: str) -> str:
        return self.name_zh if lang == "zh_CN" else self.name


@lru_cache(maxsize=1)
def forms() -> dict[str, FilingForm]:
    """Every form, by key (the generic one included)."""
    out: dict[str, FilingForm] = {}
    for path in sorted(resource_path("marketplaces", "forms").glob("*.json")):
        d = load_json("marketplaces", "forms", path.name)
        out[d["key"]] = FilingForm(
            key=d["key"],
            name=d["name"],
            name_zh=d["name_zh"],
            url=d.get("url", ""),
            help=d.get("help", ""),
            checked=d.get("checked", ""),
            marketplaces=tuple(d.get("marketplaces", ())),
            max_listings=d.get("max_listings"),
            listing_value=d.get("listing_value", "url"),
            statement_max_chars=d.get("statement_max_chars"),
            reasons=d.get("reasons", {}),
            fields=tuple(FormField(**f) for f in d["fields"]),
        )
    return out


def form_for(marketplace: str) -> FilingForm:
    """The form a marketplace's complaints are filed with (the generic one for a marketplace without)."""
    for form in forms().values():
        if marketplace in form.marketplaces:
            return form
    return forms()["generic"]


@dataclass
class SheetField:
    key: str
    name: str  # in the sheet's language
    value: str
    established: bool = True
    source: str = ""  # where the value was established (or why it was not)
    edited: bool = False  # the user's text (never established: the checks did not write it)


@dataclass
class SheetListing:
    index: int  # 0-based position in the case
    url: str
    listing_id: str
    id_shown: Located | None
    marks: list[Located] = field(default_factory=list)


@dataclass
class FilingSheet:
    case: str  # the case reference
    form: FilingForm
    marketplace: str
    batch: int  # 1-based
    batches: int
    listings: list[SheetListing]
    source: Case = field(repr=False)  # the case and the checks' report the sheet is filled from
    report: CheckReport = field(repr=False)
    statement: dict[str, str] = field(default_factory=dict)  # language -> text as filed
    notes: list[str] = field(default_factory=list)  # messages.Said: say them with text_in
    generated: dict[str, str] = field(default_factory=dict)  # language -> text written from the facts
    edits: dict[str, StatementEdit] = field(default_factory=dict)  # language -> the user's edit in force
    stale: dict[str, bool] = field(default_factory=dict)  # language -> the edit predates a change

    def fields(self, lang: str = "en") -> list[SheetField]:
        return _fill(self, lang)

    @property
    def listing_ids(self) -> tuple[str, ...]:
        return tuple(li.listing_id for li in self.listings)

    def statement_notes(self, lang: str = "en") -> list[str]:
        """Warnings about the statement as filed, in ``lang``: an edit the evidence changed under."""
        return [
            render(
                "filing.statement_stale",
                {"lang": edited_lang, "who": e.edited_by, "date": e.edited_at[:10]},
                lang,
            )
            for edited_lang, e in self.edits.items()
            if self.stale.get(edited_lang)
        ]

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return {
            "case": self.case,
            "form": self.form.key,
            "form_name": self.form.title(lang),
            "form_url": self.form.url,
            "form_checked": self.form.checked,
            "marketplace": self.marketplace,
            "batch": self.batch,
            "batches": self.batches,
            "fields": [
                {
                    "key": f.key,
                    "name": f.name,
                    "value": f.value,
                    "established": f.established,
                    "edited": f.edited,
                    "source": f.source,
                }
                for f in self.fields(lang)
            ],
            "listings": [
                {
                    "url": li.url,
                    "listing_id": li.listing_id,
                    "id_shown_in": _ref_text(li.id_shown) if li.id_shown else None,
                    "mark_shown_in": [_ref_text(m) for m in li.marks],
                }
                for li in self.listings
            ],
            **statement_record(self),
            "notes": [*(text_in(n, lang) for n in self.notes), *self.statement_notes(lang)],
        }


# --- building ---------------------------------------------------------------------------------------


def effective_listing(listing: Listing) -> tuple[str, str]:
    """(marketplace key, listing id): as entered, else as parsed from the URL."""
    from desktop_app.core.reading.listing_urls import parse_listing_url

    market, lid = listing.marketplace.strip().lower(), listing.listing_id.strip()
    ref = parse_listing_url(listing.url) if not market or not lid or market not in _known() else None
    if ref is not None:
        market = market if market in _known() else (ref.marketplace or market)
        lid = lid or ref.listing_id
    return market or "unknown", lid


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    from desktop_app.core.marketplaces import all_profiles

    return frozenset(p.key for p in all_profiles())


def _located_for(case: Case, report: CheckReport, index: int, listing_id: str) -> SheetListing:
    listing = case.listings[index]
    shas = {f.sha256 for f in listing.screenshots}
    ids = [
        loc
        for loc in report.located
        if loc.what == "listing_id" and loc.evidence.sha256 in shas and loc.value == listing_id
    ]
    marks = [loc for loc in report.located if loc.what == "mark" and loc.evidence.sha256 in shas]
    return SheetListing(index, listing.url, listing_id, ids[0] if ids else None, marks)


def batches(case: Case, marketplace: str = "") -> dict[str, list[list[tuple[int, str]]]]:
    """The case's listings per marketplace, split into complaints within the form's listing limit:
    {marketplace: [[(listing index, listing id), ...] per batch]} (only ``marketplace`` when given)."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for i, listing in enumerate(case.listings):
        market, lid = effective_listing(listing)
        groups.setdefault(market, []).append((i, lid))
    if marketplace:
        if marketplace not in groups:
            raise UserError.keyed(
                "filing.no_listing_on",
                case=case.reference,
                marketplace=marketplace,
                have=sorted(groups) or ["-"],
            )
        groups = {marketplace: groups[marketplace]}
    out: dict[str, list[list[tuple[int, str]]]] = {}
    for market, items in groups.items():
        limit = form_for(market).max_listings or len(items) or 1
        out[market] = [items[k : k + limit] for k in range(0, len(items), limit)] or [[]]
    return out


def not_ready(case: Case, report: CheckReport) -> UserError:
    """The one sentence for a case that gets no sheet because the checks did not pass it."""
    n = len(report.blockers)
    blockers = msg("check.blockers." + ("one" if n == 1 else "many"), count=n)
    return UserError.keyed("filing.not_ready", case=case.reference or report.case, blockers=blockers)


def build_sheets(
    case: Case, report: CheckReport, marketplace: str = "", edits: Edits | None = None
) -> list[FilingSheet]:
    """One sheet per batch of listings, per marketplace (only ``marketplace`` when given).

    ``report`` must be the checks' report on the case as it is now (``check_case``); a case that is not
    ready gets no sheet (a UserError in one sentence). ``edits`` (``store.statements.latest``) are the
    user's versions of the statements: the latest of each, unless reverted, is the statement filed.
    """
    if report.verdict != "ready":
        raise not_ready(case, report)
    sheets: list[FilingSheet] = []
    for market, chunks in batches(case, marketplace).items():
        form = form_for(market)
        for n, chunk in enumerate(chunks, 1):
            listed = [_located_for(case, report, i, lid) for i, lid in chunk]
            sheet = FilingSheet(
                case.reference or report.case, form, market, n, len(chunks), listed, case, report
            )
            sheet.generated = {lang: _statement(case, report, sheet, lang) for lang in LANGS}
            sheet.statement = dict(sheet.generated)
            _apply_edits(sheet, edits or {})
            for lang in LANGS:
                limit_chars = form.statement_max_chars
                if limit_chars and len(sheet.statement[lang]) > limit_chars:
                    sheet.notes.append(
                        said(
                            "filing.statement_too_long",
                            lang=lang,
                            count=len(sheet.statement[lang]),
                            limit=limit_chars,
                        )
                    )
            sheets.append(sheet)
    return sheets


def statement_sha256(text: str) -> str:
    """What an edit records of the generated statement it started from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _apply_edits(sheet: FilingSheet, edits: Edits) -> None:
    """The rule: the statement filed is the user's latest edit, else the generated one; an edit is stale
    when the statement generated now (or the batch's listings) differs from what it was edited from."""
    for lang in LANGS:
        e = edits.get((sheet.marketplace, sheet.batch, lang))
        if e is None or e.text is None:  # never edited, or reverted to the generated statement
            continue
        sheet.edits[lang] = e
        sheet.statement[lang] = e.text
        sheet.stale[lang] = (
            e.generated_sha256 != statement_sha256(sheet.generated[lang])
            or tuple(e.listing_ids) != sheet.listing_ids
        )


def statement_record(sheet: FilingSheet) -> dict[str, Any]:
    """What a package and the JSON sheet record of the statement: as filed, as generated, who edited it
    and when, and which edits are stale (only edited languages appear under ``edited`` and ``stale``)."""
    return {
        "statement": dict(sheet.statement),
        "statement_generated": dict(sheet.generated),
        "edited": {lang: {"at": e.edited_at, "by": e.edited_by} for lang, e in sheet.edits.items()},
        "stale": {lang: True for lang in sheet.edits if sheet.stale.get(lang)},
    }


# --- facts, as established ---------------------------------------------------------------------------


def _right_facts(report: CheckReport, index: int) -> dict[str, FactStatus]:
    return {f.fact: f for f in report.facts if f.subject == f"rights[{index}]"}


def _established(fact: FactStatus | None) -> bool:
    return fact is not None and fact.status == ESTABLISHED


def _term_end(fact: FactStatus) -> str:
    """The term end (ISO date) the in_force fact established; "" when it carries none (not stated)."""
    return fact.value


def _right_value(case: Case, report: CheckReport, what: str, lang: str) -> tuple[str, bool, str]:
    """(value, established, source) of a right's field, over every right of the case."""
    values, sources, missing = [], [], False
    for i, right in enumerate(case.rights):
        facts = _right_facts(report, i)
        fact_name = {"number": "number", "mark": "mark", "owner": "owner", "classes": "classes"}.get(what)
        if what == "office":
            fact = facts.get("number")  # the office whose certificate the number was read from
            value = display_name("office", right.office, lang)
        elif what == "term":
            fact = facts.get("in_force")
            value = _term_end(fact) if fact else ""
        else:
            fact = facts.get(fact_name or "")
            value = {
                "number": right.registration_number,
                "mark": right.mark,
                "owner": right.owner,
                "classes": ", ".join(str(c) for c in sorted(right.classes)),
            }[what]
            if what == "classes" and _established(fact):
                value = _classes_text(right, fact)  # type: ignore[arg-type]
        if _established(fact) and value:
            values.append(value)
            sources.append(_source_text(fact, lang))  # type: ignore[arg-type]
        else:
            missing = True
    if missing or not values:
        return "", False, NOT_ESTABLISHED_NOTE[lang]
    return "; ".join(dict.fromkeys(values)), True, "; ".join(dict.fromkeys(sources))


def _ref_text(loc: Located) -> str:
    """Where a located value sits, quoting the evidence as it reads ("page" only for a PDF)."""
    e = loc.evidence
    paged = e.page and e.file.lower().endswith(".pdf")
    where = e.file + (f", page {e.page}" if paged else "") + (f", {e.locator}" if e.locator else "")
    return f'{where}: "{e.text}"'


def _marks_text(marks: list[Located]) -> str:
    """Each distinct reading of the mark once, per file (at most three)."""
    seen: dict[tuple[str, str], Located] = {}
    for m in marks:
        seen.setdefault((m.evidence.file, m.evidence.text), m)
    return "; ".join(_ref_text(m) for m in list(seen.values())[:3])


def _fill(sheet: FilingSheet, lang: str) -> list[SheetField]:
    case, report = sheet.source, sheet.report
    zh = lang == "zh_CN"
    out: list[SheetField] = []
    for f in sheet.form.fields:
        name = f.name_zh if zh else f.name
        if f.fill == "const":
            out.append(SheetField(f.key, name, (f.value_zh if zh else f.value) or f.value))
        elif f.fill == "marketplace":
            out.append(SheetField(f.key, name, display_name("marketplace", sheet.marketplace, lang)))
        elif f.fill == "reason":
            kind = "counterfeit" if case.genuine_photos else "trademark_use"
            reason = sheet.form.reasons.get(kind, {})
            out.append(
                SheetField(
                    f.key,
                    name,
                    reason.get("zh" if zh else "en", ""),
                    True,
                    "genuine-versus-listing comparison attached" if case.genuine_photos else "",
                )
            )
        elif f.fill == "listings":
            values = [li.listing_id if sheet.form.listing_value == "id" else li.url for li in sheet.listings]
            shown = all(li.id_shown is not None for li in sheet.listings)
            out.append(
                SheetField(
                    f.key,
                    name,
                    "\n".join(values),
                    shown,
                    "each listing's id located on its evidence" if shown else "an id was not located",
                )
            )
        elif f.fill == "statement":
            edit = sheet.edits.get(lang)
            if edit is None:
                out.append(
                    SheetField(f.key, name, sheet.statement[lang], True, "written from established facts")
                )
            else:  # the user's words: never presented as established by the checks
                source = render(
                    "filing.statement_edited", {"who": edit.edited_by, "date": edit.edited_at[:10]}, lang
                )
                out.append(SheetField(f.key, name, sheet.statement[lang], False, source, edited=True))
        elif f.fill == "package":
            from desktop_app.core.package.attachments import attachment_name  # it builds on this module

            upload = attachment_name(sheet.case, sheet.form.key, sheet.batch, sheet.batches, 1, 1)
            value = (
                f"{upload}（本批的上传文件，由“生成上传文件…”或 filing-sheet --attachments 生成；"
                "超过上传大小限制时分为多个部分，文件名以 _partNofM 结尾）。"
                f"{sheet.case} 的已签名证据包保存全部原始文件。"
                if zh
                else f"{upload} (this batch's upload file, written by 'Write upload files…' or filing-sheet "
                "--attachments; in parts ending _partNofM when over the upload size limit). The signed "
                f"package of {sheet.case} holds every original file."
            )
            out.append(SheetField(f.key, name, value, True, "the evidence as checked"))
        elif f.fill.startswith("right."):
            value, ok, source = _right_value(case, report, f.fill.split(".", 1)[1], lang)
            out.append(SheetField(f.key, name, value, ok, source))
        else:  # a form file naming a fill this version does not know: said, never guessed
            out.append(SheetField(f.key, name, "", False, f"unknown fill '{f.fill}'"))
    return out


# --- the statement -----------------------------------------------------------------------------------


def _statement(case: Case, report: CheckReport, sheet: FilingSheet, lang: str) -> str:
    zh = lang == "zh_CN"
    parts: list[str] = []
    c = case.complainant
    auth = next((f for f in report.facts if f.subject == "complainant.authorization"), None)
    for i, right in enumerate(case.rights):
        facts = _right_facts(report, i)
        number, mark, owner = facts.get("number"), facts.get("mark"), facts.get("owner")
        in_force, classes = facts.get("in_force"), facts.get("classes")
        if not (_established(number) and _established(mark)):
            continue  # a right without an established number and mark is not stated at all
        office = display_name("office", right.office, lang)
        src = _source_text(number, lang)  # type: ignore[arg-type]
        if zh:
            s = f"{office}第 {right.registration_number} 号注册商标“{right.mark}”"
            if _established(classes):
                s += f"，核定使用类别 {_classes_text(right, classes)}"  # type: ignore[arg-type]
            if _established(owner):
                s += f"，注册人为 {right.owner}"
            if _established(in_force) and _term_end(in_force):  # type: ignore[arg-type]
                s += f"，有效期至 {_term_end(in_force)}"  # type: ignore[arg-type]
            s += f"（依据：{src}）。"
        else:
            s = f'{office} trademark registration No. {right.registration_number} for the mark "{right.mark}"'
            if _established(classes):
                s += f", registered in class(es) {_classes_text(right, classes)}"  # type: ignore[arg-type]
            if _established(owner):
                s += f", owned by {right.owner}"
            if _established(in_force) and _term_end(in_force):  # type: ignore[arg-type]
                s += f", in force until {_term_end(in_force)}"  # type: ignore[arg-type]
            s += f" ({src})."
        parts.append(s)
    if not parts:
        return ""
    if c.role == Role.AGENT:
        if _established(auth):
            who = (
                f"{c.name} 作为权利人授权的代理人提交本投诉（授权书：{_source_text(auth, lang)}）。"  # type: ignore[arg-type]
                if zh
                else f"{c.name} files this complaint as the agent authorized by the owner ({auth.source})."  # type: ignore[union-attr]
            )
        else:
            who = ""
    else:
        owner_ok = all(_established(_right_facts(report, i).get("owner")) for i in range(len(case.rights)))
        who = (
            (
                f"{c.name} 作为权利人提交本投诉。"
                if zh
                else f"{c.name} files this complaint as the owner of the right."
            )
            if owner_ok
            else ""
        )
    head = ("权利依据：" if zh else "The right: ") + " ".join(parts)
    lines = [head] + ([who] if who else [])
    mark_names = (
        "、".join(f"“{r.mark}”" for r in case.rights) if zh else ", ".join(f'"{r.mark}"' for r in case.rights)
    )
    for li in sheet.listings:
        if li.id_shown is None:
            continue  # the listing's identity is not established on its evidence: nothing is said of it
        shown = _marks_text(li.marks)
        if zh:
            line = f"商品 {li.listing_id}（{li.url}）：商品编号见于 {_ref_text(li.id_shown)}"
            line += f"；商标 {mark_names} 见于 {shown}。" if li.marks else "。"
        else:
            line = f"Listing {li.listing_id} ({li.url}): its id is shown in {_ref_text(li.id_shown)}"
            line += f"; the mark {mark_names} is shown in {shown}." if li.marks else "."
        lines.append(line)
    if case.genuine_photos:
        lines.append(
            "正品与被投诉商品的对比见证据包中的 comparison.pdf。"
            if zh
            else "The genuine product and the listed product are compared in comparison.pdf in the package."
        )
    lines.append(
        "上述商品未经权利人授权使用该注册商标，请予以删除。"
        if zh
        else "The listings use the registered trademark without the owner's authorization; we ask that "
        "they be removed."
    )
    return "\n".join(lines)


def _source_text(fact: FactStatus, lang: str) -> str:
    """How a fact was established, in the statement's language."""
    if lang != "zh_CN":
        return fact.source
    if fact.by_hand:
        return f"人工核对确认：{fact.source}"
    e = fact.evidence
    if e is None:
        return fact.source
    return f"读取自 {e.file}" + (f" 第 {e.page} 页" if e.page and e.file.lower().endswith(".pdf") else "")


def _classes_text(right: Any, fact: FactStatus) -> str:
    if right.classes:
        return ", ".join(str(c) for c in sorted(right.classes))
    return fact.value  # the classes the fact established, as data


# --- output ------------------------------------------------------------------------------------------


def package_statements(
    case: Case, report: CheckReport, edits: Edits | None = None
) -> list[dict[str, Any]] | None:
    """What a package records of the filing: per marketplace and batch, the listings and the statement in
    each language as filed, as generated, and who edited it (complaint.json and summary.pdf; see
    ``statement_record``); None when the case is not ready (no statement is written from a case the
    checks did not pass)."""
    if report.verdict != "ready":
        return None
    return [
        {
            "marketplace": s.marketplace,
            "form": s.form.key,
            "form_name": s.form.name,
            "batch": s.batch,
            "batches": s.batches,
            "listing_ids": [li.listing_id for li in s.listings],
            **statement_record(s),
        }
        for s in build_sheets(case, report, edits=edits)
    ]


def sheet_text(sheet: FilingSheet, lang: str = "en") -> str:
    zh = lang == "zh_CN"
    head = (
        f"{sheet.case} — {sheet.form.title(lang)} — "
        + (f"第 {sheet.batch}/{sheet.batches} 批" if zh else f"batch {sheet.batch} of {sheet.batches}")
        + f" ({len(sheet.listings)} "
        + ("个商品" if zh else "listings")
        + ")"
    )
    lines = [head, "=" * min(len(head), 100)]
    for f in sheet.fields(lang):
        if f.edited:
            mark = "  [用户已编辑] " if zh else "  [EDITED BY THE USER] "
        else:
            mark = "" if f.established else ("  [未确认] " if zh else "  [NOT ESTABLISHED] ")
        value = f.value if f.value else (f.source if not f.established else "")
        if "\n" in value:
            lines.append(f"{f.name}:{mark}")
            lines.extend(f"    {v}" for v in value.splitlines())
        else:
            lines.append(f"{f.name}: {mark}{value}")
        if f.edited:
            lines.append(f"    ({f.source})")
    lines.extend(("注意：" if zh else "Note: ") + text_in(n, lang) for n in sheet.notes)
    lines.extend(("注意：" if zh else "Warning: ") + n for n in sheet.statement_notes(lang))
    return "\n".join(lines)


def sheets_csv(sheets: list[FilingSheet], lang: str = "en") -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["case", "form", "batch", "batches", "field", "name", "value", "established", "source"])
    for s in sheets:
        for f in s.fields(lang):
            w.writerow(
                [s.case, s.form.key, s.batch, s.batches, f.key, f.name, f.value, f.established, f.source]
            )
    return buf.getvalue()
