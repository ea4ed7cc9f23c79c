"""A step with a list of rows (the incident log, the agreements) that grows and shrinks without JavaScript.

The rows are a Django formset. Buttons named "<prefix>-toevoegen" and "<prefix>-wissen-N"
change the list; a row that holds anything asks first ("<prefix>-wissen-zeker-N" removes
it). What was typed is stored on every button, valid or not, like every other step.
"""
import re

from django import forms
from django.forms import formset_factory
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .base import PageAction, Problem, Row, StepForm, field_errors, typed_values
from .values import valid_data
from .fields import display_value, text_size


def row_formset(row_form, max_rows, texts):
    """A formset of ``row_form`` rows, at most ``max_rows``, with its errors in the list's own words."""

    class Rows(forms.BaseFormSet):
        default_error_messages = {
            "missing_management_form": texts["unreadable"],
            "too_many_forms": texts["too_many"],
            "too_few_forms": texts["too_few"],
        }

    return formset_factory(row_form, formset=Rows, extra=1, max_num=max_rows, absolute_max=max_rows, validate_max=True)


class RowsForm(StepForm):
    row_prefix = ""
    row_formset = None
    # Texts with %(number)d where a row is meant; see IncidentsForm for an example.
    row_texts = {}

    def __init__(self, data=None, *args, **kwargs):
        total = f"{self.row_prefix}-TOTAL_FORMS"
        if data is not None and not isinstance(data, QueryDict) and total not in data:
            # Stored before any row existed: no rows, rather than an error. A POST without
            # the counter is different: see unreadable().
            data = {**data, total: "0", f"{self.row_prefix}-INITIAL_FORMS": "0"}
        super().__init__(data, *args, **kwargs)
        self.rows = self.row_formset(data, prefix=self.row_prefix, form_kwargs=self.row_form_kwargs())

    def row_form_kwargs(self):
        return {}

    @property
    def max_rows(self):
        return self.rows.max_num

    @property
    def list_anchor(self):
        return f"{self.row_prefix}-lijst"

    def row_text(self, name, number=0):
        return self.row_texts[name] % {"number": number}

    def numbered_rows(self):
        """Each row's form with its number and its own texts, for the template."""
        texts = ("legend", "remove", "confirm", "confirm_yes")
        return [
            {"form": row, "number": number, "index": number - 1, **{name: self.row_text(name, number) for name in texts}}
            for number, row in enumerate(self.rows.forms, start=1)
        ]

    def unreadable(self):
        # A missing or broken row counter (posted by hand, or a cut-off request) says nothing
        # about the rows: the stored ones must stay, not be replaced by none. Our page always
        # sends at least one row, so a counter below one did not come from it either.
        counter = self.rows.management_form
        if self.is_bound and (not counter.is_valid() or counter.cleaned_data["TOTAL_FORMS"] < 1):
            return str(self.row_texts["unreadable"])
        return ""

    def is_valid(self):
        own = super().is_valid()
        rows = self.rows.is_valid()
        return own and rows

    def keeps_hidden_value(self, key):
        return super().keeps_hidden_value(key) and not key.startswith(f"{self.row_prefix}-")

    def submitted_values(self, previous=None):
        values = super().submitted_values(previous)
        prefix = f"{self.row_prefix}-"
        if self.unreadable():
            values.update({key: value for key, value in (previous or {}).items() if key.startswith(prefix)})
            return values
        rows = [{name: typed[row.add_prefix(name)] for name in row.fields} for row, typed in self._typed_rows()]
        action = self.data.get("action") or ""
        if action == f"{prefix}toevoegen" and len(rows) < self.max_rows:
            rows.append({})
        elif (index := self._row_to_remove(action, rows)) is not None:
            rows = rows[:index] + rows[index + 1 :]
        for number, row in enumerate(rows):
            values.update({f"{prefix}{number}-{name}": value for name, value in row.items()})
        values[f"{prefix}TOTAL_FORMS"] = str(max(1, len(rows)))
        values[f"{prefix}INITIAL_FORMS"] = "0"
        return values

    def _typed_rows(self):
        return [(row, typed_values(row)) for row in self.rows.forms]

    def _removal(self, action):
        """(index, confirmed) for a "wis" button, else None."""
        match = re.fullmatch(rf"{re.escape(self.row_prefix)}-wissen-(zeker-)?([0-9]{{1,2}})", action)
        return (int(match.group(2)), bool(match.group(1))) if match else None

    def _row_to_remove(self, action, rows):
        """The index of the row this button removes now; None for a row that needs a confirmation first."""
        removal = self._removal(action)
        if removal is None or removal[0] >= len(rows):
            return None
        index, confirmed = removal
        return index if confirmed or not _has_content(rows[index]) else None

    def page_action(self, action):
        rows = len(self.rows.forms)
        if action == f"{self.row_prefix}-toevoegen":
            number = min(rows + 1, self.max_rows)
            return PageAction(f"{self.row_prefix}-{number}", self.row_text("added", number))
        removal = self._removal(action)
        if removal is None:
            return super().page_action(action)
        index, confirmed = removal
        if not confirmed and index < rows and _has_content(dict(self._typed_rows()[index][1])):
            return PageAction(f"wissen-{index + 1}", query={"wissen": index})
        return PageAction(self.list_anchor, self.row_text("removed", index + 1))

    def problems(self):
        # In the order of the page: the rows come first, then the questions below them.
        first = f"id_{self.row_prefix}-0-{next(iter(self.rows.form.base_fields))}"
        problems = [Problem(first, "", str(error)) for error in self.rows.non_form_errors()]
        for number, row in enumerate(self.rows.forms, start=1):
            problems += field_errors(row, prefix=self.row_text("problem", number))
        return problems + super().problems()

    def filled_rows(self):
        """The valid values of each row that holds anything valid; a wrong value is left out."""
        rows = (valid_data(row) for row in self.rows.forms)
        return [row for row in rows if _has_content(row)]

    def row_table(self):
        """(column headers, rows of (header, shown value)) for the filled-in rows, field by field."""
        row_form = self.rows.form
        fields = row_form.base_fields
        headers = [row_form.column_titles[name] for name in fields]
        rows = [
            [(header, display_value(fields[name], row.get(name))) for header, name in zip(headers, fields)]
            for row in self.filled_rows()
        ]
        return headers, rows

    def display_rows(self):
        table = self.row_table()
        count = len(table[1])
        summary = self.row_texts["count"] % {"count": count} if count else ""
        return [Row(self.row_texts["list_title"], summary, table=table), *super().display_rows()]

    def empty_rows(self):
        return [Row(self.row_texts["list_title"], ""), *super().empty_rows()]

    def has_answers(self):
        return super().has_answers() or bool(self.filled_rows())

    def text_size(self):
        fields = self.rows.form.base_fields
        sizes = [super().text_size(), *(text_size(fields, row) for row in self.filled_rows())]
        return sum(size[0] for size in sizes), sum(size[1] for size in sizes)


def _has_content(row):
    return any(value not in (None, "", []) for value in row.values())


# The texts a RowsForm needs, for a list of gebeurtenissen and a list of afspraken.
INCIDENT_TEXTS = {
    "legend": _("Gebeurtenis %(number)d"),
    "add": _("Nog een gebeurtenis toevoegen"),
    "remove": _("Wis gebeurtenis %(number)d"),
    "confirm": _("Weet u het zeker? Alles wat u bij gebeurtenis %(number)d schreef, wordt gewist."),
    "confirm_yes": _("Ja, wis gebeurtenis %(number)d"),
    "added": _("Gebeurtenis %(number)d is toegevoegd."),
    "removed": _("Gebeurtenis %(number)d is gewist."),
    "problem": _("Gebeurtenis %(number)d, "),
    "list_title": _("Wat er gebeurde"),
    "list_intro": _("Schrijf elke keer dat er iets gebeurde apart op. Weet u iets niet meer precies? Dat geeft niet. Schrijf op wat u weet."),
    "rest_title": _("Hoe gaat het met uw kind?"),
    "count": ngettext_lazy("%(count)d gebeurtenis", "%(count)d gebeurtenissen", "count"),
    "unreadable": _("De lijst met gebeurtenissen kwam niet goed aan. We hebben uw eerdere gebeurtenissen bewaard. Kijk of alles er nog staat."),
    "too_many": _("U kunt hoogstens %(num)d gebeurtenissen opschrijven."),
    "too_few": _("Vul minstens %(num)d gebeurtenis in."),
}
AGREEMENT_TEXTS = {
    "legend": _("Afspraak %(number)d"),
    "add": _("Nog een afspraak toevoegen"),
    "remove": _("Wis afspraak %(number)d"),
    "confirm": _("Weet u het zeker? Alles wat u bij afspraak %(number)d schreef, wordt gewist."),
    "confirm_yes": _("Ja, wis afspraak %(number)d"),
    "added": _("Afspraak %(number)d is toegevoegd."),
    "removed": _("Afspraak %(number)d is gewist."),
    "problem": _("Afspraak %(number)d, "),
    "list_title": _("Wat er is afgesproken"),
    "list_intro": _("Schrijf elke afspraak apart op: wie doet wat, en wanneer."),
    "rest_title": _("Het kleine doel"),
    "count": ngettext_lazy("%(count)d afspraak", "%(count)d afspraken", "count"),
    "unreadable": _("De lijst met afspraken kwam niet goed aan. We hebben uw eerdere afspraken bewaard. Kijk of alles er nog staat."),
    "too_many": _("U kunt hoogstens %(num)d afspraken opschrijven."),
    "too_few": _("Vul minstens %(num)d afspraak in."),
}
