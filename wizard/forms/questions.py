"""The questions a parent wants to ask, and the three that matter most."""
from django import forms
from django.utils.translation import gettext_lazy as _

from .. import content
from .base import StepForm, on_bullying_track
from .fields import QUESTION_TEXT, MultipleChoiceField, TextField


def own_question_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionsForm(StepForm):
    teacher_questions = MultipleChoiceField(_("Vragen over het pesten"), content.TEACHER_QUESTIONS)
    examples = MultipleChoiceField(_("Welke vragen wilt u stellen?"), content.EXAMPLE_QUESTIONS)
    own_questions = TextField(
        _("Uw eigen vragen"),
        max_length=content.MAX_OWN_QUESTIONS * (QUESTION_TEXT + 1),
        # The number of questions is checked below; empty lines never reach the PDF.
        max_lines=None,
        help_text=_("Schrijf elke vraag op een nieuwe regel. Hoogstens 20 vragen."),
    )

    conditions = {"teacher_questions": on_bullying_track()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["own_questions"].widget.attrs["rows"] = 5
        if "teacher_questions" in self.fields:
            self.fields["teacher_questions"].label = _("Vragen over het pesten voor %(person)s") % {
                "person": self.answers.conversation_partner
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
        values = self.values()
        chosen = set(values.examples) | set(values.teacher_questions)
        asked = [
            (key, text)
            for key, text in [*content.TEACHER_QUESTIONS, *content.EXAMPLE_QUESTIONS]
            if key in chosen
        ]
        for line in values.own_questions or []:
            if line not in {text for _key, text in asked}:
                asked.append((line, line))
        return asked


class TopQuestionsForm(StepForm):
    top = MultipleChoiceField(
        _("Welke drie vragen zijn het belangrijkst?"),
        choices=(),
        help_text=_("Kies er hoogstens drie."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["top"].choices = self.answers.asked_questions if self.answers is not None else []

    def clean_top(self):
        top = self.cleaned_data["top"]
        if len(top) > content.TOP_QUESTIONS:
            raise forms.ValidationError(
                _("U koos %(count)d vragen. Kies er hoogstens %(max)d."),
                params={"count": len(top), "max": content.TOP_QUESTIONS},
            )
        return top


