"""The step registry: every page of the wizard, in order, and when it applies."""
import functools
from dataclasses import dataclass
from typing import Callable

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext_lazy as _

from . import content, forms


def always(draft):
    return True


def about_bullying(draft):
    return forms.about_bullying(draft)


def has_more_questions_than_fit(draft):
    return len(forms.asked_questions(draft)) > content.TOP_QUESTIONS


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type
    applies_to: Callable = always
    template: str = "wizard/step.html"

    @property
    def intro_template(self):
        return f"wizard/intro/{self.slug}.html"

    @property
    def url(self):
        # Every page links to every step; the address only changes with the URL setup.
        return _step_path(self.slug, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@functools.lru_cache(maxsize=256)  # bounded: the script prefix comes from the request
def _step_path(slug, script_prefix, urlconf):
    return reverse("wizard:step", args=[slug], urlconf=urlconf)


STEPS = [
    Step("over-het-gesprek", _("Over het gesprek"), forms.AboutForm),
    Step("ga-naar-het-gesprek", _("Ga naar het gesprek"), forms.GoingForm),
    Step("praat-met-uw-kind", _("Praat eerst met uw kind"), forms.ChildForm),
    Step(
        "wat-is-er-gebeurd",
        _("Wat is er gebeurd?"),
        forms.IncidentsForm,
        applies_to=about_bullying,
        template="wizard/step_incidents.html",
    ),
    Step("wat-wilt-u-vragen", _("Wat wilt u vragen?"), forms.QuestionsForm),
    Step(
        "belangrijkste-vragen",
        _("Welke vragen zijn het belangrijkst?"),
        forms.TopQuestionsForm,
        applies_to=has_more_questions_than_fit,
    ),
    Step("wat-wilt-u-vertellen", _("Wat wilt u vertellen?"), forms.TellForm),
    Step(
        "wat-wilt-u-dat-de-school-doet",
        _("Wat wilt u dat de school doet?"),
        forms.SchoolWishesForm,
        applies_to=about_bullying,
    ),
    Step("afspraken", _("Uitleg, voorbeelden en afspraken"), forms.AgreementsForm),
]

_BY_SLUG = {step.slug: step for step in STEPS}


def get_step(slug):
    return _BY_SLUG.get(slug)


def applicable_steps(draft):
    return [step for step in STEPS if step.applies_to(draft)]


def first_step():
    return STEPS[0]


def neighbours(draft, step):
    """(previous, next) applicable step around ``step``; None at either end.

    ``step`` itself may not apply (any more); its place in the full list still counts.
    """
    position = STEPS.index(step)
    before = [s for s in STEPS[:position] if s.applies_to(draft)]
    after = [s for s in STEPS[position + 1 :] if s.applies_to(draft)]
    return (before[-1] if before else None, after[0] if after else None)


def form_for(step, draft, data=None):
    """The step's form, bound to ``data`` (a POST) or else to what the draft holds for it."""
    if data is not None:
        return step.form_class(data, draft=draft)
    return forms.stored_form(draft, step.slug, step.form_class) or step.form_class(draft=draft)
