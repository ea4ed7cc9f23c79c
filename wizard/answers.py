"""The one way to read a saved draft: each step's form bound once, and what the answers say.

A request makes one ``Answers`` for its draft. Views, the step registry's conditions, the
check page, the step list, the plan for the PDF and the roadmap all read the draft through
it, so a step's stored values are bound and cleaned once, by the step's own form.
"""
from dataclasses import dataclass
from functools import cached_property

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from . import content, forms, steps

DONE, EMPTY, NEEDS_WORK = "done", "empty", "needs_work"


class StepAnswers:
    """One step of a draft: its form bound to what was saved, its status and its valid values."""

    def __init__(self, step, answers):
        self.step = step
        data = answers.draft.step_data(step.key) if answers.draft is not None else None
        self.saved = data is not None
        self.form = step.form_class(data, answers=answers) if self.saved else step.form_class(answers=answers)

    @cached_property
    def valid(self):
        return self.saved and self.form.is_valid()

    @cached_property
    def values(self):
        """The step's valid answers as attributes (see forms.Values), field by field.

        One answer that is not valid yet never hides the others: a wrong date in one
        incident leaves that incident's other fields, and every other step, in use.
        """
        return self.form.values()

    @cached_property
    def problems(self):
        """[forms.Problem] for each answer that is not valid yet, and so not on any sheet."""
        return self.form.problems() if self.saved and not self.valid else []

    @cached_property
    def status(self):
        if not self.saved:
            return EMPTY
        if not self.valid:
            return NEEDS_WORK
        return DONE if self.form.has_answers() else EMPTY

    @property
    def is_done(self):
        return self.status == DONE

    @property
    def needs_work(self):
        return self.status == NEEDS_WORK

    def rows(self):
        """(label, shown value) rows for the check page: the valid answers, and a problem for the others."""
        return self.form.display_rows() if self.saved else self.form.empty_rows()


@dataclass(frozen=True)
class Agreement:
    """One agreement from the gesprek, as the parent wrote it down."""

    who: str
    what: str
    when: object  # a date, or None

    @property
    def label(self):
        when = date_format(self.when, "j E Y") if self.when else ""
        return " – ".join(part for part in (self.who, self.what, when) if part)


@dataclass(frozen=True)
class Facts:
    """What the answers say that changes the roadmap."""

    physical_violence: bool = False
    # Stays home, or is very hard to get to school: not just "does not want to go".
    stays_home: bool = False
    body_complaints: bool = False


class Answers:
    """A draft read through the step registry. Cheap to make; each step is bound when first asked."""

    def __init__(self, draft):
        self.draft = draft
        self._steps = {}

    def __getitem__(self, step):
        if step.key not in self._steps:
            self._steps[step.key] = StepAnswers(step, self)
        return self._steps[step.key]

    @property
    def school(self):
        return self.draft.school if self.draft is not None else None

    @cached_property
    def topic(self):
        return self[steps.ABOUT].values.topic

    @cached_property
    def about_bullying(self):
        return self.topic == content.TOPIC_BULLYING

    @cached_property
    def asked_questions(self):
        """Every question the parent chose or wrote, as (value, text); see QuestionsForm.questions."""
        return self[steps.QUESTIONS].form.questions()

    @cached_property
    def child_name(self):
        return self[steps.ABOUT].values.child_name

    @cached_property
    def conversation_partner(self):
        """Who the parent talks with, as the texts name that person: "juf Sanne", "de mentor"."""
        about = self[steps.ABOUT].values
        if about.partner_name:
            return about.partner_name
        return str(content.PARTNER_IN_A_SENTENCE.get(about.partner_role, content.PARTNER_IN_A_SENTENCE["leerkracht"]))

    @cached_property
    def in_secondary_school(self):
        """Talking with the mentor, or the child is in secondary school: the mentor comes first."""
        about = self[steps.ABOUT].values
        return about.partner_role == "mentor" or about.school_level == content.SECONDARY_SCHOOL

    @cached_property
    def top_questions(self):
        """(value, text) of the questions that go first: the three chosen, or all when there are few."""
        questions = self.asked_questions
        if len(questions) <= content.TOP_QUESTIONS:
            return questions
        chosen = set(self[steps.TOP_QUESTIONS].values.top)
        return [question for question in questions if question[0] in chosen]

    @cached_property
    def other_questions(self):
        top = {value for value, _text in self.top_questions}
        return [question for question in self.asked_questions if question[0] not in top]

    @cached_property
    def agreements(self):
        """Every agreement with anything valid in it, in the parent's order."""
        rows = self[steps.AGREED].form.filled_rows()
        return [Agreement(row.get("who") or "", row.get("what") or "", row.get("when")) for row in rows]

    @cached_property
    def follow_up_date(self):
        return self[steps.FOLLOW_UP].values.date

    @cached_property
    def conversation_date(self):
        return self[steps.ABOUT].values.date

    @cached_property
    def after_is_due(self):
        """From the day of the gesprek on, "Na het gesprek" comes first."""
        return self.conversation_date is not None and self.conversation_date <= timezone.localdate()

    def partner_name(self, role):
        """The name of the person the parent talks with, when that person has this role."""
        about = self[steps.ABOUT].values
        return about.partner_name if about.partner_role == role else ""

    @cached_property
    def facts(self):
        if not self.about_bullying:
            return Facts()
        incidents = self[steps.INCIDENTS]
        signs = set(incidents.values.signs)
        return Facts(
            physical_violence=incidents.form.has_physical_violence(),
            stays_home=bool(signs & {content.SIGN_STAYS_HOME, content.SIGN_HARD_TO_GET_TO_SCHOOL}),
            body_complaints=bool(signs & {content.SIGN_PAINS, content.SIGN_SLEEPS_BADLY}),
        )

    @cached_property
    def applicable(self):
        """The steps that apply to these answers, in order, in every phase."""
        return [step for step in steps.STEPS if step.applies_to(self)]

    def summaries(self, phase=steps.PREPARE):
        """One StepAnswers per applicable step of a phase, in order: for the step list and the overview."""
        return [self[step] for step in self.applicable if step.phase == phase]

    def resume_at(self, phase=steps.PREPARE):
        """Where "Verder waar ik was" leads: the step saved last if it needs work, else the first
        step after it that is not done, else the first one not done at all; None when all are done."""
        summaries = self.summaries(phase)
        last = next((summary for summary in summaries if summary.step.key == self.draft.last_step), None)
        if last is not None and last.needs_work:
            return last.step
        after = summaries[summaries.index(last) + 1 :] if last is not None else []
        return next((summary.step for summary in [*after, *summaries] if not summary.is_done), None)

    def text_size(self, phase=steps.PREPARE):
        """(characters, lines) of free text in a phase's applicable steps: what its sheet would print."""
        sizes = [summary.form.text_size() for summary in self.summaries(phase)]
        return sum(size[0] for size in sizes), sum(size[1] for size in sizes)

    @property
    def over_budget(self):
        return self.over_budget_in(steps.PREPARE)

    def over_budget_in(self, phase):
        """A message when a phase holds more text than its sheet may print; else ""."""
        characters, lines = self.text_size(phase)
        if characters > forms.DRAFT_TEXT_BUDGET:
            return _(
                "Al uw teksten samen zijn te lang voor één overzicht: %(count)s tekens. Samen mogen ze hoogstens "
                "%(max)s tekens zijn. Maak uw teksten wat korter, hier of bij een andere stap."
            ) % {"count": number_format(characters, force_grouping=True), "max": number_format(forms.DRAFT_TEXT_BUDGET, force_grouping=True)}
        if lines > forms.DRAFT_LINE_BUDGET:
            return _(
                "Al uw teksten samen hebben te veel regels voor één overzicht: %(count)s. Samen mogen ze hoogstens "
                "%(max)s regels hebben. Zet wat regels achter elkaar, hier of bij een andere stap."
            ) % {"count": lines, "max": forms.DRAFT_LINE_BUDGET}
        return ""

    def needing_work(self, phase=steps.PREPARE):
        """The steps of a phase with an answer that is not valid yet: what a sheet will miss."""
        return [summary for summary in self.summaries(phase) if summary.needs_work]
