"""Evidence Desk: offline evidence checks and signed submission packages for IP takedown complaints."""

__version__ = "0.1.0"
APP_NAME = "Evidence Desk"
APP_ID = "evidence-desk"
