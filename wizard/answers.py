"""The one way to read a saved draft: each step's form bound once, and what the answers say.

A request makes one ``Answers`` for its draft. Views, the step registry's conditions, the
check page, the step list, the plan for the PDF and the roadmap all read the draft through
it, so a step's stored values are bound and cleaned once, by the step's own form.
"""
from dataclasses import dataclass
from functools import cached_property

from . import content, steps

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
        """The step's valid answers as attributes (see forms.Values); empty while the step is not valid."""
        return (self.form if self.valid else self.step.form_class(answers=None)).values()

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
        """(label, shown value) rows for the check page."""
        if not self.saved:
            return self.form.empty_rows()
        return [] if self.needs_work else self.form.display_rows()


@dataclass(frozen=True)
class Facts:
    """What the answers say that changes the roadmap."""

    physical_violence: bool = False
    avoids_school: bool = False
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
        questions = self[steps.QUESTIONS]
        return questions.form.questions() if questions.valid else []

    def partner_name(self, role):
        """The name of the person the parent talks with, when that person has this role."""
        about = self[steps.ABOUT].values
        return about.partner_name if about.partner_role == role else ""

    @cached_property
    def facts(self):
        if not self.about_bullying:
            return Facts()
        incidents = self[steps.INCIDENTS]
        if not incidents.valid:
            return Facts()
        signs = set(incidents.values.signs)
        return Facts(
            physical_violence=incidents.form.has_physical_violence(),
            avoids_school=bool(signs & {content.SIGN_STAYS_HOME, content.SIGN_AVOIDS_SCHOOL}),
            body_complaints=bool(signs & {content.SIGN_PAINS, content.SIGN_SLEEPS_BADLY}),
        )

    @cached_property
    def applicable(self):
        """The steps that apply to these answers, in order, in every phase."""
        return [step for step in steps.STEPS if step.applies_to(self)]

    def summaries(self, phase=steps.PREPARE):
        """One StepAnswers per applicable step of a phase, in order: for the step list and the overview."""
        return [self[step] for step in self.applicable if step.phase == phase]
