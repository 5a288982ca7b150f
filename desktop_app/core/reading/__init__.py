"""Reading evidence: text with positions from PDFs and images, and the facts read out of it."""
