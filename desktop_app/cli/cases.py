"""Case commands: import, cases, show, export-folder, delete."""

from __future__ import annotations

import argparse
import json
import sys

from desktop_app.cli.common import language, open_store, print_warning, resolve_case, stderr_progress
from desktop_app.core.case_folder import export_case_folder, import_case_folder
from desktop_app.core.messages import render


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import one or more case folders (case.toml + files)",
        description="Import case folders. Prints each new case id alone on its line. "
        "A folder with any problem is not imported at all.",
    )
    p.add_argument("folders", nargs="+", metavar="FOLDER")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("cases", help="list cases, one per line, id first")
    p.add_argument(
        "--search",
        default="",
        help="only cases whose reference, title, party, mark, marketplace or status contains this text",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_cases)

    p = sub.add_parser(
        "show", help="everything about one case: content, checks, package versions, revisions, submissions"
    )
    p.add_argument("case", metavar="CASE", help="case id or reference")
    p.add_argument(
        "--revision",
        type=int,
        metavar="N",
        help="show frozen revision N (what an earlier package or submission held) instead of the case now",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("export-folder", help="write a case out as a case folder")
    p.add_argument("case", metavar="CASE", help="case id or reference")
    p.add_argument("dir", metavar="DIR", help="a new (or empty) folder to write")
    p.set_defaults(func=cmd_export_folder)

    p = sub.add_parser("delete", help="delete a case (vault files other cases use are kept)")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_delete)


def cmd_import(args: argparse.Namespace) -> int:
    from desktop_app.core.errors import UserError
    from desktop_app.core.messages import error_text

    failures = 0
    with open_store(args) as store:
        for folder in args.folders:
            try:
                case_id = import_case_folder(store, folder, progress=stderr_progress, warn=print_warning)
            except UserError as exc:
                failures += 1
                print(f"evidence-desk: {error_text(exc, args.lang)}", file=sys.stderr)
                continue
            print(case_id, flush=True)
    return 2 if failures else 0


def cmd_cases(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = store.cases.summaries(args.search)
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "reference": r.reference,
                        "title": r.title,
                        "status": str(r.status),
                        "marketplaces": list(r.marketplaces),
                        "marks": list(r.marks),
                        "blockers": r.blockers,
                        "warnings": r.warnings,
                        "filing_date": r.filing_date,
                    }
                    for r in rows
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    lang = language(args)
    for r in rows:
        counts = (
            render("cli.cases.unchecked", {}, lang)
            if r.blockers is None
            else render("cli.cases.counts", {"blockers": r.blockers, "warnings": r.warnings}, lang)
        )
        print(
            f"{r.id}\t{r.reference}\t{r.status}\t{','.join(r.marketplaces) or '-'}\t"
            f"{','.join(r.marks) or '-'}\t{counts}\t{r.title}"
        )
    return 0


def _records(store, case) -> dict:  # noqa: ANN001
    """Package versions, revisions and submissions of a case, as show prints them."""
    edited = store.revisions.edited_since(case)
    revisions = store.revisions.for_case(case.id)
    stamps = store.exports.stamps(case.id)
    decided: dict[int, list[str]] = {}
    for d in store.submissions.listing_decisions(case.id):
        decided.setdefault(d["submission_id"], []).append(d["decision"])
    return {
        "exports": [
            {
                "version": e["version"],
                "exported_at": e["exported_at"],
                "signer": e["signer"],
                "signer_fingerprint": e["signer_fingerprint"],
                "sha256": e["package_sha256"],
                "path": e["path"],
                "revision": e["revision"],
                "blockers_overridden": bool(e["allow_blockers"]),
                "stamped_from": stamps.get(e["version"], {}).get("stamped_from"),
                "timestamp": stamps.get(e["version"], {}).get("timestamp"),
            }
            for e in store.exports.for_case(case.id)
        ],
        "revisions": [
            {
                "number": r["number"],
                "frozen_at": r["created_at"],
                "reason": r["reason"],
                "content_sha256": r["content_sha256"],
            }
            for r in revisions
        ],
        "edited_since_last_revision": edited,
        "submissions": [
            {
                "marketplace": x["marketplace"],
                "complaint_number": x["complaint_number"],
                "submitted_at": x["submitted_at"],
                "package_version": x["export_version"],
                "revision": x["revision"],
                "decision": x["decision"] or None,
                "decided_at": x["decided_at"] or None,
                "decision_reasons": x["decision_reasons"] or None,
                "reopened_at": x["reopened_at"] or None,
                "reopen_reason": x["reopen_reason"] or None,
                "batch": x["batch"],
                "listings": _listing_counts(x, decided) if x["batch"] is not None else None,
            }
            for x in store.submissions.for_case(case.id)
        ],
        "read_only": store.submissions.open(case.id) is not None,
    }


def _listing_counts(sub, decided: dict[int, list[str]]) -> dict[str, int]:  # noqa: ANN001
    """How many listings a complaint filed in batches carried, and the marketplace's decisions on them."""
    mine = decided.get(sub["id"], [])
    count = len(json.loads(sub["listing_ids"] or "[]"))
    accepted, declined = mine.count("accepted"), mine.count("declined")
    return {"count": count, "accepted": accepted, "declined": declined, "undecided": count - len(mine)}


def cmd_show(args: argparse.Namespace) -> int:
    lang = language(args)
    with open_store(args) as store:
        case = store.cases.get(resolve_case(store, args.case))
        if args.revision is not None:
            content = store.revisions.get(case.id, args.revision)  # type: ignore[arg-type]
            meta = next(r for r in store.revisions.for_case(case.id) if r["number"] == args.revision)  # type: ignore[arg-type]
            d = dict(
                content,
                id=case.id,
                revision={
                    "number": args.revision,
                    "frozen_at": meta["created_at"],
                    "reason": meta["reason"],
                    "content_sha256": meta["content_sha256"],
                },
            )
            if args.format == "json":
                print(json.dumps(d, indent=2, ensure_ascii=False))
                return 0
            params = {
                "id": case.id,
                "reference": d["reference"],
                "revision": args.revision,
                "at": meta["created_at"],
                "reason": meta["reason"],
            }
            print(render("cli.show.revision_header", params, lang))
            print(render("cli.show.content_sha", {"sha": meta["content_sha256"]}, lang))
            _print_content(d, lang)
            return 0
        last = store.checks.last(case.id)  # type: ignore[arg-type]
        records = _records(store, case)
    d = case.to_json()
    d["last_check"] = (
        None
        if last is None
        else {
            "ran_at": last["ran_at"],
            "verdict": last["verdict"],
            "blockers": last["blockers"],
            "warnings": last["warnings"],
        }
    )
    d.update(records)
    if args.format == "json":
        print(json.dumps(d, indent=2, ensure_ascii=False))
        return 0

    def say(key: str, **params: object) -> None:
        print(render(f"cli.show.{key}", params, lang))

    header = render(
        "cli.show.header", {"id": d["id"], "reference": d["reference"], "status": d["status"]}, lang
    )
    print(header + (render("cli.show.read_only", {}, lang) if d["read_only"] else ""))
    _print_content(d, lang)
    lc = d["last_check"]
    if lc is None:
        say("last_check_never")
    else:
        verdict = render("check.ready" if lc["verdict"] == "ready" else "check.not_ready", {}, lang)
        say("last_check", verdict=verdict, blockers=lc["blockers"], warnings=lc["warnings"], at=lc["ran_at"])
    for e in d["exports"]:
        say(
            "package",
            version=e["version"],
            at=e["exported_at"],
            signer=e["signer"] or "?",
            revision=e["revision"] or "?",
            sha=e["sha256"],
        )
        if e["stamped_from"] is not None:
            ts = e["timestamp"] or {}
            say("stamped", version=e["stamped_from"], tsa=ts.get("tsa") or "?", at=ts.get("time") or "?")
        print(f"                {e['path']}")
    revs = d["revisions"]
    if revs:
        now = "revisions_edited" if d["edited_since_last_revision"] else "revisions_unchanged"
        say(now, numbers=[r["number"] for r in revs], last=revs[-1]["number"])
    for x in d["submissions"]:
        say(
            "submitted",
            at=x["submitted_at"],
            marketplace=x["marketplace"] or "?",
            number=x["complaint_number"],
            version=x["package_version"] or "-",
            revision=x["revision"] or "-",
        )
        if x["batch"] is not None:
            say("batch", batch=x["batch"], **x["listings"])
        if x["decision"]:
            reasons = f": {x['decision_reasons']}" if x["decision_reasons"] else ""
            say("decision", decision=x["decision"], at=x["decided_at"], reasons=reasons)
        if x["reopened_at"]:
            say("reopened", at=x["reopened_at"], reason=x["reopen_reason"])
    return 0


def _print_content(d: dict, language: str = "en") -> None:
    from desktop_app.core.case_text import content_lines

    for line in content_lines(d, language):
        print(line)


def cmd_export_folder(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        out = export_case_folder(store, resolve_case(store, args.case), args.dir, progress=stderr_progress)
    print(out)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    lang = language(args)
    with open_store(args) as store:
        case = store.cases.get(resolve_case(store, args.case))
        if not args.yes:
            if not sys.stdin.isatty():
                print(f"evidence-desk: {render('cli.delete.no_terminal', {}, lang)}", file=sys.stderr)
                return 2
            answer = input(render("cli.delete.ask", {"id": case.id, "reference": case.reference}, lang))
            if answer.strip().lower() not in ("y", "yes"):
                return 1
        removed = store.cases.delete(case.id)  # type: ignore[arg-type]
    print(render("cli.delete.done", {"id": case.id, "count": len(removed)}, lang))
    return 0
