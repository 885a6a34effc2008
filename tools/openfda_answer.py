"""What openFDA answered for a set id, read and judged (tools/label_updates.py asks it).

An answer is read only when it is HTTP 200 with a JSON object whose `results` is a
non-empty list of objects, each with the `set_id` asked for and an `effective_time` of 8
digits YYYYMMDD that is a real date. openFDA's documented answer to a set id it does not
know (HTTP 404, error code NOT_FOUND) means "not found". Anything else is Refused, with a
reason saying what was wrong: HTML, an empty body, an error object, a missing or
malformed field, an answer of more than LIMIT bytes (not read past LIMIT + 1); a network
error, or an answer not complete within DEADLINE, is Unreachable. A reason quotes a value
of the answer only JSON-escaped and cut short (see shown), never raw.
"""

import datetime
import http.client
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

API = "https://api.fda.gov/drug/label.json"
LIMIT = 5 * 1024 * 1024  # bytes: a longer answer is refused, and not read past this
TIMEOUT = 30  # seconds the connection, or one read, may wait
DEADLINE = 60  # seconds one answer may take in all (a server that trickles is cut off)
TOO_LARGE = f"the answer is larger than {LIMIT // 2**20} MB, the most the watch reads"
# openFDA's answer, with HTTP 404, to a search that matches nothing (its documentation)
NOT_FOUND = b'{"error": {"code": "NOT_FOUND", "message": "No matches found!"}}'
MISSING = object()

Answer = tuple[int, bytes]  # HTTP status, body


class Refused(Exception):
    """An answer the watch cannot read as labels; the text says what was wrong with it."""

    title = "openFDA answer refused"
    state = "refused"


class Unreachable(Refused):
    """No answer: a network error or a timeout."""

    title = "openFDA unreachable"
    state = "unreachable"


def ask_openfda(set_id: str) -> Answer:
    query = urllib.parse.urlencode({"search": f'set_id:"{set_id}"', "limit": 1})
    started = time.monotonic()
    answer: Any
    try:
        try:
            answer = urllib.request.urlopen(f"{API}?{query}", timeout=TIMEOUT)
        except urllib.error.HTTPError as error:
            answer = error  # openFDA's errors (its 404 NOT_FOUND among them) have a body
        with answer:
            length = answer.headers.get("Content-Length") or ""
            if length.isdigit() and int(length) > LIMIT:
                raise Refused(TOO_LARGE)
            return answer.getcode(), read_capped(answer, started)
    except (OSError, http.client.HTTPException) as error:
        raise Unreachable(f"no answer from openFDA ({type(error).__name__}: {error})") from None


def read_capped(stream: Any, started: float | None = None) -> bytes:
    """At most LIMIT bytes of a stream; Refused if it has more, Unreachable after DEADLINE."""
    body = bytearray()
    while chunk := stream.read(min(64 * 1024, LIMIT + 1 - len(body))):
        body += chunk
        if len(body) > LIMIT:
            raise Refused(TOO_LARGE)
        if started is not None and time.monotonic() - started > DEADLINE:
            raise Unreachable(f"openFDA's answer took longer than {DEADLINE} s")
    return bytes(body)


def recorded(folder: str) -> Callable[[str], Answer]:
    def ask(set_id: str) -> Answer:
        name = re.compile(re.escape(set_id) + r"(?:\.([0-9]{3}))?\.json")
        try:
            for path in sorted(Path(folder).iterdir()):
                if match := name.fullmatch(path.name):
                    with path.open("rb") as stream:
                        return int(match[1] or 200), read_capped(stream)
        except OSError as error:
            raise Unreachable(f"no recorded answer ({error})") from None
        return 404, NOT_FOUND

    return ask


def shown(value: Any) -> str:
    """A value of an answer as a message may quote it: short, and JSON-escaped if text."""
    if value is MISSING:
        return "missing"
    if isinstance(value, str):
        quoted = json.dumps(value[:40], ensure_ascii=True).replace("#", "\\u0023")
        return quoted + ("..." if len(value) > 40 else "")
    if isinstance(value, list):
        return f"a list of {len(value)}" if value else "an empty list"
    if isinstance(value, dict):
        return "an object"
    return json.dumps(value)[:40]  # null, true, false, a number


def parse(body: bytes) -> Any:
    if not body.strip():
        return refuse("the answer is empty")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        return refuse(f"the answer is not UTF-8 text (byte {error.start})")
    try:
        return json.loads(text, parse_constant=not_json)
    except json.JSONDecodeError as error:
        where = f"{error.msg.removesuffix(' at')}, line {error.lineno} column {error.colno}"
        return refuse(f"the answer is not JSON ({where}); it begins {shown(text)}")
    except RecursionError:
        return refuse("the answer nests deeper than the JSON reader goes")
    except ValueError as error:  # NaN, or a number of more digits than Python converts
        return refuse(f"the answer is not JSON the watch reads ({error})")


def not_json(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def refuse(reason: str) -> NoReturn:
    raise Refused(reason)


def effective_time(set_id: str, answer: Answer) -> str | None:
    """openFDA's effective_time (YYYYMMDD) of the set id's current label; None for its
    404 NOT_FOUND; Refused for any other answer."""
    status, body = answer
    if status == 404:
        if error_code(body) == "NOT_FOUND":
            return None
        begins = shown(body[:200].decode("utf-8", "replace"))
        refuse(f"HTTP 404 without openFDA's NOT_FOUND error; it begins {begins}")
    if status != 200:
        refuse(f"HTTP {status} (error {shown(error_code(body))}); labels come with HTTP 200")
    document = parse(body)
    if not isinstance(document, dict):
        refuse(f"the answer is {shown(document)}, not a JSON object")
    if "error" in document:
        code = document["error"].get("code") if isinstance(document["error"], dict) else None
        refuse(f"the answer is an error (code {shown(code)}), not labels")
    results = document.get("results", MISSING)
    if not isinstance(results, list) or not results:
        refuse(f"results is {shown(results)}, not a non-empty list of labels")
    return max(result_time(set_id, f"results[{n}]", r) for n, r in enumerate(results))


def result_time(set_id: str, where: str, result: Any) -> str:
    if not isinstance(result, dict):
        refuse(f"{where} is {shown(result)}, not an object")
    found = result.get("set_id", MISSING)
    if found != set_id:
        refuse(f"{where}.set_id is {shown(found)}, not the set id asked for")
    effective = result.get("effective_time", MISSING)
    if not isinstance(effective, str) or not re.fullmatch("[0-9]{8}", effective):
        refuse(f"{where}.effective_time is {shown(effective)}, not 8 digits YYYYMMDD")
    try:
        datetime.date(int(effective[:4]), int(effective[4:6]), int(effective[6:]))
    except ValueError:
        refuse(f"{where}.effective_time {effective} is not a real date")
    return effective


def error_code(body: bytes) -> Any:
    """openFDA's error code in an error answer ({"error": {"code": ...}}), or MISSING."""
    try:
        error = json.loads(body.decode("utf-8")).get("error")
        return error.get("code", MISSING)
    except (ValueError, RecursionError, AttributeError):
        return MISSING
