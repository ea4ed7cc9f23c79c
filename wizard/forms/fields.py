"""Field types and their limits: every answer is optional, long texts are bounded in length and lines."""
import datetime

from django import forms
from django.core.validators import BaseValidator, MaxLengthValidator
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

LONG_TEXT = 2000
SHORT_TEXT = 200
QUESTION_TEXT = 300
# Every line becomes a line in the PDF. Without a cap, 2,000 characters of empty lines make
# hundreds of pages and keep a worker busy for half a minute.
LONG_TEXT_LINES = 40
# What we keep of a typed text that is too long: twice the field's limit, so a parent who
# typed too much gets it back to shorten, while one draft stays small.
STORED_TEXT_FACTOR = 2
# A date or time as typed, for instance "31-02-2026", comes back to be corrected.
STORED_DATE_CAP = 40

# The whole draft, not one field, decides what a sheet costs to print and to store: a valid
# draft has at most this much free text. The largest valid draft then renders in about two
# seconds of CPU and some twenty pages (see tests/test_limits.py and docs/benchmarks.md).
DRAFT_TEXT_BUDGET = 30_000
DRAFT_LINE_BUDGET = 600

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


def bounded(field, value):
    """What we store of one typed value: each field bounded by its own limit.

    Free text is kept as typed, up to twice its limit, so nothing a parent typed within
    reason is lost. A choice that is not one of the field's own cannot come from our page
    and is dropped. PostgreSQL cannot store a NUL character in JSON; no one types one.
    """
    choices = {str(value) for value, _label in getattr(field, "choices", ())}
    if isinstance(field, forms.MultipleChoiceField):
        items = value if isinstance(value, (list, tuple)) else []
        return list(dict.fromkeys(item for item in items if isinstance(item, str) and item in choices))
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", "")
    if isinstance(field, forms.ChoiceField):
        return value if value in choices else ""
    if isinstance(field, (forms.DateField, forms.TimeField)):
        return value[:STORED_DATE_CAP]
    return value[: getattr(field, "limit", SHORT_TEXT) * STORED_TEXT_FACTOR]


def text_size(fields, values):
    """(characters, lines) of the free text in ``values`` (field name: clean value)."""
    texts = [value for name, value in values.items() if isinstance(fields.get(name), TextField) and value]
    texts = ["\n".join(value) if isinstance(value, list) else value for value in texts]
    return sum(len(text) for text in texts), sum(len(text.splitlines()) for text in texts)


def display_value(field, value):
    """A clean value as a parent reads it: choice labels, Dutch dates, lists of lines.

    A choice's label stays a lazy translation, so a two-language sheet can show it twice.
    """
    if value in (None, "", [], ()):
        return ""
    choices = dict(getattr(field, "choices", ()))
    if isinstance(value, list):
        return [choices.get(item, item) for item in value]
    if choices:
        return choices.get(value, value)
    if isinstance(value, datetime.date):
        return date_format(value, "l j E Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    return value
