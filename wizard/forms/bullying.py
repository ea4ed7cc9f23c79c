"""The bullying track's forms: the incident log (rows without JavaScript) and what the school should do."""
import re

from crispy_forms_gds.layout import Layout
from django import forms
from django.forms import formset_factory
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import content
from .base import CrispyForm, Group, PageAction, Problem, Row, StepForm, field_errors, typed_values, valid_data
from .fields import (
    SHORT_TEXT,
    ChoiceField,
    DateField,
    MultipleChoiceField,
    TextField,
    display_value,
    text_size,
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
        "missing_management_form": _("De lijst met gebeurtenissen was niet compleet. Kijk of alles er nog staat."),
        "too_many_forms": _("U kunt hoogstens %(num)d gebeurtenissen opschrijven."),
        "too_few_forms": _("Vul minstens %(num)d gebeurtenis in."),
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
# "Wis" on a row that holds anything asks first; the confirming button removes it.
REMOVE_INCIDENT = re.compile(r"voorval-wissen-([0-9]{1,2})")
REMOVE_INCIDENT_CONFIRMED = re.compile(r"voorval-wissen-zeker-([0-9]{1,2})")


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
        if data is not None and not isinstance(data, QueryDict) and total not in data:
            # Stored before any row existed: no rows, rather than an error. A POST without
            # the counter is different: see unreadable().
            data = {**data, total: "0", f"{self.prefix_rows}-INITIAL_FORMS": "0"}
        super().__init__(data, *args, **kwargs)
        self.incidents = IncidentFormSet(data, prefix=self.prefix_rows)

    def unreadable(self):
        # A missing or broken row counter (posted by hand, or a cut-off request) says nothing
        # about the rows: the stored ones must stay, not be replaced by none.
        counter = self.incidents.management_form
        # Our page always sends at least one row, so a counter below one did not come from it.
        if self.is_bound and (not counter.is_valid() or counter.cleaned_data["TOTAL_FORMS"] < 1):
            return _("De lijst met gebeurtenissen kwam niet goed aan. We hebben uw eerdere gebeurtenissen bewaard. Kijk of alles er nog staat.")
        return ""

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
        if self.unreadable():
            values.update({key: value for key, value in (previous or {}).items() if key.startswith(f"{self.prefix_rows}-")})
            return values
        rows = [
            {name: typed[row.add_prefix(name)] for name in row.fields}
            for row, typed in ((row, typed_values(row)) for row in self.incidents.forms)
        ]
        action = self.data.get("action") or ""
        if action == ADD_INCIDENT and len(rows) < content.MAX_INCIDENTS:
            rows.append({})
        elif (index := self._row_to_remove(action, rows)) is not None:
            rows = rows[:index] + rows[index + 1 :]
        for number, row in enumerate(rows):
            values.update({f"{self.prefix_rows}-{number}-{name}": value for name, value in row.items()})
        values[f"{self.prefix_rows}-TOTAL_FORMS"] = str(max(1, len(rows)))
        values[f"{self.prefix_rows}-INITIAL_FORMS"] = "0"
        return values

    def _row_to_remove(self, action, rows):
        """The index of the row this button removes now; None for a row that needs a confirmation first."""
        if confirmed := REMOVE_INCIDENT_CONFIRMED.fullmatch(action):
            index = int(confirmed.group(1))
        elif (remove := REMOVE_INCIDENT.fullmatch(action)) and not _has_content(rows, int(remove.group(1))):
            index = int(remove.group(1))
        else:
            return None
        return index if index < len(rows) else None

    def page_action(self, action):
        rows = len(self.incidents.forms)
        if action == ADD_INCIDENT:
            number = min(rows + 1, content.MAX_INCIDENTS)
            return PageAction(f"voorval-{number}", _("Gebeurtenis %(number)d is toegevoegd.") % {"number": number})
        if confirmed := REMOVE_INCIDENT_CONFIRMED.fullmatch(action):
            number = int(confirmed.group(1)) + 1
            return PageAction("voorvallen", _("Gebeurtenis %(number)d is gewist.") % {"number": number})
        if remove := REMOVE_INCIDENT.fullmatch(action):
            index = int(remove.group(1))
            if _has_content([typed_values(row) for row in self.incidents.forms], index):
                return PageAction(f"wissen-{index + 1}", query={"wissen": index})
            return PageAction("voorvallen", _("Gebeurtenis %(number)d is gewist.") % {"number": index + 1})
        return super().page_action(action)

    def problems(self):
        # In the order of the page: the rows come first, then the questions below them.
        problems = [Problem(f"id_{self.prefix_rows}-0-date", "", str(e)) for e in self.incidents.non_form_errors()]
        for number, row in enumerate(self.incidents.forms, start=1):
            problems += field_errors(row, prefix=_("Gebeurtenis %(number)d, ") % {"number": number})
        return problems + super().problems()

    def _filled_rows(self):
        """The valid values of each row that holds anything valid; a wrong value is left out."""
        rows = (valid_data(row) for row in self.incidents.forms)
        return [row for row in rows if any(value not in (None, "") for value in row.values())]

    def incident_table(self):
        """(column headers, rows of (header, shown value)) for the filled-in incidents, row by row and field by field."""
        fields = IncidentForm.base_fields
        headers = [IncidentForm.column_titles[name] for name in fields]
        rows = [
            [(header, display_value(fields[name], row.get(name))) for header, name in zip(headers, fields)]
            for row in self._filled_rows()
        ]
        return headers, rows

    def display_rows(self):
        table = self.incident_table()
        count = len(table[1])
        summary = ngettext("%(count)d gebeurtenis", "%(count)d gebeurtenissen", count) % {"count": count} if count else ""
        return [Row(_("Wat er gebeurde"), summary, table=table), *super().display_rows()]

    def empty_rows(self):
        return [Row(_("Wat er gebeurde"), ""), *super().empty_rows()]

    def has_answers(self):
        return super().has_answers() or bool(self.incident_table()[1])

    def text_size(self):
        sizes = [super().text_size(), *(text_size(IncidentForm.base_fields, row) for row in self._filled_rows())]
        return sum(size[0] for size in sizes), sum(size[1] for size in sizes)

    def has_physical_violence(self):
        return any(row.get("physical") == "ja" for row in self._filled_rows())


def _has_content(rows, index):
    return index < len(rows) and any(value not in (None, "", []) for value in rows[index].values())


class SchoolWishesForm(StepForm):
    wishes = MultipleChoiceField(_("Wat wilt u dat de school doet?"), content.SCHOOL_WISHES)
    own_wishes = TextField(_("Wat wilt u verder dat de school doet?"))
    hear_back = TextField(
        _("Wanneer wilt u horen wat de school gaat doen?"),
        max_length=SHORT_TEXT,
        long=False,
        help_text=_("Bijvoorbeeld: binnen een week"),
    )
