"""The bullying track's forms: the incident log (rows without JavaScript) and what the school should do."""
import re

from crispy_forms_gds.layout import Layout
from django import forms
from django.forms import formset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import content
from .base import CrispyForm, Group, Row, StepForm, field_errors, typed_values
from .fields import (
    SHORT_TEXT,
    ChoiceField,
    DateField,
    MultipleChoiceField,
    TextField,
    display_value,
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
