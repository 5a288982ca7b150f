"""Package commands: export (a signed submission package) and verify (anyone's package, offline)."""

from __future__ import annotations

import argparse
import sys

from desktop_app.cli.common import language, open_store, resolve_case, stderr_progress
from desktop_app.cli.identity import add_passphrase_args, read_passphrase
from desktop_app.core.messages import render

EXIT_VALID, EXIT_INVALID, EXIT_UNUSABLE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export a case as a signed, verifiable ZIP package")
    p.add_argument("case", metavar="CASE", help="case id or reference")
    p.add_argument("--out", required=True, metavar="PATH", help="the .zip to write (or a folder)")
    p.add_argument("--identity", metavar="NAME", help="signing identity (default: the only one)")
    p.add_argument(
        "--allow-blockers",
        action="store_true",
        help="export despite blockers; the override is written into complaint.json",
    )
    add_passphrase_args(p)
    p.set_defaults(func=cmd_export)

    v = sub.add_parser(
        "verify",
        help="verify a package: files intact, signature valid, signer trusted "
        "(exit 0 intact and valid, 1 not intact or invalid, 2 unusable input)",
        description="Three answers: are the files intact, is the signature valid, is the signer trusted. "
        "The signer is trusted only against --trust / --fingerprint, or else the trusted certificates and "
        "fingerprints configured in Settings (trust.json in the data directory); otherwise it is 'not "
        "established'. Exit 0: files intact and signature valid; 1: not intact or invalid, or the signer "
        "is not trusted when trust is required (--require-trust, or any --trust / --fingerprint given); "
        "2: unusable input.",
    )
    v.add_argument("package", metavar="PACKAGE.zip")
    v.add_argument(
        "--trust",
        metavar="CERT.pem",
        action="append",
        help="a trusted certificate: the signer's own, or a CA that issued it (repeatable)",
    )
    v.add_argument(
        "--fingerprint",
        metavar="SHA256",
        action="append",
        help="a trusted SHA-256 certificate fingerprint, of the signer or of a CA in its chain (repeatable)",
    )
    v.add_argument(
        "--require-trust",
        action="store_true",
        help="exit 1 unless the signer is trusted (implied by --trust and --fingerprint)",
    )
    v.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    v.set_defaults(func=cmd_verify)


def cmd_export(args: argparse.Namespace) -> int:
    from desktop_app.core.package.export import export_case
    from desktop_app.core.package.signing import find_identity, load_identity

    with open_store(args) as store:
        case_id = resolve_case(store, args.case)
        info = find_identity(store.data_dir, args.identity)
        identity = load_identity(
            store.data_dir,
            info.name,
            read_passphrase(args, render("cli.passphrase.identity", {"name": info.name}, language(args))),
        )
        result = export_case(
            store, case_id, args.out, identity, allow_blockers=args.allow_blockers, progress=stderr_progress
        )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    lang = language(args)
    print(result.path)
    print(render("cli.export.version", {"version": result.version, "revision": result.revision}, lang))
    if result.unchanged_since is not None:
        params = {"since": result.unchanged_since, "revision": result.revision}
        print(render("cli.export.unchanged", params, lang))
    print(render("cli.export.sha", {"sha": result.sha256}, lang))
    params = {
        "signer": result.signer,
        "at": result.signing_time.isoformat(),
        "fingerprint": result.signer_fingerprint,
    }
    print(render("cli.export.signed", params, lang))
    if result.blockers_overridden:
        print(render("cli.export.overridden", {}, lang), file=sys.stderr)
    return 0


def verify_anchors(args: argparse.Namespace):  # noqa: ANN201 - TrustAnchors
    """--trust / --fingerprint when given, else the trust list configured in the data directory."""
    from desktop_app.core.package.trust import anchors_from_arguments, load_trust_store
    from desktop_app.core.paths import resolve_data_dir

    if args.trust or args.fingerprint:
        return anchors_from_arguments(args.trust, args.fingerprint)
    return load_trust_store(resolve_data_dir(args.data_dir)).anchors()


def verify_exit_code(report, require_trust: bool) -> int:  # noqa: ANN001 - VerifyReport
    if not report.valid:
        return EXIT_INVALID
    if require_trust and report.trusted is not True:
        return EXIT_INVALID
    return EXIT_VALID


def cmd_verify(args: argparse.Namespace) -> int:
    import json

    from desktop_app.core.package.verify import verify_package

    anchors = verify_anchors(args)
    report = verify_package(args.package, trust=anchors, progress=stderr_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    require = bool(args.require_trust or args.trust or args.fingerprint)
    code = verify_exit_code(report, require)
    if args.format == "json":
        doc = report.to_json()
        doc["trust_required"] = require
        doc["exit_code"] = code
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return code
    for line in verify_text(report, require, getattr(args, "lang", "en") or "en"):
        print(line)
    return code


def verify_text(report, require_trust: bool = False, language: str = "en") -> list[str]:  # noqa: ANN001
    """The three answers as lines of text in ``language`` (also what the window's copy button gives)."""
    from desktop_app.core.messages import render

    def line(key: str, **params: object) -> str:
        return render(f"verify.line.{key}", params, language)

    say = report.say if hasattr(report, "say") else (lambda text, _lang="en": text)
    lines = [line("package", package=report.package, reference=report.reference)]
    total, failures = len(report.files), report.failures
    if report.intact:
        lines.append(line("intact_yes", total=total))
    else:
        bad = len(failures) + len(report.problems)
        lines.append(line("intact_no", bad=bad, matching=total - len(failures), total=total))
        for f in failures:
            lines.append(
                line("file_problem", kind=f.kind or "invalid", name=f.name, problem=say(f.problem, language))
            )
        for problem in report.problems:
            lines.append(line("problem", problem=say(problem, language)))
    who = f"'{report.signer}'" + (f" ({report.organisation})" if report.organisation else "")
    if report.signature_valid:
        lines.append(line("signature_yes", who=who))
    else:
        lines.append(line("signature_no"))
        for problem in report.signature_problems:
            lines.append(line("problem", problem=say(problem, language)))
    if report.fingerprint:
        lines.append(line("fingerprint", fingerprint=report.fingerprint))
    if report.signing_time:
        lines.append(line("signing_time", time=report.signing_time.isoformat()))
    if report.trusted is True:
        lines.append(line("trusted_yes", basis=report.trust_basis))
    elif report.signature_valid or report.cms_valid:
        lines.append(line("trusted_no", why=report.trust_text))
        if report.trusted is None:
            lines.append(line("trust_hint"))
    else:
        lines.append(line("trusted_na"))
    ts = report.timestamp
    if ts is not None:
        lines.extend(ts.text_lines(language))
    if report.repacked:
        lines.append(line("note", note=say(report.repack_note, language)))
    if not report.valid:
        if not report.intact and not report.signature_valid:
            verdict = "invalid_both"
        else:
            verdict = "invalid_files" if not report.intact else "invalid_signature"
    elif report.trusted is True:
        verdict = "valid_trusted"
    else:
        verdict = "not_accepted" if require_trust else "valid_untrusted"
    lines.append(render(f"verify.verdict.{verdict}", {}, language))
    return lines
