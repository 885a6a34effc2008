"""The checks of a page: each reads the page (its reader's view, or the written page)
and returns faults; they change nothing."""
