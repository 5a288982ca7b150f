"""The Qt-free core of Evidence Desk: domain model, store, evidence reading, checks, packaging, signing."""
