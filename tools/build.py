"""Build the site into a staging folder and publish it to the output folder only if the
build succeeded, so a failed or interrupted build never leaves a half-written site where
a good one stood.

    python tools/build.py SETTINGS_FILE OUTPUT_DIR [--log-handler plain|rich]

Exit status: 0 when the site was built and published, 1 when the build failed (the
problems are listed above the last line), 130 when interrupted.
"""

import argparse
import ctypes
import errno
import logging
import os
import shutil
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
            override={
                **(overrides or {}),
                "OUTPUT_PATH": staging,
                "DELETE_OUTPUT_DIRECTORY": False,
            },
        )
        Pelican(settings).run()
        _swap_in(staging, output_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap_in(staging, output_dir):
    """Put the staged site where the published one stands, in one step where the system
    allows it: renameat2(RENAME_EXCHANGE) swaps the two folders atomically, so a web
    server reading output_dir sees the old site or the new one, never a mix or nothing."""
    os.chmod(staging, 0o755)
    if not os.path.exists(output_dir):
        os.rename(staging, output_dir)
        return
    if not exchange(staging, output_dir):  # e.g. a file system without RENAME_EXCHANGE
        old = tempfile.mkdtemp(prefix=".previous-", dir=os.path.dirname(output_dir))
        os.rename(output_dir, os.path.join(old, "site"))
        os.rename(staging, output_dir)
        shutil.rmtree(old, ignore_errors=True)
    # after an exchange, staging holds the old site; build() removes it


def exchange(first, second):
    """Swap two paths atomically (Linux renameat2 with RENAME_EXCHANGE); False if the
    system cannot."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    if result != 0:
        error = ctypes.get_errno()
        if error in (errno.EINVAL, errno.ENOSYS, errno.EXDEV):
            return False
        raise OSError(error, os.strerror(error), second)
    return True


def log_handler(name):
    """Pelican's coloured, wrapped log at a terminal ("rich"), or one plain line per
    message ("plain") for CI logs and for tools that read the messages."""
    if name == "plain":
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        return handler
    from pelican.log import DEFAULT_LOG_HANDLER

    return DEFAULT_LOG_HANDLER


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("settings")
    parser.add_argument("output")
    parser.add_argument("--log-handler", choices=["plain", "rich"], default="rich")
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING, handler=log_handler(args.log_handler))
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
