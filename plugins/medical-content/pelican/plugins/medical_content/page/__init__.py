"""The page model: what the plugin knows of one page (its header, kind, review, sources,
status, FAQ, ``model.Medical``) and what a reader gets from it (``view``)."""
