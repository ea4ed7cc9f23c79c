"""The two-language sheet: a fixed heading or question in the parent's language, with the Dutch beneath.

``{% translate "Mijn belangrijkste vragen" noop as heading %}{% bi heading %}`` in a PDF
template. A value is either a Dutch message id (our message ids are Dutch) or a lazy
translation (a field's label, a choice). Text the parent typed has no translation and
comes out once, as typed. Only when the template's context has ``two_languages``.
"""
from django import template
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


@register.simple_tag(takes_context=True)
def bi(context, value, inline=False):
    """The value in the parent's language; on a two-language sheet with the Dutch beneath it
    (or, ``inline``, after it, for a label in a line of text)."""
    translated, dutch = translated_and_dutch(value)
    if not context.get("two_languages") or translated == dutch:
        return translated
    if inline:
        return format_html('{} <span class="nl-inline" lang="nl">({})</span>', translated, dutch)
    return format_html('{}<span class="nl" lang="nl">{}</span>', translated, dutch)
