"""The one form of "Verder met een bewaarcode"."""
from django import forms
from django.utils.translation import gettext_lazy as _

from .. import resume
from .base import CrispyForm
from .fields import MultipleChoiceField

REPLACE = "ja"


class ContinueForm(CrispyForm):
    code = forms.CharField(
        label=_("Uw bewaarcode"),
        required=True,
        help_text=_("12 tekens, bijvoorbeeld K7QM-3XPA-9TRB. Hoofdletters, kleine letters en streepjes maken niet uit."),
        error_messages={"required": _("Vul uw bewaarcode in.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "data-code-from-fragment": ""}),
    )
    replace = MultipleChoiceField(
        _("In deze browser staan al andere antwoorden"),
        [(REPLACE, _("Wis de antwoorden die nu in deze browser staan, en ga verder met de code"))],
        help_text=_("Zonder vinkje gebeurt er niets met uw antwoorden."),
    )

    def __init__(self, *args, has_own_draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_own_draft:
            del self.fields["replace"]

    def clean_code(self):
        characters = resume.normalise(self.cleaned_data["code"])
        if characters is None:
            raise forms.ValidationError(_("Dit is geen bewaarcode. Een bewaarcode heeft 12 tekens, zoals K7QM-3XPA-9TRB."))
        return characters

    def clean_replace(self):
        if REPLACE not in self.cleaned_data["replace"]:
            raise forms.ValidationError(_("Zet een vinkje als u de antwoorden in deze browser wilt wissen. Of ga terug."))
        return self.cleaned_data["replace"]

    def wrong_code(self):
        self.add_error("code", _("Met deze code vinden we geen antwoorden. Kijk of u hem goed heeft overgetypt. Een code werkt niet meer als de antwoorden zijn gewist, of als er een nieuwe code is gemaakt."))
