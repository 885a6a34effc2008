"""One Pelican build in this process; prints its wall time and peak memory as JSON.

    python bench/build_once.py SETTINGS_FILE CONTENT OUTPUT PLUGINS [--cache] [--write-selected PATH]
"""

import json
import logging
import resource
import sys
import time
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent


def main(argv):
    settings_file, content, output, plugins = argv[:4]
    overrides = {
        "PATH": content, "OUTPUT_PATH": output, "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "PLUGINS": [p for p in plugins.split(",") if p],
        "CACHE_PATH": str(Path(output).parent / "cache"),
        "MEDICAL_TODAY": "2026-11-25", "SITE_BUILD_SEARCH_INDEX": False,
    }
    if "--cache" in argv:
        overrides.update(CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CONTENT_CACHING_LAYER="reader")
    if "--write-selected" in argv:
        overrides["WRITE_SELECTED"] = [argv[argv.index("--write-selected") + 1]]
    logging.basicConfig(level=logging.ERROR)
    settings = read_settings(settings_file, override=overrides)
    start = time.perf_counter()
    Pelican(settings).run()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB on Linux
    print(json.dumps({"seconds": seconds, "peak_mib": peak}))


if __name__ == "__main__":
    main(sys.argv[1:])
