"""The extractor's vocabulary: how reporters name actions, actors, requirements and topics.

Tables only, no logic: tuning the extractor is editing these patterns and re-running
`python -m policies evaluate`, which scores every change against the evaluation set.
"""

from __future__ import annotations

import re

import us

I = re.IGNORECASE  # noqa: E741 - the name re itself uses for this flag
_GAP = r"[^.;:]{0,70}?"  # words between a verb and its object, within one clause

# (action type, event type, pattern): the first pattern of a type that matches marks the sentence.
_TROOPS = (
    r"(?:national\s+guard|guard\s+(?:troops|members|soldiers|units|personnel)|the\s+guard\b|troops|soldiers|marines|"
    r"service\s?members|guards(?:wo)?men|airmen|members\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w.]+\s+){0,2}guard\b)"
)
_ACT = r"(?:ordinance|bills?|measure|legislation|resolution|local\s+law|(?-i:Act)\b)"
_AGREEMENT = r"(?:(?:(?:287\(g\)|task[-\s]force|jail|detention|intergovernmental|federal|services|housing|bed|use|[\w-]+-year)\s+){0,3}(?:agreement|contract|lease|memorandum\s+of\s+(?:understanding|agreement)|partnership|(?-i:MOU|MOA))\b|287\(g\)\s+(?:[\w-]+\s+){0,3}?program\b)"
_LAW = r"law(?![\s-]+enforcement)"  # "the State Law Enforcement Division" is an agency, not a law
_POLICY_VERBS = (
    r"(?:add|send|expand|increase|boost|step\s+up|bring|surge|launch|deploy|cut|withhold|pull|end|take|go\s+after|use|"
    r"target|arrest|move|create|establish|open|close|stop|hire|fund|publish|post|require|ban|bar|"
    r"investigate|comply|refuse|transfer|begin|start|seek|invoke|sign|issue|introduce|release|suspend|halt|"
    r"appoint|name|form|convene|deny|close|restrict|limit|detain|terminate|remove|propose|honor|cooperate|share|"
    r"notify|allow|permit|accept|participate|join|partner|ask\s+(?:the\s+)?(?:city\s+|county\s+)?(?:council|board|commission|legislature)|hold(?!\s+(?:a|an|the|its|his|her)\s+(?:[\w-]+\s+)?(?:briefing|hearing|meeting|news\s+conference|press\s+conference|town\s+hall|forum|vote|session|rally)))"
)
TRIGGERS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (kind, event, re.compile(pattern, I))
    for kind, event, pattern in (
        (
            "executive-order",
            "signed",
            rf"\b(?:sign(?:ed|s|ing)?|issu(?:ed|es|ing)){_GAP}\b(?:executive|mayoral|administrative|emergency|mayor's|governor's)\s+orders?\b",
        ),
        (
            "executive-order",
            "signed",
            rf"\b(?:executive|mayoral|administrative|mayor's|governor's)\s+orders?\b{_GAP}\b(?:signed|issued)\b",
        ),
        (
            "executive-order",
            "signed",
            r"\bsign(?:ed|s|ing)\s+(?:an?|the|his|her|two|three|both|a\s+pair\s+of)\s+(?:new\s+)?orders?\b",
        ),
        (  # "announced Friday an executive order directing state agencies to ..."
            "executive-order",
            "signed",
            r"\bannounc(?:ed|es|ing)\s+(?:\w+\s+){0,3}?(?:an?|the|his|her|two|three)\s+(?:new\s+)?executive\s+orders?\b",
        ),
        (  # "responded hours later with an executive order that bars city agencies from ..."
            "executive-order",
            "signed",
            r"\ban?\s+(?:new\s+)?executive\s+order\s+(?:that|which)\s+(?:bars|requires|directs|prohibits|bans|orders|limits|restricts|creates|establishes|allows)\b",
        ),
        (  # "The second order, also signed Thursday, ..."
            "executive-order",
            "signed",
            r"\bthe\s+(?:first|second|third|other)\s+order\b,?\s+(?:also\s+|which\s+(?:was\s+)?(?:also\s+)?)?(?:signed|issued)\b",
        ),
        (
            "executive-order",
            "signed",
            r"\b(?:the|an?|his|her|that)\s+order\s+(?:was\s+)?(?:signed|issued)\b[^.;]{0,30}?\bby\s+(?:the\s+)?(?:Mayor|Gov\.|Governor|President|County\s+Executive)\b",
        ),
        (
            "law",
            "signed",
            rf"\bsign(?:ed|s|ing)?{_GAP}\b(?:{_ACT}|{_LAW}|(?:senate|house|assembly)\s+bill|[SAH]B\s*\d+)",
        ),
        (
            "law",
            "signed",
            rf"\b(?:passed|approved|adopted|enacted|gave\s+(?:final\s+)?(?:approval|passage)){_GAP}\b(?:{_ACT}|(?:a|the|its)\s+(?:new\s+|state\s+)?{_LAW})",
        ),
        (
            "law",
            "signed",
            rf"\b(?:{_ACT}|{_LAW})\b,?\s+(?:that\s+|which\s+)?[^.;]{{0,50}}?\b(?:passed|adopted|approved|enacted|signed)\b",
        ),
        (
            "law",
            "signed",
            r"\bvoted\b[^.;]{0,50}\bto\s+(?:approve|pass|adopt|ban|bar|prohibit|require|end|limit|join|enter|renew|endorse|authorize|ratify|rescind|repeal|send\s+(?:the|a)\s+(?:bill|measure|legislation))\b",
        ),
        (  # "the council overrode the veto on March 10": the bill's last step (see actions._one_bill)
            "law",
            "signed",
            r"\boverr(?:ode|ides|idden)\s+(?:the|a|his|her|its)\s+(?:[\w'’]+\s+){0,2}?veto\b",
        ),
        (  # "The City Commission on Monday approved an agreement that lets ..."; only a council's (see COUNCIL_ONLY)
            "law",
            "signed",
            rf"\b(?:approved|adopted|ratified|signed\s+off\s+on|renewed|voted\s+(?:\d+-\d+\s+)?(?:to\s+)?(?:approve|join|enter))\b{_GAP}\b{_AGREEMENT}|\b(?:accepted|approved|voted\s+(?:\d+-\d+\s+)?to\s+accept)\b[^.;]{{0,60}}?\bgrant\s+(?:money|funds|funding|award)\b",
        ),
        (
            "court-order",
            "signed",
            rf"\b(?:judge|court|justices?|panel|circuit)\b{_GAP}\b(?:issued|granted|ordered|blocked|barred|halted|enjoined|ruled|extended|sided|upheld|affirmed|reversed|overturned|vacated|lifted|stayed|paused|froze|denied|rejected|dismissed|threw\s+out|tossed|turned\s+down|put\s+on\s+hold|lets?|allowed|left\s+in\s+place|temporarily\s+blocked|held\s+that|put\b[^.;]{{0,120}}?\bon\s+hold|(?:refused|declined)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0, 2}?(?:request|motion|bid|petition|plea)|(?:refused|declined)\s+(?:\w+\s+)?to\s+(?:block|halt|stop|lift|dismiss|suspend|pause|enjoin|stay|let|allow|reinstate|put|issue|grant|order|hear|take\s+up|review|revive)|said\s+(?:she|he)\s+would\s+order|will\s+order)\b",
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
        (  # "In a 2-1 ruling Wednesday, the panel said ..."
            "court-order",
            "signed",
            r"\b[Ii]n\s+an?\s+(?:\d+-\d+|unanimous|split|brief|two-page|one-page|[\w-]+-page|written|unsigned)\s+(?:ruling|decision|order|opinion)\b",
        ),
        (
            "court-order",
            "signed",
            rf"\border\b{_GAP}\b(?:was\s+)?(?:issued|granted|entered)\s+(?:on\s+[^.;]{{0,20}}?)?by\s+(?:U\.S\.\s+|federal\s+|state\s+)?(?:[A-Z][a-z]+\s+)?(?:District\s+|Circuit\s+|Superior\s+)?(?:judge|court)\b",
        ),
        (
            "lawsuit",
            "filed",
            r"\b(?:filed|files|filing)\s+(?:(?!(?:with|in|on|at|for|by|to|under|against|over|after|before|as)\b)[\w'’-]+\s+){0,4}(?:suit|lawsuit|complaint|petition|challenge)\b",
        ),
        ("lawsuit", "filed", r"\bchalleng(?:ed|es|ing)\b[^.;]{0,60}\bin\s+(?:federal\s+|state\s+|district\s+)?court\b"),
        (
            "lawsuit",
            "filed",
            rf"\b(?:suit|lawsuit|complaint)\b{_GAP}\b(?:was|were)\s+filed\b|\b(?:suit|lawsuit|complaint)\s+filed\b",
        ),
        ("lawsuit", "filed", r"\b(?:sued|sues)\b"),
        (
            "lawsuit",
            "filed",
            r"\b(?:suit|lawsuit|complaint)\s+(?:that\s+)?(?-i:(?:[A-Z][\w.’']*\s+){1,4})(?:had\s+)?filed\b",
        ),
        (
            "lawsuit",
            "filed",
            # "asked a federal judge to block ...", "asked the court to declare the law invalid"; not a motion in an
            # appeal ("asked the appeals court to let the law take effect", "to lift the stay")
            r"\b(?:ask(?:ed|s|ing)?|petition(?:ed|s|ing)?)\s+(?:an?|the)\s+(?:federal\s+|state\s+|U\.S\.\s+)?(?:district\s+)?(?:judge|court)\s+to\s+(?!comment|meet|speak|testify|recuse|delay|let|lift|reconsider|rehear)\w+(?![^.;]{0,60}\b(?:appeal|stay)\b)",
        ),
        (
            "lawsuit",
            "threatened",
            r"\b(?:will|would|plans?\s+to|intends?\s+to|vowed\s+to)\s+(?:go\s+to\s+court|take\s+(?:\w+\s+){1,4}to\s+court|seek\s+(?:an?\s+)?(?:injunction|restraining\s+order)|challenge\s+(?:\w+\s+){1,5}in\s+(?:federal\s+|state\s+)?court)\b",
        ),
        (
            "lawsuit",
            "threatened",
            r"\b(?:(?:plans?|planning|vow(?:ed|s)?|pledg(?:ed|es)|threaten(?:ed|s)?|intends?|prepared|moving|going)\s+to|will|would)\s+(?:sue|file\s+(?:a\s+)?(?:suit|lawsuit))\b",
        ),
        (
            "deployment",
            "effective",
            rf"\b(?:deploy(?:ed|s|ing|ment)?|federaliz(?:ed|es|ing|ation)|call(?:ed|s|ing)?\s+(?:up|into\s+federal\s+service)|sen(?:t|d|ds|ding)|mobiliz(?:ed|es|ing)|activat(?:ed|es|ing)|dispatch(?:ed|es)|order(?:ed|s)|authoriz(?:ed|es|ing)|approv(?:ed|es|ing)){_GAP}\b{_TROOPS}",
        ),
        (  # "directed about 60 Guard soldiers to prepare", "assigned 40 troops": a number of troops right after the verb
            "deployment",
            "effective",
            r"\b(?:direct(?:ed|s|ing)|assign(?:ed|s|ing)|detail(?:ed|s)|commit(?:ted|s))\s+(?:up\s+to\s+|about\s+|roughly\s+|nearly\s+|some\s+|more\s+than\s+|another\s+|an\s+additional\s+)?\d[\d,]*\s+(?:more\s+|additional\s+)?(?:[A-Z][a-z]+\s+){0,2}(?:National\s+)?(?:Guard\s+)?(?:members|soldiers|troops|guardsmen|personnel|airmen)\b",
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
            rf"\b(?:launch(?:ed|es|ing)?|began|begins|start(?:ed|s)|kick(?:ed|s)\s+off|stepped\s+up|surg(?:ed|es|ing)){_GAP}\b(?:operation|crackdown|sweep|raids|blitz|surge\s+of\s+(?:federal\s+)?(?:agents|officers)|enforcement\s+(?:operation|surge|campaign))\b",
        ),
        (
            "enforcement-operation",
            "effective",
            r"\b(?:arrival|surge|influx)\s+of\s+(?:(?:roughly|about|some|nearly|more\s+than|hundreds\s+of|\d+|additional|more|extra|federal|immigration|Border\s+Patrol|ICE)\s+){1,5}(?:agents|officers)\b",
        ),
        ("enforcement-operation", "effective", r"\bcalls?\s+Operation\s+[A-Z][a-z]+"),
        (
            "enforcement-operation",
            "effective",
            r"\b(?:operation|crackdown)\s+(?:that\s+)?(?:(?:the\s+)?[\w.]+\s+){0,4}?(?:dubbed|called|calls|named)\b|\bOperation\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b[^.;]{0,60}\b(?:began|launched|started|kicked\s+off)\b",
        ),
        (
            "enforcement-operation",
            "effective",
            rf"\b(?:sent|send(?:s|ing)?|deploy(?:ed|s|ing)?|dispatch(?:ed|es)?|surg(?:ed|es|ing)|mov(?:ed|es|ing))\b{_GAP}\b(?:additional|more|extra|\d+)\s+(?:[A-Z][a-z]+\s+){{0,2}}(?:agents|officers|officials)\b",
        ),
        (
            "agency-directive",
            "signed",
            rf"\b(?:issued|issuing|sent|sending|released|distributed|circulated|signed|put\s+out){_GAP}\b(?:memo(?:randum)?|directive|guidance|general\s+order|bulletin|subpoenas?|letters?|(?:written\s+|formal\s+)notice)\b",
        ),
        (
            "agency-directive",
            "signed",
            rf"\b(?:memo(?:randum)?|directive|general\s+order|bulletin|letter)\b{_GAP}\b(?:instructs?|instructing|directs?|directing|orders?|ordering|tells?|telling|told|requires?|requiring|bars?|asks?|asked|asking|requesting|demand(?:s|ed|ing)|issued)\b",
        ),
        (
            "agency-directive",
            "signed",
            r"\b(?:memo(?:randum)?|directive|guidance|bulletin|letters?)\b,?\s+(?:that\s+|which\s+)?[^.;,]{0,60}?\b(?:sent|issued|signed|circulated|distributed)\b",
        ),
        (  # "The memo, first reported by the Times, was signed by Lyle in September"
            "agency-directive",
            "signed",
            r"\b(?:memo(?:randum)?|directive|guidance|bulletin|letter)\b[^.;]{0,60}?\b(?:was|were|had\s+been)\s+(?:signed|issued|sent)\b",
        ),
        (  # "a July 29 letter from ICE's field office asking the division for ...": the sender (actions._BY_AGENT)
            "agency-directive",
            "signed",
            r"\b(?:letter|memo(?:randum)?|notice|subpoena|directive)\s+from\s+(?=(?:the\s+)?(?:[\w'’.]+\s+){0,5}?(?:asking|demanding|requesting|directing|ordering|instructing|requiring|telling|seeking)\b)",
        ),
        (  # "a memo dated Jan. 29", "In a letter to Mayor X dated Nov. 18"
            "agency-directive",
            "signed",
            r"\b(?:memo(?:randum)?|directive|guidance|bulletin|letter|subpoena|notice)\b,?\s+(?:to\s+[^,.;]{1,50}?\s+)?dated\b",
        ),
        (  # "the sheriff's office entered a 287(g) agreement", "signed a jail agreement with ICE"
            "agency-directive",
            "signed",
            rf"\b(?:signed|entered(?:\s+into)?|joined|renewed)\s+(?:[\w'’()]+\s+){{0,5}}?{_AGREEMENT}",
        ),
        (  # "the sheriff ended her office's 287(g) agreement": a council's ending is a vote (law)
            "agency-directive",
            "signed",
            rf"\b(?:ended|terminated|withdrew\s+from|pulled\s+out\s+of|canceled|cancelled|suspended|exited|rescinded)\s+(?:[\w'’]+\s+){{0,3}}?{_AGREEMENT}",
        ),
        (  # DEMAND_LETTER: "sent the mayor a letter demanding that the council repeal it"
            "agency-directive",
            "signed",
            r"\bsent\b[^.;]{0,60}?\ba\s+letter\s+(?:demanding|ordering|directing|instructing|requiring)\b",
        ),
        (  # "In an email to officers Tuesday, Chief X said ..."
            "agency-directive",
            "signed",
            r"\b(?:an?|the)\s+(?:internal\s+|department-wide\s+|written\s+)?(?:email|e-mail|message|memo|notice|bulletin)\s+to\s+(?:all\s+)?(?:[\w-]+\s+){0,2}(?:officers|deputies|staff|employees|personnel|agents|troopers|supervisors|commanders)\b",
        ),
        (
            "agency-directive",
            "signed",
            r"\b(?:demanded|requested|sought|asked(?:\s+for)?|told|directed|ordered|instructed)\b[^.;]{0,60}\bin\s+(?:a|an)\s+(?:letter|memo|subpoena|notice|email)\b",
        ),
        (
            "agency-directive",
            "signed",
            rf"\brequest(?:ed|ing)\b{_GAP}\b(?:support|assistance|help|access|use\s+of|space|lease|beds)\b",
        ),
        (  # a chief's or sheriff's "written order requiring officers to ..." (a governor's is an executive order)
            "agency-directive",
            "signed",
            r"\b(?:issued|sent|signed)\s+(?:an?\s+|the\s+)?(?:written|internal|new|standing|special|department-wide|formal)?\s*order\s+(?:requiring|directing|instructing|telling|barring|ordering|prohibiting)\b",
        ),
        (
            "agency-directive",
            "signed",
            r"\b(?:directed|directing|instructed|instructing|ordered|ordering|told)\s+(?:all\s+|every\s+|each\s+)?(?:[\w-]+\s+){0,2}(?:officers|agents|deputies|staff|employees|personnel|departments?|agency|agencies|troopers|commanders|supervisors|division|divisions|units?|jailers|detectives|(?:field\s+)?offices|(?:State\s+|Highway\s+)?Patrol|(?:state\s+)?police|principals|teachers|wardens?|jail\s+staff|caseworkers|(?:school\s+)?districts|schools|sheriffs)\b[^.;]{0,80}?\bto\b",
        ),
        (
            "agency-directive",
            "signed",
            r"\b(?:asked|requested|directed|told)\s+(?:the\s+)?(?:governor|state|city|county|sheriff|police|mayor|department|jail)\b[^.;]{0,60}\bto\b",
        ),
        (  # "I am directing DPS to help ICE", "ordered the Department of Corrections to ..."
            "agency-directive",
            "signed",
            r"\b(?:directed|directing|instructed|instructing|ordered|ordering)\s+(?:the\s+)?(?-i:[A-Z]{2,5}|Department\s+of\s+[A-Z]\w+(?:\s+(?:and\s+)?[A-Z]\w+)*|[A-Z]\w+(?:\s+[A-Z]\w+)?\s+(?:Department|Patrol|Police|Division|Office|Agency|Guard))\s+to\b",
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
            rf"\b(?:we|it|they|he|she|I)\s+(?:do\s+)?(?:intend\s+to|plan\s+to|will|are\s+going\s+to|am\s+going\s+to)\s+(?:no\s+longer\s+)?{_POLICY_VERBS}\b",
        ),
        (
            "announcement",
            "announced",
            rf"\b(?:said|says|announced)\b[^.;]{{0,90}}?\b(?:would|will)\s+(?!not\b|never\b|help\b)(?:no\s+longer\s+)?(?:\w+\s+)?{_POLICY_VERBS}\b",
        ),
        (
            "announcement",
            "threatened",
            r"\bwarn(?:ed|ing|s)?\b[^.;:]{0,140}?(?:\bor\s+(?:we|they|he)|\bwould\s+(?:send|come|act|cut|withhold))",
        ),
    )
)
# Words one of which every phrasing of a type contains (lower case): a sentence without any of them cannot
# report that type, so its patterns are not run (a speed-up only; test_kind_hints_never_hide_a_trigger checks it).
KIND_HINTS: dict[str, tuple[str, ...]] = {
    "executive-order": ("order",),
    "law": (
        "287(g)",
        "mou",
        "moa",
        "ordinance",
        "bill",
        "measure",
        "legislation",
        "resolution",
        "law",
        "act",
        "vot",
        "agreement",
        "contract",
        "lease",
        "veto",
        "memorandum",
        "partnership",
        "sb",
        "hb",
        "ab",
    ),
    "court-order": (
        "judge",
        "court",
        "justice",
        "panel",
        "circuit",
        "injunction",
        "restraining",
        "tro",
        "ruling",
        "decision",
        "order",
        "opinion",
    ),
    "lawsuit": ("sue", "suit", "complaint", "petition", "challeng", "court", "judge", "injunction", "restraining"),
    "deployment": ("guard", "troop", "soldier", "marine", "service", "airm", "personnel", "members"),
    "enforcement-operation": (
        "operation",
        "crackdown",
        "sweep",
        "raid",
        "blitz",
        "surge",
        "agents",
        "officers",
        "officials",
        "arrival",
        "influx",
    ),
    "agency-directive": (
        "287(g)",
        "mou",
        "moa",
        "memo",
        "directive",
        "guidance",
        "order",
        "bulletin",
        "subpoena",
        "letter",
        "request",
        "direct",
        "instruct",
        "told",
        "asked",
        "demand",
        "sought",
        "agreement",
        "contract",
        "lease",
        "partnership",
        "email",
        "e-mail",
        "message",
        "notice",
        "support",
        "assistance",
        "help",
        "access",
        "space",
        "participation",
        "understanding",
    ),
    "announcement": (
        "announc",
        "confirm",
        "plan",
        "intend",
        "vow",
        "pledg",
        "promis",
        "threaten",
        "prepared",
        "ready",
        "will",
        "would",
        "going",
        "warn",
    ),
}

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
ACTING_LEVELS = {"deployment": {"federal", "state"}, "enforcement-operation": {"federal"}}  # operations: ICE, CBP, DHS
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

# Words right before an act's verb that say it did not happen: "barred ... from sending", "refused to deploy".
NEGATED = re.compile(
    r"(?:\b(?:refus\w*|declin\w*|unwilling|reluctan\w*|fail(?:ed|s|ure)?)\s+to|\bwithout|\bnot|\bnever|n't|"
    r"\bno\s+longer|\bwould\s+have)\s+(?:\w+\s+)?$",
    I,
)
ACT_VERB = re.compile(
    r"(?:sign|issu|deploy|send|sent|federaliz|call|mobiliz|activat|dispatch|order|launch|began|begin|start|fil|sue|"
    r"pass|approv|adopt|enact|direct|instruct|told|request|announc|threaten|warn|vow|plan|surg|mov|challeng|ratif|renew)",
    I,
)
# "about 300 federalized Guard members", "the deployed troops": a participle describing troops, not an act.
# ("an order that bars federalized Guard troops from deploying": troops an act keeps back, not sends)
DESCRIBED_TROOPS = re.compile(
    r"(?:\b(?:the|a|an|about|roughly|some|nearly|those|these|its|their|of|bars?|barred|barring|blocks?|blocked|"
    r"keeps?|kept|keeping)|\d[\d,]*)\s+$",
    I,
)
# "blocked the deployment of Guard troops", "sued over the federalization": the deployment is the object of
# another act (reported for itself elsewhere), not an act of this sentence.
OBJECT_OF_ANOTHER_ACT = re.compile(
    r"\b(?:block\w*|halt\w*|bar(?:s|red|ring)?|stop\w*|paus\w*|enjoin\w*|challeng\w*|against|over|end(?:ed|ing|s)?|"
    r"oppos\w*|lift\w*|froze|freez\w*|criticiz\w*|condemn\w*|protest\w*)\s+(?:the|a|his|her|its|their)\s+(?:[\w-]+\s+)?$",
    I,
)
BARRED_FROM = re.compile(r"\bfrom\s+$", I)  # before a gerund: "barred the government from sending troops"
# A vote that did not carry: the measure is not a law, whatever verb follows.
FAILED_VOTE = re.compile(
    r"\b(?:failed|fell\s+short|falls\s+short|voted\s+down|defeated|deadlock(?:ed|s)?|tie\s+vote|tied\s+\d|sank|"
    r"did\s+not\s+pass|rejected|tabled|postponed|put\s+off)\b",
    I,
)
# After "announced": a completed act ("that she has ended ...") is reported for itself, not as a plan.
DONE_ANNOUNCED = re.compile(
    r"\s+(?:on\s+\w+\s+|\w+day\s+)?(?:that\s+)?(?:\w+\s+){1,4}(?:has|had|have)\s+(?!been\s+asked)\w+(?:ed|en|t)\b", I
)
# "announced ... that detention officers would notify ICE": a sheriff's or chief's instruction to their officers.
OFFICERS_WILL = re.compile(
    r"[^.;]{0,60}?\b(?:(?:officers|deputies|detention\s+officers|corrections\s+officers|jail\s+staff|staff|jailers|troopers)\s+"
    r"(?:would|will|must|are\s+to|should)\s+(?:no\s+longer\s+|not\s+|now\s+)?\w+|(?:would|will)\s+no\s+longer\s+\w+)",
    I,
)
# A sentence that reports a social-media post: its act may be dated by the embedded post.
POSTED = re.compile(r"\b(?:posts?|posted|tweet(?:s|ed)?|social\s+media|on\s+X\b|Facebook|Instagram|Truth\s+Social)\b")
# "two county supervisors", "a council member": members speaking for themselves, not the body acting.
MEMBERS = re.compile(
    r"(?:\b(?:two|three|four|five|several|some|a\s+few|one|individual|other|many)\s+(?:[\w-]+\s+)?)"
    r"(?:supervisors|commissioners|council\s+members|councilmembers|lawmakers|legislators|aldermen|alders|members)\b",
    I,
)
# "would sign the ordinance if it passes": a promise on a condition, not a plan.
CONDITION_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:if|unless|once|when)\s+(?:it|the\s+\w+|they|lawmakers|the\s+council)\s+(?:passes|pass|is\s+passed|is\s+approved|clears|reaches|approves?)\b"
    r"|[^.;]{0,30}?\bas\s+(?:we|they|it|he|she)\s+(?:always|already|have\s+always|has\s+always)\b",  # practice goes on
    I,
)
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'll|we|We|we've|we'll|We'll|my|My|our|Our)\b")
COUNCIL_WORDS = re.compile(
    r"\b(?:council|commission|board|supervisors|commissioners|alders|aldermen|legislat\w+|lawmakers|assembly|senate|court)\b",
    I,
)
AGREEMENT = re.compile(_AGREEMENT, I)

# Periods that end abbreviations, not sentences: masked before matching so "Gov." does not end a clause.
ABBREVIATION_PERIOD = re.compile(
    r"\b(Gov|Sen|Rep|Lt|Gen|Col|Dr|Mr|Mrs|Ms|St|Jr|Sr|No|Ald|Cmdr|Det|Supt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|[A-Z])\."
)

# Reported speech that is not a government act: proposals, hopes, others' demands, conditionals.
NOT_AN_ACTION = re.compile(
    r"\b(?:could|might|should|(?-i:may))\s+(?!not\b|no\s+longer\b)[a-z]\w*|\b(?:authority|power|ability|right|powers)\s+to\s+\w+|\bwould\s+(?:consider|weigh)\b"
    r"|\b(?:has|have|had)\s+(?:\w+\s+){0,3}to\s+(?:sign|veto|decide|act)\b|\bsign\s+or\s+veto\b"
    r"|\b(?:will|to)\s+(?:consider|weigh|debate|review|study|discuss|take\s+up)\b"
    r"|\b(?:bring|introduce|present|file|draft|propose)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:proposal|bill|ordinance|resolution)\b"
    r"|\bis\s+expected\s+to\b|\bare\s+expected\s+to\b|\bhas\s+not\s+(?:yet\s+)?(?:signed|filed|issued|decided)\b"
    r"|\b(?:urged|asked|called\s+on|pressed|pushed|petitioned|demanded|implored|lobbied)\b(?!\s+(?:a|the)\s+(?:federal\s+|state\s+)?(?:judge|court)\b)[^.;]{0,80}\bto\s+(?:sign|issue|file|sue|adopt|pass|deploy|send|enact)\b"
    r"|\b(?:introduced|proposed|drafted|floated)\b[^.;]{0,40}\b(?:ordinance|bill|measure|proposal|resolution)\b"
    r"|\b(?:if|unless|whether)\b[^.;]{0,80}\b(?:could|would|might|sign|signs|files?|deploys?|sends?|moves?\s+forward|pass(?:es)?|(?:is|are|were|was)\s+(?:passed|approved|adopted|deployed|sent|federalized))\b"
    r"|\b(?:declined|refused)\s+to\s+(?:say|comment|provide|confirm|answer|discuss|specify|elaborate)\b|\bdid\s+not\s+(?:say|provide|confirm)\b|\bno\s+(?:order|decision|plans?)\b",
    I,
)

# Who acts. Each: (level, role, pattern). Place words around a match decide the jurisdiction.
_NAME = r"(?:[A-Z][a-zA-Z'\-]+\.?|[A-Z]\.(?:\s?[A-Z]\.)?)(?:\s+(?:[A-Z][a-zA-Z'\-]+|[A-Z]\.))*"
_STATES = "|".join(st.name for st in us.states.STATES)
GOVERNMENT_ACTORS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (level, role, re.compile(pattern))
    for level, role, pattern in (
        (  # a state's appeals court, before the federal "appeals court" claims the words
            "state",
            "judge",
            rf"\b(?:{_STATES})(?:['’]s)?\s+(?:Supreme|Superior|District|Circuit|Appeals|Appellate|Family|Probate)\s+Court\b|\b(?:{_STATES})['’]s\s+(?:Court\s+of\s+Appeals|(?:appeals|supreme|highest|top)\s+court)\b|\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+County\s+(?:[Dd]istrict|[Cc]ircuit|[Ss]uperior|[Pp]robate)\s+(?:[Cc]ourt|[Jj]udge)\b|(?i:\bstate\s+(?:district|trial|circuit|superior|supreme|appeals|appellate)\s+(?:court|judge)\b)|\b(?:{_STATES})\s+(?:[Aa]ppeals|[Aa]ppellate)\s+[Cc]ourt\b|\b(?:{_STATES})\s+Court\s+of\s+Appeals\b|\bstate\s+appeals\s+court\b|\bCourt\s+of\s+Appeals\s+of\s+(?:{_STATES})\b",
        ),
        (  # STATE_AGENCY: "the Wisconsin Department of Public Instruction", "State Superintendent Ann Lee"
            "state",
            "state",
            rf"\b(?:{_STATES})\s+(?:Department|Office|Division|Board)\s+of\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){{0,3}}|\bState\s+(?:Superintendent|Commissioner)\s+(?:of\s+[A-Z][a-z]+\s+)?{_NAME}",
        ),
        (
            "federal",
            "judge",
            rf"\b(?:U\.S\.|federal|Chief\s+U\.S\.)\s+(?:District|Magistrate|Circuit|Appeals)?\s*Judge\s+{_NAME}|\bfederal\s+(?:magistrate\s+|district\s+|appeals\s+)?judges?\b|\bfederal\s+(?:district\s+)?court\b|\bU\.S\.\s+(?:District\s+)?Court(?:\s+of\s+Appeals)?\b|\b(?:appeals|appellate)\s+(?:court|panel)\b|\bU\.S\.\s+Supreme\s+Court\b|\bSupreme\s+Court\b(?!\s+of\s+[A-Z])|\b\d+(?:st|nd|rd|th)\s+(?:U\.S\.\s+)?Circuit(?:\s+Court\s+of\s+Appeals)?\b|(?i:\bthe\s+(?:three-judge\s+|appeals\s+)?panel\b)",
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
            r"\b(?:[Tt]he\s+)?(?:U\.S\.\s+)?Department\s+of\s+(?:Homeland\s+Security|Justice|Defense|War)\b|\bDHS\b|\bICE\b|\bImmigration\s+and\s+Customs\s+Enforcement\b|\bCustoms\s+and\s+Border\s+Protection\b|\bCBP\b|\bBorder\s+Patrol\b|\b[Tt]he\s+Pentagon\b|\bPentagon\s+officials\b|\b(?:Justice|Defense|War|Homeland\s+Security)\s+Department\b|\bDOJ\b|\bFBI\b|\bFEMA\b|\bFederal\s+Emergency\s+Management\s+Agency\b|\bU\.S\.\s+Northern\s+Command\b|\b[Ff]ield\s+[Oo]ffice(?:\s+[Dd]irector)?\b|(?i:\bfederal\s+(?:government|authorities|officials|agents|prosecutors)\b|\bfederal\s+immigration\s+officials\b)|\bHomeland\s+Security\b",
        ),
        (
            "state",
            "governor",
            rf"\b(?:Gov\.|Governor|Lt\.\s+Gov\.)\s+{_NAME}|\bthe\s+governor\b|\b[A-Z][a-z]+(?:'s)?\s+governor\b",
        ),
        (
            "state",
            "legislature",
            rf"\b(?:General\s+Assembly|(?<!County\s)[Ll]egislature|state\s+(?:Senate|House|lawmakers|legislators)|House\s+of\s+Delegates|(?<=the\s)(?:House|Senate)\b|(?:[A-Z][a-z]+\s+)?(?:lawmakers|legislators)\b|[A-Z][a-z]+\s+(?:Senate|House\s+of\s+Representatives|Assembly)|(?:{_STATES})\s+House\b)",
        ),
        (  # the state as a government, and its police: they can sue, direct and deploy, not legislate
            "state",
            "state",
            rf"\bState\s+Police\s+(?:Director|Superintendent|Commissioner)(?:\s+(?:Col\.|Lt\.\s+Col\.|Maj\.))?\s+{_NAME}|\b[Ss]tate\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|(?i:\bthe\s+state\b|\bstate\s+officials|\bstate\s+police|\bstate\s+patrol|\bhighway\s+patrol|\bdepartment\s+of\s+public\s+safety)",
        ),
        (
            "state",
            "attorney-general",
            rf"\b(?:state\s+|[A-Z][a-z]+\s+)?Attorney\s+General(?:\s+{_NAME})?|\bstate\s+attorney\s+general\b|(?i:\bthe\s+attorney\s+general\b)|\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?'s\s+attorney\s+general\b",
        ),
        (
            "county",
            "county",
            rf"\b(?<!City-)(?:County\s+(?:Board(?:\s+of\s+(?:Supervisors|Commissioners))?|Commission(?:ers)?|Executive(?:\s+{_NAME})?|(?:Attorney|Manager|Administrator)(?:\s+{_NAME})?|Sheriff(?:'s\s+Office)?(?:\s+{_NAME})?|Judge\s+{_NAME}|Council|Legislature|Legislators|Commissioners\s+Court|Chair(?:man|woman)?\s+{_NAME})|Board\s+of\s+(?:County\s+)?(?:Supervisors|Commissioners)|Sheriff\s+{_NAME}|(?i:sheriff(?:'s\s+(?:office|department))?|county\s+(?:board|commissioners|supervisors|officials|executive)|the\s+county\b))",
        ),
        (
            "city",
            "mayor",
            rf"\bMayor\s+{_NAME}|(?i:\bthe\s+mayor\b|\bmayor's\s+office\b)|\b[A-Z][a-z]+\s+mayor\b|\b[Mm]ayor\b(?=\s+[a-z]+s\b)",
        ),
        (
            "city",
            "council",
            r"\b(?:City(?:-County)?\s+Council|D\.C\.\s+Council|Metro(?:politan)?\s+Council|city\s+council|[Cc]ity\s+[Cc]ommissioners?|[Cc]ouncil\s+members|aldermen|alderpersons|Board\s+of\s+Aldermen|the\s+council\b|City\s+Commission|council)",
        ),
        (
            "city",
            "police",
            rf"\b(?:[A-Z][a-z]+\s+)?Police\s+Department\b|\bpolice\s+department\b|\bPolice\s+(?:Superintendent|Chief|Commissioner)\s+{_NAME}|\bpolice\s+(?:chief|superintendent|commissioner)\b|\bChief\s+(?!Patrol|Justice|Judge|Executive|Deputy|of\b){_NAME}|(?i:\bthe\s+chief\b)",
        ),
        (
            "city",
            "city",
            rf"\b(?:the\s+)?[Cc]ity\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|\b[A-Z][a-z]+\s+Metro\s+Government\b|\bCity\s+(?:Solicitor|Attorney|Manager|Administrator)(?:\s+{_NAME})?|(?i:\bcity\s+(?:officials|attorneys?|solicitor|lawyers|leaders|hall)\b|\bthe\s+city\b|\bCorporation\s+Counsel\b)",
        ),
        ("county", "county", r"\b[Cc]ommissioners\b(?!\s+Court)"),  # last: "Commissioners on Thursday signed off"
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
