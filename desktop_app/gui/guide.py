"""The user guide, shipped with the app (offline) as Markdown in resources/guide/, English and Chinese."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.core.resources import resources_dir


def guide_path(language: str) -> Path:
    """The guide in ``language``, else the English one."""
    folder = resources_dir() / "guide"
    wanted = folder / f"user-guide.{language}.md"
    return wanted if wanted.exists() else folder / "user-guide.en.md"


class GuideDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.resize(900, 760)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(False)
        path = guide_path(language)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
