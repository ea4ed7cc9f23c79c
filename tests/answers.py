"""A parent's answers to every step, used by tests and by the load benchmark (no Django imports)."""
FULL_ANSWERS = {
    "over-het-gesprek": {
        "topic": "rapport",
        "date": "2026-12-03",
        "time": "15:30",
        "partner_role": "leerkracht",
        "partner_name": "juf Sanne",
        "child_name": "Emma",
        "child_group": "groep 6",
    },
    "ga-naar-het-gesprek": {"companion": "partner", "companion_name": "Ahmed", "child_joins": "weet-niet"},
    "praat-met-uw-kind": {
        "likes": "Gym en tekenen",
        "dislikes": "Rekenen in de middag",
        "report_reaction": "Blij met taal",
        "wants_said": "Dat ze graag naast Noor zit",
        "not_said": "Niets over thuis",
        "other": "",
    },
    "wat-wilt-u-vragen": {
        "examples": ["sterke-punten", "in-de-groep"],
        "own_questions": "Hoe gaat het met lezen?\nKrijgt ze extra hulp bij rekenen?",
    },
    "belangrijkste-vragen": {"top": ["in-de-groep", "Krijgt ze extra hulp bij rekenen?"]},
    "wat-wilt-u-vertellen": {
        "at_home": "Thuis is ze vrolijk",
        "says_about_school": "Ze vertelt veel over de juf",
        "homework": "Ze stelt huiswerk uit",
        "hobbies": "Zwemmen",
        "own_points": "",
    },
    "afspraken": {
        "hope": "Dat rekenen weer leuk wordt",
        "goal_who": "Emma",
        "goal_what": "maakt het huiswerk voor rekenen af",
        "goal_when": "elke dinsdagavond",
        "follow_up_way": "email",
        "follow_up_when": "over zes weken",
    },
}
