"""The base of every step form: crispy rendering, answers as typed and as shown, and layout helpers."""
import datetime
import dataclasses
from dataclasses import dataclass
from functools import cached_property

from crispy_forms.layout import LayoutObject
from crispy_forms.utils import TEMPLATE_PACK
from crispy_forms_gds.helper import FormHelper
from django import forms
from django.utils.html import format_html

from .fields import bounded, display_value, text_size
from .values import Values, valid_data


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

    def problems(self):
        """[Problem] for every answer that is not valid yet, in the order of the page."""
        return field_errors(self)

    def summary_errors(self):
        """[(id of the field to focus, message)] for the error summary at the top of the page."""
        return [(problem.target, str(problem)) for problem in self.problems()]

    @property
    def has_errors(self):
        return bool(self.problems())


class StepForm(CrispyForm):
    """Base for every step form: crispy rendering, and the answers as stored and as shown.

    ``answers`` is the draft's read model (wizard.answers.Answers): a form that depends on
    an earlier step (the topic, the questions asked) reads it there.
    """

    # Fields whose answers are for the parent only: shown on the check page, marked as
    # such, and never printed on a sheet, in a plain text or in a letter for the school.
    parent_only = frozenset()
    # {field name: condition(form)}: a field that only applies in some situations (see
    # ``follows`` and ``on_bullying_track``). Where it does not apply, the page does not
    # show it, the check page does not list it, and what was typed in it is kept.
    conditions = {}

    def __init__(self, *args, answers=None, **kwargs):
        self.answers = answers
        super().__init__(*args, **kwargs)
        for name, applies in self.conditions.items():
            if not applies(self):
                del self.fields[name]

    def newly_shown(self):
        """Follow-up fields that apply now but were not on the page the parent sent.

        Without JavaScript a follow-up appears only after its question is answered: the
        page is shown once more with it, instead of skipping it unseen.
        """
        return [
            name
            for name, applies in self.conditions.items()
            if getattr(applies, "follow_up", False) and name in self.fields and self.add_prefix(name) not in self.data
        ]

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

    def unreadable(self):
        """A Dutch message when the POST cannot be read as this form at all (then nothing of it is used)."""
        return ""

    def page_action(self, action):
        """Where a button that changes the page itself (not Volgende or Vorige) leads afterwards."""
        return PageAction()

    def values(self):
        """The valid answers as attributes; see Values."""
        return Values(self)

    def display_rows(self):
        """One Row per field, as the check page shows it: valid values, and a problem for the others."""
        cleaned = valid_data(self)
        return [
            Row(
                field.label,
                display_value(field, cleaned.get(name)) if name not in self.errors else "",
                problem=str(self.errors[name][0]) if name in self.errors else "",
                parent_only=name in self.parent_only,
            )
            for name, field in self.fields.items()
        ]

    def empty_rows(self):
        return [Row(field.label, "", parent_only=name in self.parent_only) for name, field in self.fields.items()]

    def text_size(self):
        """(characters, lines) of the valid free text: what this step adds to a printed sheet."""
        return text_size(self.fields, valid_data(self))

    def has_answers(self):
        """Whether the form holds any valid answer at all."""
        return any(value not in (None, "", []) for value in valid_data(self).values())


def follows(question, *answers):
    """A condition: the field is a follow-up, shown once ``question`` has one of ``answers``."""

    def applies(form):
        return form.is_bound and form.data.get(form.add_prefix(question)) in answers

    applies.follow_up = True
    return applies


def on_bullying_track(wanted=True):
    """A condition: the field belongs to the bullying track (or, with False, to the routine one)."""

    def applies(form):
        return (form.answers is not None and form.answers.about_bullying) == wanted

    return applies


@dataclass(frozen=True)
class Row:
    """A question and its answer as shown: text, or a list of items.

    ``problem`` says why a typed answer is not used yet; ``parent_only`` marks an answer
    that never goes on a sheet for the school.
    """

    label: str
    value: object
    table: tuple = ()
    problem: str = ""
    parent_only: bool = False

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
        values[key] = bounded(field, value)
    return values


def field_errors(form, prefix=""):
    """[Problem] for every error of a bound form, in field order."""
    first = form.fields and form[next(iter(form.fields))].auto_id
    problems = [Problem(first, "", str(error)) for error in form.non_field_errors()]
    for bound in form.visible_fields():
        target = bound.auto_id
        if getattr(bound.field.widget, "input_type", None) in ("radio", "checkbox"):
            target = f"id_{bound.html_name}_1"
        label = f"{prefix}{str(bound.label).rstrip('?')}"
        problems.extend(Problem(target, label, str(error)) for error in bound.errors)
    return problems


@dataclass(frozen=True)
class PageAction:
    """After a button that changes the page itself: the place on the page, a message, and query values."""

    fragment: str = "formulier"
    message: str = ""
    query: dict = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    """An answer that is not valid yet: where it is on the page, what it is, and what is wrong."""

    target: str
    label: str
    message: str

    def __str__(self):
        return f"{self.label}: {self.message}" if self.label else self.message


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


