"""The forms after the gesprek: how it went, what was agreed, how it goes on, and were the agreements kept."""
import datetime
import hashlib

from crispy_forms_gds.layout import Layout
from django import forms
from django.core.validators import EmailValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import content
from .base import CrispyForm, Group, StepForm, on_bullying_track
from .fields import SHORT_TEXT, ChoiceField, DateField, MultipleChoiceField, TextField, TimeField
from .rows import AGREEMENT_TEXTS, RowsForm, row_formset

# An agreement or follow-up this far after the gesprek is surely a typo.
LATEST_AFTER_GESPREK = datetime.timedelta(days=366)


def question_key(value):
    """A short, stable field name for one question, whatever its text: the same question keeps its answer."""
    return "q" + hashlib.sha256(str(value).encode()).hexdigest()[:10]


def check_date_after_gesprek(date, answers):
    """A Dutch message for a date before the gesprek or more than a year after it; None when fine."""
    if date is None:
        return None
    start = (answers.conversation_date if answers is not None else None) or timezone.localdate()
    if answers is not None and answers.conversation_date and date < answers.conversation_date:
        return _("Deze datum ligt vóór het gesprek. Vul een datum in na het gesprek.")
    if date > start + LATEST_AFTER_GESPREK:
        return _("Deze datum ligt meer dan een jaar na het gesprek. Klopt het jaartal?")
    return None


class HowItWentForm(StepForm):
    present = TextField(
        _("Wie waren er bij het gesprek?"),
        max_length=SHORT_TEXT,
        long=False,
        help_text=_("Bijvoorbeeld: juf Sanne, de intern begeleider en ik"),
    )
    enough_time = ChoiceField(_("Was er genoeg tijd voor alles?"), content.YES_NO)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = dict(self.fields)
        self.question_fields = []
        self.fields = {"present": fields.pop("present")}
        for value, text in self.answers.top_questions if self.answers is not None else []:
            # Keyed by the question itself, not its words: the same in every language.
            key = question_key(value)
            self.fields[key] = ChoiceField(_("Kreeg u antwoord op deze vraag?"), content.ANSWERED)
            self.fields[f"{key}_note"] = TextField(_("Wat was het antwoord?"), max_length=SHORT_TEXT * 2, long=False)
            self.question_fields.append((key, text))
        self.fields.update(fields)

    def layout(self):
        return Layout("present", *[Group(text, key, f"{key}_note") for key, text in self.question_fields], "enough_time")

    def question_answers(self):
        """[(question, "ja"/"deels"/"nee"/"", note)] for the parent's top questions."""
        values = self.values()
        return [(text, getattr(values, key), getattr(values, f"{key}_note")) for key, text in self.question_fields]


class AgreementRowForm(CrispyForm):
    """One agreement: who does what, and when."""

    column_titles = {"who": _("Wie"), "what": _("Wat"), "when": _("Wanneer")}

    who = TextField(_("Wie doet het?"), max_length=SHORT_TEXT, long=False, help_text=_("Bijvoorbeeld: de mentor, of ik"))
    what = TextField(_("Wat gaat diegene doen?"), max_length=SHORT_TEXT * 2, long=False)
    when = DateField(_("Wanneer moet het gebeurd zijn?"))

    def __init__(self, *args, answers=None, **kwargs):
        self.answers = answers
        super().__init__(*args, **kwargs)

    def clean_when(self):
        date = self.cleaned_data["when"]
        message = check_date_after_gesprek(date, self.answers)
        if message:
            raise forms.ValidationError(message)
        return date


AgreementFormSet = row_formset(AgreementRowForm, content.MAX_AGREEMENTS, AGREEMENT_TEXTS)


class AgreedForm(RowsForm):
    """What was agreed: rows of agreements, then the small, specific goal as agreed together."""

    row_prefix = "afspraak"
    row_formset = AgreementFormSet
    row_texts = AGREEMENT_TEXTS
    goal = TextField(
        _("Welk klein doel heeft u samen afgesproken?"),
        max_length=SHORT_TEXT * 2,
        long=False,
        help_text=_("Zo precies mogelijk. Bijvoorbeeld: “Casper heeft het huiswerk voor rekenen elke dinsdagavond af.”"),
    )

    def row_form_kwargs(self):
        return {"answers": self.answers}


class FollowUpForm(StepForm):
    date = DateField(_("Op welke dag spreekt u elkaar weer?"))
    time = TimeField(_("Hoe laat?"), help_text=_("Bijvoorbeeld 15:30"))
    way = ChoiceField(_("Hoe spreekt u elkaar?"), content.FOLLOW_UP_WAYS[:3])
    with_whom = TextField(_("Met wie?"), max_length=SHORT_TEXT, long=False, help_text=_("Bijvoorbeeld: juf Sanne"))
    email = TextField(
        _("E-mailadres van die persoon"),
        max_length=SHORT_TEXT,
        long=False,
        help_text=_("Dan kunt u uw afspraken makkelijk mailen. U mag dit leeg laten."),
        validators=[EmailValidator(message=_("Vul een echt e-mailadres in, zoals naam@school.nl."))],
    )
    to_discuss = TextField(_("Wat wilt u dan nog bespreken?"))
    name_in_calendar = MultipleChoiceField(
        _("Agenda"),
        [("ja", _("Zet de voornaam van mijn kind in de agenda"))],
        help_text=_("Zonder vinkje staat er alleen “uw kind” in de agenda. Zo leest niemand de naam mee op uw telefoon."),
    )

    def layout(self):
        return Layout(Group(_("Wanneer?"), "date", "time"), "way", "with_whom", "email", "to_discuss", "name_in_calendar")

    def clean_date(self):
        date = self.cleaned_data["date"]
        message = check_date_after_gesprek(date, self.answers)
        if message:
            raise forms.ValidationError(message)
        return date


class KeptForm(StepForm):
    """Weeks later: was each agreement kept, is the bullying still going on, who else was asked."""

    still_bullied = ChoiceField(_("Gaat het pesten nog door?"), content.YES_NO_DONT_KNOW)
    tried = MultipleChoiceField(
        _("Met wie heeft u er na het gesprek nog over gepraat?"),
        content.PEOPLE_ASKED_AFTERWARDS,
        help_text=_("Kruis aan wat klopt. Dan weten we wat een volgende stap kan zijn."),
    )
    since = TextField(_("Wat is er sinds het gesprek gebeurd?"))

    conditions = {"still_bullied": on_bullying_track()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = dict(self.fields)
        self.fields = {}
        for agreement in self.answers.agreements if self.answers is not None else []:
            self.fields[question_key(agreement.what or agreement.who)] = ChoiceField(agreement.label, content.KEPT)
        self.fields.update(fields)

    def kept_answers(self):
        """[(agreement label, chosen value)] for every agreement asked about."""
        values = self.values()
        return [(field.label, getattr(values, name)) for name, field in self.fields.items() if name.startswith("q")]
