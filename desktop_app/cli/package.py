"""Package commands: export (a signed submission package) and verify (anyone's package, offline)."""

from __future__ import annotations

import argparse
import sys

from desktop_app.cli.common import open_store, resolve_case, stderr_progress
from desktop_app.cli.identity import add_passphrase_args, read_passphrase

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
        "verify", help="verify a package: files, bag, signatures (exit 0 valid, 1 invalid, 2 unusable input)"
    )
    v.add_argument("package", metavar="PACKAGE.zip")
    trust = v.add_mutually_exclusive_group()
    trust.add_argument("--trust", metavar="CERT.pem", help="the signer (or its CA) must be this certificate")
    trust.add_argument("--fingerprint", metavar="SHA256", help="the signer certificate's SHA-256 fingerprint")
    v.set_defaults(func=cmd_verify)


def cmd_export(args: argparse.Namespace) -> int:
    from desktop_app.core.package.export import export_case
    from desktop_app.core.package.signing import find_identity, load_identity

    with open_store(args) as store:
        case_id = resolve_case(store, args.case)
        info = find_identity(store.data_dir, args.identity)
        identity = load_identity(
            store.data_dir, info.name, read_passphrase(args, f"Passphrase for '{info.name}': ")
        )
        result = export_case(
            store, case_id, args.out, identity, allow_blockers=args.allow_blockers, progress=stderr_progress
        )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(result.path)
    print(f"SHA-256 {result.sha256}")
    print(
        f"Signed by {result.signer} at {result.signing_time.isoformat()} (certificate SHA-256 "
        f"{result.signer_fingerprint})"
    )
    if result.blockers_overridden:
        print("Exported despite blockers (override recorded in complaint.json).", file=sys.stderr)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from desktop_app.core.package.verify import verify_package

    report = verify_package(
        args.package, trust_cert=args.trust, fingerprint=args.fingerprint, progress=stderr_progress
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Package: {report.package} ({report.reference})")
    if report.signer:
        print(f"Signer: {report.signer}" + (f", {report.organisation}" if report.organisation else ""))
        print(f"Certificate SHA-256: {report.fingerprint}")
    if report.signing_time:
        print(f"Signing time (asserted by the signer): {report.signing_time.isoformat()}")
    trust = {None: "not checked (pass --trust or --fingerprint to pin the signer)", True: "yes", False: "NO"}
    print(f"Trusted signer: {trust[report.trusted]}")
    ok_files = sum(1 for f in report.files if f.ok)
    print(f"Files intact: {ok_files} of {len(report.files)}")
    for f in report.failures:
        print(f"FAILED {f.name}: {f.problem}")
    for problem in report.problems:
        print(f"FAILED {problem}")
    print("VALID" if report.valid else "INVALID")
    return EXIT_VALID if report.valid else EXIT_INVALID
