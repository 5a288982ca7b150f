"""`evidence-desk check CASE`: run the checks and report like a linter (or as JSON for scripts).

Exit 0 when the case is ready, 1 when a blocker remains, 2 for bad input.
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop_app.cli.common import open_store, resolve_case, stderr_progress
from desktop_app.core.checks.findings import CheckReport, Finding


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="check that a case's evidence proves it (exit 0 ready, 1 not ready)",
        description="Check a case: CASE is a case id, a reference, or a case folder (imported "
        "first). Exit 0 when ready, 1 when a blocker remains, 2 for bad input.",
    )
    p.add_argument("case", metavar="CASE", help="case id, reference or case folder")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_check)


def report_json(report: CheckReport) -> dict:
    """The public JSON shape: case, verdict, findings (code, severity, message, evidence), located."""
    return report.to_json()


def _where(f: Finding) -> str:
    if not f.evidence:
        return ""
    e = f.evidence[0]
    return e.file + (f":{e.page}" if e.page else "")


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)
    return text + " " * max(0, width - used)


def format_text(report: CheckReport, language: str = "en") -> str:
    """A line per finding (severity, code, message in ``language``), then the verdict; codes unchanged."""
    from desktop_app.core.messages import finding_text, msg, render

    lines = []
    for f in report.sorted_findings():
        loc = _where(f)
        text = finding_text(f, language)
        lines.append(
            f"{_pad(render(f'severity.tag.{f.severity}', {}, language), 8)} {f.code:<36} {text}"
            + (f"  [{loc}]" if loc and f.evidence[0].file not in text else "")
        )
    b, w = len(report.blockers), len(report.warnings)
    i = len(report.findings) - b - w
    params = {
        "case": report.case,
        "verdict": msg("check.ready" if report.verdict == "ready" else "check.not_ready"),
        "blockers": msg("check.blockers." + ("one" if b == 1 else "many"), count=b),
        "warnings": msg("check.warnings." + ("one" if w == 1 else "many"), count=w),
        "infos": i,
    }
    lines.append(render("check.summary", params, language))
    return "\n".join(lines)


def cmd_check(args: argparse.Namespace) -> int:
    from desktop_app.core.checks.engine import check_case

    with open_store(args) as store:
        case_id = resolve_case(store, args.case)
        report = check_case(store, case_id, progress=stderr_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.format == "json":
        print(json.dumps(report_json(report), indent=2, ensure_ascii=False))
    else:
        print(format_text(report, getattr(args, "lang", "en") or "en"))
    return 0 if report.verdict == "ready" else 1
