"""Right commands: `right confirm` (confirm a right's fields by hand against its certificate)."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from desktop_app.cli.common import language, open_store, resolve_case
from desktop_app.core.confirmation import FIELDS
from desktop_app.core.messages import msg, render


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("right", help="rights of a case: confirm their fields by hand against the certificate")
    rsub = p.add_subparsers(dest="right_command", metavar="ACTION", required=True)
    c = rsub.add_parser(
        "confirm",
        help="record that you checked a right's entered fields against its certificate",
        description="When a certificate cannot be read, nothing on it was checked and the case is not "
        "ready. Look at the certificate, then confirm the entered fields that it shows. The confirmation "
        "(who, when, which fields, the certificate's SHA-256) is kept in the audit log and the summary "
        "says 'confirmed by hand'; it no longer counts once the certificate or a confirmed field changes. "
        f"Fields: {', '.join(f'{k} ({v})' for k, v in FIELDS.items())}. "
        "Exit 0 when recorded, 2 for bad input (read-only case, no certificate, empty field).",
    )
    c.add_argument("case", metavar="CASE", help="case id or reference")
    c.add_argument("right", metavar="RIGHT", help="the right: its id, registration number or mark")
    c.add_argument("--fields", default="", metavar="LIST", help=f"comma-separated, of: {','.join(FIELDS)}")
    c.add_argument("--all", action="store_true", help="confirm every field (needs --expires)")
    c.add_argument(
        "--expires",
        type=_date,
        metavar="YYYY-MM-DD",
        help="when confirming dates: the end of the registration's term as printed (or as renewed)",
    )
    c.add_argument(
        "--identity", metavar="NAME", help="who confirms (default: the only signing identity, else you)"
    )
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.set_defaults(func=cmd_confirm)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None


def resolve_right(case, ref: str) -> int:  # noqa: ANN001
    """RIGHT as the right's id, its registration number or its mark (one sentence when ambiguous)."""
    from desktop_app.core.errors import NotFoundError
    from desktop_app.core.reading.matching import fold
    from desktop_app.core.reading.normalize import same_registration_number

    rights = [r for r in case.rights if r.id is not None]
    if ref.isdigit():
        by_id = [r for r in rights if r.id == int(ref)]
        if by_id:
            return by_id[0].id  # type: ignore[return-value]
    found = [r for r in rights if same_registration_number(ref, r.registration_number, r.office)]
    found = found or [r for r in rights if fold(r.mark) and fold(r.mark) == fold(ref)]
    if len(found) == 1:
        return found[0].id  # type: ignore[return-value]
    shown = [f"{r.id}: {r.mark} ({r.office} {r.registration_number})" for r in rights] or ["-"]
    if found:
        raise NotFoundError.keyed("cli.right.ambiguous", ref=ref, case=case.reference, rights=shown)
    raise NotFoundError.keyed("cli.right.unknown", ref=ref, case=case.reference, rights=shown)


def cmd_confirm(args: argparse.Namespace) -> int:
    from desktop_app.core.confirmation import confirm_right, parse_fields, who_confirms

    with open_store(args) as store:
        case_id = resolve_case(store, args.case)
        case = store.cases.get(case_id)
        right_id = resolve_right(case, args.right)
        names = parse_fields(args.fields, all_fields=args.all)
        who = who_confirms(store, args.identity)
        c = confirm_right(store, case_id, right_id, names, expires=args.expires, confirmed_by=who)
        right = store.rights.get(right_id)
    if args.format == "json":
        print(json.dumps(dict(c.to_json(), id=c.id, case=case.reference), indent=2, ensure_ascii=False))
        return 0
    params = {
        "case": case.reference,
        "mark": right.mark,
        "office": right.office,
        "number": right.registration_number,
        "fields": list(c.fields),
        "source": msg("cli.right.source", who=c.confirmed_by, date=c.date),
        "certificate": right.certificate.original_name if right.certificate else "?",
        "sha": c.certificate_sha256[:16],
    }
    print(render("cli.right.confirmed", params, language(args)))
    return 0
