"""Signed, verifiable submission packages (BagIt in a ZIP, CMS and PAdES signatures). No Qt."""
