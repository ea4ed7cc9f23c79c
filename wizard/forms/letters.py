"""The text box of a drafted letter: the parent's own words, bounded so it prints."""
from django.utils.translation import gettext_lazy as _

from ..letters import MAX_LETTER_CHARACTERS, MAX_LETTER_LINES
from .base import CrispyForm
from .fields import TextField


class LetterForm(CrispyForm):
    text = TextField(
        _("Uw brief"),
        max_length=MAX_LETTER_CHARACTERS,
        max_lines=MAX_LETTER_LINES,
        help_text=_("Pas de brief aan zoals u wilt. Vul uw naam in waar [uw naam] staat."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs.update({"rows": 24, "id": "id_text"})
