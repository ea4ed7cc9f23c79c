"""A step's answers as the rest of the app reads them: the valid values, field by field."""
from django import forms

from .fields import display_value


class Values:
    """A step's valid answers as attributes, e.g. ``values.partner_name``.

    A field that is empty, or whose answer is not valid (yet), reads as empty: "" for
    text and choices, [] for tick boxes, None for dates and times. A name that is not a
    field of the form is an error, so a typo cannot hide an answer.
    """

    def __init__(self, form):
        self._form = form
        self._cleaned = valid_data(form)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        field = self._form.fields.get(name) or type(self._form).base_fields.get(name)
        if field is None:
            raise AttributeError(f"{type(self._form).__name__} has no field {name!r}")
        value = self._cleaned.get(name)
        if value is None or value == "":
            return empty_value(field)
        return value

    def shown(self, name):
        """The answer as a parent reads it: a choice's label, a Dutch date."""
        field = self._form.fields.get(name) or type(self._form).base_fields[name]
        return display_value(field, getattr(self, name))

    @property
    def labels(self):
        """Each answer as shown, for templates: ``values.labels.partner_role``."""
        return _Shown(self)

    def labelled(self, names=None):
        """[(label, shown value)] for the non-empty answers, in field order; never a parent-only one."""
        names = [name for name in (names or self._form.fields) if name in self._form.fields]
        return [
            (self._form.fields[name].label, self.shown(name))
            for name in names
            if name not in self._form.parent_only and getattr(self, name) not in (None, "", [])
        ]


class _Shown:
    def __init__(self, values):
        self._values = values

    def __getitem__(self, name):
        return self._values.shown(name)


def valid_data(form):
    """The cleaned values of a bound form, field by field: a field with an error is left out.

    Django cleans every field, and keeps each one that passed, even when another failed.
    """
    if not form.is_bound:
        return {}
    return form.cleaned_data if form.errors is not None else {}


def empty_value(field):
    if isinstance(field, forms.MultipleChoiceField):
        return []
    if isinstance(field, (forms.DateField, forms.TimeField)):
        return None
    return ""
