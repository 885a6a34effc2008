"""Build the site into a staging folder and publish it to the output folder only if the
build succeeded, so a failed or interrupted build never leaves a half-written site where
a good one stood.

    python tools/build.py SETTINGS_FILE OUTPUT_DIR [--log-handler plain|rich]

Exit status: 0 when the site was built and published, 1 when the build failed (the
problems are listed above the last line), 130 when interrupted.
"""

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile

from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings

logger = logging.getLogger("pelican")


def build(settings_file, output_dir, overrides=None):
    """Build into a fresh staging folder beside output_dir, then swap it in.

    Raises whatever stopped the build; output_dir is then untouched.
    """
    output_dir = os.path.abspath(output_dir)
    parent = os.path.dirname(output_dir)
    os.makedirs(parent, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".staging-", dir=parent)
    try:
        settings = read_settings(
            settings_file,
            override={**(overrides or {}), "OUTPUT_PATH": staging,
                      "DELETE_OUTPUT_DIRECTORY": False},
        )
        Pelican(settings).run()
        index_for_search(staging)
        _swap_in(staging, output_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def index_for_search(site):
    """Pagefind's index of the built site, in site/pagefind/ (the search page loads it)."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", site, "--silent"],
                            capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"Pagefind could not index the site: {result.stderr.strip()}")


def _swap_in(staging, output_dir):
    old = None
    if os.path.exists(output_dir):
        old = tempfile.mkdtemp(prefix=".previous-", dir=os.path.dirname(output_dir))
        os.rename(output_dir, os.path.join(old, "site"))
    os.rename(staging, output_dir)
    os.chmod(output_dir, 0o755)
    if old:
        shutil.rmtree(old, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("settings")
    parser.add_argument("output")
    parser.add_argument("--log-handler", choices=["plain", "rich"], default="rich")
    args = parser.parse_args(argv)
    if args.log_handler == "plain":
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    else:
        from pelican.log import DEFAULT_LOG_HANDLER as handler
    init_logging(level=logging.WARNING, handler=handler)
    try:
        build(args.settings, args.output)
    except KeyboardInterrupt:
        logger.critical("Interrupted: %s was left as it was.", args.output)
        return 130
    except Exception as error:  # a writer sees one line, not a traceback
        logger.critical("%s: %s", type(error).__name__, error)
        logger.critical("Nothing was published: %s was left as it was.", args.output)
        return getattr(error, "exitcode", 1)
    print(f"Built and published {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
