"""Article text to draft policy actions: sentences, triggers, actors, places, dates and provisions.

A rule-based reader tuned on the evaluation set (`python -m policies evaluate`). For each sentence that
reports a government act it finds who acted (and so the acting jurisdiction and level), what kind of act,
when (see `dates`), which places it targets and, for binding acts, what it requires of whom. Mentions of the
same act across sentences are merged; each draft keeps the sentences it came from as evidence.

Web pages carry more than the story: page furniture (bylines, time stamps, captions, "Related:" links, sign-up
prompts; see `article.furniture`) is skipped, an act only the headline names is dropped, and an embedded
social-media post is read as its author's words on the post's date (`article.social_posts`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from ..records import vocabulary
from . import lexicon
from .article import Post, furniture, head_end, social_posts
from .dates import DateMention, find_dates, is_action_date
from .places import FEDERAL, Mention, Place, big_cities, find_places, state, state_names
from .places import city as city_place

PROVISION_WINDOW = 4  # sentences after a binding act that may still describe what it requires
# A period after these never ends a sentence ("Gov. Hale", "Oct. 6", "J. Smith").
_TITLE_ABBREVIATIONS = re.compile(
    r"\b(?:Gov|Sen|Rep|Lt|Gen|Col|Capt|Sgt|Dr|Mr|Mrs|Ms|St|Jr|Sr|No|Supt|Atty|Dept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec|vs|Inc|Co|Corp|(?<![A-Z]\.)[A-Z])\.$"
)
# A period after a place abbreviation ends a sentence after "City, ST." or before a usual sentence opener
# ("... in Charlotte, N.C. A day after ...", but "U.S. District Judge").
_PLACE_ABBREVIATIONS = re.compile(
    r"\b(?:Ill|Calif|Mass|Wash|Ore|Colo|Ariz|Fla|Minn|Mich|Wis|Tenn|Penn|Conn|Ky|La|Md|Mo|Neb|Nev|Okla|Va|Vt|Ala|"
    r"Ark|Del|Ga|Ind|Kan|Miss|Mont|Wyo|etc|U\.S|D\.C|N\.[CYJHM]|S\.[CD]|W\.Va|R\.I|N\.D)\.$"
)
_OPENERS = re.compile(
    r"(?:A|An|The|In|On|At|But|And|He|She|It|They|We|This|That|Federal|State|City|County|After|Before|Since|"
    r"Last|Earlier|Officials|Under|Some|Many|Critics|Supporters)\b"
)


@dataclass
class Sentence:
    index: int
    start: int
    text: str
    paragraph: int
    dates: list[DateMention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    post: Post | None = None  # set when the sentence is part of an embedded social-media post
    head: bool = False  # in the headline or deck, above the story's first paragraph
    triggers: list[Trigger] = field(default_factory=list)  # every act's words in it, of every type


@dataclass
class Actor:
    text: str
    level: str
    role: str
    place: Place | None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class When:
    """The date chosen for an act; `anchor` is set when it is "N days after" another act not yet dated."""

    date: dt.date | None = None
    precision: str = "day"
    text: str | None = None
    anchor: tuple[int, frozenset[str]] | None = None  # (days to add, words naming the other act)
    weak: bool = False  # the date is when the act was announced, not necessarily when it was done


@dataclass(frozen=True)
class Trigger:
    """Words in a sentence that report an act: its type, lifecycle event, and where the words are."""

    kind: str
    event: str
    start: int
    end: int


@dataclass
class Provision:
    text: str
    applies_to: str
    requirement: str
    topics: list[str]
    evidence: str


@dataclass
class Draft:
    action_type: str
    event: str
    actor: Actor
    places: list[Place]
    date: dt.date | None
    date_precision: str
    date_text: str | None
    topics: list[str]
    evidence: list[str]
    provisions: list[Provision] = field(default_factory=list)
    sentence: int = 0
    anchor: tuple[int, frozenset[str]] | None = None
    copy: int = 0  # the second of "two executive orders" signed together is copy 1: never merged with the first
    weak_date: bool = False  # dated by its announcement ("said Friday she had signed"): another date wins
    head_only: bool = False  # reported only by the headline or deck so far

    @property
    def jurisdiction(self) -> Place:
        """The acting government; one the article does not identify keeps its level and a placeholder id."""
        if self.actor.place:
            return self.actor.place
        if self.actor.level == "federal":
            return FEDERAL
        return Place(f"unidentified-{self.actor.level}", f"Unidentified {self.actor.level}", self.actor.level)


@dataclass
class Context:
    """What the article has said so far: who is who, and its main places."""

    published: dt.date | None
    people: dict[str, Actor] = field(default_factory=dict)  # surname -> actor
    last_by_role: dict[str, Actor] = field(default_factory=dict)
    main: dict[str, Place] = field(default_factory=dict)  # level -> most named place of that level
    last_date: dt.date | None = None
    last_month: dt.date | None = None  # the last month-date given ("a January 2025 change"), for "That month"
    drafts: list[Draft] = field(default_factory=list)  # found so far
    posts: list[Post] = field(default_factory=list)  # embedded social-media posts


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    sentences: list[Sentence] = []
    pos = offset
    for para_no, paragraph in enumerate(text[offset:].split("\n")):
        start = 0
        for match in re.finditer(r"[.!?][\"”’')]*\s+(?=[\"“‘(<\[]?[A-Z0-9<])", paragraph):
            head = paragraph[start : match.start() + 1]
            if _TITLE_ABBREVIATIONS.search(head):
                continue
            # "Denver, Colo." closes its phrase; "..., U.S. Immigration" does not.
            after_city = re.search(r",\s+\S+$", head) and not head.endswith("U.S.")
            if _PLACE_ABBREVIATIONS.search(head) and not (after_city or _OPENERS.match(paragraph, match.end())):
                continue
            _add(sentences, paragraph, start, match.end(), pos, para_no)
            start = match.end()
        _add(sentences, paragraph, start, len(paragraph), pos, para_no)
        pos += len(paragraph) + 1
    return sentences


def _story(sentences: list[Sentence], text: str) -> list[Sentence]:
    """The sentences of the story itself, renumbered: page furniture is dropped, post text marked with its post."""
    spans = furniture(text)
    posts = social_posts(text)
    body = head_end(text)
    out: list[Sentence] = []
    for s in sentences:
        if any(a <= s.start < b for a, b in spans):
            continue
        s.post = next((p for p in posts if p.start <= s.start < p.end), None)
        s.head = s.start < body
        s.index = len(out)
        out.append(s)
    return out


def _add(out: list[Sentence], paragraph: str, start: int, end: int, pos: int, para_no: int) -> None:
    text = paragraph[start:end].strip()
    if len(text) > 2:
        out.append(
            Sentence(
                len(out), pos + start + (len(paragraph[start:end]) - len(paragraph[start:end].lstrip())), text, para_no
            )
        )


def extract_actions(text: str, published: dt.date | None, body_start: int = 0) -> list[Draft]:
    sentences = _story(split_sentences(text, body_start), text)
    ctx = Context(published, posts=social_posts(text))
    for s in sentences:
        # A post's "today" and "on Friday" are the post's; the page's publication date is for the rest.
        s.dates = find_dates(s.text, s.post.when if s.post and s.post.when else published)
    _main_places(sentences, ctx)
    drafts: list[Draft] = []
    pending: dict[str, tuple[Sentence, When]] = {}
    for s in sentences:
        actors = _actors(s, ctx)
        found = _triggers(s.text, in_post=s.post is not None)
        s.triggers = [t for candidates in found for t in candidates]
        for candidates in found:
            trigger, new = candidates[0], []
            for trigger in candidates:
                new = _drafts(s, trigger, actors, ctx)
                if new:
                    break
            new += _second_acts(s, candidates, trigger, new, actors, ctx)
            if not new:  # "... announced on Sunday" with its subject cut off: the date may serve the next mention
                pending[trigger.kind] = (s, _date_for(s, trigger, ctx))
            for draft in new:
                earlier, when = pending.pop(draft.action_type, (None, When()))
                if draft.date_text is None and when.text and earlier and s.index - earlier.index <= 2:
                    draft.date, draft.date_precision, draft.date_text = when.date, when.precision, when.text
                    draft.anchor = draft.anchor or when.anchor
                    draft.evidence.insert(0, earlier.text)
            drafts += new
            ctx.drafts = drafts
        _remember_date(s, drafts, ctx)
    # A headline's act the story never reports is a headline's guess (its actor and date unread): dropped.
    drafts = _one_bill(drafts, sentences, ctx)
    merged = [d for d in _without_echoes(_merge(drafts)) if not d.head_only]
    _resolve_anchors(merged)
    for draft in merged:
        if draft.action_type in vocabulary.current().binding:
            draft.provisions = _provisions(draft, sentences, merged)
        draft.topics = _topics(draft)
    return merged


_EXECUTIVE = re.compile(r"\b(?:mayor|gov\.|governor|executive|president)\b", re.I)
_SIGNED_IT = re.compile(r"\bsigned\s+(?:it|the\s+(?:measure|ordinance|bill|legislation))\b", re.I)
_OVERRIDE = re.compile(r"\boverr(?:ode|ides|idden)\s+(?:the|a|his|her|its)\s+(?:[\w'’]+\s+){0,2}?veto\b", re.I)
BILL_GAP = 2  # sentences: a passage and a signing this close are one bill's two steps


def _one_bill(drafts: list[Draft], sentences: list[Sentence], ctx: Context) -> list[Draft]:
    """One bill is one act, its last step if reported: "The board passed the measure Thursday" next to "the county
    executive signed it Tuesday" (or "Mayor X signed it the next morning", "the council overrode the veto on
    March 10") is the signing or the override, with its date."""
    laws = [d for d in drafts if d.action_type == "law"]
    passages = [d for d in laws if not _EXECUTIVE.search(d.actor.text) and not _OVERRIDE.search(d.evidence[-1])]
    by_index = {s.index: s for s in sentences}
    dropped: list[Draft] = []
    for passed in passages:
        signing = next(
            (
                d
                for d in laws
                if d not in passages
                and d.copy == passed.copy
                and d.jurisdiction.id == passed.jurisdiction.id
                and abs(d.sentence - passed.sentence) <= BILL_GAP
            ),
            None,
        )
        if signing is not None:
            signing.evidence += [e for e in passed.evidence if e not in signing.evidence]
            dropped.append(passed)
            continue
        after = by_index.get(passed.sentence + 1)
        if after is None or not _SIGNED_IT.search(after.text):
            continue
        signer = next(
            (a for a in _actors(after, ctx) if _EXECUTIVE.search(a.text) and a.level == passed.actor.level), None
        )
        if signer is None:
            continue
        dated = [m for m in after.dates if m.resolved and is_action_date(after.text, m)]
        later = [m for m in after.dates if m.kind == "later"]
        passed.actor = Actor(signer.text, signer.level, signer.role, signer.place or passed.actor.place)
        if dated:
            passed.date, passed.date_precision, passed.date_text = dated[0].date, dated[0].precision, dated[0].text
        elif later and passed.date and passed.date_precision == "day":
            passed.date, passed.date_text = passed.date + dt.timedelta(days=later[0].offset), later[0].text
        else:
            passed.date, passed.date_precision, passed.date_text = None, "day", None
        passed.evidence.append(after.text)
    return [d for d in drafts if not any(d is x for x in dropped)]


def _remember_date(s: Sentence, drafts: list[Draft], ctx: Context) -> None:
    """What "a day later" counts from: the day of the sentence's first dated act, else its last day-date."""
    months = [m for m in s.dates if m.date and m.precision == "month"]
    if months:
        ctx.last_month = months[-1].date
    acts = [d for d in drafts if d.sentence == s.index and d.date and d.date_precision == "day"]
    if acts:
        ctx.last_date = acts[0].date
        return
    for mention in s.dates:
        if mention.date and is_action_date(s.text, mention):
            ctx.last_date = mention.date if mention.precision == "day" else None


# --- who and where ------------------------------------------------------------------------------


def _main_places(sentences: list[Sentence], ctx: Context) -> None:
    counts: dict[str, Counter] = {"city": Counter(), "county": Counter(), "state": Counter()}
    by_id: dict[str, Place] = {}
    for s in sentences:
        s.places = find_places(s.text)
    states = Counter(m.place.state for s in sentences for m in s.places if m.place.state)
    default_state = states.most_common(1)[0][0] if states else None
    for s in sentences:
        if default_state and "County" in s.text:  # only a county name can read differently with a state
            s.places = find_places(s.text, default_state)
        for m in s.places:
            if m.place.level in counts:
                counts[m.place.level][m.place.id] += 1
                by_id[m.place.id] = m.place
    for level, counter in counts.items():
        if counter:
            ctx.main[level] = by_id[counter.most_common(1)[0][0]]
    if "state" not in ctx.main:
        anchor = ctx.main.get("city") or ctx.main.get("county")
        if anchor and anchor.state and anchor.state != "DC":
            ctx.main["state"] = state(anchor.state)


def _actors(s: Sentence, ctx: Context) -> list[Actor]:
    """Government actors named in the sentence, with their jurisdictions; remembers people by surname."""
    found: list[Actor] = []
    claimed: list[tuple[int, int]] = []
    for level, role, pattern in lexicon.GOVERNMENT_ACTORS:
        for match in pattern.finditer(s.text):
            if any(a < match.end() and match.start() < b for a, b in claimed):
                continue
            claimed.append(match.span())
            text = match.group(0).strip()
            possessive = text.endswith(("'s", "’s")) and " " in text  # "Gov. Ann Corwin's administration"
            text = text[:-2] if possessive else text
            actor = _known_person(text, ctx) or Actor(_with_place(s, match.start(), text), level, role, None)
            actor.start, actor.end = match.start(), match.end() - (2 if possessive else 0)
            if actor.place is None:
                actor.place = _place_of(actor, s, match.span(), ctx)
            if actor.role == "judge" and text.startswith(("Judge", "District Judge")):
                actor.level, actor.place = _court_level(s.text[match.end() : match.end() + 70], ctx)
                earlier = ctx.last_by_role.get("judge")
                before = s.text[max(0, match.start() - 25) : match.start()]
                if actor.level == "federal" and earlier and not re.search(r"U\.S\.\s*$|federal\s*$", before, re.I):
                    actor.level, actor.place = earlier.level, earlier.place  # a plain "Judge X" of the court named
            if actor.role == "legislature" and (town := _city_assembly(text)):
                actor.level, actor.role, actor.place = "city", "council", town  # CITY_ASSEMBLY: "Anchorage Assembly"
            if actor.role == "mayor" and actor.place and actor.place.level == "county":
                actor.level = "county"  # "Orange County Mayor": some counties have mayors
            if text.lower() == "commissioners" and _TOWN_BEFORE.search(s.text[: match.start()]):
                city = next((m.place for m in s.places if m.place.level == "city" and m.end <= match.start()), None)
                actor.level, actor.role = "city", "council"  # "Fort Pierce commissioners": a city commission
                actor.place = city or ctx.main.get("city")
            found.append(actor)
    # Bare surnames of people introduced earlier ("Ruiz signed ...").
    for surname, person in ctx.people.items():
        if surname not in s.text:
            continue  # most sentences name no one met before: skip the pattern
        for match in re.finditer(rf"\b{re.escape(surname)}\b", s.text):
            if not any(a <= match.start() < b for a, b in claimed):
                found.append(Actor(person.text, person.level, person.role, person.place, *match.span()))
    for actor in found:
        _remember(actor, ctx)
    return sorted(found, key=lambda a: a.start)


def _city_assembly(text: str) -> Place | None:
    """ "the Anchorage Assembly" is a city's legislature, "the Wisconsin Assembly" a state's."""
    found = re.match(r"(?:the\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+Assembly$", text)
    entry = big_cities().get(found[1]) if found else None
    if found and entry and found[1] not in state_names():
        return city_place(found[1], entry[0])
    return None


_TOWN_BEFORE = re.compile(r"\b(?!County\b)[A-Z][a-z]+(?:\s(?!County\b)[A-Z][a-z]+)?\s+$")


def _court_level(after: str, ctx: Context) -> tuple[str, Place]:
    """ "Judge X of the Lancaster County District Court" sits on a state court; a plain "Judge X" on a federal one."""
    if re.search(r"\b(?:County|Superior|Circuit\s+Court\s+of|state|Supreme\s+Court\s+of)\b", after) and not re.search(
        r"U\.S\.|federal", after
    ):
        home = ctx.main.get("state")
        if home:
            return "state", home
    return "federal", FEDERAL


def _with_place(s: Sentence, start: int, text: str) -> str:
    """ "Mayor Brandon Johnson" named as "Chicago Mayor Brandon Johnson" keeps the place in the actor's name."""
    before = next((m for m in s.places if 0 <= start - m.end <= 1), None)
    return f"{s.text[before.start : start]}{text}" if before and not text.lower().startswith("the ") else text


def _known_person(text: str, ctx: Context) -> Actor | None:
    words = text.split()
    if len(words) >= 2 and words[-1][0].isupper() and words[-1] in ctx.people:
        known = ctx.people[words[-1]]
        return Actor(known.text, known.level, known.role, known.place)
    return None


def _remember(actor: Actor, ctx: Context) -> None:
    words = actor.text.split()
    named = (
        len(words) >= 2
        and words[-1][:1].isupper()
        and not re.search(r"\b(?:of|Department|Court|Council|Office)\b", actor.text)
    )
    if named and actor.role in lexicon.PERSON_ROLES:
        ctx.people.setdefault(words[-1], actor)
    ctx.last_by_role[actor.role] = actor


def _place_of(actor: Actor, s: Sentence, span: tuple[int, int], ctx: Context) -> Place | None:
    if actor.level == "federal":
        return FEDERAL
    levels = _LEVELS_FOR[actor.level] | ({"county"} if actor.role == "mayor" else set())  # "Orange County Mayor"
    near = [m for m in s.places if m.place.level in levels and _close(m, span)]
    if near:
        best = min(near, key=lambda m: min(abs(m.end - span[0]), abs(m.start - span[1])))
        return _lift(best.place, actor.level)
    if actor.role in ctx.last_by_role and ctx.last_by_role[actor.role].place and actor.text.lower().startswith("the "):
        return ctx.last_by_role[actor.role].place
    main = ctx.main.get(actor.level)
    return main


_LEVELS_FOR = {"city": {"city"}, "county": {"county"}, "state": {"state", "city", "county"}}


def _close(m: Mention, span: tuple[int, int]) -> bool:
    """A place right before the actor ("Chicago Mayor"), inside it, or right after ("of Denver")."""
    return (0 <= span[0] - m.end <= 3) or (span[0] <= m.start and m.end <= span[1]) or (0 <= m.start - span[1] <= 12)


def _lift(place: Place, level: str) -> Place:
    if level == "state" and place.level != "state" and place.state and place.state != "DC":
        return state(place.state)
    return place


def _subjects(s: Sentence, trigger: Trigger, actors: list[Actor], ctx: Context) -> list[Actor]:
    """The government actors who did the act: the one right before a verb inside the trigger ("an order that
    Gov. X signed"), else the nearest before it (with any joined to it by "and"), else a passive "by ...",
    else the speaker of a quote, else a pronoun opening the clause."""
    pos = trigger.start
    if _quoted(s.text, pos):
        quoted_by = _speaker(s, trigger, actors, ctx)
        if quoted_by is not None:
            return [quoted_by]  # '"... we intend to ask a federal judge ...," the U.S. attorney said': the speaker
    inside = [a for a in actors if pos <= a.start and a.end < trigger.end and _DOER_VERB.match(s.text, a.end)]
    if inside:
        return [inside[-1]]
    passive = [a for a in actors if 0 <= a.start - trigger.end <= 40 and _BY_AGENT.search(s.text[pos : a.start])]
    if passive:
        return [passive[0]]  # "an order issued on Friday by Gov. X": the agent, not the sentence's subject
    clause_start = max(s.text.rfind(sep, 0, pos) for sep in (";", " — ", ". "))
    who = _RELATIVE_WHO.search(s.text[:pos])
    antecedent = [a for a in actors if who and 0 <= who.start() - a.end <= 2]
    if antecedent:
        return [antecedent[-1]]  # "Attorney General Paul Redmond, who had asked a court to ...": the antecedent
    subjects = [a for a in actors if not _OBJECT_OF.search(s.text[max(0, a.start - 20) : a.start])]
    # An actor of an earlier clause may still be the subject ("The governor, after weeks of talks — and a lawsuit
    # threat — signed ..."), but never across a semicolon, which joins two sentences.
    start = max(0, s.text.rfind(";", 0, pos))
    before = [a for a in subjects if clause_start <= a.start < pos] or [a for a in subjects if start <= a.start < pos]
    before = before or [a for a in actors if start <= a.start < pos]  # "Agents with CBP began ...": no other subject
    non_gov = [m.start() for m in lexicon.NON_GOVERNMENT.finditer(s.text[:pos])]
    if before:
        actor = before[-1]
        if non_gov and non_gov[-1] > actor.end and not _quoted(s.text, non_gov[-1]):
            return []
        if re.search(r",\s*$", s.text[:pos]) and re.match(r"\w+ing\b", s.text[pos:]):
            return [_named(before, before[0])]  # "Trump criticized X, warning Y ...": the sentence's subject acts
        return _with_conjoined(s.text, before, actor)
    if non_gov and not _quoted(s.text, non_gov[-1]):
        return []
    later = [a for a in actors if a.start >= pos]
    by = re.search(r"\bby\s+", s.text[pos:])
    if by and later and later[0].start >= pos + by.start():
        return [later[0]]
    opener = s.text.find(", ", trigger.end)
    after_opener = [a for a in later if opener >= 0 and opener + 2 <= a.start <= opener + 20]
    if after_opener and clause_start < 0:
        return after_opener[:1]  # "In an email to officers Tuesday, Chief X said ...": the subject after the opening
    speaker = re.search(r"[”\"]\s*,?\s*(?:\w+\s+){0,2}(?:said|says|told|added)\b", s.text[pos:])
    if speaker and later:
        return [later[0]]
    opening = _OPENING_PRONOUN.search(s.text[max(clause_start, 0) : pos])
    if opening:
        word = opening.group(1).lower()
        for role in _ROLE_WORDS.get(word.split()[-1], ()):
            if role in ctx.last_by_role:
                return [ctx.last_by_role[role]]
        if word in ("he", "she", "they") and ctx.people:
            people = list(ctx.people.values())
            if (
                trigger.kind == "executive-order"
            ):  # EXECUTIVE_PRONOUN: "she signed an executive order" is an executive's
                chiefs = [p for p in people if p.role in _EXECUTIVES or _COUNTY_EXECUTIVE.search(p.text)]
                people = chiefs or people
            return [people[-1]]
    return []


_EXECUTIVES = ("governor", "mayor", "president")


# "an agreement with ICE", "a letter to the governor": the actor after a preposition is not the one acting.
_OBJECT_OF = re.compile(
    r"\b(?:with|to|from|against|for|at|into|toward|towards|between|among|than|via)\s+(?:the\s+)?(?:U\.S\.\s+)?$", re.I
)


def _speaker(s: Sentence, trigger: Trigger, actors: list[Actor], ctx: Context) -> Actor | None:
    """Who says the quote the act's words are in: a named actor, or "she said" for the person last named."""
    close = min((i for i in (s.text.find("”", trigger.end), s.text.find('"', trigger.end)) if i >= 0), default=-1)
    if close < 0:
        return None
    named = [a for a in actors if 0 <= a.start - close <= 40]
    if named and _SAID_BY.match(s.text, close + 1):
        return named[0]
    if _SHE_SAID.match(s.text, close + 1) and ctx.people:
        return list(ctx.people.values())[-1]
    return None


_SAID_BY = re.compile(r"\s*,?\s*(?:\w+\s+){0,3}?(?:said|says|told|added|wrote)?\b")
_SHE_SAID = re.compile(r"\s*,?\s*(?:he|she)\s+(?:said|says|told|added|wrote)\b")
_RELATIVE_WHO = re.compile(r",\s+(?:who|which)\s+(?:had\s+|has\s+|have\s+|also\s+|then\s+|later\s+)?$")
_BY_AGENT = re.compile(
    r"\b(?:issued|signed|approved|adopted|passed|enacted|filed|granted|entered|ordered|sent|deployed|launched)\b"
    r"[^.;]{0,30}?\bby\s+$"
    r"|\b(?:letter|memo(?:randum)?|notice|subpoena|directive)\s+from\s+$"  # "a letter from ICE asking ..."
)
_DOER_VERB = re.compile(
    r"(?:'s)?(?:\s+[\w-]+){0,3}?\s+(?:had\s+|has\s+)?"
    r"(?:signed|issued|sent|filed|adopted|passed|approved|enacted|released|asked|requested|directed|told|ordered|instructed|launched|began|started|announced|calls|called|dubbed|named)\b"
)
# A pronoun doing the act opens its clause ("He signed ...", "..., she said as she signed"), never follows a name.
_OPENING_PRONOUN = re.compile(
    r"(?:^|[,;:]\s+|[”\"]\s*,?\s*|\b(?:as|when|after|before|and)\s+)"
    r"(he|she|they|it|the\s+(?:mayor|governor|judge|department|agency|council|city|state))\b(?![^,;]*\b[A-Z][a-z]+\s+[A-Z][a-z]+)",
    re.I,
)


_JOINED = re.compile(r"(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?,?\s*(?:and|,)?\s*")


def _with_conjoined(text: str, before: list[Actor], actor: Actor) -> list[Actor]:
    out = [_named(before, actor)]
    i = before.index(actor)
    while i > 0 and _JOINED.fullmatch(text[before[i - 1].end : before[i].start]):
        i -= 1
        out.insert(0, before[i])
    return [
        a for j, a in enumerate(out) if a.place is None or a.place.id not in {b.place.id for b in out[:j] if b.place}
    ]


def _named(before: list[Actor], actor: Actor) -> Actor:
    """Prefer "Secretary Kristi Noem" over a later generic "the federal government" of the same level."""
    if actor.text[:1].isupper():
        return actor
    named = [a for a in before if a.level == actor.level and a.text[:1].isupper() and len(a.text.split()) > 1]
    return named[-1] if named else actor


_ROLE_WORDS = {
    "mayor": ("mayor",),
    "governor": ("governor",),
    "judge": ("judge",),
    "department": ("agency", "police"),
    "agency": ("agency",),
    "council": ("council",),
    "city": ("city", "mayor"),
    "state": ("state", "governor", "legislature"),
    "he": (),
    "she": (),
    "they": (),
    "it": (),
}


def _quoted(text: str, pos: int) -> bool:
    return text[:pos].count("“") > text[:pos].count("”") or text[:pos].count('"') % 2 == 1


# --- what and when --------------------------------------------------------------------------------


def _triggers(text: str, in_post: bool = False) -> list[list[Trigger]]:
    """Per action type found, its candidate phrasings in order (the caller takes the first that names an actor).

    An announcement yields to a specific type, and an act only promised ("will sign an order") is the
    announcement of a plan. An embedded post's quote marks are the post's own: its words are the poster's.
    """
    found: dict[str, list[Trigger]] = {}
    attributed = bool(lexicon.ATTRIBUTION.search(text))
    text = masked(text)
    lower = text.lower()
    hinted = {kind for kind, words in lexicon.KIND_HINTS.items() if any(w in lower for w in words)}
    for base_kind, base_event, pattern in lexicon.TRIGGERS:
        if base_kind not in hinted:
            continue  # none of the words this type needs: its patterns cannot match
        for match in pattern.finditer(text):  # each phrasing can report several acts ("..., and the court refused")
            kind, event = base_kind, base_event
            if _hedged(text, match.end()) or _negated(text, match.start()) or _failed(kind, text, match):
                continue
            inside_quote = _quoted(text, match.start()) and _quoted(text, match.end() - 1)
            if inside_quote and not in_post and not (kind in lexicon.SPEECH_TYPES and attributed):
                continue
            if kind == "announcement" and lexicon.DONE_ANNOUNCED.match(text, match.end()):
                continue  # "announced that she has ended the agreement": the act is the news, not a plan
            if kind != "announcement" and lexicon.FUTURE.search(text[: match.start()]):
                kind = lexicon.AS_PLANNED[kind]
                event = "threatened" if kind in ("lawsuit", "deployment") else "announced"
            found.setdefault(kind, []).append(Trigger(kind, event, match.start(), match.end()))
    if "announcement" in found and found.keys() & lexicon.SPECIFIC_OVER_ANNOUNCEMENT:
        first = min(t.start for k in found.keys() & lexicon.SPECIFIC_OVER_ANNOUNCEMENT for t in found[k])
        # PLAN_THEN_AFTER: "officials said they plan to begin ..., two weeks after commissioners approved ...":
        # the plan is its own act; the earlier act sits in the after-clause
        kept = [t for t in found["announcement"] if t.end <= first and _PLAN_AFTER.search(text[t.end : first])]
        if kept:
            found["announcement"] = kept
        else:
            del found["announcement"]
    if "agency-directive" in found and found.keys() & {"executive-order", "law", "court-order"}:
        del found["agency-directive"]  # "signed the order, ... guidance": one act, the order
    for vehicle in ("agency-directive", "executive-order"):
        if vehicle in found and any(
            0 <= d.start - a.end <= 30 for a in found[vehicle] for d in found.get("deployment", [])
        ):
            del found[vehicle]  # "signed a memorandum on Monday federalizing 200 Guard members": a deployment
    if "court-order" in found and "lawsuit" in found and all(t.event != "filed" for t in found["lawsuit"]):
        del found["lawsuit"]
    return sorted((sorted(c, key=lambda t: t.start) for c in found.values()), key=lambda c: c[0].start)


_PLAN_AFTER = re.compile(r",\s+(?:[\w-]+\s+){0,4}?(?:after|since)\s+(?!the\b)[\w\s'’-]{0,60}$")


def masked(text: str) -> str:
    """The text with abbreviation periods replaced by a same-width mark, so clause patterns read "Gov. Hale"."""
    return lexicon.ABBREVIATION_PERIOD.sub("\\1\u2024", text)


OBJECT_GAP = 10  # characters: an actor right after the first act's verb is its object ("sued DHS on Monday, asking")


def _second_acts(
    s: Sentence, candidates: list[Trigger], first: Trigger, found: list[Draft], actors: list[Actor], ctx: Context
) -> list[Draft]:
    """Another act of the same type by someone else in the same sentence ("the panel denied a stay of the
    injunction Judge X issued on May 8"): a later, separate phrasing whose actor is not the first one's."""
    if not found:
        return []
    out: list[Draft] = []
    done = {d.actor.text for d in found}
    governments = {d.jurisdiction.id for d in found}
    for trigger in candidates:
        if trigger.start < first.end:
            continue
        for draft in _drafts(s, trigger, actors, ctx):
            if draft.action_type == "law" and draft.jurisdiction.id in governments:
                continue  # "the House passed the bill, which the Senate had approved": one bill, one act
            if draft.actor.text not in done and draft.actor.start >= first.end + OBJECT_GAP:
                done.add(draft.actor.text)
                out.append(draft)
    return out


def _negated(text: str, trigger_start: int) -> bool:
    """ "barred the government from sending troops", "her refusal to send the Guard": the act did not happen."""
    if not lexicon.ACT_VERB.match(text, trigger_start):
        return False  # "without a judge's signature, under an order issued ...": the "not" is of another word
    before = text[max(0, trigger_start - 40) : trigger_start]
    described = re.match(
        r"\w+(?:ed|ized)\s+(?:\w+\s+)?(?:National\s+)?Guard|\w+ed\s+(?:troops|soldiers)", text[trigger_start:]
    )
    if described and lexicon.DESCRIBED_TROOPS.search(before):
        return True  # "about 300 federalized Washington Guard members" describes troops already sent
    gerund = re.match(r"\w+ing\b", text[trigger_start:])
    noun = re.match(r"(?:deployment|federalization)\b", text[trigger_start:], re.I)
    return bool(
        lexicon.NEGATED.search(before)
        or (gerund and lexicon.BARRED_FROM.search(before))
        or (noun and lexicon.OBJECT_OF_ANOTHER_ACT.search(before))
    )


def _failed(kind: str, text: str, match: re.Match[str]) -> bool:
    """A vote that failed ("failed on a 4-4 vote", "deadlocked 2-2") in the act's own clause is no law."""
    if kind != "law":
        return False
    start = max(text.rfind(sep, 0, match.start()) for sep in (";", " — ", ". ", ", "))
    ends = [i for i in (text.find(sep, match.end()) for sep in (";", " — ", ". ", ", ")) if i >= 0]
    return bool(lexicon.FAILED_VOTE.search(text[start + 1 : min(ends) if ends else len(text)]))


def _hedged(text: str, trigger_end: int) -> bool:
    """A proposal, a demand by others, a conditional: hedging words in the clause up to the trigger."""
    clause_start = max(text.rfind(sep, 0, trigger_end) for sep in (";", " — ", ": "))
    if lexicon.CONDITION_AFTER.match(text, trigger_end):
        return True
    return bool(lexicon.NOT_AN_ACTION.search(text[clause_start + 1 : trigger_end + 20]))


def _drafts(s: Sentence, trigger: Trigger, actors: list[Actor], ctx: Context) -> list[Draft]:
    """One draft per acting government ("Johnson and Pritzker plan to sue" is two)."""
    kind = trigger.kind
    subjects = _subjects(s, trigger, actors, ctx)
    if kind == "court-order" and not any(a.role == "judge" for a in subjects):
        subjects = [a for a in actors if a.role == "judge"][:1]
    if kind != "court-order":
        subjects = [a for a in subjects if a.role != "judge"]
    conjunction = _JOINED_AND.search(s.text[: subjects[0].start]) if kind == "lawsuit" and subjects else None
    if conjunction:  # "Illinois and the city of Chicago sued"
        joined = _place_as_subject(s, conjunction.start())
        subjects = [
            a for a in joined if a.place and a.place.id not in {b.place.id for b in subjects if b.place}
        ] + subjects
    if kind in lexicon.ACTING_LEVELS:
        subjects = [a for a in subjects if a.level in lexicon.ACTING_LEVELS[kind]]
    subjects = [a for a in subjects if a.role not in lexicon.NOT_ACTING_ROLES.get(kind, ())]
    if not subjects and not lexicon.NON_GOVERNMENT.search(s.text[: trigger.start]):
        subjects = _implied_actor(s, trigger, ctx)
    if not subjects and s.post and lexicon.FIRST_PERSON.search(s.text):
        subjects = [a for a in [_poster(s.post, ctx)] if a]  # "I will use every tool I have": the poster
    if not subjects and _DEFINITE.search(s.text[max(0, trigger.start - 30) : trigger.end]):
        subjects = [d.actor for d in ctx.drafts if d.action_type == kind][-1:]  # "The memo, dated Jan. 29, ..."
    subjects = [a for a in subjects if not _members(s.text, a)]
    if kind == "announcement" and _REFERS_BACK.search(s.text[: trigger.end + 40]):
        done = {d.jurisdiction.id for d in ctx.drafts if d.action_type not in ("announcement", "court-order")}
        subjects = [a for a in subjects if (a.place or FEDERAL).id not in done]  # "announcing the order" it signed
    out = []
    for actor in subjects:
        when = _date_for(s, trigger, ctx, actor)
        post = s.post or _post_reported(s, actor, ctx)
        if when.date is None and post and post.when and (s.post or not when.text):
            when = When(post.when, "day", post.when_text)  # an act posted online is dated by its post
        out.append(
            Draft(
                _kind_for(kind, actor, s.text[trigger.start : trigger.end], s.text[trigger.end :]),
                trigger.event,
                actor,
                _targets(s, actor, ctx),
                when.date,
                when.precision,
                when.text,
                [],
                [s.text],
                sentence=s.index,
                anchor=when.anchor,
                weak_date=when.weak,
                head_only=s.head,
            )
        )
    if _ANOTHER.search(s.text[max(0, trigger.start - 20) : trigger.end]):
        for draft in out:  # "she signed a second executive order": never the first one
            draft.copy = 1
    return out + _copies(out, s.text[trigger.start : trigger.end])


_ANOTHER = re.compile(
    r"\b(?:a\s+second|another|a\s+separate|an\s+additional)\s+(?:new\s+)?(?:executive\s+)?order\b", re.I
)


_COUNTED = re.compile(
    r"\b(two|three|four|a\s+pair\s+of|both)\s+(?:new\s+|separate\s+)?(?:executive\s+|mayoral\s+)?orders\b", re.I
)


def _copies(drafts: list[Draft], words: str) -> list[Draft]:
    """ "signed two executive orders on Thursday": two acts, the same in everything but their provisions."""
    counted = _COUNTED.search(words)
    if not counted or not drafts or drafts[0].action_type != "executive-order":
        return []
    n = {"two": 2, "three": 3, "four": 4}.get(counted[1].lower(), 2)  # "a pair of"
    return [dataclasses.replace(d, copy=i, evidence=list(d.evidence)) for i in range(1, n) for d in drafts]


def _members(text: str, actor: Actor) -> bool:
    """ "two county supervisors said they would ask the board": members speaking, not the body acting."""
    if actor.role not in ("council", "legislature", "county"):
        return False
    if re.match(r"\s+(?:member|members|president|chair(?:man|woman)?|vice\b)", text[actor.end :], re.I):
        return True  # "Metro Council member Darnell Pierre said he would ask the council"
    window = text[max(0, actor.start - 25) : actor.end]
    found = lexicon.MEMBERS.search(window)
    return bool(found and found.end() >= len(window) - 1)


def _kind_for(kind: str, actor: Actor, words: str, after: str) -> str:
    """An order a governor, mayor or president issues is an executive order, whoever else's would be a directive;
    a sheriff or chief announcing what their officers will do is instructing them."""
    if (
        kind == "agency-directive"
        and actor.role in ("governor", "mayor", "president")
        and re.search(r"\border(?:ed|ing)?\b", words)
    ):
        return "executive-order"
    if kind == "announcement" and _commands_officers(actor) and lexicon.OFFICERS_WILL.match(words + after):
        return "agency-directive"
    if kind == "law" and re.search(r"\bvoted\b", words) and _VOTE_TO_SUE.match(after):
        return "lawsuit"  # VOTE_TO_SUE: "voted 3-2 to authorize the county attorney to file a lawsuit"
    if kind == "law" and actor.role == "attorney-general" and re.search(r"\bletter\b", words + after):
        return "agency-directive"  # an attorney general makes no law: the letter about one is the act
    if kind == "law" and _commands_officers(actor) and not _LEGISLATED.search(words):
        return "agency-directive"  # SHERIFF_ACTS: a sheriff's memo, agreement or jail instruction makes no law
    if kind == "agency-directive" and _COUNTY_EXECUTIVE.search(actor.text) and re.search(r"order", words):
        return "executive-order"  # a county executive's order, like a governor's or mayor's
    return kind


_VOTE_TO_SUE = re.compile(
    r"[^.;]{0,50}?\bto\s+(?:file\s+(?:a\s+)?(?:lawsuit|suit|legal\s+challenge)|sue|go\s+to\s+court)\b"
)
_LEGISLATED = re.compile(r"\b(?:adopt|pass|vot|enact|resolution|ordinance|bill|measure)", re.I)
_COUNTY_EXECUTIVE = re.compile(r"County\s+(?:Executive|Mayor|Judge)|county\s+executive")


def _commands_officers(actor: Actor) -> bool:
    return actor.role == "police" or bool(re.search(r"\bSheriff\b", actor.text, re.I))


def _poster(post: Post, ctx: Context) -> Actor | None:
    """The government actor who wrote an embedded post, from its attribution line ("— Gov. Jane Doe (@GovDoe)")."""
    surname = post.who.split()[-1] if post.who.split() else ""
    if surname in ctx.people:
        return ctx.people[surname]
    for level, role, pattern in lexicon.GOVERNMENT_ACTORS:
        if pattern.search(post.who):
            return Actor(post.who, level, role, FEDERAL if level == "federal" else ctx.main.get(level))
    return None


def _post_reported(s: Sentence, actor: Actor, ctx: Context) -> Post | None:
    """ "The sheriff announced in a post on social media that ...": the embedded post that follows, or the actor's."""
    if not lexicon.POSTED.search(s.text):
        return None
    surname = actor.text.split()[-1] if actor.text.split() else ""
    for post in ctx.posts:
        if (surname and surname in post.who) or 0 <= post.start - (s.start + len(s.text)) <= 800:
            return post
    return None


# A definite mention of an act the article already reported ("The memo, dated ...", "That directive, sent ...").
_DEFINITE = re.compile(
    r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}(?:memo(?:randum)?|directive|letter|guidance|bulletin)\b", re.I
)
_REFERS_BACK = re.compile(
    r"\b(?:the|its|his|her|that)\s+(?:executive\s+)?(?:order|ordinance|law|bill|memo|directive|ruling|suit|lawsuit|measure)\b",
    re.I,
)


_PERFECT_BEFORE = re.compile(r"\b(?:has|had|have)\s+(?:already\s+|quietly\s+|formally\s+)?$")
# "said Monday", "said in a statement Thursday", "told reporters Friday": the date of the saying.
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}|announced|wrote|posted|stated)"
    r"(?:\s+(?:in|at|during)\s+(?:a|an|the|his|her|its)\s+(?:[\w-]+\s+){0,3}?(?:statement|interview|news\s+conference|post|briefing|release|letter|speech|address))?\s+$"
    r"|\b(?:in|during)\s+(?:(?:a|an|the|his|her|its)\s+)?(?:[\w-]+\s+)?(?:remarks|interview|statement|post)\s+$"
)


def _date_for(s: Sentence, trigger: Trigger, ctx: Context, actor: Actor | None = None) -> When:
    """The date nearest the act's words; for a plan or threat, the date it was stated (before its words)."""
    usable = [m for m in s.dates if is_action_date(s.text, m)]
    offsets = [m for m in s.dates if m.kind == "offset"]
    if offsets:
        start, end = offsets[0].start, _clause_end(s.text, offsets[0])
        act_is_main = not offsets[0].end <= trigger.start < end
        outside = [m for m in usable if not start <= m.start < end]
        if act_is_main and outside:
            usable = outside  # "signed an order on Wednesday, a day after the governor spoke": Wednesday
        else:
            when = _offset_date(s, offsets[0], trigger, ctx)
            if when:
                return when
    if actor is not None and trigger.event not in ("threatened", "announced"):
        # "Smith said Monday ... an order issued by Gov. Hale": Monday is when Smith spoke
        usable = [m for m in usable if not (actor.start > m.end and _SPEECH_BEFORE.search(s.text[: m.start]))]
    perfect = trigger.kind != "announcement" and bool(_PERFECT_BEFORE.search(s.text[: trigger.start]))
    if trigger.event in ("threatened", "announced"):
        # "said Wednesday that ...", "announced on Friday": the date it was said; later dates are the plan's
        usable = [m for m in usable if m.start < trigger.start] or [
            m for m in usable if m.start - trigger.end <= 15 or _SPEECH_BEFORE.search(s.text[: m.start])
        ]
    others = [t for t in s.triggers if t.kind != trigger.kind]
    # "issued a restraining order last week, finding ... when he sent the Guard": a date far from the act's words
    # and nearer another act's is that act's.
    usable = [
        m
        for m in usable
        if _distance(m, trigger) <= FAR or not any(_distance(m, o) < _distance(m, trigger) for o in others)
    ]
    # "Jail officials were sorting paperwork Tuesday, after a judge declined to halt the order": Tuesday is the
    # main clause's; the act in the after-clause came before it.
    usable = [m for m in usable if not (m.end < trigger.start and _AFTER_CLAUSE.search(s.text, m.end, trigger.start))]
    # "The panel vacated an injunction that Judge X issued in January": January is the judge's act, not the panel's.
    usable = [m for m in usable if not (m.start >= trigger.end and _RELATIVE_ACT.search(s.text[trigger.end : m.start]))]
    later = [m for m in s.dates if m.kind == "later"]
    if not usable and later:  # "A day later, the sheriff ...": a day after what the article dated last
        base = ctx.last_date
        if re.search(r"signing|ceremony", later[0].text, re.I):  # "At the same signing": the last signing's day
            signed = [
                d for d in ctx.drafts if d.date and d.date_precision == "day" and re.search(r"\bsign", d.evidence[-1])
            ]
            base = signed[-1].date if signed else None
        return When(base + dt.timedelta(days=later[0].offset) if base else None, "day", later[0].text)
    same_month = _THAT_MONTH.search(s.text, 0, trigger.start)
    if not usable and same_month and ctx.last_month:  # THAT_MONTH: "That month, DHS issued a directive"
        return When(ctx.last_month, "month", same_month[0])
    if not usable:
        unresolved = [m for m in s.dates if m.kind != "offset" and not m.resolved and not m.future]
        return When(None, "day", unresolved[0].text) if unresolved else When()  # a null date is a day's
    best = min(usable, key=lambda m: min(abs(m.start - trigger.start), abs(m.start - trigger.end)))
    # "announced on Friday that she has ended the agreement": Friday is when it was said; the act may be older,
    # so the date yields to one the article gives the act elsewhere.
    weak = perfect and best.end < trigger.start and bool(_SPEECH_BEFORE.search(s.text[: best.start]))
    return When(best.date, best.precision, best.text, weak=weak)


_THAT_MONTH = re.compile(r"(?:^|[,;]\s+)(?:That|that|the\s+same|The\s+same)\s+month\b")
_AFTER_CLAUSE = re.compile(r",\s+(?:days\s+|weeks\s+|hours\s+|shortly\s+|just\s+)?(?:after|since|following)\s+")
# the date follows a relative clause's own subject and verb, after the act's words
_RELATIVE_ACT = re.compile(
    r"\b(?:that|which)\s+(?:[\w.'’-]+\s+){1,6}?(?:issued|signed|filed|granted|passed|approved|entered|imposed|adopted|sent)\s+$"
)
FAR = 60  # characters: a date this far from an act's words may belong to another act of the sentence


def _distance(m: DateMention, t: Trigger) -> int:
    return 0 if t.start <= m.start < t.end else min(abs(m.start - t.end), abs(t.start - m.end))


def _clause_end(text: str, offset: DateMention) -> int:
    comma = text.find(", ", offset.end)
    return comma if comma > 0 else len(text)


def _offset_date(s: Sentence, offset: DateMention, trigger: Trigger, ctx: Context) -> When | None:
    """ "A came a day after B": dates B from A when the act is B, or A from B when the act is A.

    The "after" clause runs to the next comma ("A day after the raid, the mayor signed ...") or to the end
    ("Her comments came a day after the mayor signed ...").
    """
    comma = s.text.find(", ", offset.end)
    clause_end = comma if comma > 0 else len(s.text)
    words = " ".join(s.text[offset.end : clause_end].split()[:6])
    main = s.text[: offset.start] + " " * (clause_end - offset.start) + s.text[clause_end:]
    if offset.end <= trigger.start < clause_end:  # the act is B: count back from A
        own = [m for m in s.dates if m.resolved and offset.end <= m.start < clause_end and is_action_date(s.text, m)]
        if own:  # "a day after the governor deployed 250 troops on Thursday": B's own date
            return When(own[0].date, own[0].precision, own[0].text)
        stated = [
            m for m in s.dates if m.resolved and not offset.start <= m.start < clause_end and is_action_date(s.text, m)
        ]
        if stated:
            base = stated[0].date
        elif not _triggers(main.strip()):
            base = ctx.last_date  # "Her comments came ...": A is what the article last dated
        else:
            return When(None, "day", None)
        return When(base - dt.timedelta(days=offset.offset), "day", offset.text) if base else None
    inside = [m.date for m in s.dates if m.resolved and m.date and offset.end <= m.start < clause_end]
    if inside:
        return When(inside[0] + dt.timedelta(days=offset.offset), "day", offset.text)
    anchor_words = frozenset(_stems(words))
    return When(None, "day", f"{offset.text} {words}".strip(), anchor=(offset.offset, anchor_words))


def _stems(text: str) -> set[str]:
    """Words of four letters or more, without -ing/-ed/-s: "the signing" names the act "signed"."""
    return {re.sub(r"(?:ing|ed|es|s)$", "", w.lower()) for w in re.findall(r"[A-Za-z]{4,}", text)}


def _resolve_anchors(drafts: list[Draft]) -> None:
    """Date "two days after the President's order" from the act that phrase names, once all acts are known."""
    for draft in drafts:
        if draft.date or not draft.anchor:
            continue
        days, words = draft.anchor
        best, best_score = None, 0
        for other in drafts:
            if other is draft or other.date is None:
                continue
            actor_words = _stems(other.actor.text)
            text_words = _stems(" ".join(other.evidence))
            score = 2 * len(words & actor_words) + len(words & text_words)
            if score > best_score:
                best, best_score = other, score
        if best is not None and best.date is not None:
            draft.date, draft.date_precision = best.date + dt.timedelta(days=days), "day"


def _implied_actor(s: Sentence, trigger: Trigger, ctx: Context) -> list[Actor]:
    """Passive acts that name no one: an ordinance is a council's, a state's Guard is its governor's."""
    words = s.text[trigger.start : trigger.end]
    if trigger.kind == "law" and re.search(r"\bordinance\b", words, re.I):
        place = ctx.main.get("city") or ctx.main.get("county")
        if place:
            return [
                Actor(
                    f"{place.name.split(',')[0]} {'City Council' if place.level == 'city' else 'County Board'}",
                    place.level,
                    "council",
                    place,
                )
            ]
    if trigger.kind == "lawsuit":
        filed = re.search(r"\b(?:had\s+)?filed\b", s.text[trigger.start : trigger.end])
        end = trigger.start + filed.start() if filed and filed.start() > 0 else trigger.start
        return _place_as_subject(s, end) or _place_as_subject(s, trigger.start)  # "the lawsuit Chicago filed"
    if trigger.kind == "deployment":
        placed = [a for a in _place_as_subject(s, trigger.start) if a.level == "state"]
        if placed:  # "Florida has dispatched 20 guardsmen": the state's governor
            return [Actor(a.text, "state", "governor", a.place, a.start, a.end) for a in placed]
    if trigger.kind == "deployment":
        guard = re.search(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+National\s+Guard\b", s.text)
        if guard and guard[1] in state_names() and not re.search(r"federaliz|federal\s+service", s.text, re.I):
            home = state(state_names()[guard[1]])
            return [Actor(f"Governor of {home.name}", "state", "governor", home)]
    return []


_JOINED_AND = re.compile(r",?\s+and\s+$")
_PLAINTIFF_GAP = re.compile(r"(?:\s*,?\s*(?:also|has|have|had|formally|officially|first|quickly|on|and)\b)*\s*,?\s*")


def _place_as_subject(s: Sentence, end: int) -> list[Actor]:
    """ "Boise sued in April", "Illinois and Chicago sued": a state, county or city named as the subject."""
    text = s.text
    for d in s.dates:  # "Illinois on Monday sued": a date between the place and the verb
        text = text[: d.start] + " " * (d.end - d.start) + text[d.end :]
    out: list[Actor] = []
    for m in reversed([m for m in s.places if m.end <= end]):
        if not _PLAINTIFF_GAP.fullmatch(text[m.end : end]) or (out and "and" not in text[m.end : end]):
            break
        if m.start > 0 and re.search(r"\b(?:in|of|from|against|to|at|for|by)\s+$", text[: m.start]):
            break  # "a suit in Chicago", "residents of Maine sued"
        out.insert(0, Actor(s.text[m.start : m.end], m.place.level, "government", m.place, m.start, m.end))
        end = m.start
    return out


def _targets(s: Sentence, actor: Actor, ctx: Context) -> list[Place]:
    own = actor.place or FEDERAL
    named = [m.place for m in s.places if m.place.id != own.id or own.level != "federal"]
    places: list[Place] = []
    for place in named or (
        [own] if own.level != "federal" else [p for p in (ctx.main.get("city"), ctx.main.get("state")) if p][:1]
    ):
        if place.id not in {p.id for p in places}:
            places.append(place)
    return places


def _without_echoes(drafts: list[Draft]) -> list[Draft]:
    """Announcements that only echo an act the article reports: DHS saying "Operation X" would bring agents (the
    operation), "the mayor announced the order" (the order), "she would sign it" (the bill)."""
    running = {d.jurisdiction.id for d in drafts if d.action_type == "enforcement-operation"}
    acted = {d.jurisdiction.id for d in drafts if d.action_type not in ("announcement", "lawsuit", "court-order")}
    laws = any(d.action_type == "law" for d in drafts)

    def echo(d: Draft) -> bool:
        if d.action_type != "announcement":
            return False
        said = d.evidence[0]
        return bool(
            (_operation_names(d) and d.jurisdiction.id in running)
            or (_ANNOUNCED_ACT.search(said) and d.jurisdiction.id in acted)
            or (laws and _WILL_SIGN_IT.search(said))
        )

    return [d for d in drafts if not echo(d)]


# "said she would sign it Wednesday": a step of the bill the article reports, not an act of its own.
_WILL_SIGN_IT = re.compile(
    r"\b(?:would|will|plans\s+to|intends\s+to)\s+sign\s+(?:it|the\s+(?:ordinance|bill|measure|resolution|legislation))\b",
    re.I,
)
# "The mayor announced the order in a post": announcing an act the article reports is that act.
_ANNOUNCED_ACT = re.compile(
    r"\bannounc\w+\s+(?:the|her|his|its|their)\s+(?:new\s+)?(?:executive\s+)?(?:order|ordinance|law|directive|memo|policy|decision|deployment|activation|mobilization)\b",
    re.I,
)


def _operation_names(draft: Draft) -> set[str]:
    return set(re.findall(r"\bOperation\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?", " ".join(draft.evidence)))


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One draft per act: same type and acting government, and no conflicting dates."""
    out: list[Draft] = []
    for draft in drafts:
        twin = next((d for d in out if _same_act(d, draft)), None)
        if twin is None:
            out.append(draft)
            continue
        if draft.date is not None and (twin.date is None or (twin.weak_date and not draft.weak_date)):
            twin.date, twin.date_precision, twin.date_text = draft.date, draft.date_precision, draft.date_text
            twin.weak_date = draft.weak_date
        twin.evidence += [e for e in draft.evidence if e not in twin.evidence]
        twin.head_only = twin.head_only and draft.head_only
        twin.places += [p for p in draft.places if p.id not in {q.id for q in twin.places}]
    return out


def _same_act(a: Draft, b: Draft) -> bool:
    if a.action_type != b.action_type or a.jurisdiction.id != b.jurisdiction.id or a.copy != b.copy:
        return False
    if _person(a.actor) and _person(b.actor) and _person(a.actor) != _person(b.actor):
        return False  # Noem's announcement and Trump's warning are two acts of the same government
    if a.action_type == "court-order" and _tier(a.actor) != _tier(b.actor):
        return False  # the Supreme Court's order and the district judge's injunction it left in place
    if a.date and b.date:
        return a.date == b.date or a.weak_date or b.weak_date
    return True


def _tier(actor: Actor) -> str:
    """Which court: a supreme court, an appeals court, or a trial court (a judge, a district or county court)."""
    if re.search(r"\bSupreme\s+Court\b|\bjustices\b", actor.text, re.I):
        return "supreme"
    if re.search(r"\b(?:appeals?|appellate|circuit|panel)\b", actor.text, re.I) and not re.search(
        r"\bCircuit\s+(?:Court\s+)?Judge\b|\bCircuit\s+Court\b(?!\s+of\s+Appeals)", actor.text
    ):
        return "appeals"
    return "trial"


def _person(actor: Actor) -> str | None:
    """The surname of a named official, or None for an office or body ("the governor", "DHS")."""
    words = actor.text.split()
    if actor.role in lexicon.PERSON_ROLES and len(words) >= 2 and words[-1][:1].isupper() and not words[0].islower():
        return None if _INSTITUTION.match(words[-1]) else words[-1]
    return None


_INSTITUTION = re.compile(
    r"(?:Court|Council|Department|Office|Board|Commission|Circuit|Appeals|Patrol|Police|Administration|House|Senate)$"
)


# --- what it requires ---------------------------------------------------------------------------


def _provisions(draft: Draft, sentences: list[Sentence], drafts: list[Draft]) -> list[Provision]:
    starts = sorted({d.sentence for d in drafts if d is not draft and d.sentence > draft.sentence})
    stop = min([draft.sentence + PROVISION_WINDOW + 1] + starts)
    window = [s for s in sentences if draft.sentence <= s.index < stop]
    out: list[Provision] = []
    last_who = ""
    for s in window:
        for kind, who, clause in _requirements(s.text):  # clause and who are verbatim: masking keeps offsets
            if who.lower() in lexicon.PRONOUNS:
                who = last_who or who
            if lexicon.ACT_NOUNS.match(who) or not who:
                continue
            last_who = who
            topics = [t for t, p in lexicon.TOPICS.items() if p.search(clause)]
            out.append(Provision(clause, who, kind, topics, s.text))
    return out


def _requirements(sentence: str) -> list[tuple[str, str, str]]:
    """(requirement, who, clause) for each deontic verb in the sentence, in order."""
    hits: list[tuple[int, int, str, str]] = []
    readable = masked(sentence)
    for kind, pattern in lexicon.REQUIREMENTS:
        for match in pattern.finditer(readable):
            who = _clean_who(sentence[match.start("who") : match.end("who")])
            start = (
                match.start("who")
                if match.start() == match.start("who") or sentence[match.start()] in ",;"
                else match.start()
            )
            if any(s <= match.start() < e for s, e, _, _ in hits) or not who:
                continue
            hits.append((start, match.end(), kind, who))
    hits.sort()
    out = []
    for i, (start, _end, kind, who) in enumerate(hits):
        end = hits[i + 1][0] if i + 1 < len(hits) else len(sentence)
        clause = sentence[start:end].strip(" ,;.").removesuffix(" and").strip()
        out.append((kind, who, clause))
    return out


def _clean_who(who: str) -> str:
    who = re.sub(
        r"^(?:also|further|and|that|which|under\s+the\s+\w+|the\s+(?:order|law|bill|ruling)\s+also)\s+",
        "",
        who.strip(),
        flags=re.I,
    )
    who = re.sub(r"^(?:the|all|any)\s+", "", who, flags=re.I).strip()
    if len(who.split()) > 9 or re.search(r"\b(?:said|says|told)\b", who):
        return ""
    return who


def _topics(draft: Draft) -> list[str]:
    text = " ".join(draft.evidence + [p.text for p in draft.provisions])
    topics = list(vocabulary.current().type_topics.get(draft.action_type, ()))
    topics += [t for t, pattern in lexicon.TOPICS.items() if pattern.search(text) and t not in topics]
    for p in draft.provisions:
        topics += [t for t in p.topics if t not in topics]
    return topics
