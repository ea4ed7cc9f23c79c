"""The bullying track's forms: the incident log (rows without JavaScript) and what the school should do."""
from crispy_forms_gds.layout import Layout
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import content
from .base import CrispyForm, Group, StepForm
from .rows import INCIDENT_TEXTS, RowsForm, row_formset
from .fields import (
    SHORT_TEXT,
    ChoiceField,
    DateField,
    MultipleChoiceField,
    TextField,
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


IncidentFormSet = row_formset(IncidentForm, content.MAX_INCIDENTS, INCIDENT_TEXTS)

class IncidentsForm(RowsForm):
    """What happened: an incident log (rows that work without JavaScript) and signs at home."""

    row_prefix = "voorval"
    row_formset = IncidentFormSet
    row_texts = INCIDENT_TEXTS
    signs = MultipleChoiceField(_("Wat merkt u thuis aan uw kind?"), content.SIGNS)
    other_signs = TextField(_("Merkt u nog iets anders aan uw kind?"))
    already_who = TextField(
        _("Met wie op school heeft u er al over gepraat?"), max_length=SHORT_TEXT, long=False,
        help_text=_("Bijvoorbeeld: de leerkracht, of de intern begeleider"),
    )
    already_when = TextField(_("Wanneer was dat?"), max_length=SHORT_TEXT, long=False)
    already_result = TextField(_("Wat kwam daaruit?"))

    def layout(self):
        return Layout(
            "signs",
            "other_signs",
            Group(_("Wat heeft u al gedaan?"), "already_who", "already_when", "already_result"),
        )

    def has_physical_violence(self):
        return any(row.get("physical") == "ja" for row in self.filled_rows())


class SchoolWishesForm(StepForm):
    wishes = MultipleChoiceField(_("Wat wilt u dat de school doet?"), content.SCHOOL_WISHES)
    own_wishes = TextField(_("Wat wilt u verder dat de school doet?"))
    hear_back = TextField(
        _("Wanneer wilt u horen wat de school gaat doen?"),
        max_length=SHORT_TEXT,
        long=False,
        help_text=_("Bijvoorbeeld: binnen een week"),
    )
