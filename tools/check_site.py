"""The site's checks, without publishing anything: what the pre-commit hook runs when a
commit changes the content, the theme or the settings (.pre-commit-config.yaml), and
`make check`.

It builds the site as `make html` does (tools/build.py, every check of the plugin) into
a temporary folder, removed afterwards with its compliance report: output/, the
preview's folder and the project's compliance-report.json are left as they are.

    python tools/check_site.py [SETTINGS_FILE]   (default: pelicanconf.py)

Exit status: 0 when every check passes, 1 when the build found problems (each listed
above as <file>:<line>: what is wrong; how to fix it), 130 when interrupted.
"""

import argparse
import logging
import os
import sys
import tempfile

from pelican.log import init as init_logging

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tools.build import build, log_handler

logger = logging.getLogger("pelican")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("settings", nargs="?", default="pelicanconf.py")
    parser.add_argument("--log-handler", choices=["plain", "rich"], default="plain")
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING, handler=log_handler(args.log_handler))
    with tempfile.TemporaryDirectory(prefix="site-check-") as folder:
        try:
            build(args.settings, os.path.join(folder, "site"))
        except KeyboardInterrupt:
            return 130
        except Exception as error:  # one line, as make html gives it
            logger.critical("%s: %s", type(error).__name__, error)
            logger.critical("The site's checks failed: fix each problem listed above.")
            return getattr(error, "exitcode", 1)
    print("The site passes its checks (nothing was published).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
