"""The extractor's vocabulary: how reporters name actions, actors, requirements and topics.

Tables only, no logic: tuning the extractor is editing these patterns and re-running
`python -m policies evaluate`, which scores every change against the evaluation set.
"""

from __future__ import annotations

import re

I = re.IGNORECASE  # noqa: E741 - the name re itself uses for this flag
_GAP = r"[^.;:]{0,70}?"  # words between a verb and its object, within one clause

# (action type, event type, pattern): the first pattern of a type that matches marks the sentence.
_TROOPS = (
    r"(?:national\s+guard|guard\s+(?:troops|members|soldiers)|the\s+guard\b|troops|soldiers|marines|service\s?members)"
)
_ACT = r"(?:ordinance|bills?|measure|legislation|resolution|(?-i:Act)\b)"
_POLICY_VERBS = (
    r"(?:add|send|expand|increase|boost|step\s+up|bring|surge|launch|deploy|cut|withhold|pull|end|take|go\s+after|use|"
    r"target|arrest|move|create|establish|open|close|stop|hire|fund|publish|post|require|ban|bar|review|audit|"
    r"investigate|comply|refuse|transfer|begin|start|seek|invoke|appeal|sign|issue|introduce|release|suspend|halt|"
    r"appoint|name|form|convene|deny|close|restrict|limit|hold|detain)"
)
TRIGGERS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (kind, event, re.compile(pattern, I))
    for kind, event, pattern in (
        (
            "executive-order",
            "signed",
            rf"\b(?:sign(?:ed|s|ing)?|issu(?:ed|es|ing)){_GAP}\b(?:executive|mayoral|administrative|emergency|mayor's|governor's)\s+order\b",
        ),
        (
            "executive-order",
            "signed",
            rf"\b(?:executive|mayoral|administrative|mayor's|governor's)\s+order\b{_GAP}\b(?:signed|issued)\b",
        ),
        ("executive-order", "signed", r"\bsign(?:ed|s|ing)\s+(?:an?|the|his|her)\s+(?:new\s+)?order\b"),
        ("law", "signed", rf"\bsign(?:ed|s|ing)?{_GAP}\b(?:{_ACT}|law|(?:senate|house|assembly)\s+bill|[SAH]B\s*\d+)"),
        (
            "law",
            "signed",
            rf"\b(?:passed|approved|adopted|enacted|gave\s+(?:final\s+)?(?:approval|passage)){_GAP}\b{_ACT}",
        ),
        (
            "law",
            "signed",
            rf"\b(?:{_ACT}|law)\b,?\s+(?:that\s+|which\s+)?[^.;]{{0,50}}?\b(?:passed|adopted|approved|enacted|signed)\b",
        ),
        ("law", "signed", r"\bvoted\b[^.;]{0,50}\bto\s+(?:approve|pass|adopt|ban|bar|prohibit|require|end|limit)\b"),
        (
            "court-order",
            "signed",
            rf"\b(?:judge|court|justices?|panel)\b{_GAP}\b(?:issued|granted|ordered|blocked|barred|halted|enjoined|ruled|extended|sided|upheld|affirmed|reversed|vacated|lifted|stayed|left\s+in\s+place|temporarily\s+blocked|(?:refused|declined)\s+to\s+(?:block|halt|stop|lift|dismiss|suspend|pause|enjoin)|said\s+(?:she|he)\s+would\s+order|will\s+order)\b",
        ),
        (
            "court-order",
            "signed",
            rf"\b(?:issued|granted|entered|extended){_GAP}\b(?:temporary\s+restraining\s+order|restraining\s+order|injunction|TRO)\b",
        ),
        (
            "court-order",
            "signed",
            r"\b(?:ruling|decision|injunction|restraining\s+order)\b,?\s+(?:was\s+)?(?:issued|handed\s+down|entered)\b",
        ),
        (
            "court-order",
            "signed",
            rf"\border\b{_GAP}\b(?:was\s+)?(?:issued|granted|entered)\s+(?:on\s+[^.;]{{0,20}}?)?by\s+(?:U\.S\.\s+|federal\s+|state\s+)?(?:[A-Z][a-z]+\s+)?(?:District\s+|Circuit\s+|Superior\s+)?(?:judge|court)\b",
        ),
        ("lawsuit", "filed", rf"\b(?:filed|files|filing){_GAP}\b(?:suit|lawsuit|complaint|petition|challenge)\b"),
        (
            "lawsuit",
            "filed",
            rf"\b(?:suit|lawsuit|complaint)\b{_GAP}\b(?:was|were)\s+filed\b|\b(?:suit|lawsuit|complaint)\s+filed\b",
        ),
        ("lawsuit", "filed", r"\b(?:sued|sues)\b"),
        (
            "lawsuit",
            "threatened",
            r"\b(?:will|would|plans?\s+to|intends?\s+to|vowed\s+to)\s+(?:go\s+to\s+court|take\s+(?:\w+\s+){1,4}to\s+court|seek\s+(?:an?\s+)?(?:injunction|restraining\s+order)|challenge\s+(?:\w+\s+){1,5}in\s+court)\b",
        ),
        (
            "lawsuit",
            "threatened",
            r"\b(?:(?:plans?|planning|vow(?:ed|s)?|pledg(?:ed|es)|threaten(?:ed|s)?|intends?|prepared|moving|going)\s+to|will|would)\s+(?:sue|file\s+(?:a\s+)?(?:suit|lawsuit))\b",
        ),
        (
            "deployment",
            "effective",
            rf"\b(?:deploy(?:ed|s|ing|ment)?|federaliz(?:ed|es|ing|ation)|call(?:ed|s|ing)?\s+(?:up|into\s+federal\s+service)|sen(?:t|d|ds|ding)|mobiliz(?:ed|es|ing)|activat(?:ed|es|ing)|dispatch(?:ed|es)|order(?:ed|s)){_GAP}\b{_TROOPS}",
        ),
        (
            "deployment",
            "effective",
            rf"\b{_TROOPS}{_GAP}\b(?:were|was|have\s+been|had\s+been)\s+(?:deployed|federalized|called\s+up|sent|mobilized|activated|ordered)\b",
        ),
        ("deployment", "threatened", rf"\b(?:threaten(?:ed|s|ing)?|warn(?:ed|s|ing)?|vow(?:ed|s)?){_GAP}\b{_TROOPS}"),
        (
            "enforcement-operation",
            "effective",
            rf"\b(?:launch(?:ed|es|ing)?|began|begins|start(?:ed|s)|kick(?:ed|s)\s+off|stepped\s+up|surg(?:ed|es|ing)){_GAP}\b(?:operation|crackdown|sweep|raids|enforcement\s+(?:operation|surge|campaign))\b",
        ),
        (
            "enforcement-operation",
            "effective",
            r"\b(?:operation|crackdown)\s+(?:dubbed|called|named)\b|\bOperation\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b[^.;]{0,60}\b(?:began|launched|started|kicked\s+off)\b",
        ),
        (
            "enforcement-operation",
            "effective",
            rf"\b(?:sent|send(?:s|ing)?|deploy(?:ed|s|ing)?|dispatch(?:ed|es)?|surg(?:ed|es|ing)|mov(?:ed|es|ing))\b{_GAP}\b(?:additional|more|extra|\d+)\s+(?:[A-Z][a-z]+\s+){{0,2}}(?:agents|officers|officials)\b",
        ),
        (
            "agency-directive",
            "signed",
            rf"\b(?:issued|sent|released|distributed|circulated|signed|put\s+out){_GAP}\b(?:memo(?:randum)?|directive|guidance|general\s+order|bulletin|subpoenas?|letters?)\b",
        ),
        (
            "agency-directive",
            "signed",
            rf"\b(?:memo(?:randum)?|directive|general\s+order|bulletin|letter)\b{_GAP}\b(?:instructs?|instructing|directs?|directing|orders?|ordering|tells?|telling|told|requires?|requiring|bars?|asks?|asked|asking|requesting|demand(?:s|ed|ing)|issued)\b",
        ),
        (
            "agency-directive",
            "signed",
            rf"\brequest(?:ed|ing)\b{_GAP}\b(?:support|assistance|help|access|use\s+of|space)\b",
        ),
        (
            "agency-directive",
            "signed",
            r"\b(?:directed|instructed|ordered|told)\s+(?:all\s+)?(?:\w+\s+){0,2}(?:officers|agents|deputies|staff|employees|personnel|departments|agencies|troopers|commanders)\s+to\b",
        ),
        (
            "agency-directive",
            "signed",
            r"\b(?:asked|requested|directed|told)\s+(?:the\s+)?(?:governor|state|city|county|sheriff|police|mayor|department|jail)\b[^.;]{0,60}\bto\b",
        ),
        (
            "announcement",
            "announced",
            r"\bannounc(?:ed|es|ing)\b|\bmade\s+the\s+announcement\b|\bconfirmed\b[^.;]{0,40}\bplans?\b",
        ),
        (
            "announcement",
            "announced",
            rf"\b(?:plans?|intends?|intend|vow(?:ed|s)?|pledg(?:ed|es)|promis(?:ed|es)|threaten(?:ed|s)?|(?:is|are|was)\s+prepared|(?:is|are)\s+ready)\s+to\s+{_POLICY_VERBS}\b",
        ),
        (
            "announcement",
            "announced",
            rf"\b(?:we|it|they|he|she)\s+(?:do\s+)?(?:intend|plan|will|are\s+going)\s+to\s+{_POLICY_VERBS}\b",
        ),
        (
            "announcement",
            "announced",
            rf"\b(?:said|says|announced)\b[^.;]{{0,50}}\b(?:would|will)\s+(?:\w+\s+)?{_POLICY_VERBS}\b",
        ),
        (
            "announcement",
            "threatened",
            r"\bwarn(?:ed|ing|s)?\b[^.;:]{0,140}?(?:\bor\s+(?:we|they|he)|\bwould\s+(?:send|come|act|cut|withhold))",
        ),
    )
)
# Announced, not done: "would sign an executive order next week" is a plan (an announcement); a planned suit or
# deployment stays a lawsuit or deployment, marked threatened.
FUTURE = re.compile(
    r"\b(?:would|will|plans?\s+to|planning\s+to|intends?\s+to|expects?\s+to|is\s+set\s+to|(?:is|are)\s+going\s+to|"
    r"vowed\s+to|pledged\s+to|promised\s+to|prepared\s+to|ready\s+to)\s+(?:\w+\s+)?$",
    I,
)
AS_PLANNED = {
    "executive-order": "announcement",
    "law": "announcement",
    "agency-directive": "announcement",
    "enforcement-operation": "announcement",
    "court-order": "court-order",
    "lawsuit": "lawsuit",
    "deployment": "deployment",
}

# Who can do what: a mayor warning of troops is reacting, not deploying; a judge rules, never sues.
ACTING_LEVELS = {"deployment": {"federal", "state"}, "enforcement-operation": {"federal", "state"}}
NOT_ACTING_ROLES = {"agency-directive": {"council", "legislature"}}  # a council "asking" the state is not a directive
# Reported speech of intent counts when a government speaker is named: "we do intend to add more resources".
SPEECH_TYPES = {"announcement", "lawsuit"}
ATTRIBUTION = re.compile(r"\b(?:said|says|told|tells|added|wrote|posted|stated|announced)\b", I)
PERSON_ROLES = {"mayor", "governor", "judge", "secretary", "president", "attorney-general", "county", "police"}
SPECIFIC_OVER_ANNOUNCEMENT = {
    "lawsuit",
    "deployment",
    "enforcement-operation",
    "executive-order",
    "law",
    "agency-directive",
}

# Periods that end abbreviations, not sentences: masked before matching so "Gov." does not end a clause.
ABBREVIATION_PERIOD = re.compile(
    r"\b(Gov|Sen|Rep|Lt|Gen|Col|Dr|Mr|Mrs|Ms|St|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|[A-Z])\."
)

# Reported speech that is not a government act: proposals, hopes, others' demands, conditionals.
NOT_AN_ACTION = re.compile(
    r"\b(?:could|might|should|may)\s+(?!not\b)\w+|\bwould\s+(?:consider|weigh)\b"
    r"|\b(?:has|have|had)\s+(?:\w+\s+){0,3}to\s+(?:sign|veto|decide|act)\b|\bsign\s+or\s+veto\b"
    r"|\b(?:will|to)\s+(?:consider|weigh|debate|review|study|discuss|take\s+up)\b"
    r"|\b(?:bring|introduce|present|file|draft)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:proposal|bill|ordinance|resolution)\b"
    r"|\bis\s+expected\s+to\b|\bare\s+expected\s+to\b|\bhas\s+not\s+(?:yet\s+)?(?:signed|filed|issued|decided)\b"
    r"|\b(?:urged|asked|called\s+on|pressed|pushed|petitioned|demanded|implored|lobbied)\b[^.;]{0,80}\bto\s+(?:sign|issue|file|sue|adopt|pass|deploy|send|enact)\b"
    r"|\b(?:introduced|proposed|drafted|floated)\b[^.;]{0,40}\b(?:ordinance|bill|measure|proposal|resolution)\b"
    r"|\b(?:if|unless|whether)\b[^.;]{0,80}\b(?:could|would|might|sign|signs|files?|deploys?|sends?|moves?\s+forward)\b"
    r"|\b(?:declined|refused)\s+to\s+(?:say|comment|provide|confirm|answer|discuss|specify|elaborate)\b|\bdid\s+not\s+(?:say|provide|confirm)\b|\bno\s+(?:order|decision|plans?)\b",
    I,
)

# Who acts. Each: (level, role, pattern). Place words around a match decide the jurisdiction.
_NAME = r"(?:[A-Z][a-zA-Z'\-]+\.?|[A-Z]\.(?:\s?[A-Z]\.)?)(?:\s+(?:[A-Z][a-zA-Z'\-]+|[A-Z]\.))*"
GOVERNMENT_ACTORS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (level, role, re.compile(pattern))
    for level, role, pattern in (
        (
            "federal",
            "judge",
            rf"\b(?:U\.S\.|federal|Chief\s+U\.S\.)\s+(?:District|Magistrate|Circuit|Appeals)?\s*Judge\s+{_NAME}|\bfederal\s+judges?\b|\bfederal\s+(?:district\s+)?court\b|\bU\.S\.\s+(?:District\s+)?Court(?:\s+of\s+Appeals)?\b|\b(?:appeals|appellate)\s+(?:court|panel)\b|\bU\.S\.\s+Supreme\s+Court\b|\bSupreme\s+Court\b(?!\s+of\s+[A-Z])|\b\d+(?:st|nd|rd|th)\s+Circuit\b",
        ),
        (
            "state",
            "judge",
            rf"\b(?:state|Circuit|Superior|County)\s+(?:Court\s+)?Judge\s+{_NAME}|(?i:\bstate\s+(?:judge|court)\b)|\b[A-Z][a-z]+\s+County\s+(?:judge|court)\b|\b[A-Z][a-z]+\s+(?:Supreme|Superior|Circuit|Appellate)\s+Court\b|\bSupreme\s+Court\s+of\s+[A-Z][a-z]+",
        ),
        ("federal", "judge", rf"\bJudge\s+{_NAME}"),
        (
            "federal",
            "president",
            rf"\bPresident\s+(?:Donald\s+)?Trump\b|(?<!Council\s)(?<!Board\s)(?<!Senate\s)(?<!Borough\s)\bPresident\s+{_NAME}|\bTrump\b|(?i:\bthe\s+White\s+House\b|\bthe\s+(?:Trump\s+)?administration\b|\bthe\s+president\b)",
        ),
        (
            "federal",
            "secretary",
            rf"\b(?:Homeland\s+Security|Defense|War|Border)\s+(?:Secretary|Czar|czar)\s+{_NAME}|\b(?:U\.S\.\s+)?Attorney\s+General\s+Pam\s+Bondi|\bU\.S\.\s+Attorney\s+General\s+{_NAME}|\bSecretary\s+{_NAME}|\bU\.S\.\s+Attorney\s+{_NAME}|\bacting\s+ICE\s+Director\s+{_NAME}|\bICE\s+(?:Director|director|Acting\s+Director)\s+{_NAME}",
        ),
        (
            "federal",
            "agency",
            r"\b(?:[Tt]he\s+)?(?:U\.S\.\s+)?Department\s+of\s+(?:Homeland\s+Security|Justice|Defense|War)\b|\bDHS\b|\bICE\b|\bImmigration\s+and\s+Customs\s+Enforcement\b|\bCustoms\s+and\s+Border\s+Protection\b|\bCBP\b|\bBorder\s+Patrol\b|\b[Tt]he\s+Pentagon\b|\bJustice\s+Department\b|\bDOJ\b|\bFBI\b|\bU\.S\.\s+Northern\s+Command\b|(?i:\bfederal\s+(?:government|authorities|officials|agents|prosecutors)\b)|\bHomeland\s+Security\b",
        ),
        (
            "state",
            "governor",
            rf"\b(?:Gov\.|Governor|Lt\.\s+Gov\.)\s+{_NAME}|\bthe\s+governor\b|\b[A-Z][a-z]+\s+governor\b",
        ),
        (
            "state",
            "legislature",
            r"\b(?:General\s+Assembly|[Ll]egislature|state\s+(?:Senate|House|lawmakers|legislators)|(?:[A-Z][a-z]+\s+)?(?:lawmakers|legislators)\b|[A-Z][a-z]+\s+(?:Senate|House\s+of\s+Representatives|Assembly)|[Ss]tate\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|(?i:the\s+state\b|state\s+officials|state\s+police))",
        ),
        (
            "state",
            "attorney-general",
            rf"\b(?:state\s+|[A-Z][a-z]+\s+)?Attorney\s+General(?:\s+{_NAME})?|\bstate\s+attorney\s+general\b|(?i:\bthe\s+attorney\s+general\b)",
        ),
        (
            "county",
            "county",
            rf"\b(?:County\s+(?:Board(?:\s+of\s+(?:Supervisors|Commissioners))?|Commission(?:ers)?|Executive(?:\s+{_NAME})?|(?:Attorney|Manager|Administrator)(?:\s+{_NAME})?|Sheriff(?:'s\s+Office)?(?:\s+{_NAME})?|Judge\s+{_NAME}|Council)|Board\s+of\s+(?:Supervisors|Commissioners)|Sheriff\s+{_NAME}|(?i:sheriff(?:'s\s+(?:office|department))?|county\s+(?:board|commissioners|supervisors|officials|executive)|the\s+county\b))",
        ),
        ("city", "mayor", rf"\bMayor\s+{_NAME}|(?i:\bthe\s+mayor\b|\bmayor's\s+office\b)|\b[A-Z][a-z]+\s+mayor\b"),
        (
            "city",
            "council",
            r"\b(?:City\s+Council|city\s+council|[Cc]ouncil\s+members|aldermen|alderpersons|Board\s+of\s+Aldermen|the\s+council\b|City\s+Commission|council)",
        ),
        (
            "city",
            "police",
            rf"\b(?:[A-Z][a-z]+\s+)?Police\s+Department\b|\bpolice\s+department\b|\bPolice\s+(?:Superintendent|Chief|Commissioner)\s+{_NAME}|\bpolice\s+(?:chief|superintendent|commissioner)\b",
        ),
        (
            "city",
            "city",
            rf"\b(?:the\s+)?[Cc]ity\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|\bCity\s+(?:Solicitor|Attorney|Manager|Administrator)(?:\s+{_NAME})?|(?i:\bcity\s+(?:officials|attorneys?|solicitor|lawyers|leaders|hall)\b|\bthe\s+city\b|\bCorporation\s+Counsel\b)",
        ),
    )
)

# Subjects whose acts are not government action: a suit by the ACLU is news, not a record.
NON_GOVERNMENT = re.compile(
    r"\b(?:ACLU|American\s+Civil\s+Liberties\s+Union|advocates?|advocacy|activists?|coalition|nonprofits?|non-profit|"
    r"organi[sz]ations?|groups?|unions?|residents|protesters|demonstrators|organizers|critics|lawyers\s+for|"
    r"attorneys\s+for|families|famil(?:y|ies)\s+of|plaintiffs|immigrants'?\s+rights|company|companies|business(?:es)?|"
    r"churches|clergy|students|teachers|newspaper|Republicans|Democrats|candidates?|challenger|opponents|supporters|"
    r"a\s+man|a\s+woman|journalists|the\s+Center|Project|Network|Council\s+on|Alliance|League|Institute|Foundation)\b",
)

# Deontic verbs: what a provision asks. The object before "to"/"from" (or the subject before "must") is who.
_WHO = r"(?P<who>[^,.;:]{2,90}?)"
REQUIREMENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, I))
    for kind, pattern in (
        (
            "prohibits",
            rf"\b(?:prohibit(?:s|ed|ing)?|bar(?:s|red|ring)?|ban(?:s|ned|ning)?|forbid(?:s|ding)?|block(?:s|ed|ing)?|restrict(?:s|ed|ing)?|stop(?:s|ped)?|keep(?:s)?)\s+{_WHO}\s+from\b",
        ),
        (
            "prohibits",
            rf"(?:^|[,;]\s*|\bthat\s+|\band\s+){_WHO}\s+(?:may\s+not|cannot|can't|must\s+not|shall\s+not|will\s+no\s+longer|are\s+not\s+allowed\s+to|is\s+not\s+allowed\s+to|are\s+barred\s+from|is\s+barred\s+from|are\s+prohibited\s+from|is\s+prohibited\s+from|are\s+not\s+permitted\s+to|is\s+off[-\s]limits)\b",
        ),
        (
            "requires",
            rf"\b(?:require(?:s|d)?|requiring|direct(?:s|ed|ing)?|orders|ordered|ordering|instruct(?:s|ed|ing)?|mandate(?:s|d)?|compel(?:s|led)?|oblige(?:s|d)?|tell(?:s)?|told)\s+{_WHO}\s+to\b",
        ),
        (
            "requires",
            rf"(?:^|[,;]\s*|\bthat\s+|\band\s+){_WHO}\s+(?:must|shall|will\s+be\s+required\s+to|are\s+required\s+to|is\s+required\s+to|will\s+have\s+to|have\s+to|has\s+to)\b",
        ),
        (
            "urges",
            rf"\b(?:urge(?:s|d)?|encourage(?:s|d)?|call(?:s|ed)?\s+on|ask(?:s|ed)?|recommend(?:s|ed)?)\s+{_WHO}\s+to\b",
        ),
        (
            "permits",
            rf"\b(?:allow(?:s|ed)?|permit(?:s|ted)?|let(?:s)?|authori[sz]e(?:s|d)?|enable(?:s|d)?|empower(?:s|ed)?)\s+{_WHO}\s+to\b",
        ),
        (
            "permits",
            rf"(?:^|[,;]\s*|\bthat\s+|\band\s+){_WHO}\s+(?:may|can)\s+(?:opt|choose|sue|post|apply|request|seek|bring)\b",
        ),
    )
)
PRONOUNS = {"they", "it", "he", "she", "them", "those", "this", "these"}
ACT_NOUNS = re.compile(
    r"^(?:the\s+)?(?:(?:executive|new|mayor's|governor's)\s+)?(?:order|law|bill|measure|ordinance|ruling|memo|directive|injunction|decision|policy|it)\b",
    I,
)

TOPICS: dict[str, re.Pattern[str]] = {
    topic: re.compile(pattern, I)
    for topic, pattern in {
        "police-cooperation": r"\bcooperat\w*|\b287\(g\)|\bdetainers?\b|\btraffic\s+stops?\b|\bcheckpoints?\b|\bpatrols?\b|\bsanctuary\b|\bwelcoming\s+city\b|\bhelp(?:ing)?\s+federal\b|\bassist\w*\s+(?:federal|ICE)\b",
        "masks": r"\bmasks?\b|\bmasked\b|\bface\s+coverings?\b",
        "body-cameras": r"\bbody[-\s](?:worn\s+)?cameras?\b|\bbodycams?\b",
        "identification": r"\bbadge\b|\bbadge\s+numbers?\b|\bidentify\s+themselves\b|\bidentification\b|\buniforms?\b|\bnames?\s+and\s+badge",
        "city-property": r"\bcity[-\s](?:owned|controlled)\b|\bcity\s+property\b|\bpublic\s+property\b|\bparking\s+lots?\b|\blibrar(?:y|ies)\b|\bparks?\b|\bgarages?\b|\bICE[-\s]free\b",
        "national-guard": r"\bnational\s+guard\b|\btroops\b|\bsoldiers\b|\bmilitary\b|\bmarines\b|\bguard\s+members\b",
        "enforcement-resources": r"\bresources\b|\b(?:more|additional|extra|hundreds\s+of|\d+)\s+(?:federal\s+)?agents\b|\bsurge\b|\bexpand\w*\s+(?:\w+\s+){0,6}operations\b|\blogistical\b|\bstaging\b|\bcrackdown\b|\bpersonnel\b",
        "litigation": r"\blawsuits?\b|\bsue[ds]?\b|\bsuing\b|\bjudge\b|\bcourt\b|\brestraining\s+order\b|\binjunction\b|\bcomplaint\b",
        "courthouse-arrests": r"\bcourthouses?\b|\bcourt\s+(?:buildings?|hearings?|appearances?)\b",
        "data-privacy": r"\bdata\b|\binformation\b|\brecords?\b|\bprivacy\b|\bdatabases?\b|\bimmigration\s+status\b",
        "oversight": r"\boversight\b|\baccountab\w+|\bcommission\b|\binvestigat\w+|\bcomplaints?\s+process\b|\breport(?:ing)?\s+(?:to|on)\b|\bsue\s+(?:law[-\s]enforcement\s+)?officers\b",
        "federal-control": r"\bfederal\s+control\b|\btake\s+(?:over|control\s+of)\s+(?:the\s+)?(?:city's\s+)?police\b|\bfederaliz\w+\s+(?:the\s+)?police\b",
    }.items()
}
