"""The step registry: every page of the wizard, in order, by phase, and when it applies."""
import functools
from dataclasses import dataclass
from typing import Callable

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import content, forms


# Conditions take the draft's read model (wizard.answers.Answers).
def always(answers):
    return True


def about_bullying(answers):
    return answers.about_bullying


def has_more_questions_than_fit(answers):
    return len(answers.asked_questions) > content.TOP_QUESTIONS


@dataclass(frozen=True)
class Phase:
    """A part of the wizard with its own steps, its own step count and its own overview page."""

    key: str
    title: str
    # Where "Vorige" on the phase's first step leads, and where its last step ends.
    entry_url_name: str
    overview_url_name: str


PREPARE = Phase("prepare", _("Voorbereiden"), "wizard:start", "wizard:check")
AFTER = Phase("after", _("Na het gesprek"), "wizard:after", "wizard:after")


@dataclass(frozen=True)
class Step:
    """One wizard page.

    ``key`` names the step's answers in storage and in code; it never changes. ``slug`` is
    the page's address, which may be reworded or translated without touching stored drafts.
    """

    key: str
    slug: str
    title: str
    form_class: type
    applies_to: Callable = always
    template: str = "wizard/step.html"
    phase: Phase = PREPARE

    @property
    def intro_template(self):
        return f"wizard/intro/{self.key}.html"

    @property
    def url(self):
        # Every page links to every step; the address only changes with the URL setup and the language.
        return _step_path(self.slug, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF, get_language())


@functools.lru_cache(maxsize=512)  # bounded: the script prefix comes from the request
def _step_path(slug, script_prefix, urlconf, language):
    return reverse("wizard:step", args=[slug], urlconf=urlconf)


ABOUT = Step("about", "over-het-gesprek", _("Over het gesprek"), forms.AboutForm)
GOING = Step("going", "ga-naar-het-gesprek", _("Ga naar het gesprek"), forms.GoingForm)
CHILD = Step("child", "praat-met-uw-kind", _("Praat eerst met uw kind"), forms.ChildForm)
INCIDENTS = Step(
    "incidents",
    "wat-is-er-gebeurd",
    _("Wat is er gebeurd?"),
    forms.IncidentsForm,
    applies_to=about_bullying,
    template="wizard/step_rows.html",
)
QUESTIONS = Step("questions", "wat-wilt-u-vragen", _("Wat wilt u vragen?"), forms.QuestionsForm)
TOP_QUESTIONS = Step(
    "top_questions",
    "belangrijkste-vragen",
    _("Welke vragen zijn het belangrijkst?"),
    forms.TopQuestionsForm,
    applies_to=has_more_questions_than_fit,
)
TELL = Step("tell", "wat-wilt-u-vertellen", _("Wat wilt u vertellen?"), forms.TellForm)
WISHES = Step(
    "wishes",
    "wat-wilt-u-dat-de-school-doet",
    _("Wat wilt u dat de school doet?"),
    forms.SchoolWishesForm,
    applies_to=about_bullying,
)
GOAL = Step("goal", "afspraken", _("Uitleg, voorbeelden en afspraken"), forms.AgreementsForm)

HOW_IT_WENT = Step("how_it_went", "hoe-ging-het", _("Hoe ging het gesprek?"), forms.HowItWentForm, phase=AFTER)
AGREED = Step(
    "agreed",
    "wat-is-afgesproken",
    _("Wat heeft u afgesproken?"),
    forms.AgreedForm,
    template="wizard/step_rows.html",
    phase=AFTER,
)
FOLLOW_UP = Step("follow_up", "hoe-gaat-het-verder", _("Hoe gaat het verder?"), forms.FollowUpForm, phase=AFTER)
KEPT = Step("kept", "zijn-de-afspraken-nagekomen", _("Zijn de afspraken nagekomen?"), forms.KeptForm, phase=AFTER)

STEPS = [
    ABOUT, GOING, CHILD, INCIDENTS, QUESTIONS, TOP_QUESTIONS, TELL, WISHES, GOAL,
    HOW_IT_WENT, AGREED, FOLLOW_UP, KEPT,
]
PHASES = [PREPARE, AFTER]

_BY_SLUG = {step.slug: step for step in STEPS}
_BY_KEY = {step.key: step for step in STEPS}


def get_step(slug):
    return _BY_SLUG.get(slug)


def bullying_extra_steps():
    """How many steps the bullying track adds, to say so before the parent chooses."""
    return sum(1 for step in steps_in(PREPARE) if step.applies_to is about_bullying)


def steps_in(phase):
    return [step for step in STEPS if step.phase == phase]


def first_step(phase=PREPARE):
    return steps_in(phase)[0]


def neighbours(answers, step):
    """(previous, next) applicable step around ``step`` in its phase; None at either end.

    ``step`` itself may not apply (any more); its place in the list still counts.
    """
    phase_steps = steps_in(step.phase)
    position = phase_steps.index(step)
    before = [s for s in phase_steps[:position] if s.applies_to(answers)]
    after = [s for s in phase_steps[position + 1 :] if s.applies_to(answers)]
    return (before[-1] if before else None, after[0] if after else None)
