"""The questions a parent wants to ask, and the three that matter most."""
from django import forms
from django.utils.translation import gettext_lazy as _

from .. import content
from .base import StepForm
from .fields import QUESTION_TEXT, MultipleChoiceField, TextField


def about_bullying(draft):
    return draft is not None and draft.topic == content.TOPIC_BULLYING


def own_question_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionsForm(StepForm):
    examples = MultipleChoiceField(_("Welke vragen wilt u stellen?"), content.EXAMPLE_QUESTIONS)
    own_questions = TextField(
        _("Uw eigen vragen"),
        max_length=content.MAX_OWN_QUESTIONS * (QUESTION_TEXT + 1),
        # The number of questions is checked below; empty lines never reach the PDF.
        max_lines=None,
        help_text=_("Schrijf elke vraag op een nieuwe regel. Hoogstens 20 vragen."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["own_questions"].widget.attrs["rows"] = 5
        if about_bullying(self.draft):
            self.fields = {
                "teacher_questions": MultipleChoiceField(
                    _("Vragen over het pesten voor de leerkracht"), content.TEACHER_QUESTIONS
                ),
                **self.fields,
            }
            self.fields["examples"].label = _("Andere vragen over hoe het gaat op school")

    def clean_own_questions(self):
        lines = own_question_lines(self.cleaned_data["own_questions"])
        if len(lines) > content.MAX_OWN_QUESTIONS:
            raise forms.ValidationError(
                _("U schreef %(count)d vragen. Dat zijn er te veel: hoogstens %(max)d. Kies de vragen die u het belangrijkst vindt."),
                params={"count": len(lines), "max": content.MAX_OWN_QUESTIONS},
            )
        for number, line in enumerate(lines, start=1):
            if len(line) > QUESTION_TEXT:
                raise forms.ValidationError(
                    _("Vraag %(number)d is te lang. Maak hem korter: hoogstens %(max)d tekens."),
                    params={"number": number, "max": QUESTION_TEXT},
                )
        return lines

    def questions(self):
        """All chosen questions as (value, text), examples first. Own questions are keyed by their text."""
        chosen = set(self.cleaned_data.get("examples") or []) | set(self.cleaned_data.get("teacher_questions") or [])
        asked = [
            (key, str(text))
            for key, text in [*content.TEACHER_QUESTIONS, *content.EXAMPLE_QUESTIONS]
            if key in chosen
        ]
        for line in self.cleaned_data.get("own_questions") or []:
            if line not in {text for _key, text in asked}:
                asked.append((line, line))
        return asked


def stored_form(draft, slug, form_class):
    """The form of step ``slug`` bound to what the draft holds (None if nothing), made once.

    The step list, the registry's ``applies_to`` checks, the page itself and the PDF all ask
    for the same bound forms; binding and cleaning each once per request keeps pages cheap.
    ``drafts.save_step`` forgets them, since other steps' fields can depend on an answer.
    """
    data = draft.step_data(slug) if draft is not None else None
    if data is None:
        return None
    made = draft.__dict__.setdefault("_stored_forms", {})
    if slug not in made or made[slug][0] is not data:
        made[slug] = (data, form_class(data, draft=draft))
    return made[slug][1]


def asked_questions(draft):
    """The questions a draft holds, as (value, text); empty while the questions step is not valid."""
    form = stored_form(draft, "questions", QuestionsForm)
    return form.questions() if form is not None and form.is_valid() else []


class TopQuestionsForm(StepForm):
    top = MultipleChoiceField(
        _("Welke drie vragen zijn het belangrijkst?"),
        choices=(),
        help_text=_("Kies er hoogstens drie."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["top"].choices = asked_questions(self.draft)

    def clean_top(self):
        top = self.cleaned_data["top"]
        if len(top) > content.TOP_QUESTIONS:
            raise forms.ValidationError(
                _("U koos %(count)d vragen. Kies er hoogstens %(max)d."),
                params={"count": len(top), "max": content.TOP_QUESTIONS},
            )
        return top


