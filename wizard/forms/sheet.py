"""How a parent who reads another language than Dutch wants the sheet: with the Dutch for the teacher, or not."""
from django.utils.translation import gettext_lazy as _

from .base import CrispyForm
from .fields import ChoiceField

BOTH, OWN_ONLY = "ja", "nee"


class SheetLanguageForm(CrispyForm):
    tweetalig = ChoiceField(
        _("Voor de leerkracht"),
        [(BOTH, _("Met de Nederlandse tekst onder elke kop en vraag (aangeraden)")), (OWN_ONLY, _("Alleen in mijn taal"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, initial={"tweetalig": BOTH}, **kwargs)
