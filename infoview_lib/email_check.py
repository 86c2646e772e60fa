"""Check an outreach email against the 5-Point Email rules.

The 5-Point Email (Steve Dalton, *The 2-Hour Job Search*) asks for an informational
interview in a way a busy stranger can say yes to:

1. under 100 words;
2. no job ask -- it asks for insight and advice, not a job;
3. the shared connection named first (who suggested you write, or what you have in
   common);
4. a specific, small ask: 20--30 minutes (15 is fine too);
5. interest kept general ("your path into public health", not "the Junior Analyst
   role on your team");

and, so the reader knows what to answer, exactly one question, the one that makes
the ask. Every rule is a small function of the text; :func:`check_outreach_email`
runs them all and returns an :class:`EmailReview` with actionable findings and
what is already good.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .questions import _tidy, find_job_ask

__all__ = ["EmailReview", "RULES", "check_outreach_email", "count_words"]

MAX_WORDS = 100
"""An outreach email must have fewer words than this."""

RULES: dict[str, str] = {
    "length": "Under 100 words",
    "no_job_ask": "Asks for advice, not a job",
    "connection_first": "Names the shared connection first",
    "small_ask": "Asks for a specific, small amount of time (20\u201330 minutes)",
    "general_interest": "Keeps your interest general",
    "one_question": "Ends with one clear question that makes the ask",
}
"""The checks, in the order they are reported, with their short names."""


@dataclass(frozen=True)
class EmailReview:
    """What :func:`check_outreach_email` found.

    Attributes
    ----------
    ok : bool
        True when every rule in :data:`RULES` passes.
    findings : list of str
        What to fix, one actionable sentence per problem, in rule order.
    strengths : list of str
        What is already good.
    word_count : int
        Words in the email (a "Subject:" line is not counted).
    question_count : int
        Sentences ending with a question mark.
    checks : dict
        ``{rule: passed}`` for every rule in :data:`RULES`.
    ask_minutes : tuple of int or None
        The shortest and longest time the email asks for, in minutes.
    """

    ok: bool
    findings: list[str]
    strengths: list[str]
    word_count: int
    question_count: int
    checks: dict[str, bool] = field(default_factory=dict)
    ask_minutes: tuple[int, int] | None = None

    def _repr_html_(self) -> str:  # pragma: no cover - exercised through the widgets
        from .widgets._common import email_review_html

        return email_review_html(self)


_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


def count_words(text: str) -> int:
    """Count the words in a text the way a reader would.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    int
        Runs of letters and digits, keeping "don't" and "part-time" as one word.
    """
    return len(_WORD.findall(text or ""))


def _split_email(text: str) -> tuple[str, str]:
    """Return (subject, body): a first line "Subject: ..." is not part of the body."""
    lines = (text or "").replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    subject = ""
    if lines and re.match(r"^\s*(?:subject|re)\s*:", lines[0], re.I):
        subject = re.sub(r"^\s*(?:subject|re)\s*:\s*", "", lines.pop(0), flags=re.I)
    return subject.strip(), "\n".join(lines).strip()


_GREETING = re.compile(
    r"^\s*(?:hi|hello|dear|hey|greetings|good\s+(?:morning|afternoon|evening))\b[^,\n!:]{0,40}"
    r"[,!:\n]\s*", re.I)
_SIGN_OFF = re.compile(
    r"\n\s*(?:best|thanks|thank\s+you|many\s+thanks|sincerely|regards|kind\s+regards|best\s+regards"
    r"|warm\s+regards|warmly|cheers|all\s+the\s+best|with\s+thanks|gratefully)\b[^\n]*(?:\n.*)*$",
    re.I)


def _letter(body: str) -> str:
    """The body without its greeting and sign-off, on one line."""
    core = _SIGN_OFF.sub("", "\n" + body).strip()
    core = _GREETING.sub("", core, count=1)
    return re.sub(r"\s+", " ", _tidy(core)).strip()


_CONNECTION = [
    r"\b(?:suggested|recommended)\s+(?:that\s+)?i\s+(?:contact|reach\s+out|write|email|e-mail"
    r"|get\s+in\s+touch|speak|talk|connect)",
    r"\b(?:suggested|recommended)\s+(?:contacting|reaching\s+out|writing|emailing|talking|speaking"
    r"|connecting)",
    r"\b(?:referred|pointed|directed|sent)\s+me\s+(?:to|your\s+way)",
    r"\bgave\s+me\s+your\s+(?:name|email|e-mail|contact|details|address)",
    r"\bpassed\s+(?:along|on)\s+your\b",
    r"\bput\s+me\s+in\s+touch\b",
    r"\b(?:mentioned|spoke\s+(?:highly|warmly)\s+of|told\s+me\s+about)\s+you\b",
    r"\bfellow\s+(?:[\w'-]+\s+){0,4}(?:alum|alumna|alumnus|alumni|alumnae|graduate|grad|member"
    r"|student|volunteer|runner|ambassador)s?\b",
    r"\b(?:we|i)\s+(?:both\s+)?(?:met|spoke|talked|chatted)\s+(?:briefly\s+)?(?:at|during|last|in)\b",
    r"\bwe\s+(?:both\s+)?(?:attended|studied|graduated|went\s+to|worked\s+(?:at|with)|are\s+(?:both\s+)?"
    r"members|volunteer|grew\s+up)\b",
    r"\bmutual\s+(?:friend|connection|contact|colleague|acquaintance)\b|\bour\s+(?:mutual|shared)\b",
    r"\b(?:alumni|alumnae)\s+(?:network|directory|database|association|mentoring|platform|group)\b",
    r"\bsame\s+(?:university|college|school|program|programme|club|team|association|hometown)\b",
    r"\b(?:i'm|i\s+am)\s+(?:a|an)\s+(?:current\s+)?(?:student|junior|senior|sophomore|graduate"
    r"|alum\w*)\s+(?:at|of|from)\s+(?:your\s+alma\s+mater|[A-Z])",
]
_CONNECTION_RE = [re.compile(p, re.I) for p in _CONNECTION[:-1]] + [re.compile(_CONNECTION[-1])]

_JOB_WORDS = re.compile(
    r"\b(?:jobs?|job\s+(?:search|hunt)|employment|hiring|hire\s+me|internships?|openings?"
    r"|vacanc(?:y|ies)|apply|applying|application|resume|r\u00e9sum\u00e9|cv|referrals?|refer\s+me"
    r"|(?:open|available)\s+(?:positions?|roles?)|opportunit(?:y|ies)\s+(?:at|with|on|in)\s+your)\b",
    re.I)

_NUMBER_WORDS = {"five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25,
                 "twenty five": 25, "thirty": 30, "forty": 40, "forty-five": 45, "forty five": 45,
                 "sixty": 60, "ninety": 90}
_NUM = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_MINUTES_RANGE = re.compile(rf"\b{_NUM}\s*(?:-|to|or)\s*{_NUM}[\s-]*(?:minutes?|mins?)\b", re.I)
_MINUTES = re.compile(rf"\b{_NUM}[\s-]*(?:minutes?|mins?)\b", re.I)
_HALF_HOUR = re.compile(r"\bhalf(?:\s+an|-)\s*hour\b|\bhalf-hour\b", re.I)
_HOURS = re.compile(r"\b(?:an|one|1|a\s+full)\s+hour\b|\bhour-long\b|\b(\d)\s+hours?\b", re.I)

_SPECIFIC_INTEREST = re.compile(
    r"\b(?:the|your)\s+(?:[\w'-]+\s+){0,3}(?:role|position|opening|vacancy|posting|requisition)\b"
    r"|\b(?:join|work\s+(?:on|for|at|in|with))\s+your\s+(?:team|company|firm|department|group"
    r"|organi[sz]ation|lab|office)\b"
    r"|\bgpa\b|\bmy\s+(?:skills|qualifications)\b|\bi\s+have\s+(?:\d+|several|many)\s+years\b",
    re.I)
_INTEREST = re.compile(
    r"\b(?:learn(?:ing)?\s+(?:more\s+)?(?:about|how|from|what)|interested\s+in|curious\s+about"
    r"|explor(?:e|ing)|your\s+(?:insights?|perspective|experience|advice|path|story|journey|career"
    r"|work)|hear\s+(?:about|how|what|your)|advice|insights?)\b", re.I)
_ASK_WORDS = re.compile(
    r"\b(?:minutes?|mins?|call|chat|talk|speak|meet|coffee|conversation|time|phone|zoom|video"
    r"|hour)\b", re.I)


def _to_minutes(token: str) -> int:
    token = token.lower()
    return int(token) if token.isdigit() else _NUMBER_WORDS[token]


def _asked_minutes(text: str) -> tuple[int, int] | None:
    values: list[int] = []
    for m in _MINUTES_RANGE.finditer(text):
        values += [_to_minutes(m.group(1)), _to_minutes(m.group(2))]
    masked = _MINUTES_RANGE.sub(" ", text)
    values += [_to_minutes(m.group(1)) for m in _MINUTES.finditer(masked)]
    if _HALF_HOUR.search(text):
        values.append(30)
    for m in _HOURS.finditer(_HALF_HOUR.sub(" ", text)):
        values.append(60 * int(m.group(1)) if m.group(1) else 60)
    return (min(values), max(values)) if values else None


def _questions(letter: str) -> list[str]:
    return [s.strip() for s in re.findall(r"[^.?!]*\?", letter) if s.strip(" ?")]


def check_outreach_email(text: str) -> EmailReview:
    """Check an outreach email asking for an informational interview.

    Parameters
    ----------
    text : str
        The email. A first line starting with "Subject:" is ignored; the greeting
        ("Hi Dana,") and the sign-off ("Best, Sam") are counted as words but do not
        count as the opening.

    Returns
    -------
    EmailReview
        ``ok`` is True when every rule in :data:`RULES` passes; ``findings`` says
        what to fix and ``strengths`` what is good.

    Examples
    --------
    >>> review = check_outreach_email(
    ...     "Hi Dana, Priya Shah suggested I contact you. I'm a junior exploring "
    ...     "careers in public health and would love to hear about your path. "
    ...     "Would you have 20 minutes for a call in the next few weeks? Best, Sam")
    >>> review.ok, review.word_count
    (True, 40)
    """
    _, body = _split_email(text)
    words = count_words(body)
    checks: dict[str, bool] = {}
    findings: list[str] = []
    strengths: list[str] = []
    if words == 0:
        return EmailReview(ok=False, findings=["Write your email in the box: greet them, name "
                                               "your shared connection, say what you'd like to "
                                               "learn and ask for 20\u201330 minutes."],
                           strengths=[], word_count=0, question_count=0,
                           checks=dict.fromkeys(RULES, False))
    letter = _letter(body)

    # 1. length
    checks["length"] = words < MAX_WORDS
    if checks["length"]:
        strengths.append(f"{words} words: short enough to read on a phone.")
    else:
        findings.append(f"{words} words: cut it to under {MAX_WORDS}. Busy people skim; keep one "
                        "sentence about who you are, and leave your background for the call.")

    # 2. no job ask
    job = find_job_ask(letter)
    said: list[str] = []
    for m in _JOB_WORDS.finditer(letter):
        if m.group(0).lower() not in [w.lower() for w in said]:
            said.append(m.group(0))
    said += [re.search(r"\('(.*)'\)$", j).group(1) for j in job
             if not any(w.lower() in j.lower() for w in said)]
    checks["no_job_ask"] = not said
    if checks["no_job_ask"]:
        strengths.append("Asks for advice and insight, not a job.")
    else:
        quoted = ", ".join(f"'{w}'" for w in said[:4])
        findings.append(f"It mentions {quoted}. Ask for insight and advice, not a job: leave out "
                        "jobs, internships, openings and your resume. If they can help later, "
                        "they will offer.")

    # 3. connection named first
    low_letter = letter
    first_sentence = re.split(r"(?<=[.?!])\s+", low_letter, maxsplit=1)[0]
    window = max(len(first_sentence), len(" ".join(low_letter.split()[:30])))
    hit = None
    for pattern in _CONNECTION_RE:
        m = pattern.search(low_letter)
        if m and (hit is None or m.start() < hit.start()):
            hit = m
    checks["connection_first"] = bool(hit) and hit.start() <= window
    if checks["connection_first"]:
        start = low_letter.rfind(". ", 0, hit.start()) + 1
        sentence = re.split(r"(?<=[.?!])\s", low_letter[start:].strip(), maxsplit=1)[0]
        if len(sentence) > 90:
            sentence = sentence[:87].rstrip() + "\u2026"
        strengths.append(f"Names the shared connection first (\u201c{sentence}\u201d).")
    elif hit:
        at = count_words(low_letter[: hit.start()])
        findings.append(f"You name your connection ('{hit.group(0).strip()}') only after {at} "
                        "words. Move it to the first sentence: it is the main reason a stranger "
                        "reads on.")
    else:
        findings.append("Name the shared connection in your first sentence: who suggested you "
                        "write (\u201cPriya Shah suggested I contact you\u201d) or what you have "
                        "in common (\u201cAs a fellow Lakeside College alum, \u2026\u201d).")

    # 4. specific, small ask
    minutes = _asked_minutes(letter)
    if minutes is None:
        checks["small_ask"] = False
        findings.append("Ask for a specific, small amount of time, such as 20\u201330 minutes by "
                        "phone or video. A precise, short ask is easy to say yes to.")
    else:
        low, high = minutes
        span = f"{low}\u2013{high}" if low != high else f"{high}"
        checks["small_ask"] = 15 <= low and high <= 30
        if high > 30:
            findings.append(f"You ask for {span} minutes. Ask for 20\u201330 minutes instead: a "
                            "small ask is easier to accept, and they can offer more.")
        elif low < 15:
            findings.append(f"{span} minutes is too short for a real conversation; ask for "
                            "20\u201330 minutes.")
        else:
            strengths.append(f"Asks for a specific, small amount of time ({span} minutes).")

    # 5. interest kept general
    specific = _SPECIFIC_INTEREST.search(letter)
    interest = _INTEREST.search(letter)
    checks["general_interest"] = not specific and bool(interest)
    if specific:
        findings.append(f"'{specific.group(0).strip()}' is too specific: keep your interest "
                        "general (\u201cI'd love to hear about your path into public health\u201d) "
                        "and keep the email about them, not a role or your qualifications.")
    elif interest:
        strengths.append(f"Keeps your interest general ('{interest.group(0)}').")
    else:
        findings.append("Say in a few words what you'd like to learn, kept general: \u201cI'd "
                        "love to hear about your path into UX research.\u201d")

    # 6. exactly one question, and it makes the ask
    asked = _questions(letter)
    checks["one_question"] = len(asked) == 1 and bool(_ASK_WORDS.search(asked[0]))
    example = "\u201cWould you have 20 minutes for a call in the next few weeks?\u201d"
    if not asked:
        findings.append(f"End with one clear question that makes the ask, e.g. {example} A "
                        "question is easier to answer than a statement like \u201cLet me "
                        "know\u201d.")
    elif len(asked) > 1:
        listed = "; ".join(f"\u201c{q}\u201d" for q in asked[:3])
        findings.append(f"Ask exactly one question; you ask {len(asked)} ({listed}). Keep only the "
                        "one that asks for the conversation: several questions make replying "
                        "harder.")
    elif not checks["one_question"]:
        findings.append(f"Your question (\u201c{asked[0]}\u201d) doesn't ask for the "
                        f"conversation. Make it the ask, e.g. {example}")
    else:
        strengths.append("Ends with one clear question that makes the ask "
                         f"(\u201c{asked[0]}\u201d).")

    return EmailReview(ok=all(checks.values()), findings=findings, strengths=strengths,
                       word_count=words, question_count=len(asked),
                       checks={k: checks[k] for k in RULES}, ask_minutes=minutes)
