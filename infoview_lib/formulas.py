"""Keep spreadsheet formulas out of what the kit writes, losslessly.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` is run as a formula by Excel,
LibreOffice and Google Sheets ("CSV injection"). Every text cell the kit writes
gets a leading apostrophe when it would start that way, and :func:`unescape`
removes exactly that apostrophe on load. Text that already starts with
apostrophes followed by one of those characters gets one more, so the round
trip ``unescape(escape(x)) == x`` holds for every string.
"""

from __future__ import annotations

import re

import pandas as pd

_NEEDS_ESCAPE = re.compile(r"^'*[=+\-@]")
_ESCAPED = re.compile(r"^'+[=+\-@]")


def escape_text(value: str) -> str:
    """Return ``value`` safe to put in a spreadsheet cell."""
    return "'" + value if _NEEDS_ESCAPE.match(value) else value


def unescape_text(value: str) -> str:
    """Undo :func:`escape_text`."""
    return value[1:] if _ESCAPED.match(value) else value


def _is_text(series: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(series.dtype) or series.dtype == object


def escape_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` whose text cells can never run as formulas.

    Only text columns are touched; numbers (``-5``) and dates are written as they are.
    """
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if not _is_text(column):
            continue
        text = column.astype("string")
        mask = text.str.match(_NEEDS_ESCAPE.pattern).fillna(False).astype(bool)
        if mask.any():
            text = text.copy()
            text[mask] = "'" + text[mask]
            out[name] = text if column.dtype != object else text.astype(object)
    return out


def unescape_series(text: pd.Series) -> pd.Series:
    """Vectorised :func:`unescape_text` over a string Series (``NA`` stays ``NA``)."""
    mask = text.str.match(_ESCAPED.pattern).fillna(False).astype(bool)
    if not mask.any():
        return text
    text = text.copy()
    text[mask] = text[mask].str.slice(1)
    return text
