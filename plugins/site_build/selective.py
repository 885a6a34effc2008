"""Writing only some pages: the quick first step of a preview rebuild after a save.

Pelican 4.12 removed its WRITE_SELECTED setting. This writer brings the idea back for
the preview (``tools/serve.py``): with ``SITE_BUILD_WRITE_ONLY`` set to output paths, it
renders and writes only those, and skips the rest before any template work, which is
most of a rebuild's cost once Pelican's content cache has spared the reading.
"""

import os
from collections.abc import Mapping
from typing import Any

from pelican.writers import Writer

from .settings import load


class SelectiveWriter(Writer):
    def __init__(self, output_path: str, settings: Mapping[str, Any]) -> None:
        super().__init__(output_path, settings=settings)
        self.only = {
            os.path.abspath(os.path.join(output_path, path)) for path in load(settings).write_only
        }

    def _selected(self, name: str) -> bool:
        return os.path.abspath(os.path.join(self.output_path, name)) in self.only

    def write_file(self, name: str, *args: Any, **kwargs: Any) -> None:
        if name and self._selected(name):
            super().write_file(name, *args, **kwargs)

    def write_feed(self, *args: Any, **kwargs: Any) -> None:
        return None  # feeds are rewritten by the full build that follows
