"""One Pelican build in this process; prints its wall time and peak memory as JSON.

python bench/build_once.py SETTINGS_FILE CONTENT OUTPUT PLUGINS [--cache] [--write-only PATH]
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
        "PATH": content,
        "OUTPUT_PATH": output,
        "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "PLUGINS": [p for p in plugins.split(",") if p],
        "CACHE_PATH": str(Path(output).parent / "cache"),
        "MEDICAL_TODAY": "2026-11-25",
        "SITE_BUILD_SEARCH_INDEX": False,
    }
    if "medical_content" not in overrides["PLUGINS"]:
        # bare Pelican renders our theme too, whose links pass through the plugin's filters
        from pelican.plugins.medical_content.outputs.template_filters import FILTERS

        overrides["JINJA_FILTERS"] = FILTERS
    if "--cache" in argv:
        # as the preview (tools/preview_rebuild.py) has it
        overrides.update(
            CACHE_CONTENT=True,
            LOAD_CONTENT_CACHE=True,
            CONTENT_CACHING_LAYER="reader",
            GZIP_CACHE=False,
        )
    if "--write-only" in argv:  # site_build's writer of only some pages
        overrides["SITE_BUILD_WRITE_ONLY"] = [argv[argv.index("--write-only") + 1]]
    logging.basicConfig(level=logging.ERROR)
    settings = read_settings(settings_file, override=overrides)
    start = time.perf_counter()
    Pelican(settings).run()
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the plugin's check workers
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_mib": max(own.ru_maxrss, workers.ru_maxrss) / 1024,  # KiB on Linux
                "cpu_main": own.ru_utime + own.ru_stime,
                "cpu_workers": workers.ru_utime + workers.ru_stime,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
