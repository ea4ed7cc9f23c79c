"""The base of every step form: crispy rendering, answers as typed and as shown, and layout helpers."""
import datetime
from dataclasses import dataclass
from functools import cached_property

from crispy_forms.layout import LayoutObject
from crispy_forms.utils import TEMPLATE_PACK
from crispy_forms_gds.helper import FormHelper
from django import forms
from django.utils.html import format_html

from .fields import bounded, display_value

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
        values[key] = bounded(value)
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


