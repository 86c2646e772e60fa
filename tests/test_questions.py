"""The question coach: classifier, TIARA tags, rewrites, planner, prep sheet, email checker."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pandas as pd
import pytest

from infoview_lib import questions
from infoview_lib.questions import (
    KINDS,
    TIARA,
    WHO_ELSE,
    Person,
    check_outreach_email,
    classify_question,
    plan_interview,
    prep_sheet,
    tiara_category,
    tiara_coverage,
    write_prep_sheet,
)

# Questions a student might type, labelled by hand. The first block was written while the
# rules were developed; the second ("held out") was written before the classifier ever saw
# it and scored 47 of 48 at its first run (the miss, "Is there an opening for ...", led to
# the "opening for" rule).
DEVELOPMENT = [
    ('What does a typical day look like for you?', 'open'),
    ('How did you get started in this field?', 'open'),
    ('Why did you choose to work in public health rather than medicine?', 'open'),
    ('In your experience, what skills matter most for someone starting out?', 'open'),
    ('Could you walk me through how a project goes from idea to launch?', 'open'),
    ("Can you tell me about a project you're proud of?", 'open'),
    ('Describe the most challenging part of your role.', 'open'),
    ('Tell me about your path from teaching to UX research.', 'open'),
    ("What's the biggest misconception people have about this job?", 'open'),
    ('Which professional associations have been most useful to you?', 'open'),
    ('Who else would you suggest I talk to?', 'open'),
    ('If you were starting over, what would you do differently?', 'open'),
    ('Looking back, what do you wish you had known in your first year?', 'open'),
    ('How has the industry changed since you started?', 'open'),
    ("I'd love to hear how you decided to leave consulting.", 'open'),
    ('Would you mind sharing what your first year on the team was like?', 'open'),
    ('Where do you see this field heading in the next five years?', 'open'),
    ('What advice would you give a sophomore interested in environmental law?', 'open'),
    ('From your perspective, how do remote teams keep their culture?', 'open'),
    ('Could you describe what success looks like in your role?', 'open'),
    ('whats the hardest part of the job', 'open'),
    ("I'm a biology student. What does a research coordinator actually do all day?", 'open'),
    ('May I ask what you studied in college?', 'open'),
    ('Do you like your job?', 'closed'),
    ('Is networking important in this industry?', 'closed'),
    ('Did you always want to be an engineer?', 'closed'),
    ('Have you ever worked abroad?', 'closed'),
    ('Should I get an MBA?', 'closed'),
    ('Can you recommend any books?', 'closed'),
    ('Is it hard to get into publishing?', 'closed'),
    ('Are you happy with your career choice?', 'closed'),
    ('Do you have any advice for someone starting out?', 'closed'),
    ('Does your team use Python?', 'closed'),
    ('Would you choose this career again?', 'closed'),
    ('Do you think AI will replace junior analysts?', 'closed'),
    ('Is there a lot of travel in this role?', 'closed'),
    ('Do you work weekends?', 'closed'),
    ('Is it better to start at a big firm or a startup?', 'closed'),
    ('Can you tell me if the hours are long?', 'closed'),
    ('Any tips for the first year?', 'closed'),
    ('When you were in school, did you do internships?', 'closed'),
    ('You enjoy working in a lab?', 'closed'),
    ("Don't you think remote work is better for everyone?", 'leading'),
    ("Isn't it true that consultants work really long hours?", 'leading'),
    ("Wouldn't you agree that a master's degree is essential?", 'leading'),
    ('Marketing is all about creativity, right?', 'leading'),
    ('You must love working with such a great team?', 'leading'),
    ('Surely the pay makes up for the stress?', 'leading'),
    ("The startup world is more exciting than corporate, isn't it?", 'leading'),
    ('Are you hiring?', 'job_ask'),
    ('Would you refer me for the analyst role?', 'job_ask'),
    ('Do you have any openings on your team?', 'job_ask'),
    ('Can I send you my resume?', 'job_ask'),
    ('Does your company offer internships this summer?', 'job_ask'),
    ('What positions are open at your company right now?', 'job_ask'),
    ('Could you put in a good word for me with the recruiter?', 'job_ask'),
    ('Is your team hiring new graduates?', 'job_ask'),
    ('How can I apply to work at your firm?', 'job_ask'),
]

HELD_OUT = [
    ('How do you balance client work with internal projects?', 'open'),
    ('What kinds of people tend to thrive on your team?', 'open'),
    ('Why do people leave this field?', 'open'),
    ('Can you talk about how you moved from engineering into product management?', 'open'),
    ('Please describe a recent problem your team solved.', 'open'),
    ('Thinking about the next few years, which skills will be in demand?', 'open'),
    ('As someone who switched careers, how did you explain the change to employers?', 'open'),
    ('What resources do you use to keep up with the field?', 'open'),
    ('Walk me through your first week at the agency.', 'open'),
    ('How would you describe the culture at a nonprofit compared with a big company?', 'open'),
    ("What's one thing you would tell your younger self?", 'open'),
    ('Who has influenced your career the most?', 'open'),
    ('When did you realise you wanted to work in policy, and why?', 'open'),
    ("I'm curious about how your team decides which projects to take on.", 'open'),
    ('Given how fast the field moves, how do you keep learning?', 'open'),
    ('Could you share an example of a mistake that taught you something?', 'open'),
    ('Would you be willing to tell me how you prepared for your licensing exam?', 'open'),
    ('Is the work stressful?', 'closed'),
    ('Do you enjoy managing people?', 'closed'),
    ('Was it difficult to switch industries?', 'closed'),
    ('Are there many women in engineering at your company?', 'closed'),
    ('Do you know which certifications are worth getting?', 'closed'),
    ('Would you recommend this career to a new graduate?', 'closed'),
    ('Is a graduate degree necessary to advance?', 'closed'),
    ('Did you study economics?', 'closed'),
    ('Can you work from home?', 'closed'),
    ('Have you always worked in healthcare?', 'closed'),
    ('Do I need to learn SQL?', 'closed'),
    ('Should I join a professional association?', 'closed'),
    ('Is your job what you expected?', 'closed'),
    ('Can I ask you a few more questions by email later?', 'closed'),
    ('Do you prefer working in a small team or a large one?', 'closed'),
    ("Isn't the pay in nonprofits terrible?", 'leading'),
    ("Don't you agree that coding bootcamps are a waste of money?", 'leading'),
    ("You'd agree that experience matters more than grades?", 'leading'),
    ('Obviously you love what you do, so what keeps you going?', 'leading'),
    ("Aren't most data scientists just doing spreadsheets?", 'leading'),
    ("Public service is really rewarding, isn't it?", 'leading'),
    ('I assume you work late most nights?', 'leading'),
    ('Is your company hiring?', 'job_ask'),
    ('Are there any internships available for students?', 'job_ask'),
    ('Could you pass my resume along to HR?', 'job_ask'),
    ('Any chance you could refer me?', 'job_ask'),
    ('What job openings does your department have?', 'job_ask'),
    ('Would you be able to get me an interview with your manager?', 'job_ask'),
    ('How do I get a job at your company?', 'job_ask'),
    ('Can you introduce me to the hiring manager?', 'job_ask'),
    ('Is there an opening for an entry-level analyst?', 'job_ask'),
]

LABELLED = DEVELOPMENT + HELD_OUT


def _agreement(rows):
    return sum(classify_question(q).kind == kind for q, kind in rows) / len(rows)


# --------------------------------------------------------------------------- classifier


def test_labelled_set_is_large_varied_and_balanced():
    assert len(LABELLED) >= 40
    assert len({q for q, _ in LABELLED}) == len(LABELLED)
    counts = Counter(kind for _, kind in LABELLED)
    assert set(counts) == set(KINDS)
    assert min(counts.values()) >= 8


def test_classifier_agrees_with_the_labels_at_least_90_percent():
    misses = [(q, k, classify_question(q).kind) for q, k in LABELLED
              if classify_question(q).kind != k]
    assert _agreement(LABELLED) >= 0.9, misses


def test_classifier_agrees_on_the_held_out_questions_too():
    assert _agreement(HELD_OUT) >= 0.9


@pytest.mark.parametrize(("text", "kind"), [
    ("In your experience, what makes someone succeed in this role?", "open"),
    ("Could you walk me through a typical project?", "open"),
    ("Can you tell me about your first year?", "open"),
    ("Describe how your team plans its work.", "open"),
    ("Are you hiring?", "job_ask"),
    ("Don't you think the hours are too long?", "leading"),
    ("Isn't it true that everyone needs an MBA?", "leading"),
    ("Would you refer me to your recruiter?", "job_ask"),
    ("Do you like your job?", "closed"),
])
def test_the_forms_the_course_names(text, kind):
    assert classify_question(text).kind == kind


def test_a_closed_question_gets_a_specific_open_rewrite():
    fb = classify_question("Do you like your job?")
    assert fb.kind == "closed"
    assert fb.suggestion == "What do you like most about your job?"
    assert any("yes or no" in r for r in fb.reasons)


@pytest.mark.parametrize(("text", "rewrite"), [
    ("Is networking important?", "How important is networking, and why?"),
    ("Is networking important in this industry?",
     "How important is networking in this industry, and why?"),
    ("Do you enjoy managing people?", "What do you enjoy most about managing people?"),
    ("Can you recommend any books?", "What books would you recommend?"),
    ("Do you have any advice for someone starting out?",
     "What advice do you have for someone starting out?"),
    ("Should I get an MBA?", "What would you weigh in deciding whether to get an MBA?"),
    ("Is there anyone else I should talk to?", WHO_ELSE),
    ("Do you know which certifications are worth getting?",
     "Could you tell me which certifications are worth getting?"),
    ("Is your job what you expected?", "How does your job compare with what you expected?"),
    ("Did you always want to be an engineer?", "What made you want to be an engineer?"),
])
def test_rewrites_of_common_closed_forms(text, rewrite):
    assert classify_question(text).suggestion == rewrite


def test_every_rewrite_is_itself_open_and_keeps_proper_nouns():
    for text, kind in LABELLED:
        fb = classify_question(text)
        if kind == "open":
            assert fb.suggestion is None, text
            continue
        assert fb.suggestion, text
        assert classify_question(fb.suggestion).kind == "open", (text, fb.suggestion)
    assert "Python" in classify_question("Does your team use Python?").suggestion


def test_a_job_ask_is_rewritten_to_a_question_about_the_field_or_other_people():
    hiring = classify_question("Are you hiring?")
    assert hiring.kind == "job_ask"
    assert "get their start in this field" in hiring.suggestion
    assert any("insight and relationships" in r for r in hiring.reasons)
    assert classify_question("Would you refer me?").suggestion == WHO_ELSE


def test_a_closed_question_that_asks_for_a_job_is_a_job_ask():
    assert classify_question("Do you have any internships available?").kind == "job_ask"
    assert classify_question("Can I send you my resume?").kind == "job_ask"


def test_talking_about_hiring_or_their_role_is_not_a_job_ask():
    for text in ["What do hiring managers look for in new analysts?",
                 "How did you get your first internship?",
                 "Looking back, which experiences best prepared you for your current role?",
                 "How important are referrals in this industry?"]:
        assert classify_question(text).kind == "open", text


def test_a_lead_in_is_kept_in_the_rewrite():
    fb = classify_question("When you were in school, did you do internships?")
    assert fb.kind == "closed"
    assert fb.suggestion.startswith("When you were in school, what")


def test_a_leading_question_is_rewritten_neutrally():
    fb = classify_question("Isn't the pay in nonprofits terrible?")
    assert fb.kind == "leading"
    assert fb.suggestion == "How would you describe the pay in nonprofits?"
    fb = classify_question("Obviously you love what you do, so what keeps you going?")
    assert fb.suggestion == "What keeps you going?"


def test_preamble_and_list_markers_do_not_hide_the_question():
    assert classify_question("I'm a nursing student. Do you like your shifts?").kind == "closed"
    assert classify_question("3. What does a typical day look like?").kind == "open"
    assert classify_question("\u201cWhat\u2019s the hardest part?\u201d").kind == "open"


def test_tips_for_stacked_questions_numbers_and_pay():
    assert any("one at a time" in r for r in
               classify_question("What do you do? How did you start?").reasons)
    assert any("number or a date" in r for r in
               classify_question("How many hours do you work?").reasons)
    assert any("salary ranges" in r for r in
               classify_question("How much do you make?").reasons)


def test_empty_text_is_refused_with_a_message():
    with pytest.raises(ValueError, match="Type a question"):
        classify_question("   ")


def test_feedback_explains_itself_in_markdown():
    md = classify_question("Are you hiring?")._repr_markdown_()
    assert md.startswith("**Job ask**")
    assert "Try instead" in md


# --------------------------------------------------------------------------- TIARA


@pytest.mark.parametrize(("text", "category"), [
    ("How has the field changed in the last five years?", "trends"),
    ("What surprised you most when you joined?", "insights"),
    ("What advice would you give someone starting out?", "advice"),
    ("Who else would you suggest I talk to?", "resources"),
    ("What projects are you working on right now?", "assignments"),
])
def test_tiara_category_by_keywords(text, category):
    assert tiara_category(text) == category
    assert classify_question(text).tiara == category


def test_tiara_none_when_no_keyword_and_the_reason_says_so():
    fb = classify_question("Why?")
    assert fb.tiara is None
    assert any("no category" in r for r in fb.reasons)


def test_tiara_coverage_counts_every_category():
    cov = tiara_coverage(["What trends matter?", "Who else should I talk to?",
                          classify_question("What books should I read?")])
    assert list(cov) == list(TIARA)
    assert cov["trends"] == 1 and cov["resources"] == 2 and cov["advice"] == 0


# --------------------------------------------------------------------------- planner

FIVE = [
    "How has the field changed since you started?",            # trends
    "What surprised you most about the culture?",              # insights
    "What advice would you give someone starting out?",        # advice
    "Which books or podcasts do you recommend?",               # resources
    "What projects are you working on right now?",             # assignments
]


def test_plan_fills_the_time_exactly_with_opening_questions_and_close():
    plan = plan_interview(FIVE, minutes=30)
    assert list(plan.columns) == ["phase", "question", "kind", "tiara", "minutes", "start_min",
                                  "note"]
    assert plan["minutes"].sum() == 30
    assert plan["phase"].iloc[0] == "opening" and plan["minutes"].iloc[0] == 3
    assert list(plan["phase"].iloc[-2:]) == ["close", "close"]
    assert plan["minutes"].iloc[-2:].sum() == 3
    assert (plan["start_min"] == plan["minutes"].cumsum() - plan["minutes"]).all()
    asked = plan[plan["phase"] == "questions"]
    assert list(asked["question"]) == FIVE
    assert asked["minutes"].between(4, 6).all()
    assert plan.attrs["dropped"] == []
    assert all(plan.attrs["coverage"][t] >= 1 for t in TIARA)


def test_who_else_is_always_the_closer():
    plan = plan_interview(["What does a typical day look like?"], minutes=20)
    close = plan[plan["phase"] == "close"]
    assert close["question"].iloc[0] == WHO_ELSE
    assert close["tiara"].iloc[0] == "resources"


def test_the_students_own_who_else_question_is_used_as_the_closer_once():
    plan = plan_interview(["Who else should I talk to?"] + FIVE, minutes=30)
    assert (plan["question"] == "Who else should I talk to?").sum() == 1
    assert plan.loc[plan["phase"] == "close", "question"].iloc[0] == "Who else should I talk to?"
    assert WHO_ELSE not in set(plan["question"])


def test_closed_and_job_ask_questions_are_replaced_by_their_rewrite():
    plan = plan_interview(["Do you like your job?", "Are you hiring?"], minutes=20)
    asked = plan[plan["phase"] == "questions"]
    assert list(asked["kind"]) == ["open", "open"]
    assert asked["question"].iloc[0] == "What do you like most about your job?"
    assert "rewritten from a closed question" in asked["note"].iloc[0]
    assert "rewritten from a job ask" in asked["note"].iloc[1]
    assert "Are you hiring?" not in set(plan["question"])


def test_trimming_keeps_tiara_balance():
    many = ["What do you enjoy most?", "What is the hardest part?", "What surprised you?",
            "How would you describe the culture?"] + FIVE
    plan = plan_interview(many, minutes=20)  # room for 3 questions
    asked = plan[plan["phase"] == "questions"]
    assert len(asked) == 3
    assert asked["tiara"].nunique() == 3
    assert len(plan.attrs["dropped"]) == len(many) - 3
    assert plan["minutes"].sum() == 20


@pytest.mark.parametrize("minutes", [20, 30, 40])
def test_longer_interviews_fit_more_questions(minutes):
    bank = [f"What is one thing you learned in year {i}?" for i in range(1, 15)]
    plan = plan_interview(bank, minutes=minutes)
    assert plan["minutes"].sum() == minutes
    assert (plan["phase"] == "questions").sum() == (minutes - 6) // 4


def test_a_short_list_leaves_spare_time_and_says_how_much():
    plan = plan_interview(["What does a typical day look like?"], minutes=30)
    spare = plan[plan["phase"] == "spare"]
    assert len(spare) == 1
    assert plan["minutes"].sum() == 30
    assert "more question" in spare["note"].iloc[0]


def test_duplicates_and_blanks_are_dropped():
    plan = plan_interview(["What do you do?", "what do you do", "", None], minutes=20)
    assert (plan["phase"] == "questions").sum() == 1


def test_too_short_an_interview_is_refused():
    with pytest.raises(ValueError, match="at least 10 minutes"):
        plan_interview(FIVE, minutes=8)


# --------------------------------------------------------------------------- prep sheet

PERSON = {"name": "Dana Rivera", "role": "UX researcher", "organization": "Northwind Health",
          "notes": "- Spoke on a panel about accessible design\n- Moved from teaching in 2019",
          "connection": "Priya Shah (my advisor)"}


def test_prep_sheet_has_who_notes_phases_timing_and_thank_you_reminder():
    md = prep_sheet(PERSON, FIVE + ["Do you like your job?"], minutes=30,
                    today=date(2026, 3, 2))
    assert md.startswith("# Informational interview prep: Dana Rivera")
    assert "UX researcher, Northwind Health" in md
    assert "Priya Shah (my advisor)" in md
    assert "- Spoke on a panel about accessible design" in md
    for heading in ("### Opening (0\u20133 min)", "### Questions (3\u201327 min)",
                    "### Close (27\u201330 min)"):
        assert heading in md
    assert "**[3\u20137 min]** How has the field changed since you started?" in md
    assert "What do you like most about your job?" in md
    assert WHO_ELSE in md
    assert "thank-you note **within 24 hours**" in md
    assert "2026-03-02" in md


def test_prep_sheet_escapes_markdown_and_html_in_user_text():
    md = prep_sheet(Person(name="A*B <script>", notes="[link](http://x)"), ["What do you do?"])
    assert "<script>" not in md
    assert "A\\*B &lt;script&gt;" in md
    assert "\\[link\\](http://x)" in md


def test_write_prep_sheet_defaults_to_the_workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("INFOVIEW_WORKSPACE", str(tmp_path))
    path = write_prep_sheet(PERSON, FIVE)
    assert path == tmp_path / "prep_dana_rivera.md"
    assert path.read_text(encoding="utf-8").startswith("# Informational interview prep")
    assert [p.name for p in tmp_path.iterdir()] == ["prep_dana_rivera.md"]  # no temp files


def test_write_prep_sheet_to_a_named_file_replaces_it(tmp_path):
    target = tmp_path / "sheets" / "dana.md"
    write_prep_sheet(PERSON, ["What do you do?"], path=target)
    write_prep_sheet(PERSON, FIVE, path=target, minutes=40)
    assert "Plan (40 minutes)" in target.read_text(encoding="utf-8")


def test_person_accepts_a_name_or_a_dict_and_rejects_other_things():
    assert Person.from_any("Dana").name == "Dana"
    assert Person.from_any({"Name": "Dana", "notes": ["a", "b"]}).notes == "a\nb"
    with pytest.raises(TypeError):
        Person.from_any(42)


# --------------------------------------------------------------------------- outreach email

GOOD = """Subject: Advice on a career in public health

Hi Ms. Rivera,

Priya Shah suggested I contact you. I'm a junior at Lakeside College exploring careers in
public health, and I'd love to hear about your path into epidemiology.

Would you have 20 minutes for a phone or video call in the next few weeks?

Best,
Sam Okoye"""


def test_a_good_email_passes_and_says_what_is_good():
    review = check_outreach_email(GOOD)
    assert review.ok, review.findings
    assert review.findings == []
    assert review.word_count == 49  # counted by hand; the subject line is not counted
    assert review.question_count == 1
    assert review.ask_minutes == (20, 20)
    assert all(review.checks.values())
    assert any("Priya Shah suggested I contact you" in s for s in review.strengths)
    assert len(review.strengths) == 6


def test_too_long_an_email_is_flagged_with_the_count():
    long = GOOD.replace("in the next few weeks?", "in the next few weeks?") + (
        "\n\nP.S. " + "I have done a lot of volunteering and coursework. " * 10)
    review = check_outreach_email(long)
    assert not review.ok
    assert not review.checks["length"]
    assert any(f"{review.word_count} words: cut it to under 100" in f for f in review.findings)


def test_a_job_ask_is_flagged_naming_the_words():
    review = check_outreach_email(GOOD.replace(
        "I'd love to hear about your path into epidemiology",
        "I'm applying for internships and have attached my resume"))
    assert not review.checks["no_job_ask"]
    finding = next(f for f in review.findings if "not a job" in f)
    assert "'internships'" in finding and "'resume'" in finding


def test_the_connection_must_come_first():
    late = GOOD.replace("Priya Shah suggested I contact you. ", "").replace(
        "in the next few weeks?", "in the next few weeks? Priya Shah suggested I contact you.")
    review = check_outreach_email(late)
    assert not review.checks["connection_first"]
    assert any("only after" in f and "first sentence" in f for f in review.findings)
    none = check_outreach_email(GOOD.replace("Priya Shah suggested I contact you. ", ""))
    assert any(f.startswith("Name the shared connection") for f in none.findings)


@pytest.mark.parametrize("opening", [
    "As a fellow Lakeside College alum, I'm writing to ask for your advice.",
    "We met briefly at the Riverside career fair last week.",
    "I found you through the Lakeside alumni network.",
    "My advisor, Dr. Chen, suggested I reach out to you.",
])
def test_other_ways_of_naming_a_connection(opening):
    text = GOOD.replace("Priya Shah suggested I contact you.", opening)
    assert check_outreach_email(text).checks["connection_first"], opening


@pytest.mark.parametrize(("ask", "ok", "minutes"), [
    ("Would you have 20 minutes", True, (20, 20)),
    ("Would you have 15-30 minutes", True, (15, 30)),
    ("Would you have twenty minutes", True, (20, 20)),
    ("Would you have half an hour", True, (30, 30)),
    ("Would you have an hour", False, (60, 60)),
    ("Would you have 45 minutes", False, (45, 45)),
    ("Would you have 5 minutes", False, (5, 5)),
    ("Would you have some time", False, None),
])
def test_the_ask_must_be_specific_and_small(ask, ok, minutes):
    review = check_outreach_email(GOOD.replace("Would you have 20 minutes", ask))
    assert review.checks["small_ask"] is ok
    assert review.ask_minutes == minutes


def test_interest_must_stay_general():
    review = check_outreach_email(GOOD.replace(
        "I'd love to hear about your path into epidemiology",
        "I'm very interested in the Junior Analyst role on your team"))
    assert not review.checks["general_interest"]
    assert any("too specific" in f for f in review.findings)


def test_exactly_one_question_that_makes_the_ask():
    two = GOOD.replace("in the next few weeks?", "in the next few weeks? What is your team like?")
    review = check_outreach_email(two)
    assert review.question_count == 2
    assert any(f.startswith("Ask exactly one question; you ask 2") for f in review.findings)
    none = check_outreach_email(GOOD.replace(
        "Would you have 20 minutes for a phone or video call in the next few weeks?",
        "I would be grateful for 20 minutes of your time. Let me know."))
    assert any(f.startswith("End with one clear question") for f in none.findings)
    off = check_outreach_email(GOOD.replace(
        "Would you have 20 minutes for a phone or video call in the next few weeks?",
        "I could talk for 20 minutes. Is epidemiology fun?"))
    assert any("doesn't ask for the conversation" in f for f in off.findings)


def test_an_empty_email_asks_for_text():
    review = check_outreach_email("  ")
    assert not review.ok and review.word_count == 0
    assert review.findings[0].startswith("Write your email")


def test_findings_are_actionable_sentences():
    review = check_outreach_email("hey can i have a job at ur company")
    assert len(review.findings) >= 4
    for finding in review.findings:
        assert finding[0].isupper() or finding[0] in "'\u201c"
        assert re.search(r"[.?!\u201d)]$", finding), finding


def test_lazy_reexports_and_unknown_names():
    assert questions.plan_interview is plan_interview
    with pytest.raises(AttributeError):
        questions.no_such_thing  # noqa: B018


def test_plan_is_a_dataframe_with_integer_minutes():
    plan = plan_interview(FIVE)
    assert isinstance(plan, pd.DataFrame)
    assert plan["minutes"].dtype == "int64" and plan["start_min"].dtype == "int64"


# --------------------------------------------------------------------------- robustness

_WORDS = ("do you is are what how why who can could would tell me about your job hiring "
          "resume refer the a it right isn't don't think in experience , ? . ! internship "
          "openings should I like love 20 minutes Priya suggested contact").split()


def test_labelled_questions_get_specific_rewrites_not_the_fallback():
    fallback = [q for q, k in LABELLED if k != "open"
                and classify_question(q).suggestion == questions.FALLBACK_REWRITE]
    assert fallback == []


def test_any_jumble_of_words_gets_a_verdict_and_an_open_rewrite():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12))
    def check(words):
        text = " ".join(words)
        if not re.search(r"\w", text):
            return
        fb = classify_question(text)
        assert fb.kind in KINDS
        assert (fb.suggestion is None) == (fb.kind == "open")
        if fb.suggestion:
            assert classify_question(fb.suggestion).kind == "open", (text, fb.suggestion)
        check_outreach_email(text)

    check()


def test_arbitrary_text_never_crashes_the_coach_or_the_email_checker():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=300))
    def check(text):
        review = check_outreach_email(text)
        assert review.word_count >= 0
        if re.search(r"\w", text):
            assert classify_question(text).kind in KINDS

    check()
