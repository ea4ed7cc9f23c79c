"""The support contacts' texts in every language (django-modeltranslation).

fixtures/support_contacts.json holds them all: name_nl, name_en, ... A text that is not
translated falls back to Dutch. A website that is an address is the same in every language.
"""
from modeltranslation.translator import TranslationOptions, register

from .models import SupportContact


@register(SupportContact)
class SupportContactTranslation(TranslationOptions):
    fields = ("name", "when_it_helps", "what_to_bring", "website")
