"""Screenshots dropped on a case all at once, each attached to the listing whose id it shows.

A brand team captures hundreds of listings and drops the pictures on the case together. Each is read
(the same reading, cache and isolation the checks use) and the listing ids it shows — in the address
bar, a printed header or footer, beside a label on the page — are compared with the case's listings.
A screenshot showing exactly one of them is attached to that listing. One showing none, or several (a
"similar items" panel), is not guessed at: it is kept with the case as an unassigned file, for the user
to attach, and the result says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.errors import UserError
from desktop_app.core.messages import Said, said
from desktop_app.core.model import EvidenceFile, EvidenceKind
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, SubProgress, no_progress


@dataclass
class Assignment:
    attached: list[tuple[EvidenceFile, int]] = field(default_factory=list)  # (file, listing index)
    # the reasons and refusals are English text that keeps its catalogue key (messages.Said):
    # ``messages.text_in(why, language)`` says them in any language
    unassigned: list[tuple[EvidenceFile, str]] = field(default_factory=list)  # (file, why)
    refused: list[str] = field(default_factory=list)  # one sentence per file that could not be imported


def _said_error(exc: UserError) -> str:
    """A refusal's sentence, keeping its catalogue key when it has one."""
    if not exc.key:
        return str(exc)
    text = Said(str(exc))
    text.key, text.params = exc.key, exc.params
    return text


def _listing_keys(case) -> list[tuple[str, str]]:  # noqa: ANN001 - Case
    from desktop_app.core.filing import effective_listing

    return [effective_listing(li) for li in case.listings]


def _shown(doc, f: EvidenceFile, markets: list[str]) -> list[tuple[str, str]]:  # noqa: ANN001 - DocumentText
    """(marketplace, id) of every listing id the file shows, for each marketplace of the case."""
    from desktop_app.core.checks.facts import FileFacts, clean_document
    from desktop_app.core.checks.listing import read_ids

    doc, _hidden = clean_document(doc)
    if not doc.ok:
        return []
    ff = FileFacts(file=f, kinds=[EvidenceKind.SCREENSHOT], doc=doc)
    out: list[tuple[str, str]] = []
    for market in markets:
        for o in read_ids(ff, market):
            out.append((o.marketplace or market, o.listing_id))
    return out


def assign_screenshots(
    store,  # noqa: ANN001 - Store
    case_id: int,
    paths: list[str | Path],
    *,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Assignment:
    """Import ``paths`` and attach each to the one listing of the case whose id it shows."""
    from desktop_app.core.checks.listing import same_id

    store.submissions.ensure_editable(case_id)
    case = store.cases.get(case_id)
    if not case.listings:
        raise UserError.keyed("assign.no_listings", case=case.reference)
    keys = _listing_keys(case)
    markets = sorted({m for m, _lid in keys if m != "unknown"})
    from desktop_app.core.reading.service import read_documents

    result = Assignment()
    imported: list[EvidenceFile] = []
    importing = SubProgress(progress, 0.0, 0.1)
    for n, path in enumerate(paths):
        cancel.raise_if_cancelled()
        importing(n / max(len(paths), 1), f"Importing {Path(path).name}")
        try:
            imported.append(store.add_file(path, cancel=cancel))
        except UserError as exc:
            result.refused.append(_said_error(exc))
    # read side by side on the isolated pool's workers (one per core), then matched one by one
    docs = read_documents(store, imported, progress=SubProgress(progress, 0.1, 0.95), cancel=cancel)
    for f in imported:
        cancel.raise_if_cancelled()
        shown = _shown(docs[f.sha256], f, markets)
        matches = sorted(
            {
                i
                for i, (market, lid) in enumerate(keys)
                for m, read in shown
                if lid and same_id(read, lid, market)
            }
        )
        if len(matches) == 1:
            result.attached.append((f, matches[0]))
        elif not matches:
            ids = sorted({read for _m, read in shown})[:3]
            why = said("assign.no_case_id_shows", ids=ids) if ids else said("assign.no_case_id")
            result.unassigned.append((f, why))
        else:
            result.unassigned.append((f, said("assign.several", listings=[i + 1 for i in matches])))
    cancel.raise_if_cancelled()
    case = store.cases.get(case_id)  # fresh: attach in one save
    for f, i in result.attached:
        if all(s.sha256 != f.sha256 for s in case.listings[i].screenshots):
            case.listings[i].screenshots.append(f)
    for f, _why in result.unassigned:
        if all(o.sha256 != f.sha256 for o in case.other_files):
            case.other_files.append(f)  # kept with the case, not lost, until the user attaches it
    store.cases.save(case)
    progress(1.0, said("progress.assigned", attached=len(result.attached), left=len(result.unassigned)))
    return result
