"""The ``infoview`` command: validate logs, write reports, list what is due, summarise.

::

    infoview validate LOG...                       problems table; exit 1 if any
    infoview report LOG -o report.html [--pseudonymize] [--salt S] [--title T]
    infoview due LOG [--today YYYY-MM-DD] [--ics reminders.ics]
    infoview summary LOG [--today YYYY-MM-DD] [--json]

``LOG`` is a log file (CSV, TSV, XLSX, JSON, Parquet); for ``validate`` and
``report`` it may also be a folder of a class's logs.

Exit codes: 0 success; 1 ``validate`` found problems; 2 the command could not run
(a bad argument, a missing or unreadable file, a log with problems for
``report``/``due``/``summary``) — always with a plain message on stderr, never a
traceback. Set ``INFOVIEW_DEBUG=1`` to see the traceback of an unexpected error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import sys
from pathlib import Path

import pandas as pd

from .errors import LogValidationError

__all__ = ["main", "build_parser"]

PROG = "infoview"
EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit code 2."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


class _Failure(Exception):
    """A command that cannot run; the message is shown as is."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2025-04-15") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``infoview`` command."""
    parser = _Parser(
        prog=PROG,
        description="Check and analyse informational-interview logs.",
        epilog="Run 'infoview COMMAND --help' for a command's options.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    validate = commands.add_parser(
        "validate", help="check logs and list every problem",
        description="Check one or more logs (or folders of logs) and list every problem "
                    "with its row and column. Exit code 1 if any log has a problem.")
    validate.add_argument("logs", nargs="+", metavar="LOG", help="a log file or a folder of logs")

    report = commands.add_parser(
        "report", help="write a self-contained HTML report",
        description="Write one HTML file with the headline numbers, the follow-ups due, "
                    "charts with alt text and the interviews. A folder of logs gives a "
                    "class report.")
    report.add_argument("log", metavar="LOG", help="a log file or a folder of a class's logs")
    report.add_argument("-o", "--output", required=True, metavar="OUT.html",
                        help="the HTML file to write")
    report.add_argument("--title", help="the report's title")
    report.add_argument("--pseudonymize", "--pseudonymise", action="store_true",
                        help="replace contacts' names with stable tokens and leave notes out")
    report.add_argument("--salt", help="secret that keys the tokens; the same salt gives the "
                                       "same tokens (default: a random one)")
    report.add_argument("--today", type=_date, metavar="YYYY-MM-DD",
                        help="the day the report is as of (default: today)")

    due = commands.add_parser(
        "due", help="list the follow-ups due (3B7 routine and thank-you notes)",
        description="List the actions due: a second contact after 3 business days without "
                    "a reply, one follow-up after 7, and thank-you notes from the day after "
                    "an interview.")
    due.add_argument("log", metavar="LOG", help="a log file")
    due.add_argument("--today", type=_date, metavar="YYYY-MM-DD",
                     help="the day to check (default: today)")
    due.add_argument("--ics", metavar="FILE.ics",
                     help="also write the actions as all-day calendar events on that day")

    summary = commands.add_parser(
        "summary", help="print the headline numbers",
        description="Print the headline numbers of a log: interviews, network size, "
                    "response, thank-you and follow-up rates, follow-ups due.")
    summary.add_argument("log", metavar="LOG", help="a log file")
    summary.add_argument("--today", type=_date, metavar="YYYY-MM-DD",
                         help="the day the numbers are as of (default: today)")
    summary.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


# ------------------------------------------------------------------------ commands


def _existing(path_text: str, *, folder_ok: bool = False) -> Path:
    path = Path(path_text)
    if not path.exists():
        raise _Failure(f"no such file: {path_text}")
    if path.is_dir() and not folder_ok:
        raise _Failure(f"{path_text} is a folder; give a log file")
    if path.is_file() and not os.access(path, os.R_OK):
        raise _Failure(f"cannot read {path_text}: permission denied")
    return path


def _load(path_text: str) -> pd.DataFrame:
    from .io import load_log

    return load_log(_existing(path_text))


def _table(frame: pd.DataFrame) -> str:
    """A plain text table: text left-aligned, numbers right-aligned."""
    columns = []
    for name in frame.columns:
        numeric = pd.api.types.is_numeric_dtype(frame[name])
        cells = [str(name)] + frame[name].astype("string").fillna("").tolist()
        width = max(len(c) for c in cells)
        columns.append([c.rjust(width) if numeric else c.ljust(width) for c in cells])
    lines = ["  ".join(row).rstrip() for row in zip(*columns, strict=True)]
    return "\n".join(lines)


def _validate(args) -> int:
    from .io import check_log, load_class

    worst = EXIT_OK
    for text in args.logs:
        try:
            path = _existing(text, folder_ok=True)
        except _Failure as failure:
            print(f"{PROG}: error: {failure}", file=sys.stderr)
            worst = EXIT_ERROR
            continue
        if path.is_dir():
            class_log = load_class(path)
            problems = class_log.problems.drop(columns="student")
            checked = f"{len(class_log.files)} logs"
        else:
            problems = check_log(path)
            checked = "the log"
        if len(problems) == 0:
            print(f"{text}: OK, no problems in {checked}.")
            continue
        noun = "problem" if len(problems) == 1 else "problems"
        print(f"{text}: {len(problems)} {noun}")
        print(_table(problems))
        print()
        worst = max(worst, EXIT_PROBLEMS)
    return worst


def _report(args) -> int:
    from .report import write_report

    source = _existing(args.log, folder_ok=True)
    salt = args.salt
    if args.pseudonymize and salt is None:
        from .privacy import new_salt

        salt = new_salt()
        print(f"{PROG}: note: no --salt given; tokens are random for this report "
              "(pass --salt to keep them the same from report to report)", file=sys.stderr)
    if args.salt is not None and not args.pseudonymize:
        raise _Failure("--salt only makes sense with --pseudonymize")
    written = write_report(source, args.output, title=args.title,
                           pseudonymize=args.pseudonymize, salt=salt, today=args.today)
    print(f"Wrote {written}")
    return EXIT_OK


def _due(args) -> int:
    from .metrics import as_day, due_followups, format_day

    log = _load(args.log)
    today = as_day(args.today)
    due = due_followups(log, today)
    if due.empty:
        print(f"Nothing due on {format_day(today)}.")
    else:
        noun = "action" if len(due) == 1 else "actions"
        print(f"{len(due)} {noun} due on {format_day(today)}:")
        shown = due.assign(due_since=due["due_since"].map(format_day))
        shown = shown[["due_since", "action", "contact", "organization", "message"]]
        shown.columns = ["due since", "action", "contact", "organization", "what to do"]
        print(_table(shown))
    if args.ics:
        if due.empty:
            print(f"No calendar written: nothing is due, so {args.ics} would be empty.")
        else:
            from .calendar_export import write_ics

            written = write_ics(due, args.ics, on=today)
            print(f"Wrote {len(due)} reminders to {written}")
    return EXIT_OK


def _summary(args) -> int:
    from .metrics import RATE_KEYS, SUMMARY_LABELS, format_day, summary

    log = _load(args.log)
    numbers = summary(log, as_of=args.today)
    if args.json:
        def plain(value):
            if isinstance(value, pd.Timestamp):
                return value.date().isoformat()
            if isinstance(value, float) and math.isnan(value):
                return None
            return value

        print(json.dumps({k: plain(v) for k, v in numbers.items()}, indent=2))
        return EXIT_OK
    print(f"{args.log} as of {format_day(numbers['as_of'])}")
    width = max(len(label) for label in SUMMARY_LABELS.values())
    for key, label in SUMMARY_LABELS.items():
        value = numbers[key]
        if key in RATE_KEYS:
            n, k = numbers[f"{key}_n"], numbers[f"{key}_k"]
            text = "n/a (nothing to count yet)" if n == 0 else f"{value:.0%} ({k} of {n})"
        else:
            text = str(value)
        print(f"  {label:<{width}}  {text}")
    return EXIT_OK


COMMANDS = {"validate": _validate, "report": _report, "due": _due, "summary": _summary}


def main(argv: list[str] | None = None) -> int:
    """Run the ``infoview`` command; returns the exit code.

    Parameters
    ----------
    argv : list of str, optional
        The arguments (``sys.argv[1:]`` by default).
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except _Failure as failure:
        print(f"{PROG} {args.command}: error: {failure}", file=sys.stderr)
    except LogValidationError as error:
        print(f"{PROG} {args.command}: error: {error}", file=sys.stderr)
        print(f"(run '{PROG} validate' on the file for the full list)", file=sys.stderr)
    except FileNotFoundError as error:
        print(f"{PROG} {args.command}: error: no such file: {error.filename or error}",
              file=sys.stderr)
    except (OSError, ValueError) as error:
        if os.environ.get("INFOVIEW_DEBUG"):
            raise
        print(f"{PROG} {args.command}: error: {error}", file=sys.stderr)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - the command never shows a traceback
        if os.environ.get("INFOVIEW_DEBUG"):
            raise
        print(f"{PROG} {args.command}: error: unexpected {type(error).__name__}: {error} "
              "(set INFOVIEW_DEBUG=1 to see the details)", file=sys.stderr)
    return EXIT_ERROR
