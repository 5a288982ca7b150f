"""The infringement statement as the user edited it (``store.statements``).

One row per save, never changed (a trigger refuses it): the latest row of a (case, marketplace, batch,
language) is the statement in force, and a row without text returns it to the generated statement, so
the history of every statement stays. Each save writes an audit entry in the same transaction. What a
statement *is* (edited or generated, stale or not) is decided in ``core.statements``, not here.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_app.core.model import utc_now

if TYPE_CHECKING:
    from desktop_app.core.store import Store


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StatementEdit:
    """One saved version of a statement: the user's ``text``, or None for "back to the generated one"."""

    case_id: int
    marketplace: str  # the marketplace key the sheet is for ("taobao"); its form is ``form``
    form: str
    batch: int  # 1-based, as the filing sheets number them
    lang: str  # "en" or "zh_CN"
    text: str | None
    generated_sha256: str  # of the generated statement the user edited from
    listing_ids: tuple[str, ...]  # the batch's listings when it was saved
    edited_at: str  # ISO UTC time
    edited_by: str  # who, as shown ("Jane Roe (Acme Legal)"), like a confirmation by hand
    actor: str  # the login that saved it (user@host)
    id: int | None = None

    @property
    def reverted(self) -> bool:
        return self.text is None

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.marketplace, self.batch, self.lang)


class Statements:
    """``store.statements``."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def record(self, edit: StatementEdit) -> int:
        """Write one version and its audit entry in one transaction; returns its id."""
        store = self._store
        with store.transaction():
            cur = store.db.execute(
                "INSERT INTO statement_edits (case_id, marketplace, form, batch, lang, text,"
                " generated_sha256, listing_ids, edited_at, edited_by, actor) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    edit.case_id,
                    edit.marketplace,
                    edit.form,
                    edit.batch,
                    edit.lang,
                    edit.text,
                    edit.generated_sha256,
                    json.dumps(list(edit.listing_ids), ensure_ascii=False),
                    edit.edited_at,
                    edit.edited_by,
                    edit.actor,
                ),
            )
            row_id = int(cur.lastrowid)
            store.audit.record(
                "case.statement_revert" if edit.reverted else "case.statement_edit",
                case_id=edit.case_id,
                statement_edit_id=row_id,
                marketplace=edit.marketplace,
                form=edit.form,
                batch=edit.batch,
                lang=edit.lang,
                text_sha256=None if edit.text is None else text_sha256(edit.text),
                generated_sha256=edit.generated_sha256,
                edited_by=edit.edited_by,
            )
        return row_id

    def latest(self, case_id: int) -> dict[tuple[str, int, str], StatementEdit]:
        """The latest version of each of the case's statements, by (marketplace, batch, lang); reverted
        ones included (their text is None)."""
        out: dict[tuple[str, int, str], StatementEdit] = {}
        for row in self._store.db.query(
            "SELECT * FROM statement_edits WHERE case_id = ? ORDER BY id", [case_id]
        ):
            e = _from_row(row)
            out[e.key] = e
        return out

    def history(self, case_id: int, marketplace: str, batch: int, lang: str) -> list[StatementEdit]:
        rows = self._store.db.query(
            "SELECT * FROM statement_edits WHERE case_id = ? AND marketplace = ? AND batch = ? AND lang = ?"
            " ORDER BY id",
            [case_id, marketplace, batch, lang],
        )
        return [_from_row(r) for r in rows]

    def saved_since(self, case_id: int, at: str) -> bool:
        """Whether any statement of the case was saved or reverted at or after ``at`` (ISO UTC, to the
        second: a save in the same second counts, so nothing is called unchanged that may not be)."""
        row = self._store.db.execute(
            "SELECT 1 FROM statement_edits WHERE case_id = ? AND edited_at >= ? LIMIT 1", [case_id, at]
        ).fetchone()
        return row is not None


def new_edit(store: Any, **fields: Any) -> StatementEdit:
    """A version stamped now, by ``store``'s login."""
    return StatementEdit(edited_at=utc_now(), actor=str(store.actor), **fields)


def _from_row(r: dict[str, Any]) -> StatementEdit:
    return StatementEdit(
        case_id=r["case_id"],
        marketplace=r["marketplace"],
        form=r["form"],
        batch=r["batch"],
        lang=r["lang"],
        text=r["text"],
        generated_sha256=r["generated_sha256"],
        listing_ids=tuple(json.loads(r["listing_ids"])),
        edited_at=r["edited_at"],
        edited_by=r["edited_by"],
        actor=r["actor"],
        id=r["id"],
    )
