"""Letters drafted for the parent from the draft, in B1 Dutch: the parent edits, prints or copies them.

Pestgesprek never sends anything. A letter to the school is always in Dutch, whatever the
language of the pages; the text itself lives in templates/letters/<kind>.txt.
"""
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from . import steps

# A letter is a page or two: these bounds keep it printable and storable.
MAX_LETTER_CHARACTERS = 10_000
MAX_LETTER_LINES = 300


@dataclass(frozen=True)
class Letter:
    key: str
    title: str
    # The rungs of wizard.ladder this letter is for, in order of preference.
    rungs: tuple


LETTERS = [
    Letter("gesprek", _("Vraag om een nieuw gesprek"), ("leerkracht", "mentor", "aanspreekpunt", "pestcoordinator")),
    Letter(
        "vertrouwenspersoon",
        _("Vraag om een gesprek met de vertrouwenspersoon of de zorgcoördinator"),
        ("vertrouwenspersoon", "zorgcoordinator"),
    ),
    Letter("klacht", _("Een klacht bij het schoolbestuur"), ("klachtenregeling",)),
]
_BY_KEY = {letter.key: letter for letter in LETTERS}


def get_letter(key):
    return _BY_KEY.get(key)


def letter_for_rung(rung_key):
    return next((letter for letter in LETTERS if rung_key in letter.rungs), None)


def draft_letter(letter, answers, recipient=None, language="nl"):
    """The letter's text, filled in from the draft. ``recipient`` is a roadmap Item, if known.

    It goes to the school in Dutch; in the parent's own language it is only there to read beside it.
    """
    with translation.override(language):
        return render_to_string(f"letters/{letter.key}.txt", letter_context(answers, recipient)).strip() + "\n"


def letter_context(answers, recipient):
    about = answers[steps.ABOUT].values
    incidents = answers[steps.INCIDENTS].form.row_table()[1] if answers.about_bullying else []
    kept = answers[steps.KEPT].form
    return {
        "school": answers.school,
        "recipient": recipient,
        "child_name": about.child_name,
        "child_group": about.child_group,
        "partner": answers.conversation_partner,
        "conversation_date": about.date,
        "agreements": answers.agreements,
        "not_kept": [label for label, value in kept.kept_answers() if value in ("nee", "deels")],
        "still_bullied": answers[steps.KEPT].values.still_bullied if answers.about_bullying else "",
        "since": answers[steps.KEPT].values.since,
        "incidents": ["; ".join(f"{header}: {cell}" for header, cell in cells if cell) for cells in incidents],
        "today": timezone.localdate(),
    }


def text_of(letter, draft, answers, recipient=None):
    """The text the parent saved for this letter, or a fresh draft of it."""
    return (draft.letters or {}).get(letter.key) or draft_letter(letter, answers, recipient)
