"""The question coach: classify interview questions, rewrite closed ones, plan and prep.

Everything here is rule-based and explainable: each verdict carries the reasons a
student reads ("starts with 'do', so it can be answered with yes or no"). There is
no model to train and nothing random, so a teacher can predict every answer.

The module has three parts, split over small files and re-exported here:

* :func:`classify_question` (this file) -- is a question ``open``, ``closed``,
  ``leading`` or a ``job_ask``; which TIARA category it serves; an open rewrite.
* :func:`plan_interview`, :func:`prep_sheet`, :func:`write_prep_sheet`
  (:mod:`infoview_lib.planner`) -- fit questions into 20, 30 or 40 minutes.
* :func:`check_outreach_email` (:mod:`infoview_lib.email_check`) -- the
  5-Point Email rules for asking for the conversation.

Rules, in the order they are applied
------------------------------------
1. **Job ask** -- anywhere in the text: "are you hiring", "refer me", "my resume",
   "any openings", "internships available" ... An informational interview is for
   insight and relationships; asking for a job breaks its purpose, whatever the
   grammar of the question.
2. **Leading** -- the question presses for the answer the asker wants: it starts
   with a negative auxiliary ("Don't you think", "Isn't it true", "Wouldn't you
   agree"), ends with a tag ("..., right?", "..., isn't it?") or leans on
   "surely" / "obviously".
3. **Open** -- after stripping a lead-in such as "In your experience," or "If you
   were starting over,", it starts with a wh-word (what, how, why, who, which,
   where, when), is a request for a story ("Could you walk me through...", "Can you
   tell me about..."), an imperative ("Describe...", "Tell me about...") or an
   invitation ("I'd love to hear about...").
4. **Closed** -- it starts with an auxiliary or modal (do, is, are, can, would,
   did, have, should, ...), or is a statement that can be answered with a word.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - loaded lazily by __getattr__ at the bottom
    from .email_check import EmailReview, check_outreach_email
    from .planner import Person, plan_interview, prep_sheet, write_prep_sheet

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "KIND_HELP",
    "TIARA",
    "TIARA_LABELS",
    "TIARA_HELP",
    "WHO_ELSE",
    "FALLBACK_REWRITE",
    "QuestionFeedback",
    "classify_question",
    "tiara_category",
    "find_job_ask",
    "tiara_coverage",
    # re-exported from planner / email_check (loaded on first use, see __getattr__)
    "Person",
    "plan_interview",
    "prep_sheet",
    "write_prep_sheet",
    "EmailReview",
    "check_outreach_email",
]

KINDS: tuple[str, ...] = ("open", "closed", "leading", "job_ask")
"""The four verdicts :func:`classify_question` can give."""

KIND_LABELS: dict[str, str] = {
    "open": "Open",
    "closed": "Closed",
    "leading": "Leading",
    "job_ask": "Job ask",
}
"""Human labels of the kinds, as badges and tables show them."""

KIND_HELP: dict[str, str] = {
    "open": "invites a story or an explanation, so you learn something you could not look up",
    "closed": "can be answered with yes, no or one word, so the conversation stalls",
    "leading": "suggests the answer you want to hear, so you learn what you already think",
    "job_ask": "asks for a job or a referral, which breaks the purpose of an informational "
    "interview (insight and relationships, not job openings)",
}
"""One-line explanations of each kind, written for students."""

TIARA: tuple[str, ...] = ("trends", "insights", "advice", "resources", "assignments")
"""The TIARA question framework's categories, in the order the acronym spells them."""

TIARA_LABELS: dict[str, str] = {t: t.capitalize() for t in TIARA}

TIARA_HELP: dict[str, str] = {
    "trends": "how the field is changing",
    "insights": "what the work and the culture are really like, from the inside",
    "advice": "what they would recommend to someone in your position",
    "resources": "what to read, join or attend, and who else to talk to",
    "assignments": "the projects and tasks the work is made of",
}

WHO_ELSE = "Who else would you suggest I talk to?"
"""The closer every interview plan keeps: it turns one conversation into the next."""

FALLBACK_REWRITE = "Could you tell me more about your experience with this?"
"""The rewrite offered when a question's wording is too tangled for a specific one."""


@dataclass(frozen=True)
class QuestionFeedback:
    """The coach's verdict on one question.

    Attributes
    ----------
    text : str
        The question as the student typed it (whitespace tidied).
    kind : {"open", "closed", "leading", "job_ask"}
        What the question invites.
    tiara : str or None
        The TIARA category its wording serves (``"trends"``, ``"insights"``,
        ``"advice"``, ``"resources"``, ``"assignments"``), or None when no keyword
        points to one.
    suggestion : str or None
        An open rewrite when ``kind`` is not ``"open"``; None for open questions.
    reasons : list of str
        Why the coach decided so, in sentences a student can act on.
    """

    text: str
    kind: str
    tiara: str | None
    suggestion: str | None
    reasons: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The kind as a badge shows it, e.g. ``"Job ask"``."""
        return KIND_LABELS[self.kind]

    @property
    def is_open(self) -> bool:
        """True when the question is open."""
        return self.kind == "open"

    def _repr_html_(self) -> str:  # pragma: no cover - exercised through the widgets
        from .widgets._common import feedback_card_html

        return feedback_card_html(self)

    def _repr_markdown_(self) -> str:
        lines = [f"**{self.label}** — {html.escape(self.text)}", ""]
        lines += [f"- {html.escape(r)}" for r in self.reasons]
        if self.suggestion:
            lines += ["", f"Try instead: *{html.escape(self.suggestion)}*"]
        return "\n".join(lines)


# --------------------------------------------------------------------------- text tidying

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def _tidy(text: str) -> str:
    """Straighten quotes, collapse whitespace, drop wrapping quotes and list markers."""
    text = str(text).translate(_QUOTES)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(?:[-*\u2022]|\d+[.)])\s+", "", text)  # "1. What ..." / "- What ..."
    if len(text) > 1 and text[0] == text[-1] == '"':
        text = text[1:-1].strip()
    return text


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.?!])\s+", text)
    return [p.strip() for p in parts if p.strip()]


# --------------------------------------------------------------------------- job asks

_JOB_ASK_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:are|is)\b[^?.!]{0,40}?\bhiring\b"), "asks whether they are hiring"),
    (re.compile(r"\b(?:currently|still|now)\s+hiring\b|\bhiring\s+(?:right\s+)?now\b"),
     "asks whether they are hiring"),
    (re.compile(r"\bhir(?:e|ing)\s+me\b"), "asks them to hire you"),
    (re.compile(r"\brefer\s+me\b|\b(?:me\s+a|a\s+job)\s+referral\b|\breferral\s+for\s+me\b"),
     "asks for a referral"),
    (re.compile(r"\bput\s+in\s+a\s+good\s+word\b|\bput\s+me\s+forward\b|\bvouch\s+for\s+me\b"
                r"|\bpass\s+(?:along\s+|on\s+)?my\s+name\b|\brecommend\s+me\s+(?:for|to)\b"),
     "asks them to recommend you for a job"),
    (re.compile(r"\bmy\s+(?:resume|r\u00e9sum\u00e9|cv)\b"
                r"|\b(?:send|forward|pass|submit)\b[^?.!]{0,30}\b(?:resume|r\u00e9sum\u00e9|cv)\b"),
     "brings up your resume"),
    (re.compile(r"(?<!your\s)\b(?:job|any|open|current|available)\s+(?:job\s+)?"
                r"(?:openings?|positions?|roles?|jobs?|vacanc(?:y|ies))\b"),
     "asks about job openings"),
    (re.compile(r"\bopenings\b|\bvacanc(?:y|ies)\b|\bopening\s+(?:for|on\s+your|in\s+your|at\s+your)\b|\b(?:positions?|roles|jobs)\s+(?:are\s+|do\s+you\s+have\s+)?"
                r"(?:open|available)\b"),
     "asks about job openings"),
    (re.compile(r"\b(?:any|offer|offering|have)\s+(?:\w+\s+)?internships\b"
                r"|\binternships?\b[^?.!]{0,30}\b(?:available|open|for\s+me|this\s+(?:summer|year))\b"
                r"|\bintern\s+(?:with|for|at)\s+(?:you|your)\b"),
     "asks about internships for you"),
    (re.compile(r"\b(?:give|get|find|offer)\s+me\s+(?:a|an)\s+"
                r"(?:job|position|internship|interview|role|offer)\b"),
     "asks them to get you a job"),
    (re.compile(r"\b(?:job|position|role|internship)s?\s+(?:for\s+me|at\s+your|on\s+your|with\s+you)\b"),
     "asks about a job at their organization"),
    (re.compile(r"\bi\s+(?:could\s+|should\s+|can\s+|might\s+)?(?:apply|work\s+(?:for|at|with)\s+"
                r"(?:you|your)|join\s+your)\b"),
     "asks about applying or joining their organization"),
    (re.compile(r"\b(?:introduce|connect)\s+me\s+(?:to|with)\s+(?:a|the|your)\s+"
                r"(?:recruiter|hiring\s+manager|hr)\b"),
     "asks to be introduced to a recruiter"),
]


def find_job_ask(text: str) -> list[str]:
    """Say why a text asks for a job, or return an empty list when it does not.

    Used by :func:`classify_question` and by the outreach-email checker.

    Parameters
    ----------
    text : str
        A question or an email.

    Returns
    -------
    list of str
        One short reason per rule that matched, e.g. ``"asks whether they are
        hiring ('are you hiring')"``; empty when nothing reads as a job ask.
    """
    low = _tidy(text).lower()
    reasons: list[str] = []
    for pattern, why in _JOB_ASK_RULES:
        match = pattern.search(low)
        if match and not any(r.startswith(why) for r in reasons):
            reasons.append(f"{why} ('{match.group(0).strip()}')")
    return reasons


# --------------------------------------------------------------------------- question forms

_WH = r"(?:what|how|why|who|whom|whose|which|where|when)"
_WH_START = re.compile(rf"^(?:and\s+|but\s+|so\s+)?({_WH})(?:'s|'d|'re|'ve|'ll|s)?\b")
_AUX = (r"(?:do|does|did|is|are|was|were|am|can|could|would|will|should|shall|have|has|had"
        r"|may|might|must|need)")
_AUX_START = re.compile(rf"^({_AUX})\b")
_NEG_AUX_START = re.compile(
    r"^(don't|doesn't|didn't|isn't|aren't|wasn't|weren't|can't|cannot|couldn't|wouldn't"
    r"|won't|shouldn't|haven't|hasn't|hadn't|mustn't|(?:do|does|is|are|would|wouldn't)\s+"
    r"(?:you|it|that|this|they)\s+not)\b")

_STORY_VERBS = (r"(?:tell|walk\s+(?:me|us)\s+through|take\s+(?:me|us)\s+through"
                r"|talk\s+(?:me\s+|us\s+)?(?:about|through)|describe|explain|share|give"
                r"|paint|outline|elaborate|expand|say\s+(?:a\s+(?:bit|little)\s+)?more"
                r"|help\s+(?:me|us)\s+understand|go\s+over|run\s+(?:me|us)\s+through"
                r"|telling|walking\s+(?:me|us)\s+through|taking\s+(?:me|us)\s+through"
                r"|talking\s+(?:me\s+|us\s+)?(?:about|through)|describing|explaining|sharing"
                r"|giving|outlining|elaborating|expanding|saying\s+more)")
_POLITE = (r"(?:(?:could|can|would|will)\s+you(?:\s+please|\s+possibly|\s+kindly)*"
           r"|would\s+you\s+(?:mind|be\s+willing\s+to|be\s+able\s+to|be\s+happy\s+to)"
           r"|do\s+you\s+mind|please"
           r"|i'd\s+(?:love|appreciate\s+it)\s+if\s+you\s+(?:could|would)"
           r"|i\s+(?:was|am|'m)\s+(?:wondering|hoping)\s+(?:if|whether)\s+you\s+(?:could|would|might))")
_REQUEST = re.compile(rf"^{_POLITE}\s+{_STORY_VERBS}\b")
_IMPERATIVE = re.compile(rf"^(?:please\s+)?{_STORY_VERBS}\b")
_INVITATION = re.compile(
    r"^(?:i'd|i\s+would|i'd\s+really|i\s+would\s+really)\s+(?:love|like|be\s+interested|be\s+curious)"
    r"\s+(?:to\s+)?(?:hear|know|learn|understand|in\s+hearing|in\s+learning)\b"
    r"|^i'm\s+(?:curious|interested|keen)\s+(?:about|to\s+(?:hear|know|learn)|in\s+(?:hearing|learning)"
    rf"|(?:to\s+know\s+)?{_WH})\b"
    rf"|^i\s+(?:was|am|'m)\s+(?:wondering|curious)\s+{_WH}\b"
    r"|^i\s+(?:want|wanted|hope|hoped)\s+to\s+(?:hear|know|learn|understand)\s+(?:more\s+)?"
    rf"(?:about|{_WH})\b"
    rf"|^i\s+wonder\s+{_WH}\b"
    rf"|^(?:may|can|could|might)\s+i\s+ask(?:\s+you)?\s+{_WH}\b"
    rf"|^(?:do|would)\s+you\s+mind\s+(?:me|my)\s+asking\s+{_WH}\b")
_TELL_IF = re.compile(r"\b(?:tell|explain|share)\s+(?:me|us)\s+(?:if|whether)\b")
_SUBORDINATE_START = re.compile(
    r"^(?:in|from|based\s+on|looking|thinking|given|when|whenever|if|as|since|for|with|over"
    r"|during|at|after|before|compared|beyond|outside|apart|aside|other\s+than|besides|now\s+that"
    r"|once|while|considering|speaking|out\s+of|just|honestly|personally|generally|overall"
    r"|to\s+(?:start|begin|wrap\s+up|finish)|on\s+that\s+note|by\s+the\s+way|first|second|third"
    r"|finally|lastly|next|also|and|so|okay|ok|well|now|plus|because|although|though)\b")
_FILLER = re.compile(
    r"^(?:so|and|also|okay|ok|well|now|first|firstly|second|secondly|next|finally|lastly|plus"
    r"|honestly|out\s+of\s+curiosity|just\s+curious|one\s+more\s+thing|quick\s+question)\b[,:]?\s+")
_WHEN_WHERE_AUX = re.compile(rf"^(?:when|where)\s+{_AUX}\b")
_TAG = re.compile(
    r",?\s*(?:right|correct|true|yes|no|yeah|isn't\s+(?:it|that\s+(?:right|so|true))|aren't\s+"
    r"(?:they|you|we)|don't\s+(?:you|they|we)|doesn't\s+(?:it|she|he)|didn't\s+(?:you|it|they)"
    r"|wasn't\s+it|won't\s+(?:it|they)|wouldn't\s+(?:you|it)|can't\s+(?:you|it)|haven't\s+you"
    r"|am\s+i\s+right|wouldn't\s+you\s+(?:say|agree)|don't\s+you\s+(?:think|agree)|you\s+know)"
    r"\s*\?\s*$")
_LEADING_PHRASES = re.compile(
    r"\b(?:don't\s+you\s+(?:think|agree|feel)|wouldn't\s+you\s+(?:agree|say)|isn't\s+it\s+"
    r"(?:true|obvious|clear)|you'd\s+agree|you\s+would\s+agree|(?:do|would)\s+you\s+agree\s+that"
    r"|surely|obviously|of\s+course\s+you|i'm\s+sure\s+you|i\s+bet\s+you|you\s+must\s+(?:love|hate|be)"
    r"|how\s+much\s+do\s+you\s+(?:love|hate|enjoy)|so\s+much\s+better|isn't\s+that\s+why)\b")
_ASSUMING_START = re.compile(r"^(?:i\s+(?:assume|guess|imagine|suppose|bet)|i'm\s+(?:sure|guessing)"
                             r"|i\s+take\s+it|presumably)\b")


def _strip_lead_in(low: str) -> str:
    """Drop fillers and a lead-in clause ("In your experience, ...", "If you were me, ...")."""
    for _ in range(4):
        before = low
        low = _FILLER.sub("", low)
        if (_SUBORDINATE_START.match(low) and not _WHEN_WHERE_AUX.match(low)
                and re.search(r"[,:;]|\s-\s", low)):
            low = re.split(r"[,:;]\s*|\s-\s+", low, maxsplit=1)[1].strip()
        if low == before:
            break
    return low


def _lead_in(original: str, clause: str) -> str:
    """The words before ``clause`` in ``original``, kept when they are a real lead-in."""
    low = original.lower()
    if clause == low or len(original) != len(low) or not low.endswith(clause):
        return ""
    lead_in = original[: len(original) - len(clause)].strip()
    return lead_in if len(lead_in.split()) >= 2 else ""


@dataclass(frozen=True)
class _Form:
    kind: str  # open / closed / leading / statement
    clause: str  # the lower-cased clause the decision was made on
    reason: str
    lead_in: str = ""  # the lead-in stripped from the front, as the student wrote it


def _form_of(sentence: str) -> _Form:
    """The grammatical form of one sentence, with the reason, ignoring job asks."""
    original = sentence.strip().strip('"').strip()
    low = original.lower()
    # Leading first: it can hide behind a wh-word ("What's great about it, right?").
    if _TAG.search(low) and not low.startswith(("right now", "correct me")):
        tag = _TAG.search(low).group(0).strip(" ,?")
        return _Form("leading", low, f"ends with '{tag}?', which presses for agreement")
    match = _LEADING_PHRASES.search(low)
    if match:
        return _Form("leading", low, f"says '{match.group(0)}', which suggests the answer")
    clause = _strip_lead_in(low)
    match = _NEG_AUX_START.match(clause)
    if match:
        return _Form("leading", clause,
                     f"starts with '{match.group(1)}', which presses for a yes",
                     _lead_in(original, clause))
    if _ASSUMING_START.match(clause) and not re.search(rf"\b{_WH}\b", clause):
        return _Form("leading", clause, "states your assumption and asks them to confirm it")
    lead = "" if clause == low else " after the lead-in"
    lead_in = _lead_in(original, clause)
    if _TELL_IF.search(clause):
        return _Form("closed", clause, "asks them to tell you 'if' or 'whether', which "
                     "still has a yes-or-no answer", lead_in)
    match = _WH_START.match(clause)
    if match:
        word = match.group(1)
        return _Form("open", clause, f"starts with '{word}'{lead}, which invites an explanation")
    if _REQUEST.match(clause):
        return _Form("open", clause, f"is a polite request for a story{lead} "
                     f"('{_REQUEST.match(clause).group(0)}...')")
    if _IMPERATIVE.match(clause):
        return _Form("open", clause, f"asks them to '{_IMPERATIVE.match(clause).group(0)}'"
                     f"{lead}, which invites a story")
    if _INVITATION.match(clause):
        return _Form("open", clause, "invites them to tell you about it")
    match = _AUX_START.match(clause)
    if match:
        return _Form("closed", clause, f"starts with '{match.group(1)}', so it can be "
                     "answered with yes or no", lead_in)
    if sentence.rstrip().endswith("?"):
        return _Form("closed", clause, "has no question word (what, how, why...), so it can be "
                     "answered with a word")
    return _Form("statement", clause, "is a statement, not a question")


# --------------------------------------------------------------------------- TIARA

_TIARA_RULES: dict[str, list[str]] = {
    "trends": [
        r"trends?", r"chang(?:e|es|ed|ing)", r"future", r"evolv", r"(?:next|coming) (?:few|five"
        r"|ten|\d+) years", r"shift", r"emerg", r"technolog", r"automat", r"ai\b",
        r"artificial intelligence", r"outlook", r"growing", r"growth", r"disrupt", r"innovat",
        r"developments?", r"regulat", r"demand", r"direction", r"heading", r"pandemic",
        r"remote work", r"these days", r"nowadays", r"new (?:tools|technolog|regulation|trends)",
        r"facing", r"today\b", r"right now", r"where (?:\w+ ){0,3}(?:is|are) (?:going|heading)",
    ],
    "insights": [
        r"surpris", r"enjoy", r"like (?:most|best|least)", r"love", r"reward", r"satisf",
        r"challeng", r"hardest", r"difficult", r"frustrat", r"cultur", r"values?\b",
        r"environment", r"work-life", r"balance", r"success", r"stress", r"misconception",
        r"wish you(?:'d| had)? known", r"what(?:'s| is) it (?:really )?like", r"personality",
        r"kind of (?:person|people)", r"thrive", r"motivat", r"decid", r"decision", r"path",
        r"journey", r"got (?:into|started)", r"background", r"keeps you (?:going|motivated)",
        r"proud", r"perspective", r"opinion", r"differ", r"misunderst", r"leav(?:e|ing)",
        r"team", r"colleagues?", r"manager", r"career", r"role\b", r"meaningful", r"cho(?:o)?s",
        r"stud(?:y|ied|ies)", r"like\b", r"job\b", r"mov(?:e|ed|ing) (?:from|into|to)", r"switch",
        r"transition", r"pivot", r"reali[sz]", r"pay\b", r"salar", r"compensation", r"benefits",
        r"did you\b", r"were you\b", r"prepared you", r"work (?:with|together)", r"collaborat",
        r"settle in", r"onboard", r"ideas",
    ],
    "advice": [
        r"advice", r"advise", r"recommend", r"if you were", r"differently", r"should i\b",
        r"would you do", r"prepar(?:e|ing)\b", r"stand out", r"skills?", r"tips?\b", r"mistakes?",
        r"avoid", r"best way", r"focus on", r"(?:i|someone|students?) (?:get|getting) started",
        r"break into", r"someone (?:starting|like me|in my|with my)", r"in my (?:position|shoes)",
        r"develop(?:ing)?\b", r"improve", r"starting out", r"starting over", r"younger self",
        r"wish (?:i|someone)", r"learn(?:ed)? (?:first|early)", r"strengthen", r"qualities",
        r"look for", r"how (?:can|could|should|would) i\b", r"what (?:can|could|should|would) i\b",
        r"gain", r"suggest (?:that )?i\b", r"degree", r"how important is", r"good fit",
        r"my background",
    ],
    "resources": [
        r"resources?", r"read\b", r"books?", r"blogs?", r"newsletters?", r"podcasts?",
        r"websites?", r"journals?", r"publications?", r"associations?", r"societ(?:y|ies)",
        r"professional (?:group|organi[sz]ation|network)", r"courses?", r"certific", r"classes",
        r"tools?\b", r"software", r"conferences?", r"events?", r"meetups?", r"who else",
        r"anyone else", r"someone else", r"other people", r"talk (?:to|with)",
        r"speak (?:to|with)", r"reach out to", r"introduc", r"connect with", r"follow",
        r"learn more", r"keep up", r"stay (?:current|up to date|informed)", r"keep learning",
        r"communit(?:y|ies)", r"mentors?", r"groups?\b", r"training", r"programs?\b",
        r"learn from", r"people (?:you|i) (?:think|should)",
    ],
    "assignments": [
        r"projects?", r"assignments?", r"tasks?", r"working on", r"work on", r"typical (?:day"
        r"|week|month)", r"day-to-day", r"day to day", r"daily", r"a day in", r"spend (?:your"
        r"|most|the)", r"responsibilit", r"deliverables?", r"first (?:year|few months|90 days"
        r"|weeks?)", r"day one", r"new hires?", r"entry-level", r"junior", r"kinds? of work",
        r"types? of work", r"problems? (?:do|does|you)", r"workload", r"clients?", r"deadlines?",
        r"hours", r"week look", r"day look", r"meetings?", r"work (?:involve|look)", r"duties",
        r"(?:all|each|every) day", r"actually do",
    ],
}
_TIARA_PATTERNS = {cat: [re.compile(rf"\b{p}") for p in pats] for cat, pats in _TIARA_RULES.items()}
# Specific categories win ties against the broad ones ("insights" is where much else lands).
_TIARA_TIE_ORDER = ("resources", "assignments", "advice", "trends", "insights")


def _tiara_scores(text: str) -> dict[str, list[str]]:
    """Keyword hits per category, overlapping hits merged ("someone starting out")."""
    low = re.sub(r"\s+", " ", _tidy(text).lower())
    hits: dict[str, list[str]] = {}
    for cat, patterns in _TIARA_PATTERNS.items():
        spans = sorted(m.span() for p in patterns if (m := p.search(low)))
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        if merged:
            hits[cat] = [low[a:b].strip() for a, b in merged]
    return hits


def tiara_category(text: str) -> str | None:
    """The TIARA category a question's wording serves, by keywords.

    Parameters
    ----------
    text : str
        A question.

    Returns
    -------
    str or None
        One of :data:`TIARA`, or None when no keyword matches. Each category
        scores one point per keyword found plus half a point per extra word in a
        phrase (so "who else" beats "career"); ties go to the more specific
        category (resources, assignments, advice, trends, then insights).
    """
    hits = _tiara_scores(text)
    if not hits:
        return None

    def score(cat: str) -> tuple[float, int]:
        points = sum(1 + 0.5 * (len(h.split()) - 1) for h in hits[cat])
        return points, -_TIARA_TIE_ORDER.index(cat)

    return max(hits, key=score)


def tiara_coverage(questions) -> dict[str, int]:
    """How many questions serve each TIARA category.

    Parameters
    ----------
    questions : iterable of str or QuestionFeedback
        The student's questions.

    Returns
    -------
    dict
        ``{category: count}`` for every category in :data:`TIARA` (zeros included),
        in TIARA order.
    """
    counts = dict.fromkeys(TIARA, 0)
    for q in questions:
        cat = q.tiara if isinstance(q, QuestionFeedback) else tiara_category(str(q))
        if cat:
            counts[cat] += 1
    return counts


# --------------------------------------------------------------------------- rewrites

_IRREGULAR_ING = {"be": "being", "see": "seeing", "die": "dying", "lie": "lying", "tie": "tying",
                  "flee": "fleeing", "agree": "agreeing"}
_DOUBLE = {"get", "put", "run", "set", "sit", "plan", "stop", "swim", "begin", "shop", "chat",
           "quit", "win", "cut", "hit", "let", "dig", "drop", "ship", "prep"}
_ADVERBS = {"ever", "always", "usually", "often", "really", "still", "also", "actually",
            "generally", "typically", "normally", "sometimes", "currently", "personally", "even",
            "just", "mostly", "regularly", "already", "frequently"}
_OBJ_PRONOUN = {"i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
                "we": "you", "our": "your"}


_PARTICIPLES = {"been": "be", "had": "have", "done": "do", "gone": "go", "made": "make",
                "taken": "take", "seen": "see", "known": "know", "wanted": "want", "lived": "live",
                "loved": "love", "taught": "teach", "felt": "feel", "thought": "think",
                "worked": "work", "stayed": "stay", "built": "build", "led": "lead"}


def _base_verb(word: str) -> str:
    """Past participle to base form, good enough for common career verbs."""
    w = word.lower()
    if w in _PARTICIPLES:
        return _PARTICIPLES[w]
    if w.endswith("ied"):
        return w[:-3] + "y"
    if w.endswith("ed"):
        stem = w[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            return stem[:-1]
        if stem.endswith(("v", "c", "z", "at", "ut", "ir", "ur", "as", "us", "is")):
            return stem + "e"
        return stem
    return w


def _ing(verb: str) -> str:
    v = verb.lower()
    if v.endswith("ing") and len(v) > 5:
        return v
    if v in _IRREGULAR_ING:
        return _IRREGULAR_ING[v]
    if v in _DOUBLE:
        return v + v[-1] + "ing"
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")):
        return v[:-1] + "ing"
    return v + "ing"


def _clean_tail(tail: str) -> str:
    tail = tail.strip().rstrip("?.!").strip()
    return re.sub(r"\s+", " ", tail)


def _cap(text: str) -> str:
    text = text.strip()
    text = re.sub(r"\bi\b", "I", text)
    return text[:1].upper() + text[1:] if text else text


def _q(text: str) -> str:
    return _cap(text.rstrip("?.! ")) + "?"


def _drop_quantifier(tail: str) -> str:
    return re.sub(r"^(?:any|some|many|much|a\s+lot\s+of|lots\s+of|a|an|enough)\s+", "", tail)


def _rewrite_job_ask(low: str) -> str:
    if re.search(r"refer|referral|recommend me|good word|vouch|introduc|connect me", low):
        return WHO_ELSE
    if re.search(r"resume|r\u00e9sum\u00e9|\bcv\b", low):
        return "What experiences and skills make someone stand out in this field?"
    if re.search(r"intern", low):
        return "How do students usually get their first experience in this field?"
    return ("How do people usually get their start in this field, and what would you "
            "recommend I do to prepare?")


def _rewrite_leading(low: str) -> str:
    core = _TAG.sub("", low).strip(" ,?")
    core = re.sub(r"^(?:don't|do)\s+you\s+(?:not\s+)?(?:think|feel|agree|believe)\s+"
                  r"(?:that\s+)?", "", core)
    core = re.sub(r"^(?:wouldn't|would)\s+you\s+(?:not\s+)?(?:agree|say)\s+(?:that\s+)?", "", core)
    core = re.sub(r"^(?:you'd|you\s+would|do\s+you)\s+agree\s+(?:that\s+)?", "", core)
    core = re.sub(r"^(?:isn't|is)\s+it\s+(?:not\s+)?(?:true|obvious|clear)\s+(?:that\s+)?", "",
                  core)
    core = re.sub(r"^(?:i\s+(?:assume|guess|imagine|suppose|bet)|i'm\s+(?:sure|guessing)"
                  r"|i\s+take\s+it|presumably)\s+(?:that\s+)?", "", core)
    core = re.sub(r"\b(?:surely|obviously|of course|clearly)\b\s*,?\s*", "", core).strip(" ,")
    core = re.sub(r"\byou\s+must\s+(love|hate|enjoy)\b", r"you \1", core)
    core = re.sub(r"\byou\s+must\s+be\b", "you are", core)
    tail = re.search(rf"(?:^|,\s*(?:so|and|but)?\s*)({_WH}\b.*)$", core)
    if tail and tail.start() > 0:
        return _q(tail.group(1))
    match = re.match(r"^how\s+much\s+do\s+you\s+(?:love|enjoy|hate)\s+(.+)$", core)
    if match:
        return _q(f"How do you feel about {match.group(1)}, and why")
    neg = re.match(r"^(isn't|aren't|wasn't|weren't)\s+(.+)$", core)
    if neg:
        be = neg.group(1)[:-3]
        adj = _adjective_split(f"{be} {neg.group(2)}")
        if adj:  # "Isn't the pay terrible?" -> drop the loaded word, describe "the pay"
            return _q(f"How would you describe {adj[1]}{adj[3]}")
        words = neg.group(2).split()
        at = next((i for i, w in enumerate(words) if i and (w in _ADVERBS or w.endswith("ing"))),
                  None)
        if at is not None:
            words.insert(at, be)
            return _q(f"In your experience, how true is it that {' '.join(words)}")
        return _q(f"What is your view on whether {neg.group(2)}")
    neg = re.match(r"^(?:don't|doesn't|didn't|won't|wouldn't|can't|couldn't|shouldn't|haven't"
                   r"|hasn't)\s+(.+)$", core)
    if neg:
        return _q(f"What is your view on whether {neg.group(1)}")
    if _WH_START.match(core):
        return _q(core)
    if not core:
        return "What is your view on this, and why?"
    return _q(f"In your experience, how true is it that {core}")


_NOT_ADJ = {"it", "them", "there", "this", "that", "job", "work", "field", "role", "company",
            "team", "career", "industry", "degree", "mba", "school", "here", "now", "time",
            "people", "you", "me", "cities", "city", "lot", "everyone", "anyone", "enough",
            "day", "way", "today", "money", "family", "university", "agency", "policy", "study",
            "country", "economy", "strategy", "technology", "ministry", "society", "salary"}
_ADJECTIVES = {"hard", "easy", "common", "difficult", "remote", "long", "short", "flexible",
               "important", "necessary", "big", "small", "fast", "slow", "good", "bad", "new",
               "open", "safe", "stable", "fun", "worth", "rare", "normal", "hybrid", "high", "low",
               "tough", "strict", "useful", "helpful", "possible", "likely", "popular",
               "happy", "busy", "valuable", "relevant", "realistic", "typical", "secure",
               "interested", "stressed", "tired", "satisfied", "paid", "balanced", "organized",
               "organised", "structured", "underpaid", "overworked", "fulfilled", "qualified",
               "terrible", "awful", "great", "hard-working", "tedious", "boring", "risky", "tricky",
               "messy", "pricey", "healthy", "lonely", "friendly", "costly", "noisy", "heavy",
               "steady", "crazy", "hectic", "worthy", "trendy", "lucky", "rewarding",
               "demanding", "interesting", "challenging", "exciting", "frustrating", "satisfying",
               "fulfilling", "draining", "confusing", "overwhelming", "promising", "welcoming"}
_ADJ_SUFFIXES = ("ful", "ous", "ive", "ble", "al", "ic", "ant", "ent", "ary", "less",
                 "ish")
_DEGREE = {"very", "pretty", "quite", "too", "so", "really", "mostly", "fairly", "that"}


_PREPOSITIONS = {"in", "for", "at", "to", "on", "when", "if", "with", "as", "during", "nowadays",
                 "today", "these", "now", "here", "there", "than", "compared"}


def _adjective_split(c: str) -> tuple[str, str, str, str] | None:
    """Split "is networking important in this field" into (is, networking, important, rest)."""
    words = c.split()
    if len(words) < 3 or words[0] not in {"is", "are", "was", "were"}:
        return None
    for i in range(2, len(words)):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if _looks_adjective(words[i]) and (nxt is None or nxt in _PREPOSITIONS):
            subject = " ".join(w for w in words[1:i] if w not in _ADVERBS | _DEGREE)
            if not subject or subject == "there":
                return None
            rest = (" " + " ".join(words[i + 1:])) if nxt else ""
            return words[0], subject, words[i], rest
    return None


def _looks_adjective(word: str) -> bool:
    if word in _NOT_ADJ or len(word) < 3:
        return False
    return word in _ADJECTIVES or word.endswith(_ADJ_SUFFIXES)


def _rewrite_closed(low: str) -> str:
    c = _clean_tail(low)
    c = re.sub(r"(?:[,\s]+(?:right|correct|true|yeah|ok|okay))+$", "", c)
    c = re.sub(r"^i\s+(?:was|am|'m)\s+wondering\s+(?:if|whether)\s+", "", c)
    c = re.sub(r"^(?:can|could|would)\s+you\s+(?:tell|explain|share)\s+(?:me|us)\s+"
               r"(?:if|whether)\s+", "", c)
    c = re.sub(r"^any\s+", "do you have any ", c)
    # Declarative questions: "You like it?" -> "do you like it"; "Your job is hard?" -> inverted.
    if re.match(r"^you\s+(?!are\b|were\b|can\b|could\b|would\b|will\b|should\b|have\b|had\b"
                r"|did\b|do\b)\w+", c):
        c = "do " + c
    else:
        c = re.sub(r"^((?:your|the|this|that)\s+\w+|it|you)\s+(is|are|was|were|can|will)\s+",
                   r"\2 \1 ", c)
    m = re.match(r"^(?:is\s+it\s+(?:ok|okay|alright|all\s+right|fine)|(?:do|would)\s+you\s+mind)"
                 r"\s+(?:if|that)\s+i\s+(.+)$", c)
    if m:
        return _q(f"How would you feel if I {m.group(1)}")
    if re.search(r"\b(?:anyone|anybody|someone|somebody|other people|others)\b", c) and re.search(
            r"\b(?:talk|speak|reach out|contact|connect|meet)\b", c):
        return WHO_ELSE
    # "Do you have (any) advice for X?" -> "What advice would you give X?"
    m = re.match(r"^(?:do|would|could|can)\s+you\s+have\s+(?:any|some)?\s*(advice|tips|suggestions"
                 r"|recommendations)\s*(?:for|to)?\s*(.*)$", c)
    if m:
        rest = m.group(2) or "someone starting out in this field"
        return _q(f"What {m.group(1)} do you have for {rest}")
    # "Can you recommend any books?" -> "What books would you recommend?"
    m = re.match(r"^(?:do|would|could|can|will)\s+you\s+(?:recommend|suggest)\s+"
                 r"((?:this|your|the|that)\s+.+?)\s+(?:to|for)\s+(.+)$", c)
    if m:
        return _q(f"What would you tell {m.group(2)} who is considering {m.group(1)}")
    m = re.match(r"^(?:do|would|could|can|will)\s+you\s+(?:recommend|suggest)\s+"
                 r"((?:this|your|the|that)\s+.+)$", c)
    if m:
        return _q(f"What would you say are the pros and cons of {m.group(1)}")
    m = re.match(r"^(?:do|would|could|can|will)\s+you\s+(?:recommend|suggest)\s+(?:any|some|a|an)?"
                 r"\s*(.+)$", c)
    if m:
        thing = m.group(1)
        if re.match(r"^(?:i|that i|me)\b", thing):
            return _q(f"What would you recommend I {re.sub(r'^(?:that )?i ', '', thing)}")
        return _q(f"What {thing} would you recommend")
    # "Do you like/enjoy/love X?" -> "What do you like most about X?"
    m = re.match(r"^(?:do|did)\s+you\s+(?:really\s+)?(like|enjoy|love)\s+(.+)$", c)
    if m:
        return _q(f"What do you {m.group(1)} most about {m.group(2)}")
    m = re.match(r"^(?:do|did)\s+you\s+(?:really\s+)?(?:dislike|hate|mind)\s+(.+)$", c)
    if m:
        return _q(f"What do you find hardest about {m.group(1)}")
    # "Do you know what/how ..." -> "Could you tell me what/how ..."
    m = re.match(rf"^(?:do|would)\s+you\s+(?:know|happen to know|remember)\s+({_WH}\b.*)$", c)
    if m:
        return _q(f"Could you tell me {m.group(1)}")
    # "Should I X (or Y)?" / "Do you think I should X?"
    m = re.match(r"^(?:should\s+i|do\s+you\s+think\s+(?:that\s+)?i\s+should|would\s+you\s+"
                 r"(?:advise|recommend)\s+(?:that\s+)?(?:i|me\s+to))\s+(.+)$", c)
    if m:
        return _q(f"What would you weigh in deciding whether to {m.group(1)}")
    # "Is it better to A or B?" / "Do you prefer A or B?"
    m = re.match(r"^(?:is\s+it\s+better\s+to|do\s+you\s+prefer|would\s+you\s+rather|is\s+it\s+"
                 r"(?:best|wiser)\s+to)\s+(.+?)\s+or\s+(.+)$", c)
    if m:
        first = _ing_phrase(m.group(1))
        second = m.group(2) if re.match(r"^(?:a|an|the|at|in|with|for|on|to)\b", m.group(2)) \
            else _ing_phrase(m.group(2))
        return _q(f"What are the trade-offs between {first} and {second}")
    # "Do you think X will Y?"
    m = re.match(r"^do\s+you\s+(?:think|believe|expect|feel)\s+(?:that\s+)?(.+)$", c)
    if m:
        return _q(f"How likely do you think it is that {m.group(1)}, and why")
    # "Is it hard to X?" -> "How hard is it to X, and why?"
    m = re.match(r"^(is|was)\s+it\s+([a-z-]+)\s+(to|for|that|when|if)\s+(.+)$", c)
    if m and m.group(2) not in {"true", "possible", "worth"}:
        return _q(f"How {m.group(2)} {m.group(1)} it {m.group(3)} {m.group(4)}, and why")
    m = re.match(r"^(?:is|was)\s+it\s+(?:possible|worth\s+it)\s+to\s+(.+)$", c)
    if m:
        return _q(f"What would it take to {m.group(1)}")
    # "Is X a good Y?" -> "What are the pros and cons of X as a Y?"
    m = re.match(r"^(?:is|are)\s+(.+?)\s+(?:a|an)\s+(?:good|bad|great|smart|wise|solid)\s+(.+)$", c)
    if m:
        return _q(f"What are the pros and cons of {m.group(1)} as a {m.group(2)}")
    # "Is/Are there X?" -> "What can you tell me about X?"
    m = re.match(r"^(?:is|are|was|were)\s+there\s+(.+)$", c)
    if m:
        return _q(f"What can you tell me about {_drop_quantifier(m.group(1))}")
    # "Are you happy with X?" -> "How happy are you with X, and why?"
    m = re.match(r"^(am|are|is|was|were)\s+(you|your\s+\w+|the\s+\w+|it)\s+([a-z-]+)\s+"
                 r"(with|in|about|at|for|to)\s+(.+)$", c)
    if m and _looks_adjective(m.group(3)):
        return _q(f"How {m.group(3)} {m.group(1)} {m.group(2)} {m.group(4)} {m.group(5)}, and why")
    # "Is networking important?" -> "How important is networking, and why?"
    # "Is your job what you expected?" -> "How does your job compare with what you expected?"
    m = re.match(rf"^(is|are|was|were)\s+(.+?)\s+({_WH}\b.+)$", c)
    if m:
        verb = {"is": "does", "are": "do", "was": "did", "were": "did"}[m.group(1)]
        return _q(f"How {verb} {m.group(2)} compare with {m.group(3)}")
    adj = _adjective_split(c)
    if adj:
        be, subject, word, rest = adj
        return _q(f"How {word} {be} {subject}{rest}, and why")
    # "Is Python used a lot?" -> "How is Python used a lot?"
    m = re.match(r"^(is|are|was|were)\s+(.+?)\s+([a-z]+ed)\b(.*)$", c)
    if m and m.group(2) not in {"you", "i", "it"}:
        return _q(f"How {m.group(1)} {m.group(2)} {m.group(3)}{m.group(4)}")
    # "Are you on the design team?" -> "Could you tell me about being on the design team?"
    m = re.match(r"^(?:are|were)\s+you\s+(.+)$", c)
    if m:
        return _q(f"Could you tell me about being {m.group(1)}")
    # "Do I need a master's?" -> "How much does a master's matter in this field, and why?"
    m = re.match(r"^(?:do|will|would|does)\s+(?:i|someone|one|a\s+student)\s+need\s+(.+)$", c)
    if m:
        need = m.group(1)
        if need.startswith("to "):
            return _q(f"How important is it {need} in this field, and why")
        return _q(f"How much does {need} matter in this field, and why")
    # "Can I shadow you?" -> "What would be a good way for me to shadow you?"
    m = re.match(r"^(?:can|could|may|might|should)\s+i\s+(.+)$", c)
    if m:
        return _q(f"What would be a good way for me to {m.group(1)}")
    # "Have you always worked in X?" -> "What led you to work in X?"
    m = re.match(r"^(?:have|has)\s+you\s+always\s+(\w+)\s*(.*)$", c)
    if m:
        return _q(f"What led you to {_base_verb(m.group(1))} {m.group(2)}")
    # "Have you ever X?" -> "What can you tell me about a time you X?"
    m = re.match(r"^(?:have|has)\s+you\s+(?:ever\s+)?(.+)$", c)
    if m:
        return _q(f"What can you tell me about a time you {m.group(1)}")
    # "Did you always want to X?" -> "What made you want to X?"
    m = re.match(r"^did\s+you\s+(?:ever\s+|always\s+|really\s+)?(?:want|plan|decide|choose)\s+"
                 r"to\s+(.+)$", c)
    if m:
        return _q(f"What made you want to {m.group(1)}")
    # "Did you study abroad?" -> "What was your experience of studying abroad?"
    m = re.match(r"^did\s+you\s+(.+)$", c)
    if m:
        return _q(f"What was your experience of {_ing_phrase(m.group(1))}")
    # "Would you X?" -> "What would make you X?"
    m = re.match(r"^(?:would|will)\s+you\s+(.+)$", c)
    if m:
        return _q(f"What would make you {m.group(1)}, and why")
    # "Do you / Can you VERB X?" -> "How would you describe your experience with VERBing X?"
    m = re.match(r"^(?:do|can|could|must|need)\s+you\s+(.+)$", c)
    if m:
        return _q(f"How would you describe your experience with {_ing_phrase(m.group(1))}")
    # "Does your team use X?" -> "How does your team use X?"
    m = re.match(r"^(does|do|did|can|could|will|would|should)\s+(.+)$", c)
    if m:
        return _q(f"How {m.group(1)} {m.group(2)}")
    m = re.match(r"^(is|are|was|were)\s+(.+)$", c)
    if m:
        words = m.group(2).split()
        stop = _PREPOSITIONS | _ADVERBS | _DEGREE | {"here", "still", "going", "likely", "worth",
                                                      "a", "an", "the", "more", "less", "just"}
        at = next((i for i, w in enumerate(words) if i and (w in stop or w.endswith("ing"))),
                  len(words))
        words.insert(at, m.group(1))
        return _q(f"What is your view on whether {' '.join(words)}, and why")
    if len(c.split()) < 3 or not re.search(r"[a-z]{3}", c):
        return "What does a typical day look like for you?"
    return _q(f"What can you tell me about {c}")


def _restore_case(suggestion: str, original: str) -> str:
    """Give words their original capitals back ("python" -> "Python", "mba" -> "MBA")."""
    tokens = re.findall(r"[\w'-]+", original)
    cased = {t.lower(): t for t in tokens[1:] if t != t.lower()}
    cased.pop("i", None)

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        return cased.get(word, word) if word == word.lower() else word

    return re.sub(r"[\w'-]+", fix, suggestion)


def _ing_phrase(phrase: str) -> str:
    words = phrase.strip().split()
    while words and words[0] in _ADVERBS:
        words = words[1:]
    if not words:
        return phrase
    if words[0] in {"to"} and len(words) > 1:
        words = words[1:]
    words[0] = _ing(words[0])
    return " ".join(_OBJ_PRONOUN.get(w, w) if w in {"me", "my"} else w for w in words)


# --------------------------------------------------------------------------- classify

def classify_question(text: str) -> QuestionFeedback:
    """Classify an interview question and suggest an open rewrite when needed.

    Parameters
    ----------
    text : str
        The question as the student wrote it. A short preamble is fine ("I'm a
        biology student. What does a typical day look like?"): the first sentence
        that is a question decides.

    Returns
    -------
    QuestionFeedback
        ``kind`` (open, closed, leading, job_ask), ``tiara`` (a TIARA category or
        None), ``suggestion`` (an open rewrite, None when already open) and
        ``reasons``.

    Raises
    ------
    ValueError
        If ``text`` is empty or only whitespace.

    Examples
    --------
    >>> classify_question("Do you like your job?").suggestion
    'What do you like most about your job?'
    >>> classify_question("In your experience, what makes someone succeed here?").kind
    'open'
    >>> classify_question("Are you hiring?").kind
    'job_ask'
    """
    tidy = _tidy(text)
    if not tidy or not re.search(r"\w", tidy):
        raise ValueError("Type a question first: the text is empty.")
    sentences = _sentences(tidy)
    asked = [s for s in sentences if s.endswith("?")] or sentences
    forms = [_form_of(s) for s in asked]
    main = next((f for f in forms if f.kind != "statement"), forms[-1])
    main_sentence = asked[forms.index(main)]
    tiara = tiara_category(main_sentence)
    reasons: list[str] = []

    job = find_job_ask(tidy)
    if job:
        kind = "job_ask"
        reasons.append(f"It {job[0]}. An informational interview is for insight and "
                       "relationships, not job openings: asking for a job breaks its purpose "
                       "and can end the conversation.")
        reasons.extend(f"It also {r}." for r in job[1:])
    elif main.kind == "leading":
        kind = "leading"
        reasons.append(f"It {main.reason}. Ask neutrally so you hear their view, not yours.")
    elif main.kind == "open":
        kind = "open"
        reasons.append(f"It {main.reason}.")
    else:
        kind = "closed"
        reasons.append(f"It {main.reason}. Open questions (what, how, why, 'tell me about') get "
                       "the stories and detail you came for.")

    if kind == "job_ask":
        suggestion: str | None = _rewrite_job_ask(main.clause)
    elif kind == "leading":
        suggestion = _rewrite_leading(main.clause)
    elif kind == "closed":
        suggestion = _rewrite_closed(main.clause)
    else:
        suggestion = None

    if suggestion and kind in ("closed", "leading") and main.lead_in \
            and suggestion != WHO_ELSE and not suggestion.startswith("In your experience"):
        suggestion = main.lead_in.rstrip(" ,:;-") + ", " + suggestion[0].lower() + suggestion[1:]
    if suggestion:
        suggestion = _restore_case(suggestion, tidy)
        # Safety net for text the rules cannot parse: never suggest a non-open question.
        if _form_of(suggestion).kind != "open" or find_job_ask(suggestion):
            suggestion = FALLBACK_REWRITE

    if kind == "open" and re.match(r"^how\s+(?:many|much|long|often|old)\b|^when\s+did\b",
                                   main.clause) and not re.search(r"\b(?:and|why)\b", main.clause):
        reasons.append("Tip: it asks for a number or a date; add 'and why?' or 'how has that "
                       "changed?' to hear the story behind it.")
    if re.search(r"\bhow\s+much\s+(?:do|did)\s+you\s+(?:make|earn|get\s+paid)\b|\byour\s+salary\b",
                 tidy.lower()):
        reasons.append("Tip: asking someone's own pay can feel intrusive; ask about typical "
                       "salary ranges in the field instead.")
    questions_asked = sum(s.endswith("?") for s in sentences)
    if questions_asked > 1:
        reasons.append(f"Tip: this asks {questions_asked} questions at once; ask one at a time "
                       "so each gets a full answer.")
    if tiara:
        hits = _tiara_scores(main_sentence)[tiara]
        reasons.append(f"TIARA: {TIARA_LABELS[tiara]} ({TIARA_HELP[tiara]}), from "
                       + ", ".join(f"'{h}'" for h in hits[:3]) + ".")
    else:
        reasons.append("TIARA: no category recognised from the wording.")
    return QuestionFeedback(text=tidy, kind=kind, tiara=tiara, suggestion=suggestion,
                            reasons=reasons)


_ELSEWHERE = {"EmailReview": "email_check", "check_outreach_email": "email_check",
              "Person": "planner", "plan_interview": "planner", "prep_sheet": "planner",
              "write_prep_sheet": "planner"}


def __getattr__(name: str):
    # The planner and the email checker build on this module, so they are loaded on
    # first use rather than imported here (which would be circular).
    if name in _ELSEWHERE:
        from importlib import import_module

        return getattr(import_module(f".{_ELSEWHERE[name]}", __package__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
