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


def bounded(value):
    if isinstance(value, str):
        # PostgreSQL cannot store a NUL character in JSON; no one types one on purpose.
        return value.replace("\x00", "")[:STORED_VALUE_CAP]
    if isinstance(value, (list, tuple)):
        return [bounded(item) for item in value[:200] if isinstance(item, str)]
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


