"""The table behind :data:`diplostatements.vocabulary.DEFAULT_VOCABULARY`.

Plain data, so that the table reads like documentation and needs nothing from the module that
builds it. Each row is ``(name, description, properties)``; the properties are keyword arguments of
:class:`~diplostatements.vocabulary.Predicate`.

Every contrary pair and every implication here was kept only if it holds in *every* reading a
diplomatic text gives it: a rule that is true only usually makes the checker cry wolf. The
descriptions say why where it is not obvious, and which tempting rules were left out on purpose.

The same goes for ``distributive``: it marks the acts and states in which a part acts *as* its
whole (being present, deploying, withdrawing, crossing a border, firing, attacking, invading,
occupying, servicing or delivering equipment): what a brigade did there, its armed forces and its
state did. Positions and relations are not distributive: a ministry may support, oppose,
recognise, meet or sanction on its own account, and whether a state is *responsible* for what its
part did is the very thing disputed (``responsible_for``), not something to infer.
"""

from __future__ import annotations

from typing import Any

Row = tuple[str, str, dict[str, Any]]

PRESENCE: tuple[Row, ...] = (
    (
        "has_personnel_in",
        "The subject (a state, force, company or organisation) has personnel present in the"
        " object (a place): troops, advisers, specialists, diplomats. Qualifiers say who"
        " ('military', 'specialists'); the quantity says how many. A partial withdrawal leaves it"
        " true, so it has no contrary: say that none remain by negating it. Distributive:"
        " personnel of a part (a brigade) are personnel of each whole it belongs to.",
        {"distributive": True},
    ),
    (
        "deployed_personnel_to",
        "The subject sent personnel who arrived in the object (a place). At that moment the"
        " subject has personnel there."
        " Distributive: what a part (a brigade, a subsidiary) does, its wholes do.",
        {"implies": {"has_personnel_in"}, "distributive": True},
    ),
    (
        "withdrew_personnel_from",
        "The subject removed personnel from the object (a place); the quantity says how many or"
        " what share ('most'). Not contrary to has_personnel_in: 'most removed' and 'specialists"
        " remain' are both true."
        " Distributive: what a part (a brigade, a subsidiary) does, its wholes do.",
        {"distributive": True},
    ),
    (
        "reduced_personnel_in",
        "The subject cut the number of its personnel in the object (a place); the quantity, if"
        " any, is how many remain ('cut to a few dozen').",
        {},
    ),
    (
        "plans_withdrawal_from",
        "The subject intends to withdraw its personnel from the object (a place), for instance"
        " once a task is done.",
        {},
    ),
    (
        "services_equipment_in",
        "The subject's specialists maintain or service equipment in the object (a place); so the"
        " subject has personnel there."
        " Distributive: what a part (a brigade, a subsidiary) does, its wholes do.",
        {"implies": {"has_personnel_in"}, "distributive": True},
    ),
    (
        "occupies",
        "The subject's forces hold the object (a territory) against the will of its sovereign;"
        " so the subject has personnel there.",
        {"implies": {"has_personnel_in"}, "cameo": "192", "distributive": True},
    ),
)

SUPPORT: tuple[Row, ...] = (
    (
        "supports",
        "The subject backs the object (a government, leader, party or policy): politically,"
        " diplomatically, economically or militarily (say which in the qualifiers). Contrary to"
        " opposes; a partial position needs a narrower object or a qualifier, because 'supports"
        " X' and 'opposes X' about the same X cannot both be true.",
        {"contrary": {"opposes"}},
    ),
    (
        "opposes",
        "The subject works or speaks against the object (a government, leader, party or"
        " policy). Contrary to supports.",
        {"contrary": {"supports"}},
    ),
    (
        "increased_support_for",
        "The subject boosted its support for the object; so it supports it. It is not a change"
        " of stance (changed_stance_on): doing more of the same is not a new position.",
        {"implies": {"supports"}},
    ),
    (
        "reduced_support_for",
        "The subject cut its support for the object. It implies nothing about what remains: a"
        " cut may go to zero. CAMEO 162 (reduce or stop aid) where the support is aid.",
        {},
    ),
    (
        "seeks_ouster_of",
        "The subject works to remove the object (a leader or government) from power; so it"
        " opposes the object.",
        {"implies": {"opposes"}},
    ),
    (
        "changed_stance_on",
        "The subject's position on the object (a state, conflict or question) changed. More or"
        " less support for the same side is not a change of stance, so nothing implies it.",
        {},
    ),
    (
        "provided_aid_to",
        "The subject gave the object economic, humanitarian or military aid (say which in the"
        " qualifiers).",
        {"cameo": "070"},
    ),
)

RECOGNITION: tuple[Row, ...] = (
    (
        "recognizes",
        "The subject formally recognises the object: a state, a government, or a person as the"
        " holder of an office (put the office in the qualifiers: 'interim president'). An act of"
        " the recogniser, so neither functional nor inverse-functional: Russia recognising"
        " Maduro and the United States recognising Guaidó are both true. Who really holds the"
        " office is legitimate_president_of.",
        {"cameo": "054"},
    ),
    (
        "withdrew_recognition_of",
        "The subject withdrew its recognition of the object (a state, government or office"
        " holder).",
        {},
    ),
    (
        "legitimate_president_of",
        "The subject (a person) is the legitimate president of the object (a state); an interim"
        " president counts (qualifier 'interim'). Inverse-functional: a state has one legitimate"
        " president at a time, so rival claims about who it is contradict each other. Give the"
        " claim a ``when`` (since the inauguration) or it covers only the day it was said.",
        {"inverse_functional": True, "phrase": "is the legitimate president of"},
    ),
    (
        "head_of_state_of",
        "The subject (a person or a collective body) is head of state of the object. Not"
        " inverse-functional: Andorra has two co-princes, San Marino two captains regent, Bosnia"
        " and Herzegovina a three-member presidency, Switzerland a Federal Council. Use"
        " legitimate_president_of for a disputed presidency.",
        {"phrase": "is head of state of"},
    ),
    (
        "head_of_government_of",
        "The subject (a person) heads the government of the object. Not inverse-functional:"
        " collective and rotating arrangements exist, and on the day of a handover both the"
        " outgoing and the incoming head are named. Use legitimate_president_of, or a"
        " predicate of your own, for a disputed office.",
        {"phrase": "is head of government of"},
    ),
)

SANCTIONS: tuple[Row, ...] = (
    (
        "imposed_sanctions_on",
        "The subject imposed sanctions, an embargo or a boycott on the object; at that moment"
        " it maintains sanctions on it.",
        {"implies": {"maintains_sanctions_on"}, "cameo": "163"},
    ),
    (
        "maintains_sanctions_on",
        "The subject has sanctions in force against the object (qualifiers say which:"
        " 'oil', 'financial').",
        {},
    ),
    (
        "lifted_sanctions_on",
        "The subject lifted or eased sanctions on the object. Not contrary to"
        " maintains_sanctions_on: sanctions are often lifted in part.",
        {"cameo": "085"},
    ),
)

CONTACTS: tuple[Row, ...] = (
    (
        "talked_with",
        "The subject and the object held talks, by any means. Symmetric.",
        {"symmetric": True, "cameo": "040"},
    ),
    (
        "had_phone_call_with",
        "The subject and the object spoke by telephone (or video call). Symmetric; they talked.",
        {"symmetric": True, "implies": {"talked_with"}, "cameo": "041"},
    ),
    (
        "met_with",
        "The subject and the object met in person. Symmetric; they talked.",
        {"symmetric": True, "implies": {"talked_with"}, "cameo": "040"},
    ),
    (
        "negotiated_with",
        "The subject and the object negotiated. Symmetric; they talked.",
        {"symmetric": True, "implies": {"talked_with"}, "cameo": "046"},
    ),
    (
        "visited",
        "The subject (a person or delegation) visited the object (a state or place).",
        {"cameo": "042"},
    ),
)

MESSAGES: tuple[Row, ...] = (
    (
        "sent_message_to",
        "The subject communicated with the object by any means (note, letter, call, envoy);"
        " the content is what the message was about. Qualifiers narrow it ('official'), so 'no"
        " official messages' does not deny an unofficial one.",
        {"reporting": True},
    ),
    (
        "informed",
        "The subject told the object that the content is so; so it sent the object a message"
        " about it. The content is attributed to the subject, never asserted by the speaker:"
        " attributive, so the subject's own statements denying it make an ATTRIBUTION finding.",
        {"reporting": True, "attributive": True, "implies": {"sent_message_to"}},
    ),
    (
        "requested",
        "The subject asked the object directly for the content (an action or a thing); so it"
        " sent the object a message. A public call on someone is appealed_to.",
        {"reporting": True, "implies": {"sent_message_to"}, "cameo": "020"},
    ),
    (
        "appealed_to",
        "The subject publicly called on the object to do the content.",
        {"reporting": True, "cameo": "020"},
    ),
    (
        "promised",
        "The subject promised the object the content.",
        {"reporting": True, "cameo": "030"},
    ),
    (
        "accused",
        "The subject accused the object of the content: attributive, the subject holds the"
        " content true. A request, appeal, promise or threat is not attributive: its content is"
        " an action asked for or offered, not something the subject says is so.",
        {"reporting": True, "attributive": True, "cameo": "112"},
    ),
    (
        "threatened",
        "The subject threatened the object with the content (sanctions, force...).",
        {"reporting": True, "cameo": "130"},
    ),
    (
        "referred_to",
        "The subject's words referred to the object (a report, an event, a document).",
        {},
    ),
)

FORCE: tuple[Row, ...] = (
    (
        "attacked",
        "The subject used armed force against the object. Give the claim a ``when``: without"
        " one it covers only the day it was said."
        " Distributive: what a part (a brigade, a subsidiary) does, its wholes do. Who is"
        " *responsible* for an"
        " attack is not: that is responsible_for, a claim of its own.",
        {"cameo": "190", "distributive": True},
    ),
    (
        "invaded",
        "The subject's forces entered the object (a state or territory) by force; so it attacked"
        " it (an invasion is an act of aggression) and had personnel there.",
        {"implies": {"attacked", "has_personnel_in"}, "distributive": True},
    ),
    (
        "crossed_border_into",
        "The subject's forces, personnel or equipment crossed the border into the object (a"
        " state or territory); so the subject had personnel there. Distributive: a Buk of the"
        " 53rd brigade crossing means the armed forces', and the state's, crossed: 'not a single"
        " Russian air-defence system crossed the border' denies it.",
        {"implies": {"has_personnel_in"}, "distributive": True},
    ),
    (
        "fired_on",
        "The subject fired on the object (a place, force, vehicle or aircraft); so it attacked"
        " it. Distributive: a unit's fire is its armed forces' and its state's.",
        {"implies": {"attacked"}, "distributive": True, "cameo": "190"},
    ),
    (
        "intends_to_attack",
        "The subject intends or plans to attack the object. Contrary to nothing: intentions"
        " change, and a plan is not an attack.",
        {},
    ),
    (
        "responsible_for",
        "The subject is responsible for the object (an attack or other event). Timeless: who"
        " did a past deed does not change with the day it is asked. Not functional: several"
        " parties may share responsibility (a sponsor and the group that acted), so two"
        " accusations against different parties are not a contradiction; a denial is.",
        {"timeless": True, "phrase": "is responsible for"},
    ),
    (
        "at_war_with",
        "The subject and the object are at war. Symmetric; contrary to allied_with.",
        {"symmetric": True, "contrary": {"allied_with"}, "phrase": "is at war with"},
    ),
)

RELATIONS: tuple[Row, ...] = (
    (
        "allied_with",
        "The subject and the object are allies (by treaty or in the reporter's words)."
        " Symmetric; contrary to at_war_with.",
        {"symmetric": True, "contrary": {"at_war_with"}, "phrase": "is allied with"},
    ),
    (
        "signed_agreement_with",
        "The subject and the object signed a formal agreement (name it in the qualifiers)."
        " Symmetric.",
        {"symmetric": True, "cameo": "057"},
    ),
    (
        "has_diplomatic_relations_with",
        "The subject and the object maintain diplomatic relations. Symmetric.",
        {"symmetric": True},
    ),
    (
        "broke_diplomatic_relations_with",
        "The subject broke off or downgraded diplomatic relations with the object.",
        {"cameo": "161"},
    ),
    (
        "expelled_diplomats_of",
        "The subject expelled diplomats of the object.",
        {"cameo": "174"},
    ),
    (
        "interferes_in",
        "The subject interferes in the internal affairs of the object (a state).",
        {},
    ),
    (
        "condemned",
        "The subject criticised or denounced the object.",
        {"cameo": "111"},
    ),
    (
        "praised",
        "The subject praised or endorsed the object. Not contrary to condemned: one may praise"
        " one act of a government and condemn another.",
        {"cameo": "051"},
    ),
)

COOPERATION: tuple[Row, ...] = (
    (
        "cooperates_with",
        "The subject and the object cooperate (economically, politically...). Symmetric.",
        {"symmetric": True, "cameo": "060"},
    ),
    (
        "cooperates_militarily_with",
        "Military-technical cooperation: arms trade, maintenance, training. Symmetric; it is"
        " cooperation.",
        {"symmetric": True, "implies": {"cooperates_with"}, "cameo": "062"},
    ),
    (
        "delivered_arms_to",
        "The subject delivered weapons or military hardware to the object; so they cooperate"
        " militarily.",
        {"implies": {"cooperates_militarily_with"}, "distributive": True},
    ),
    (
        "intends_to_deepen_cooperation_with",
        "The subject intends to expand its cooperation with the object. It implies nothing"
        " about the cooperation today.",
        {"cameo": "030"},
    ),
)

TABLE: tuple[Row, ...] = (
    *PRESENCE,
    *SUPPORT,
    *RECOGNITION,
    *SANCTIONS,
    *CONTACTS,
    *MESSAGES,
    *FORCE,
    *RELATIONS,
    *COOPERATION,
)
"""Every row of the default vocabulary, grouped by theme."""
