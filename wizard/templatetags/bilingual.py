"""The two-language sheet: a fixed heading or question in the parent's language, with the Dutch beneath.

``{% translate "Mijn belangrijkste vragen" noop as heading %}{% bi heading %}`` in a PDF
template. A value is either a Dutch message id (our message ids are Dutch) or a lazy
translation (a field's label, a choice). Text the parent typed has no translation and
comes out once, as typed. Only when the template's context has ``two_languages``.
"""
import unicodedata

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext, override

register = template.Library()


def translated_and_dutch(value):
    if isinstance(value, Promise):
        with override("nl"):
            dutch = str(value)
        return str(value), dutch
    text = str(value)
    return gettext(text), text


def direction(text):
    """ "ltr" or "rtl" after the first letter that has a direction; "" when there is none."""
    for character in str(text):
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return ""


@register.filter
def typed(text):
    """Text the parent typed, with its line breaks, in its own direction.

    A Dutch or English answer on an Arabic sheet must keep its question mark at its end.
    WeasyPrint ignores dir="auto" and <bdi>, so the direction is found here and written out.
    """
    lines = linebreaksbr(text)
    way = direction(text)
    return format_html('<span dir="{}">{}</span>', way, lines) if way else lines


@register.simple_tag(takes_context=True)
def bi(context, value, inline=False):
    """The value in the parent's language; on a two-language sheet with the Dutch beneath it
    (or, ``inline``, after it, for a label in a line of text). Text the parent typed has no
    translation: it comes out once, in its own direction."""
    translated, dutch = translated_and_dutch(value)
    if translated == dutch:
        return typed(translated) if not isinstance(value, Promise) and translated == str(value) else translated
    if not context.get("two_languages"):
        return translated
    if inline:
        return format_html('{} <span class="nl-inline" lang="nl" dir="ltr">({})</span>', translated, dutch)
    return format_html('{}<span class="nl" lang="nl" dir="ltr">{}</span>', translated, dutch)
