"""The plugin's own tests, on sites of its own (test_data/): they need neither the
repository's site nor its theme."""
