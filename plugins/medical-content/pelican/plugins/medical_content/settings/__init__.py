"""The settings: the ``MEDICAL_*`` defaults, each value checked, read once into one
frozen ``Config``; the page header's schema; the theme checked at start."""
