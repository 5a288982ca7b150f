"""`evidence-desk filing-sheet CASE`: the marketplace form's fields, filled from what the checks established;
`evidence-desk filing-statement CASE`: show, edit or revert a sheet's infringement statement.

Exit 0 with the sheets, 1 when the case is not ready (no sheet is written for it), 2 for bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop_app.cli.common import language, open_store, print_warning, resolve_case, stderr_progress


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "filing-sheet",
        help="the marketplace complaint form's fields and the infringement statement, for a ready case",
        description="Run the checks and, for a ready case, print what each marketplace's complaint form "
        "asks, in its order and with its names, filled only from facts the checks established; listings "
        "are split into batches within the form's limit. The statement is given in English and Chinese; "
        "a statement the user edited ('filing-statement') is shown as such, with a warning when the "
        "evidence changed after the edit. Exit 0, 1 when the case is not ready, 2 for bad input.",
    )
    p.add_argument("case", metavar="CASE", help="case id, reference or case folder")
    p.add_argument(
        "--marketplace", metavar="M", default="", help="only this marketplace's sheets (e.g. taobao)"
    )
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.add_argument(
        "--attachments",
        metavar="DIR",
        help="also write each batch's evidence PDF(s) to upload with the form into DIR, within the form's "
        "upload size limit (split into parts when needed; existing files are never written over)",
    )
    p.add_argument(
        "--attachment-limit",
        metavar="MB",
        type=float,
        help="the form's upload limit per file, in MB, when you know it (default: the form's data, "
        "which says whether the marketplace publishes one)",
    )
    p.set_defaults(func=cmd_filing_sheet)

    s = sub.add_parser(
        "filing-statement",
        help="show, edit or revert the infringement statement of a filing sheet",
        description="The infringement statement of one filing sheet (a marketplace and a batch, as "
        "'filing-sheet' numbers them) in one language. It is generated from the facts the checks "
        "established; --set-file files your own text instead (shown everywhere as edited by you, never as "
        "established), --revert files the generated one again. Every save is kept as a version, with an "
        "entry in the custody log, and the package records both texts. Exit 0, 1 when the case is not "
        "ready, 2 for bad input.",
    )
    s.add_argument("case", metavar="CASE", help="case id or reference")
    s.add_argument(
        "--marketplace",
        metavar="M",
        default="",
        help="the sheet's marketplace (e.g. taobao); needed when the case has listings on several",
    )
    s.add_argument(
        "--batch", metavar="N", type=int, help="the sheet's batch (1, 2, ...); needed when there are several"
    )
    s.add_argument(
        "--lang",
        dest="statement_lang",
        choices=("en", "zh_CN"),
        help="the statement's language (needed to edit or revert; --show gives both without it)",
    )
    what = s.add_mutually_exclusive_group(required=True)
    what.add_argument("--set-file", metavar="FILE", help="file this UTF-8 text as the statement ('-': stdin)")
    what.add_argument("--revert", action="store_true", help="file the generated statement again")
    what.add_argument("--show", action="store_true", help="print the statement as filed, and its history")
    s.add_argument(
        "--identity", metavar="NAME", help="who edits (default: the only signing identity, else you)"
    )
    s.add_argument("--format", choices=("text", "json"), default="text")
    s.set_defaults(func=cmd_filing_statement)


def _checked(store: Any, ref: str) -> tuple[Any, Any]:
    from desktop_app.core.checks.engine import check_case

    case_id = resolve_case(store, ref)
    report = check_case(store, case_id, progress=stderr_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return store.cases.get(case_id), report


def _not_ready(case: Any, report: Any, lang: str) -> int:
    """Exit 1 for a case that is not ready (no sheet is written for it), said in ``lang``."""
    from desktop_app.core.filing import not_ready
    from desktop_app.core.messages import error_text

    print(error_text(not_ready(case, report), lang), file=sys.stderr)
    return 1


def _warn_stale(sheets: list[Any], lang: str) -> None:
    from desktop_app.core.messages import render

    for s in sheets:
        for note in s.statement_notes(lang):
            print_warning(
                render(
                    "statement.cli.stale",
                    {"marketplace": s.marketplace, "batch": s.batch, "note": note},
                    lang,
                )
            )


def cmd_filing_sheet(args: argparse.Namespace) -> int:
    from desktop_app.core.filing import sheet_text, sheets_csv
    from desktop_app.core.statements import sheets_with_edits

    lang = language(args)
    with open_store(args) as store:
        case, report = _checked(store, args.case)
        if report.verdict != "ready":
            return _not_ready(case, report, lang)
        attached = _attachments(store, case, report, args)
        sheets = sheets_with_edits(store, case, report, args.marketplace)
    if args.format == "json":
        print(json.dumps([s.to_json(lang) for s in sheets], indent=2, ensure_ascii=False))
    elif args.format == "csv":
        sys.stdout.write(sheets_csv(sheets, lang))
    else:
        for k, s in enumerate(sheets):
            if k:
                print()
            print(sheet_text(s, lang))
    if args.format != "text":  # the text sheet says it in place; JSON and CSV readers hear it on stderr
        _warn_stale(sheets, lang)
    if attached is not None:  # beside JSON or CSV on stdout, the list goes to stderr
        _print_attachments(attached, lang, sys.stdout if args.format == "text" else sys.stderr)
    return 0


def _attachments(store, case, report, args: argparse.Namespace):  # noqa: ANN001, ANN202
    if not args.attachments:
        return None
    from desktop_app.core.package.attachments import write_attachments

    limit = int(args.attachment_limit * 1024 * 1024) if args.attachment_limit else None
    return write_attachments(
        store,
        case,
        report,
        args.attachments,
        marketplace=args.marketplace,
        max_bytes=limit,
        progress=stderr_progress,
    )


def _print_attachments(result, lang: str, out) -> None:  # noqa: ANN001 - an AttachmentsResult, a stream
    from desktop_app.core.messages import render
    from desktop_app.core.package.attachments import limits_sentence

    print(file=out)
    for form, limits in result.limits.items():
        print(limits_sentence(form, limits, lang), file=out)
    for a in result.files:
        params = {
            "path": str(a.path),
            "size": f"{a.size / 1024:,.0f}",
            "batch": a.batch,
            "batches": a.batches,
            "part": a.part,
            "parts": a.parts,
            "count": len(a.listing_ids),
        }
        print(render("attachments.written", params, lang), file=out)
    for note in result.notes:
        print_warning(note)  # a messages.Said: said in --lang


def _read_text(path: str) -> str:
    from desktop_app.core.errors import UserError

    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError.keyed("statement.cli.not_utf8", path=path) from None
    except OSError as exc:
        raise UserError.keyed("statement.cli.unreadable", path=path, why=exc.strerror or str(exc)) from None


def cmd_filing_statement(args: argparse.Namespace) -> int:
    from desktop_app.core.errors import UserError
    from desktop_app.core.statements import find_sheet, revert_statement, save_statement

    lang = args.statement_lang
    if not args.show and not lang:
        raise UserError.keyed("statement.cli.no_language")
    text = _read_text(args.set_file) if args.set_file is not None else None
    with open_store(args) as store:
        case, report = _checked(store, args.case)
        if report.verdict != "ready":
            return _not_ready(case, report, language(args))
        sheet = find_sheet(store, case, report, args.marketplace, args.batch)
        changed: bool | None = None
        if not args.show:
            who = None
            if args.identity:
                from desktop_app.core.confirmation import who_confirms

                who = who_confirms(store, args.identity)
            if text is not None:
                saved = save_statement(store, case, sheet, lang, text, edited_by=who)
            else:
                saved = revert_statement(store, case, sheet, lang, edited_by=who)
            sheet, changed = saved.sheet, saved.changed
        langs = [lang] if lang else ["en", "zh_CN"]
        history = {lg: store.statements.history(case.id, sheet.marketplace, sheet.batch, lg) for lg in langs}
    if args.format == "json":
        print(json.dumps(_statement_json(case, sheet, langs, history, changed), indent=2, ensure_ascii=False))
    else:
        print(_statement_text(case, sheet, langs, history, changed, args.show, language(args)))
    _warn_stale([sheet], language(args))
    return 0


def _statement_json(case: Any, sheet: Any, langs: list[str], history: dict, changed: bool | None) -> dict:
    return {
        "case": case.reference,
        "marketplace": sheet.marketplace,
        "form": sheet.form.key,
        "batch": sheet.batch,
        "batches": sheet.batches,
        "listing_ids": list(sheet.listing_ids),
        "changed": changed,
        "statements": {
            lg: {
                "statement": sheet.statement[lg],
                "statement_generated": sheet.generated[lg],
                "edited": (
                    {"at": sheet.edits[lg].edited_at, "by": sheet.edits[lg].edited_by}
                    if lg in sheet.edits
                    else None
                ),
                "stale": bool(sheet.stale.get(lg)),
                "history": [
                    {
                        "id": e.id,
                        "at": e.edited_at,
                        "by": e.edited_by,
                        "reverted": e.reverted,
                        "text": e.text,
                        "generated_sha256": e.generated_sha256,
                    }
                    for e in history[lg]
                ],
            }
            for lg in langs
        },
    }


def _statement_text(
    case: Any, sheet: Any, langs: list[str], history: dict, changed: bool | None, show: bool, lang: str
) -> str:
    from desktop_app.core.messages import render

    def say(key: str, **params: Any) -> str:
        return render(f"statement.cli.{key}", params, lang)

    head = {"case": case.reference, "form": sheet.form.title(lang), "marketplace": sheet.marketplace}
    lines = [say("head", **head, batch=sheet.batch, batches=sheet.batches)]
    if changed is False:
        lines.append(say("unchanged"))
    elif changed:
        lines.append(say("saved_generated" if langs[0] not in sheet.edits else "saved_edit"))
    for lg in langs:
        e = sheet.edits.get(lg)
        name = say(f"language.{lg}")
        how = say("as_filed_edited", language=name, who=e.edited_by, at=e.edited_at) if e else None
        lines += ["", how or say("as_filed_generated", language=name), sheet.statement[lg] or say("empty")]
        if show and history[lg]:
            lines.append(
                say("history.one" if len(history[lg]) == 1 else "history.many", count=len(history[lg]))
            )
            for v in history[lg]:
                what = say("reverted") if v.reverted else say("saved_chars", count=len(v.text))
                lines.append(f"  {v.edited_at} {v.edited_by}: {what}")
    return "\n".join(lines)
