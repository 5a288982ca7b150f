"""The start page shown when no case is open: the first things a new user can do, one click each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class StartPage(QWidget):
    """``action_requested`` carries one of "demo", "new", "import", "guide"."""

    action_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(10)
        title = QLabel(self.tr("Welcome to Evidence Desk"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Prepare an IP takedown complaint: attach the trademark certificate and screenshots of the "
                "listing, let the checks show what the evidence proves, then export a signed package. "
                "Select a case in the list, or start here:"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(intro)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, tip in (
            ("demo", self.tr("Open the demo case"), self.tr("A complete example case to explore")),
            ("new", self.tr("New case"), self.tr("Start an empty case (Ctrl+N)")),
            ("import", self.tr("Import case folders…"), self.tr("Folders holding a case.toml")),
            ("guide", self.tr("User guide"), self.tr("How the workflow goes and what each finding means")),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"start_{key}")
            button.setToolTip(tip)
            button.setMinimumHeight(34)
            button.clicked.connect(lambda _c=False, k=key: self.action_requested.emit(k))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.buttons[key] = button
        width = max(b.sizeHint().width() for b in self.buttons.values())
        for b in self.buttons.values():
            b.setMinimumWidth(max(260, width))
        layout.addStretch(1)
