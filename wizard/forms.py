"""One crispy form per wizard step. Every field is optional: a parent may skip what does not fit."""
import datetime
import re
from dataclasses import dataclass
from functools import cached_property

from crispy_forms.layout import LayoutObject
from crispy_forms.utils import TEMPLATE_PACK
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout
from django import forms
from django.core.validators import BaseValidator, MaxLengthValidator
from django.forms import formset_factory
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

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


class CrispyForm(forms.Form):
    """A form that crispy draws inside our own <form> tag, in the order ``layout`` gives."""

    def layout(self):
        """A crispy Layout, or None for every field in order."""
        return None

    @cached_property
    def helper(self):
        # Made only when the form is drawn: the step list binds every step's form just
        # to learn whether it is filled in, and never draws those.
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = self.layout()
        return helper


class StepForm(CrispyForm):
    """Base for every step form: crispy rendering, and the answers as stored and as shown."""

    def __init__(self, *args, draft=None, **kwargs):
        self.draft = draft
        super().__init__(*args, **kwargs)

    def submitted_values(self, previous=None):
        """The values as typed, for storing. Clean dates and times are stored in ISO form.

        Values in ``previous`` for fields this form does not show now (a question that
        belongs to the bullying track, say) are kept: switching track hides, never deletes.
        """
        values = {key: value for key, value in (previous or {}).items() if self.keeps_hidden_value(key)}
        values.update(typed_values(self))
        return values

    def keeps_hidden_value(self, key):
        return key not in self.fields

    def summary_errors(self):
        """[(id of the field to focus, message)] for the error summary at the top of the page."""
        return field_errors(self)

    @property
    def has_errors(self):
        return bool(self.summary_errors())

    def display_rows(self):
        """One Row per field of a valid form, as the check page shows it."""
        return [Row(field.label, display_value(field, self.cleaned_data.get(name))) for name, field in self.fields.items()]

    def empty_rows(self):
        return [Row(field.label, "") for field in self.fields.values()]

    def has_answers(self):
        """Whether a valid form holds anything at all."""
        return any(value not in (None, "", []) for value in self.cleaned_data.values())


@dataclass(frozen=True)
class Row:
    """A question and its answer as shown: text, or a list of items."""

    label: str
    value: object
    table: tuple = ()

    @property
    def items(self):
        return self.value if isinstance(self.value, list) else None


def typed_values(form):
    """{field name: value as typed} of one bound form, with clean dates and times in ISO form."""
    values = {}
    cleaned = getattr(form, "cleaned_data", {})
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        value = field.widget.value_from_datadict(form.data, form.files, key)
        if isinstance(cleaned.get(name), datetime.date):
            value = cleaned[name].isoformat()
        elif isinstance(cleaned.get(name), datetime.time):
            value = cleaned[name].strftime("%H:%M")
        values[key] = _bounded(value)
    return values


def field_errors(form, prefix=""):
    """[(element id, "label: message")] for every error of a bound form, in field order."""
    errors = [(form.fields and form[next(iter(form.fields))].auto_id, str(e)) for e in form.non_field_errors()]
    for bound in form.visible_fields():
        target = bound.auto_id
        if getattr(bound.field.widget, "input_type", None) in ("radio", "checkbox"):
            target = f"id_{bound.html_name}_1"
        label = str(bound.label).rstrip("?")
        errors.extend((target, f"{prefix}{label}: {error}") for error in bound.errors)
    return errors


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

    def layout(self):
        return Layout(
            "topic",
            "topic_other",
            Group(_("Wanneer is het gesprek?"), "date", "time"),
            "partner_role",
            "partner_name",
            Group(_("Over uw kind"), "child_name", "child_group"),
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
    form = stored_form(draft, "wat-wilt-u-vragen", QuestionsForm)
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


class TellForm(StepForm):
    at_home = TextField(_("Hoe is uw kind thuis?"))
    says_about_school = TextField(_("Wat vertelt uw kind thuis over school?"))
    homework = TextField(_("Hoe gaat uw kind om met huiswerk?"))
    hobbies = TextField(_("Wat doet uw kind thuis graag?"))
    own_points = TextField(_("Wat wilt u verder nog vertellen?"))


class Group(LayoutObject):
    """A set of fields under one legend, drawn as a box.

    crispy-forms-gds's Fieldset draws the same with one more template per fieldset; this
    writes the two tags itself and leaves the fields to crispy.
    """

    def __init__(self, legend, *names):
        self.legend = legend
        self.fields = list(names)

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        return format_html(
            '<fieldset class="govuk-fieldset field-group"><legend class="govuk-fieldset__legend">{}</legend>{}</fieldset>',
            self.legend,
            self.get_rendered_fields(form, context, template_pack, **kwargs),
        )


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

    def layout(self):
        return Layout(
            "hope",
            Group(_("Eén klein doel"), "goal_who", "goal_what", "goal_when"),
            Group(_("Het vervolg"), "follow_up_way", "follow_up_when"),
        )


class IncidentForm(CrispyForm):
    """One row of the incident log."""

    # Short column titles for the tables on the check page and in the PDF.
    column_titles = {
        "date": _("Datum"),
        "what": _("Wat gebeurde er"),
        "where": _("Waar"),
        "who": _("Wie"),
        "child_did": _("Wat deed mijn kind"),
        "physical": _("Geweld"),
        "adult_told": _("School wist het"),
    }

    date = DateField(_("Wanneer gebeurde het?"))
    what = TextField(_("Wat is er gebeurd?"))
    where = TextField(_("Waar gebeurde het?"), max_length=SHORT_TEXT, long=False, help_text=_("Bijvoorbeeld: op het schoolplein"))
    who = TextField(_("Wie deden mee, of wie zagen het?"), max_length=SHORT_TEXT, long=False)
    child_did = TextField(_("Wat deed uw kind?"))
    physical = ChoiceField(_("Werd uw kind geslagen, geschopt of geduwd?"), content.YES_NO)
    adult_told = ChoiceField(_("Wist een volwassene op school ervan?"), content.ADULT_TOLD)

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date and date > timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in de toekomst. Vul de dag in waarop het gebeurde."))
        return date


class BaseIncidentFormSet(forms.BaseFormSet):
    default_error_messages = {
        "missing_management_form": _("De lijst met voorvallen was niet compleet. Kijk of alles er nog staat."),
        "too_many_forms": _("U kunt hoogstens %(num)d voorvallen opschrijven."),
        "too_few_forms": _("Vul minstens %(num)d voorval in."),
    }


IncidentFormSet = formset_factory(
    IncidentForm,
    formset=BaseIncidentFormSet,
    extra=1,
    max_num=content.MAX_INCIDENTS,
    absolute_max=content.MAX_INCIDENTS,
    validate_max=True,
)

ADD_INCIDENT = "voorval-toevoegen"
REMOVE_INCIDENT = re.compile(r"voorval-wissen-([0-9]{1,2})")


class IncidentsForm(StepForm):
    """What happened: an incident log (a formset that works without JavaScript) and signs at home."""

    prefix_rows = "voorval"
    signs = MultipleChoiceField(_("Wat merkt u thuis aan uw kind?"), content.SIGNS)
    other_signs = TextField(_("Merkt u nog iets anders aan uw kind?"))
    already_who = TextField(
        _("Met wie op school heeft u er al over gepraat?"), max_length=SHORT_TEXT, long=False,
        help_text=_("Bijvoorbeeld: de leerkracht, of de intern begeleider"),
    )
    already_when = TextField(_("Wanneer was dat?"), max_length=SHORT_TEXT, long=False)
    already_result = TextField(_("Wat kwam daaruit?"))

    def __init__(self, data=None, *args, **kwargs):
        total = f"{self.prefix_rows}-TOTAL_FORMS"
        if data is not None and total not in data:
            # Saved before any row existed, or posted by hand: no rows, rather than an error.
            data = data.copy()
            data[total] = data[f"{self.prefix_rows}-INITIAL_FORMS"] = "0"
        super().__init__(data, *args, **kwargs)
        self.incidents = IncidentFormSet(data, prefix=self.prefix_rows)

    def layout(self):
        return Layout(
            "signs",
            "other_signs",
            Group(_("Wat heeft u al gedaan?"), "already_who", "already_when", "already_result"),
        )

    def is_valid(self):
        own = super().is_valid()
        rows = self.incidents.is_valid()
        return own and rows

    def keeps_hidden_value(self, key):
        return super().keeps_hidden_value(key) and not key.startswith(f"{self.prefix_rows}-")

    def submitted_values(self, previous=None):
        values = super().submitted_values(previous)
        rows = [
            {name: typed[row.add_prefix(name)] for name in row.fields}
            for row, typed in ((row, typed_values(row)) for row in self.incidents.forms)
        ]
        action = self.data.get("action") or ""
        if action == ADD_INCIDENT and len(rows) < content.MAX_INCIDENTS:
            rows.append({})
        elif remove := REMOVE_INCIDENT.fullmatch(action):
            index = int(remove.group(1))
            rows = rows[:index] + rows[index + 1 :]
        for number, row in enumerate(rows):
            values.update({f"{self.prefix_rows}-{number}-{name}": value for name, value in row.items()})
        values[f"{self.prefix_rows}-TOTAL_FORMS"] = str(max(1, len(rows)))
        values[f"{self.prefix_rows}-INITIAL_FORMS"] = "0"
        return values

    def summary_errors(self):
        errors = super().summary_errors()
        errors += [(f"id_{self.prefix_rows}-0-date", str(e)) for e in self.incidents.non_form_errors()]
        for number, row in enumerate(self.incidents.forms, start=1):
            errors += field_errors(row, prefix=_("Voorval %(number)d, ") % {"number": number})
        return errors

    def incident_table(self):
        """(column headers, rows of shown values) for the filled-in incidents of a valid form."""
        fields = IncidentForm.base_fields
        rows = [
            [display_value(fields[name], row.get(name)) for name in fields]
            for row in self.incidents.cleaned_data
            if any(value not in (None, "") for value in row.values())
        ]
        return [IncidentForm.column_titles[name] for name in fields], rows

    def display_rows(self):
        table = self.incident_table()
        count = len(table[1])
        summary = ngettext("%(count)d voorval", "%(count)d voorvallen", count) % {"count": count} if count else ""
        return [Row(_("Wat er gebeurde"), summary, table=table), *super().display_rows()]

    def empty_rows(self):
        return [Row(_("Wat er gebeurde"), ""), *super().empty_rows()]

    def has_answers(self):
        return super().has_answers() or bool(self.incident_table()[1])

    def has_physical_violence(self):
        return any(row.get("physical") == "ja" for row in self.incidents.cleaned_data)


class SchoolWishesForm(StepForm):
    wishes = MultipleChoiceField(_("Wat wilt u dat de school doet?"), content.SCHOOL_WISHES)
    own_wishes = TextField(_("Wat wilt u verder dat de school doet?"))
    hear_back = TextField(
        _("Wanneer wilt u horen wat de school gaat doen?"),
        max_length=SHORT_TEXT,
        long=False,
        help_text=_("Bijvoorbeeld: binnen een week"),
    )
