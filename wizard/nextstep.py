"""After the gesprek: what a parent can do next when agreements were not kept or the bullying goes on.

It follows the seed's order ("Als het niet goed loopt"): first the next person inside the
school the parent has not talked with yet; when the school does nothing or too little, the
steps for that (pestcoördinator, MR, a complaint, the Onderwijsinspectie); and outside
help where the facts call for it (politie, leerplichtambtenaar, jeugdarts or huisarts).
Every suggestion says why it is on top, and names the letter that goes with it.
"""
from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import content, ladder, letters, steps
from .roadmap import build_roadmap

NOT_ASKED, GOING_WELL, NEEDS_MORE = "not_asked", "going_well", "needs_more"
# Where the too-little steps start: after this many people inside the school, or at once
# when the parent already went to one of them.
INSIDE_BEFORE_TOO_LITTLE = 2


@dataclass(frozen=True)
class NextStep:
    item: object  # a roadmap.Item
    reason: str
    letter: object = None  # a letters.Letter, when writing is the way to take this step


@dataclass
class Advice:
    status: str
    steps: list
    roadmap: object


def advise(answers):
    roadmap = build_roadmap(answers)
    kept = answers[steps.KEPT]
    if not kept.saved:
        return Advice(NOT_ASKED, [], roadmap)
    not_kept = [label for label, value in kept.form.kept_answers() if value in content.NOT_KEPT]
    still_bullied = answers.about_bullying and kept.values.still_bullied == "ja"
    if not not_kept and not still_bullied:
        return Advice(GOING_WELL, [], roadmap)
    why = _why(not_kept, still_bullied)
    tried = set(kept.values.tried)
    partner_role = answers[steps.ABOUT].values.partner_role
    if partner_role in ("leerkracht", "mentor"):
        tried.add(partner_role)
    suggestions = _inside(roadmap, answers, tried, why) + _too_little(roadmap, tried, why)
    if still_bullied:
        suggestions += _outside(roadmap, answers.facts)
    return Advice(NEEDS_MORE, suggestions, roadmap)


def _why(not_kept, still_bullied):
    if not_kept and still_bullied:
        return _("Niet alle afspraken zijn nagekomen, en het pesten gaat door.")
    if not_kept:
        return _("Niet alle afspraken zijn nagekomen.")
    return _("Het pesten gaat door.")


def _inside(roadmap, answers, tried, why):
    in_primary = answers[steps.ABOUT].values.school_level == content.PRIMARY_SCHOOL
    for item in roadmap.inside:
        if item.key in tried or (in_primary and item.key == "mentor"):
            continue
        reason = _("%(why)s Volgens de stappen van Kenniscentrum Pesten is dit de volgende persoon binnen de school.") % {"why": why}
        return [NextStep(item, reason, letters.letter_for_rung(item.key))]
    return []


def _too_little(roadmap, tried, why):
    inside_tried = tried & {item.key for item in roadmap.inside}
    too_little_tried = tried & {item.key for item in roadmap.too_little}
    if len(inside_tried) < INSIDE_BEFORE_TOO_LITTLE and not too_little_tried:
        return []
    for item in roadmap.too_little:
        if item.key in tried or item.key == "politie":
            continue
        reason = _(
            "%(why)s U heeft er binnen de school al met meer mensen over gepraat. Doet de school niets of te weinig? "
            "Dan is dit de volgende stap."
        ) % {"why": why}
        return [NextStep(item, reason, letters.letter_for_rung(item.key))]
    return []


def _outside(roadmap, facts):
    """Outside help that fits what the parent told before, now that the bullying goes on."""
    by_key = {item.key: item for item in roadmap.items()}
    return [
        NextStep(by_key[key], str(fit.reason))
        for fit in ladder.FITS
        if fit.applies(facts)
        for key in fit.keys
        if key in by_key
    ]
