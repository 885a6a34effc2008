"""The judges: whether a sentence says what the drug's label holds (``approvals``,
``claims``), and whether it overstates safety or benefit (``risk_language``). They read
text and the registry; they know nothing of pages or of Pelican."""
