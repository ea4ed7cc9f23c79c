"""The plan for the printed sheet, read from a draft's answers (wizard.answers) in the sheet's order."""
from dataclasses import dataclass, field

from . import steps
from .roadmap import build_roadmap


@dataclass
class Plan:
    """What the printed sheet shows, in the order it shows it."""

    about: object
    going: object
    child: list
    top_questions: list
    other_questions: list
    talking_points: list
    goal: object
    bullying: dict = field(default_factory=dict)
    # [(step title, [Problem])]: answers left off the sheet because they are not valid yet.
    missing: list = field(default_factory=list)

    @property
    def conversation_date(self):
        return self.about.date

    @property
    def person(self):
        return self.about.partner_name or self.about.shown("partner_role")


def build_plan(answers):
    return Plan(
        about=answers[steps.ABOUT].values,
        going=answers[steps.GOING].values,
        child=answers[steps.CHILD].values.labelled(),
        top_questions=[text for _value, text in answers.top_questions],
        other_questions=[text for _value, text in answers.other_questions],
        talking_points=answers[steps.TELL].values.labelled(),
        goal=answers[steps.GOAL].values,
        bullying=_bullying(answers) if answers.about_bullying else {},
        missing=[(summary.step.title, summary.problems) for summary in answers.needing_work()],
    )


def _bullying(answers):
    """The incident log, signs, what was done, the wishes and the fitted roadmap."""
    incidents = answers[steps.INCIDENTS]
    table = incidents.form.row_table()
    log = incidents.values
    return {
        "incident_headers": table[0],
        "incidents": table[1],
        "signs": log.shown("signs") or [],
        "other_signs": log.other_signs,
        "already": log.labelled(["already_who", "already_when", "already_result"]),
        "wishes": answers[steps.WISHES].values,
        "roadmap": build_roadmap(answers),
    }


@dataclass
class AgreementsPlan:
    """What the afsprakenblad shows: who was there, the agreements, the goal, the follow-up, what is open."""

    about: object
    partner: str
    present: str
    agreements: list
    goal: str
    follow_up: object
    # [(question, how it was answered, note)] for top questions not (fully) answered
    open_questions: list
    enough_time: str

    @property
    def conversation_date(self):
        return self.about.date

    @property
    def has_open_points(self):
        return bool(self.open_questions or self.follow_up.to_discuss or self.enough_time == "nee")


def build_agreements(answers):
    went = answers[steps.HOW_IT_WENT]
    return AgreementsPlan(
        about=answers[steps.ABOUT].values,
        partner=answers.conversation_partner,
        present=went.values.present,
        agreements=answers.agreements,
        goal=answers[steps.AGREED].values.goal,
        follow_up=answers[steps.FOLLOW_UP].values,
        open_questions=[item for item in went.form.question_answers() if item[1] in ("deels", "nee")],
        enough_time=went.values.enough_time,
    )
