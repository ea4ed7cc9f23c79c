"""One crispy form per wizard step. Every field is optional: a parent may skip what does not fit."""
import datetime
from dataclasses import dataclass

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Fieldset, Layout
from django import forms
from django.core.validators import BaseValidator, MaxLengthValidator
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from . import content

LONG_TEXT = 2000
SHORT_TEXT = 200
QUESTION_TEXT = 300
# Every line becomes a line in the PDF. Without a cap, 2,000 characters of empty lines make
# hundreds of pages and keep a worker busy for half a minute.
LONG_TEXT_LINES = 40
# What we keep of one typed value, valid or not. Far above any field's limit, so a parent
# who typed too much still gets it all back to shorten, but small enough to bound storage.
STORED_VALUE_CAP = 50_000

TOO_LONG = ngettext_lazy(
    "Uw tekst is te lang. Maak hem korter: hoogstens %(limit_value)d teken. Nu zijn het er %(show_value)d.",
    "Uw tekst is te lang. Maak hem korter: hoogstens %(limit_value)d tekens. Nu zijn het er %(show_value)d.",
    "limit_value",
)
TOO_MANY_LINES = ngettext_lazy(
    "Uw tekst heeft te veel regels. Gebruik hoogstens %(limit_value)d regel. Nu zijn het er %(show_value)d.",
    "Uw tekst heeft te veel regels. Gebruik hoogstens %(limit_value)d regels. Nu zijn het er %(show_value)d.",
    "limit_value",
)


class MaxLinesValidator(BaseValidator):
    message = TOO_MANY_LINES
    code = "max_lines"

    def compare(self, lines, limit):
        return lines > limit

    def clean(self, text):
        return len(text.splitlines())


class TextField(forms.CharField):
    """A free-text answer with a length limit that the server explains.

    The browser gets no ``maxlength``: it would silently cut off pasted text, and the
    parent would not know what was lost.
    """

    def __init__(self, label, *, max_length=LONG_TEXT, long=True, max_lines=LONG_TEXT_LINES, help_text="", **kwargs):
        widget = forms.Textarea(attrs={"rows": 3}) if long else forms.TextInput()
        super().__init__(label=label, required=False, help_text=help_text, widget=widget, **kwargs)
        self.limit = max_length
        self.validators.append(MaxLengthValidator(max_length, message=TOO_LONG))
        if long and max_lines:
            self.validators.append(MaxLinesValidator(max_lines))

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if not isinstance(widget, forms.Textarea):
            attrs["autocomplete"] = "off"
        return attrs


class ChoiceField(forms.ChoiceField):
    """Radio buttons; no answer is fine."""

    default_error_messages = {"invalid_choice": _("Kies een van de mogelijkheden.")}

    def __init__(self, label, choices, **kwargs):
        super().__init__(label=label, choices=choices, required=False, widget=forms.RadioSelect, **kwargs)


class MultipleChoiceField(forms.MultipleChoiceField):
    """Tick boxes; none ticked is fine."""

    default_error_messages = {"invalid_choice": _("Kies alleen uit de vragen in de lijst.")}

    def __init__(self, label, choices, **kwargs):
        super().__init__(
            label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple, **kwargs
        )


class DateField(forms.DateField):
    default_error_messages = {"invalid": _("Vul een echte datum in, bijvoorbeeld 3-12-2026.")}

    def __init__(self, label, **kwargs):
        super().__init__(
            label=label,
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d-%m-%y"],
            **kwargs,
        )


class TimeField(forms.TimeField):
    default_error_messages = {"invalid": _("Vul een echte tijd in, bijvoorbeeld 15:30.")}

    def __init__(self, label, **kwargs):
        super().__init__(
            label=label,
            required=False,
            widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
            **kwargs,
        )


class StepForm(forms.Form):
    """Base for every step form: crispy rendering, and the answers as stored and as shown."""

    def __init__(self, *args, draft=None, **kwargs):
        self.draft = draft
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def submitted_values(self):
        """The values as typed, for storing. Clean dates and times are stored in ISO form."""
        values = {}
        cleaned = getattr(self, "cleaned_data", {})
        for name, field in self.fields.items():
            value = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if isinstance(cleaned.get(name), datetime.date):
                value = cleaned[name].isoformat()
            elif isinstance(cleaned.get(name), datetime.time):
                value = cleaned[name].strftime("%H:%M")
            values[name] = _bounded(value)
        return values

    def display_rows(self):
        """One Row per field of a valid form, as the check page shows it."""
        return [Row(field.label, display_value(field, self.cleaned_data.get(name))) for name, field in self.fields.items()]

    def empty_rows(self):
        return [Row(field.label, "") for field in self.fields.values()]


@dataclass(frozen=True)
class Row:
    """A question and its answer as shown: text, or a list of items."""

    label: str
    value: object

    @property
    def items(self):
        return self.value if isinstance(self.value, list) else None


def _bounded(value):
    if isinstance(value, str):
        # PostgreSQL cannot store a NUL character in JSON; no one types one on purpose.
        return value.replace("\x00", "")[:STORED_VALUE_CAP]
    if isinstance(value, (list, tuple)):
        return [_bounded(item) for item in value[:200] if isinstance(item, str)]
    return None


def display_value(field, value):
    """A clean value as a parent reads it: choice labels, Dutch dates, lists of lines."""
    if value in (None, "", [], ()):
        return ""
    choices = dict(getattr(field, "choices", ()))
    if isinstance(value, list):
        return [str(choices.get(item, item)) for item in value]
    if choices:
        return str(choices.get(value, value))
    if isinstance(value, datetime.date):
        return date_format(value, "l j F Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    return value


class AboutForm(StepForm):
    topic = ChoiceField(_("Waar gaat het gesprek over?"), content.TOPICS)
    topic_other = TextField(
        _("Gaat het over iets anders? Schrijf kort waarover."), max_length=SHORT_TEXT, long=False
    )
    date = DateField(_("Op welke dag is het gesprek?"))
    time = TimeField(_("Hoe laat begint het gesprek?"), help_text=_("Bijvoorbeeld 15:30"))
    partner_role = ChoiceField(_("Met wie praat u?"), content.CONVERSATION_PARTNERS)
    partner_name = TextField(
        _("Hoe heet de leerkracht, mentor of andere persoon?"),
        max_length=SHORT_TEXT,
        long=False,
        help_text=_("Bijvoorbeeld: juf Sanne of meneer De Vries"),
    )
    child_name = TextField(
        _("Voornaam van uw kind"),
        max_length=60,
        long=False,
        help_text=_("Alleen om de teksten persoonlijk te maken. U mag dit leeg laten."),
    )
    child_group = TextField(
        _("Groep of klas"), max_length=40, long=False, help_text=_("Bijvoorbeeld: groep 6 of 2 havo")
    )


    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            "topic",
            "topic_other",
            group(_("Wanneer is het gesprek?"), "date", "time"),
            "partner_role",
            "partner_name",
            group(_("Over uw kind"), "child_name", "child_group"),
        )


class GoingForm(StepForm):
    companion = ChoiceField(_("Wie gaat er met u mee?"), content.COMPANIONS)
    companion_name = TextField(
        _("Wie is dat?"),
        max_length=SHORT_TEXT,
        long=False,
        help_text=_("Bijvoorbeeld: oma Ria, of de logopedist van mijn kind"),
    )
    child_joins = ChoiceField(_("Gaat uw kind zelf mee naar het gesprek?"), content.CHILD_JOINS)


class ChildForm(StepForm):
    likes = TextField(_("Wat vindt uw kind leuk op school?"))
    dislikes = TextField(_("Wat vindt uw kind niet leuk op school?"))
    report_reaction = TextField(
        _("Wat vindt uw kind zelf van het rapport?"), help_text=_("Alleen als uw kind net een rapport kreeg.")
    )
    wants_said = TextField(_("Wat wil uw kind dat u tegen de leerkracht zegt?"))
    not_said = TextField(_("Wat wil uw kind liever niet dat u zegt?"))
    other = TextField(_("Heeft uw kind nog iets anders verteld?"))


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
        chosen = set(self.cleaned_data.get("examples") or [])
        asked = [(key, str(text)) for key, text in content.EXAMPLE_QUESTIONS if key in chosen]
        for line in self.cleaned_data.get("own_questions") or []:
            if line not in {text for _key, text in asked}:
                asked.append((line, line))
        return asked


def asked_questions(draft):
    """The questions a draft holds, as (value, text); empty while the questions step is not valid."""
    data = draft.step_data("wat-wilt-u-vragen") if draft is not None else None
    if data is None:
        return []
    form = QuestionsForm(data, draft=draft)
    return form.questions() if form.is_valid() else []


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


class TellForm(StepForm):
    at_home = TextField(_("Hoe is uw kind thuis?"))
    says_about_school = TextField(_("Wat vertelt uw kind thuis over school?"))
    homework = TextField(_("Hoe gaat uw kind om met huiswerk?"))
    hobbies = TextField(_("Wat doet uw kind thuis graag?"))
    own_points = TextField(_("Wat wilt u verder nog vertellen?"))


def group(legend, *names):
    """A set of fields under one legend, drawn as a box."""
    return Fieldset(*names, legend=legend, css_class="govuk-fieldset field-group")


class AgreementsForm(StepForm):
    hope = TextField(_("Wat hoopt u te bereiken met het gesprek?"))
    goal_who = TextField(_("Wie doet het?"), max_length=SHORT_TEXT, long=False, help_text=_("Bijvoorbeeld: Casper"))
    goal_what = TextField(
        _("Wat gaat diegene doen?"),
        max_length=SHORT_TEXT * 2,
        long=False,
        help_text=_("Bijvoorbeeld: maakt het huiswerk voor rekenen af"),
    )
    goal_when = TextField(
        _("Wanneer?"), max_length=SHORT_TEXT, long=False, help_text=_("Bijvoorbeeld: elke dinsdagavond")
    )
    follow_up_way = ChoiceField(_("Hoe spreekt u elkaar daarna weer?"), content.FOLLOW_UP_WAYS)
    follow_up_when = TextField(
        _("Wanneer spreekt u elkaar weer?"),
        max_length=SHORT_TEXT,
        long=False,
        help_text=_("Bijvoorbeeld: over zes weken, of na de kerstvakantie"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            "hope",
            group(_("Eén klein doel"), "goal_who", "goal_what", "goal_when"),
            group(_("Het vervolg"), "follow_up_way", "follow_up_when"),
        )
