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

PRIMARY_SCHOOL = "basisschool"
SECONDARY_SCHOOL = "middelbare-school"
SCHOOL_LEVELS = [
    (PRIMARY_SCHOOL, _("De basisschool")),
    (SECONDARY_SCHOOL, _("De middelbare school")),
    ("anders", _("Een andere school, zoals speciaal onderwijs")),
]

CONVERSATION_PARTNERS = [
    ("leerkracht", _("De leerkracht")),
    ("mentor", _("De mentor")),
    ("anders", _("Iemand anders")),
]

# How a sentence names the person the parent talks with, when no name was given.
PARTNER_IN_A_SENTENCE = {
    "leerkracht": _("de leerkracht"),
    "mentor": _("de mentor"),
    "anders": _("de school"),
}

COMPANIONS_WITH_A_NAME = ("partner", "familie", "deskundige", "anders")
COMPANIONS = [
    ("niemand", _("Ik ga alleen")),
    ("partner", _("Mijn partner")),
    ("familie", _("Iemand uit de familie, zoals opa of oma")),
    ("deskundige", _("Iemand die veel weet over uw kind, zoals een logopedist of fysiotherapeut")),
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
    # Each question must read well on its own: the sheet may put any of them apart.
    ("rol-school", _("Wat kan de school doen om het beter te laten gaan?")),
    ("rol-ouder", _("Wat kan ik als ouder thuis doen om het beter te laten gaan?")),
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

# Examples for the small goal the parent proposes: {on the bullying track?: {field: hint}}.
# The seed's Casper and his homework fit a report; a goal about bullying is about safety.
GOAL_EXAMPLES = {
    False: {
        "goal_who": _("Bijvoorbeeld: Casper"),
        "goal_what": _("Bijvoorbeeld: maakt het huiswerk voor rekenen af"),
        "goal_when": _("Bijvoorbeeld: elke dinsdagavond"),
    },
    True: {
        "goal_who": _("Bijvoorbeeld: juf Anne"),
        "goal_what": _("Bijvoorbeeld: let in de pauze op of Sara mee mag doen"),
        "goal_when": _("Bijvoorbeeld: elke dag, de komende drie weken"),
    },
}

# How many questions fit a ten-minute conversation.
TOP_QUESTIONS = 3
MAX_OWN_QUESTIONS = 20

# The seed's questions for the teacher, for a conversation about bullying.
TEACHER_QUESTIONS = [
    ("herkent-pesten", _("Herkent u dat mijn kind gepest wordt?")),
    ("hoe-kijkt-u", _("Hoe kijkt u ertegenaan?")),
    ("niet-veilig", _("Ziet u dat mijn kind niet gelukkig is op school en zich niet veilig voelt?")),
    ("resultaten", _("Ziet u dat ook aan de schoolresultaten?")),
    ("wat-kunt-u-doen", _("Wat kunt u doen om het beter te maken voor mijn kind en voor de hele klas?")),
    ("anti-pestprogramma", _("Kan een anti-pestprogramma de klas veiliger maken?")),
]

# Signs a parent may see at home. Some of them change the roadmap (see roadmap.py).
SIGN_AVOIDS_SCHOOL = "wil-niet-naar-school"
SIGN_SLEEPS_BADLY = "slaapt-slecht"
SIGN_PAINS = "hoofdpijn-buikpijn"
SIGN_STAYS_HOME = "blijft-thuis"
SIGN_HARD_TO_GET_TO_SCHOOL = "moeilijk-naar-school"
SIGNS = [
    (SIGN_AVOIDS_SCHOOL, _("Wil niet naar school")),
    (SIGN_HARD_TO_GET_TO_SCHOOL, _("Is heel moeilijk naar school te krijgen")),
    (SIGN_SLEEPS_BADLY, _("Slaapt slecht")),
    (SIGN_PAINS, _("Heeft vaak hoofdpijn of buikpijn")),
    ("verdrietig-boos", _("Is vaak verdrietig of boos")),
    ("resultaten-omlaag", _("Haalt lagere cijfers dan eerst")),
    (SIGN_STAYS_HOME, _("Blijft thuis van school")),
]

YES_NO = [
    ("ja", _("Ja")),
    ("nee", _("Nee")),
]

ADULT_TOLD = [
    ("ja", _("Ja")),
    ("nee", _("Nee")),
    ("weet-niet", _("Weet ik niet")),
]

SCHOOL_WISHES = [
    ("beter-opletten", _("Dat de school beter oplet, ook in de pauze")),
    ("praten-met-klas", _("Dat de school met de klas praat over pesten")),
    ("plan", _("Dat de school een plan maakt, met afspraken")),
    ("op-de-hoogte", _("Dat de school mij op de hoogte houdt")),
    ("anti-pestprogramma", _("Dat de school een anti-pestprogramma gebruikt")),
]

MAX_INCIDENTS = 30

# After the gesprek.
MAX_AGREEMENTS = 20

ANSWERED = [
    ("ja", _("Ja")),
    ("deels", _("Een beetje")),
    ("nee", _("Nee")),
]

KEPT = [
    ("ja", _("Ja, dat is gebeurd")),
    ("deels", _("Een deel")),
    ("nee", _("Nee")),
    ("weet-niet", _("Weet ik niet")),
]
NOT_KEPT = {"deels", "nee"}

YES_NO_DONT_KNOW = [
    ("ja", _("Ja")),
    ("nee", _("Nee")),
    ("weet-niet", _("Weet ik niet")),
]

# People inside the school a parent may have talked with since, by their rung in wizard.ladder.
PEOPLE_ASKED_AFTERWARDS = [
    ("leerkracht", _("De leerkracht")),
    ("aanspreekpunt", _("Het aanspreekpunt pesten")),
    ("mentor", _("De mentor")),
    ("vertrouwenspersoon", _("De vertrouwenspersoon")),
    ("zorgcoordinator", _("De zorgcoördinator")),
    ("pestcoordinator", _("De coördinator van het pestbeleid")),
    ("mr", _("De ouders in de medezeggenschapsraad (MR)")),
    ("klachtenregeling", _("Ik heb een klacht ingediend")),
]
