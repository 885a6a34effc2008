"""Build the site into a staging folder and publish it to the output folder only if the
build succeeded, so a failed or interrupted build never leaves a half-written site where
a good one stood.

    python tools/build.py SETTINGS_FILE OUTPUT_DIR [--log-handler plain|rich]

Exit status: 0 when the site was built and published, 1 when the build failed (the
problems are listed above the last line), 130 when interrupted.

A build owns its staging folder, ``.staging-<output's name>-*`` beside the output: Pelican
writes into its ``site/``, and its ``owner`` file (the output and the build's process id)
is locked for as long as the build runs. A build killed on the way (SIGKILL, a power cut)
leaves its folder behind; the next build of the same output removes it, and never one
whose lock a running build holds (`make html` and `make publish` may run side by side).
"""

import argparse
import contextlib
import ctypes
import errno
import fcntl
import json
import logging
import os
import shutil
import stat
import sys
import tempfile

from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings

logger = logging.getLogger("pelican")


OWNER = "owner"  # in a staging folder: whose it is, locked while its build runs
_HELD: set[int] = set()  # the locks of the builds under way in this process


def _forget_locks():
    """A forked child (the plugin's check workers) keeps no build's lock: a worker that
    outlived a killed build would keep its staging folder forever."""
    for lock in _HELD:
        with contextlib.suppress(OSError):
            os.close(lock)
    _HELD.clear()


os.register_at_fork(after_in_child=_forget_locks)


def build(settings_file, output_dir, overrides=None):
    """Build into a fresh staging folder beside output_dir, then swap it in.

    Raises whatever stopped the build; output_dir is then untouched.
    """
    output_dir = os.path.abspath(output_dir)
    os.makedirs(os.path.dirname(output_dir), exist_ok=True)
    remove_stale(output_dir)
    staging, lock = claim(output_dir)
    site = os.path.join(staging, "site")
    try:
        settings = read_settings(
            settings_file,
            override={
                **(overrides or {}),
                "OUTPUT_PATH": site,
                "DELETE_OUTPUT_DIRECTORY": False,
            },
        )
        # the compliance report goes beside the output, as it would without a staging
        # folder (a failed build's too: it lists what failed)
        report = settings.get("MEDICAL_REPORT_FILE", "compliance-report.json")
        if not os.path.isabs(report):
            settings["MEDICAL_REPORT_FILE"] = os.path.join(os.path.dirname(output_dir), report)
        Pelican(settings).run()
        _swap_in(site, output_dir)
    finally:
        _remove(staging)  # ignores errors
        _HELD.discard(lock)
        os.close(lock)


def claim(output_dir):
    """A new staging folder for output_dir, and the lock on its owner file, which this
    process holds until it closes it or ends (however it ends)."""
    output_dir = os.path.abspath(output_dir)
    parent, name = os.path.split(output_dir)
    staging = tempfile.mkdtemp(prefix=f".staging-{name}-", dir=parent)
    os.mkdir(os.path.join(staging, "site"))
    unnamed = os.path.join(staging, OWNER + ".new")
    lock = os.open(unnamed, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    _HELD.add(lock)
    fcntl.flock(lock, fcntl.LOCK_EX)
    os.write(lock, json.dumps({"output": output_dir, "pid": os.getpid()}).encode())
    os.rename(unnamed, os.path.join(staging, OWNER))  # named once locked: never seen unowned
    return staging, lock


def remove_stale(output_dir):
    """Remove the staging folders of output_dir that killed builds left: those whose owner
    file names output_dir and is locked by no running build. Nothing else is touched: not
    a folder without an owner file (another tool's, or a build's that is starting), not
    one of another output, not a symbolic link. Returns the folders removed."""
    output_dir = os.path.abspath(output_dir)
    parent, name = os.path.split(output_dir)
    removed = []
    for entry in os.scandir(parent):
        if entry.name.startswith(f".staging-{name}-") and entry.is_dir(follow_symlinks=False):
            try:
                owner = os.open(
                    os.path.join(entry.path, OWNER), os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK
                )
            except OSError:
                continue  # no owner file: not a folder this removes
            try:
                if _owned_by_nobody(owner, output_dir):
                    _remove(entry.path, output_dir)
                    removed.append(entry.path)
            finally:
                os.close(owner)
    return removed


def _owned_by_nobody(owner, output_dir):
    """True when the owner file names output_dir and its lock is now this process's."""
    try:
        if not stat.S_ISREG(os.fstat(owner).st_mode):
            return False
        record = json.loads(os.read(owner, 4096))
        if not isinstance(record, dict) or record.get("output") != output_dir:
            return False
        fcntl.flock(owner, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (OSError, ValueError):  # BlockingIOError: a running build holds it
        return False
    return True


def _remove(staging, output_dir=None):
    """A staging folder, its owner file last (a removal cut short is tried again). Given
    output_dir, put back a published site that a killed build had moved aside."""
    previous = os.path.join(staging, "previous")
    if output_dir and os.path.isdir(previous) and not os.path.lexists(output_dir):
        with contextlib.suppress(OSError):  # another build published one meanwhile
            os.rename(previous, output_dir)
    for part in ("site", "previous"):
        shutil.rmtree(os.path.join(staging, part), ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)


def _swap_in(site, output_dir):
    """Put the staged site where the published one stands, in one step where the system
    allows it: renameat2(RENAME_EXCHANGE) swaps the two folders atomically, so a web
    server reading output_dir sees the old site or the new one, never a mix or nothing."""
    os.chmod(site, 0o755)
    if not os.path.exists(output_dir):
        os.rename(site, output_dir)
        return
    if not exchange(site, output_dir):  # e.g. a file system without RENAME_EXCHANGE
        os.rename(output_dir, os.path.join(os.path.dirname(site), "previous"))
        os.rename(site, output_dir)
    # the old site is now in the staging folder; build() removes it


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
    parser.add_argument(
        "--review-packets", metavar="FOLDER", help="write the review packets there (make review)"
    )
    args = parser.parse_args(argv)
    overrides = {"MEDICAL_REVIEW_PACKETS": args.review_packets} if args.review_packets else None
    init_logging(level=logging.WARNING, handler=log_handler(args.log_handler))
    try:
        build(args.settings, args.output, overrides)
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
