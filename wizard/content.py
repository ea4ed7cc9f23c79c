"""Fixed content from the Kenniscentrum Pesten guidance: topics, example questions, suggestions."""
from django.utils.translation import gettext_lazy as _

SOURCE_NAME = "Kenniscentrum Pesten"
SOURCE_TITLE = _("Tips voor het gesprek met school over pesten")
SOURCE_PHONE = "084-8340086"

TOPIC_REPORT = "rapport"
TOPIC_BULLYING = "pesten"
TOPIC_OTHER = "anders"
TOPICS = [
    (TOPIC_REPORT, _("Een 10-minutengesprek of het rapport")),
    (TOPIC_BULLYING, _("Zorgen over pesten")),
    (TOPIC_OTHER, _("Iets anders")),
]

CONVERSATION_PARTNERS = [
    ("leerkracht", _("De leerkracht")),
    ("mentor", _("De mentor")),
    ("anders", _("Iemand anders")),
]

COMPANIONS = [
    ("niemand", _("Ik ga alleen")),
    ("partner", _("Mijn partner")),
    ("familie", _("Iemand uit de familie, zoals opa of oma")),
    ("deskundige", _("Een deskundige, zoals een logopedist of fysiotherapeut")),
    ("anders", _("Iemand anders, zoals een buurvrouw of vriend")),
]

CHILD_JOINS = [
    ("ja", _("Ja")),
    ("nee", _("Nee")),
    ("weet-niet", _("Weet ik nog niet. Ik vraag het aan school.")),
]

# The seed's example questions, grouped as the seed groups them.
EXAMPLE_QUESTIONS = [
    ("sterke-punten", _("Wat zijn de sterke punten van mijn kind?")),
    ("wat-kan-beter", _("Wat kan beter?")),
    ("rol-school", _("Wat kan de school daarbij doen?")),
    ("rol-ouder", _("Wat kan ik als ouder daarbij doen?")),
    ("in-de-klas", _("Hoe is mijn kind in de klas?")),
    ("graag-op-school", _("Wat doet mijn kind graag op school?")),
    ("in-de-groep", _("Hoe gaat mijn kind om met de andere kinderen in de groep?")),
]

FOLLOW_UP_WAYS = [
    ("afspraak", _("Een nieuwe afspraak op school")),
    ("email", _("Een e-mail")),
    ("telefoon", _("Een telefoongesprek")),
    ("weet-niet", _("Weet ik nog niet")),
]

# How many questions fit a ten-minute conversation.
TOP_QUESTIONS = 3
MAX_OWN_QUESTIONS = 20
