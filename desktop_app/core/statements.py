"""Editing a filing sheet's infringement statement, with every version kept.

The statement is generated from the facts the checks established (``core.filing``). The user may
rewrite it for a sheet (marketplace, batch) and a language; each save is a new version in
``store.statements`` with an audit entry, recording who, when, and the SHA-256 of the generated
statement it was edited from. Reverting writes a version without text: the generated statement is
filed again, and the history stays. Saving the generated text itself counts as reverting.

An edit is only ever made on a ready case the user may still change (not submitted), and only to a
sheet that exists now.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from desktop_app.core.checks.findings import CheckReport
from desktop_app.core.clean_text import clean_free_text
from desktop_app.core.errors import UserError
from desktop_app.core.filing import LANGS, FilingSheet, batches, build_sheets, statement_sha256
from desktop_app.core.messages import msg
from desktop_app.core.model import Case
from desktop_app.core.store.statements import StatementEdit, new_edit


class StatementError(UserError):
    """A statement edit that cannot be recorded (read-only case, no such sheet, empty text...)."""


@dataclass(frozen=True)
class SavedStatement:
    sheet: FilingSheet  # the sheet as it is after the save (the statement filed now)
    edit: StatementEdit | None  # the version written; None when nothing changed
    lang: str

    @property
    def changed(self) -> bool:
        return self.edit is not None


def sheets_with_edits(
    store: Any, case: Case, report: CheckReport, marketplace: str = ""
) -> list[FilingSheet]:
    """The case's filing sheets with the user's statements in force (what the window and CLI show)."""
    return build_sheets(case, report, marketplace, edits=store.statements.latest(case.id))


def find_sheet(
    store: Any, case: Case, report: CheckReport, marketplace: str = "", batch: int | None = None
) -> FilingSheet:
    """The one sheet named by ``marketplace`` and ``batch``; either may be left out when only one fits.
    One sentence naming the choices otherwise."""
    groups = batches(case)  # raises nothing: every listing has a marketplace, "unknown" at worst
    if not marketplace:
        if len(groups) != 1:
            raise StatementError.keyed(
                "filing.statement_several_markets", case=case.reference, markets=", ".join(sorted(groups))
            )
        marketplace = next(iter(groups))
    sheets = sheets_with_edits(store, case, report, marketplace)
    if batch is None:
        if len(sheets) != 1:
            raise StatementError.keyed(
                "filing.statement_several_batches", case=case.reference, market=marketplace, count=len(sheets)
            )
        return sheets[0]
    found = [s for s in sheets if s.batch == batch]
    if not found:
        raise StatementError.keyed(
            "filing.statement_no_batch",
            case=case.reference,
            market=marketplace,
            count=len(sheets),
            batch=batch,
        )
    return found[0]


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise StatementError.keyed("filing.statement_unknown_lang", lang=lang, langs="en, zh_CN")
    return lang


def _editable(store: Any, case: Case) -> None:
    try:
        store.submissions.ensure_editable(case.id)
    except UserError as exc:
        locked = msg(exc.key, **exc.params) if getattr(exc, "key", "") else str(exc)
        raise StatementError.keyed("filing.statement_locked", locked=locked) from None


def save_statement(
    store: Any, case: Case, sheet: FilingSheet, lang: str, text: str, *, edited_by: str | None = None
) -> SavedStatement:
    """Record ``text`` as the ``lang`` statement of ``sheet`` (built by ``find_sheet`` or
    ``sheets_with_edits`` from the case as it is now). The same text as the statement in force, unless
    that edit is stale, writes nothing; the generated text writes a revert (if an edit was in force)."""
    _check_lang(lang)
    _editable(store, case)
    text = clean_free_text(text.replace("\r\n", "\n")).strip()
    if not text:
        raise StatementError.keyed("filing.statement_empty")
    current = sheet.edits.get(lang)
    if text == sheet.generated[lang]:
        if current is None:
            return SavedStatement(sheet, None, lang)  # it is the generated statement already
        return revert_statement(store, case, sheet, lang, edited_by=edited_by)
    if current is not None and current.text == text and not sheet.stale.get(lang):
        return SavedStatement(sheet, None, lang)
    return _record(store, case, sheet, lang, text, edited_by)


def revert_statement(
    store: Any, case: Case, sheet: FilingSheet, lang: str, *, edited_by: str | None = None
) -> SavedStatement:
    """File the generated ``lang`` statement of ``sheet`` again (a version of its own). Nothing is written
    when no edit is in force."""
    _check_lang(lang)
    _editable(store, case)
    if lang not in sheet.edits:
        return SavedStatement(sheet, None, lang)
    return _record(store, case, sheet, lang, None, edited_by)


def _record(
    store: Any, case: Case, sheet: FilingSheet, lang: str, text: str | None, edited_by: str | None
) -> SavedStatement:
    from desktop_app.core.confirmation import who_confirms

    edit = new_edit(
        store,
        case_id=case.id,
        marketplace=sheet.marketplace,
        form=sheet.form.key,
        batch=sheet.batch,
        lang=lang,
        text=text,
        generated_sha256=statement_sha256(sheet.generated[lang]),
        listing_ids=sheet.listing_ids,
        edited_by=edited_by or who_confirms(store),
    )
    edit = replace(edit, id=store.statements.record(edit))
    [after] = [
        s
        for s in build_sheets(
            sheet.source, sheet.report, sheet.marketplace, edits=store.statements.latest(case.id)
        )
        if s.batch == sheet.batch
    ]
    return SavedStatement(after, edit, lang)
