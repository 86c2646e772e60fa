"""Pseudonymise a log before sharing it: contacts are third parties.

:func:`pseudonymize` replaces every person's name in ``contact`` and
``referred_by`` with a stable token such as ``Contact 3f9a``:

* the token is a keyed hash (HMAC-SHA256) of the person's name under a **salt**
  (a secret the instructor or student keeps). The same salt gives the same token
  for the same person in every log and every run, so a class's charts line up;
  without the salt, a token cannot be turned back into a name by guessing names;
* names match as :func:`infoview_lib.metrics.person_key` matches them (ignoring
  case and repeated spaces), in both columns, so referral edges survive;
* tokens start with 4 hex digits; people whose tokens would collide in the same
  log get longer ones, so distinct people stay distinct.

The salt is required: there is no silent default, because a default salt known to
everyone would let anyone check a guessed name. :func:`new_salt` makes a good one.

What stays: organizations, roles, industries, dates and numbers (they are what the
charts are about). Free-text notes often name people; ``drop_notes=True`` blanks
them.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

import pandas as pd

from .metrics import person_key

__all__ = ["pseudonymize", "new_salt", "PERSON_COLUMNS", "TOKEN_LENGTH"]

PERSON_COLUMNS = ("contact", "referred_by")
TOKEN_LENGTH = 4


def new_salt() -> str:
    """A fresh random salt (32 hex digits). Keep it to get the same tokens again."""
    return secrets.token_hex(16)


def _check_salt(salt) -> bytes:
    if salt is None:
        raise TypeError("pseudonymize needs a salt (a secret string); make one with "
                        "infoview_lib.privacy.new_salt() and keep it to get the same tokens "
                        "next time")
    if isinstance(salt, str):
        salt = salt.encode("utf-8")
    if not isinstance(salt, bytes):
        raise TypeError(f"the salt must be a string, not {type(salt).__name__}")
    if not salt.strip():
        raise ValueError("the salt must not be empty")
    return salt


def _shortest_unique(digests: list[str], start: int = TOKEN_LENGTH) -> list[str]:
    """Prefixes of ``digests``, ``start`` long, longer only where they would collide."""
    tokens: dict[str, str] = {}
    pending = list(dict.fromkeys(digests))
    length = start
    while pending:
        groups: dict[str, list[str]] = {}
        for digest in pending:
            groups.setdefault(digest[:length], []).append(digest)
        pending = []
        for prefix, members in groups.items():
            if len(members) == 1 or length >= len(members[0]):
                for member in members:
                    tokens[member] = prefix
            else:
                pending.extend(members)
        length += 1
    return [tokens[d] for d in digests]


def pseudonymize(log: pd.DataFrame, salt: str | bytes, *, drop_notes: bool = False,
                 prefix: str = "Contact") -> pd.DataFrame:
    """A copy of ``log`` with people's names replaced by stable, salted tokens.

    Parameters
    ----------
    log : pandas.DataFrame
        A loaded log (any frame with ``contact`` and/or ``referred_by`` works).
    salt : str or bytes
        The secret that keys the tokens. Required; see :func:`new_salt`.
    drop_notes : bool, default False
        Also blank the free-text ``notes`` column.
    prefix : str, default "Contact"
        The word before each token.

    Returns
    -------
    pandas.DataFrame
        Same rows, columns and dtypes; ``contact`` and ``referred_by`` hold tokens
        like ``"Contact 3f9a"`` (missing names stay missing).

    Raises
    ------
    TypeError
        If ``salt`` is missing or not text.
    ValueError
        If ``salt`` is empty.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"contact": ["Ana Ruiz", "Ben Ode"],
    ...                     "referred_by": [None, "ana ruiz"]})
    >>> shared = pseudonymize(log, salt="class-of-2025")
    >>> shared["referred_by"][1] == shared["contact"][0]
    True
    """
    key = _check_salt(salt)
    columns = [c for c in PERSON_COLUMNS if c in log.columns]
    out = log.copy()
    if columns:
        keys = {c: person_key(log[c]) for c in columns}
        people = pd.unique(pd.concat(keys.values(), ignore_index=True).dropna())
        # one hash per distinct person, never per row
        digests = [hmac.new(key, str(p).encode("utf-8"), hashlib.sha256).hexdigest()
                   for p in people]
        tokens = dict(zip(people, (f"{prefix} {t}" for t in _shortest_unique(digests)),
                          strict=True))
        for column in columns:
            out[column] = keys[column].map(tokens).astype("string")
    if drop_notes and "notes" in out.columns:
        out["notes"] = pd.Series(pd.NA, index=out.index, dtype="string")
    return out
